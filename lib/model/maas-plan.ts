import { MaasMachinePool } from '../palette/cluster/maas-cluster';
import { RA_DEFAULTS } from './ra-defaults';
import { MaasPoolSettings, MaasSettings } from './site-props';

/** A machine pool with its defaults filled in, and the settings it comes from (for findings). */
export interface MaasPoolPlan extends MaasMachinePool {
  /** The site setting of the pool, e.g. `maas.workerPools[1]` or `maas.controlPlane`. */
  readonly setting: string;
  /** The setting its count comes from: `nodes.controlPlane`, `nodes.workers` or `maas.workerPools[i].count`. */
  readonly countSetting: string;
  /** The setting its availability zones come from. */
  readonly azsSetting: string;
}

/** The MAAS side of a site, defaults filled in. */
export interface MaasPlan {
  readonly domain: string;
  readonly cloudAccount: string;
  /** Control plane first, then the worker pools in the site's order. */
  readonly pools: readonly MaasPoolPlan[];
  readonly ntpServers: readonly string[];
  readonly sshKeys: readonly string[];
  readonly timeZone?: string;
  readonly backup?: { readonly location: string; readonly schedule: string; readonly expiryHours: number; readonly prefix: string; readonly includeDisks: boolean };
  readonly scans?: { readonly configuration: string; readonly penetration: string; readonly conformance: string };
}

const MIB_PER_GB = 1024;

/**
 * The control-plane machine size for a worker count: the RA sizing row (seed 002 "Hardware
 * resources"), the last row beyond the table (CAP-001 warns there).
 */
export function controlPlaneMinimum(workers: number): { readonly cpu: number; readonly memoryMiB: number } {
  const table = RA_DEFAULTS.controlPlaneSizing;
  const row = table.find((r) => workers <= r.workers) ?? table[table.length - 1];
  return { cpu: row.cores, memoryMiB: row.memoryGB * MIB_PER_GB };
}

/**
 * The MAAS plan of a site: the RA's resource pools (`control-plane`, `worker-pool`) and machine
 * sizes (the control-plane sizing row for the worker count; the worker minimum spec) unless
 * given; one worker pool of `nodes.workers` unless the site lists its pools.
 */
export function planMaas(m: MaasSettings, nodes: { readonly controlPlane: number; readonly workers: number }, siteName: string): MaasPlan {
  const d = RA_DEFAULTS.maas;
  const siteAzs = m.availabilityZones ?? [];
  const cp = controlPlaneMinimum(nodes.workers);
  const pool = (
    s: MaasPoolSettings,
    setting: string,
    fixed: { name: string; controlPlane: boolean; count: number; countSetting: string; resourcePool: string; cpu: number; memoryMiB: number },
  ): MaasPoolPlan => ({
    name: fixed.name,
    controlPlane: fixed.controlPlane,
    count: fixed.count,
    azs: s.availabilityZones ?? siteAzs,
    azsSetting: s.availabilityZones ? `${setting}.availabilityZones` : 'maas.availabilityZones',
    resourcePool: s.resourcePool ?? fixed.resourcePool,
    minCpu: s.minCpu ?? fixed.cpu,
    minMemoryMiB: s.minMemoryMiB ?? fixed.memoryMiB,
    nodeTags: s.nodeTags ?? [],
    setting,
    countSetting: fixed.countSetting,
  });
  const workerDefaults = { controlPlane: false, resourcePool: d.resourcePools.workers, cpu: d.workerMinimum.cpu, memoryMiB: d.workerMinimum.memoryGB * MIB_PER_GB };
  const workers = m.workerPools?.length
    ? m.workerPools.map((w, i) => pool(w, `maas.workerPools[${i}]`, { ...workerDefaults, name: w.name, count: w.count, countSetting: `maas.workerPools[${i}].count` }))
    : [pool({}, 'maas.workerPools', { ...workerDefaults, name: d.machinePools.workers, count: nodes.workers, countSetting: 'nodes.workers' })];
  return {
    domain: m.domain,
    cloudAccount: m.cloudAccount,
    pools: [
      pool(m.controlPlane ?? {}, 'maas.controlPlane', {
        name: d.machinePools.controlPlane,
        controlPlane: true,
        count: nodes.controlPlane,
        countSetting: 'nodes.controlPlane',
        resourcePool: d.resourcePools.controlPlane,
        cpu: cp.cpu,
        memoryMiB: cp.memoryMiB,
      }),
      ...workers,
    ],
    ntpServers: m.ntpServers ?? [],
    sshKeys: m.sshKeys ?? [],
    ...(m.timeZone !== undefined ? { timeZone: m.timeZone } : {}),
    ...(m.backup
      ? {
          backup: {
            location: m.backup.location,
            schedule: m.backup.schedule,
            expiryHours: m.backup.expiryHours,
            prefix: m.backup.prefix ?? siteName,
            includeDisks: m.backup.includeDisks ?? true,
          },
        }
      : {}),
    ...(m.scans ? { scans: { configuration: m.scans.configuration, penetration: m.scans.penetration, conformance: m.scans.conformance } } : {}),
  };
}
