import { isClusterInput, MaasClusterDefinition, MaasMachinePool } from './maas-cluster';
import { placeholder, profileUidPlaceholder } from './placeholders';

/**
 * `v1SpectroMaasClusterEntity`, the body of `POST /v1/spectroclusters/maas` and of its
 * `/validate` (deploy.md §1.1; Palette APIs 4.8). Field names as the API model spells them.
 */
export interface SpectroMaasClusterEntity {
  metadata: { name: string; labels: Record<string, string>; annotations: { description: string } };
  spec: {
    cloudAccountUid: string;
    cloudConfig: { domain: string; ntpServers?: string[]; sshKeys?: string[] };
    clusterConfig?: { timezone: string };
    machinepoolconfig: MaasMachinePoolConfigEntity[];
    profiles: { uid: string; variables?: { name: string; value: string }[] }[];
    policies?: {
      backupPolicy?: {
        backupLocationUid: string;
        backupLocationName: string;
        backupPrefix: string;
        durationInHours: number;
        includeAllDisks: boolean;
        schedule: { scheduledRunTime: string };
      };
      scanPolicy?: {
        kubeBench: { schedule: { scheduledRunTime: string } };
        kubeHunter: { schedule: { scheduledRunTime: string } };
        sonobuoy: { schedule: { scheduledRunTime: string } };
      };
    };
  };
}

/** `v1MaasMachinePoolConfigEntity`. */
export interface MaasMachinePoolConfigEntity {
  cloudConfig: { azs: string[]; instanceType: { minCPU: number; minMemInMB: number }; resourcePool: string; tags?: string[] };
  poolConfig: {
    name: string;
    size: number;
    minSize: number;
    maxSize: number;
    isControlPlane: boolean;
    labels: string[];
    useControlPlaneAsWorker: boolean;
  };
}

/**
 * The cluster as the Palette API payload, with named placeholders (see `placeholders.ts`) for
 * the profile, cloud account and backup location uids and for every input variable: the file
 * holds no secret and no environment-specific uid.
 */
export function maasClusterPayload(c: MaasClusterDefinition): SpectroMaasClusterEntity {
  const spec: SpectroMaasClusterEntity['spec'] = {
    cloudAccountUid: placeholder('cloud-account-uid', c.cloudAccount),
    cloudConfig: {
      domain: c.domain,
      ...(c.ntpServers.length ? { ntpServers: [...c.ntpServers] } : {}),
      ...(c.sshKeys.length ? { sshKeys: [...c.sshKeys] } : {}),
    },
    machinepoolconfig: c.pools.map(machinePoolConfig),
    profiles: c.profiles.map((p) => ({
      uid: profileUidPlaceholder(p.name, p.version),
      ...(p.variables.length
        ? { variables: p.variables.map((v) => ({ name: v.name, value: isClusterInput(v) ? placeholder('variable', v.name) : v.value })) }
        : {}),
    })),
  };
  if (c.timeZone !== undefined) spec.clusterConfig = { timezone: c.timeZone };
  if (c.backup || c.scans) {
    spec.policies = {};
    if (c.backup) {
      // deploy.md backup mapping: backup_location_id -> backupLocationUid, prefix -> backupPrefix, expiry_in_hour -> durationInHours, include_disks -> includeAllDisks.
      spec.policies.backupPolicy = {
        backupLocationUid: placeholder('backup-location-uid', c.backup.location),
        backupLocationName: c.backup.location,
        backupPrefix: c.backup.prefix,
        durationInHours: c.backup.expiryHours,
        includeAllDisks: c.backup.includeDisks,
        schedule: { scheduledRunTime: c.backup.schedule },
      };
    }
    if (c.scans) {
      // configuration -> kubeBench, penetration -> kubeHunter, conformance -> sonobuoy.
      spec.policies.scanPolicy = {
        kubeBench: { schedule: { scheduledRunTime: c.scans.configuration } },
        kubeHunter: { schedule: { scheduledRunTime: c.scans.penetration } },
        sonobuoy: { schedule: { scheduledRunTime: c.scans.conformance } },
      };
    }
  }
  return { metadata: { name: c.name, labels: tagsToLabels(c.tags), annotations: { description: c.description } }, spec };
}

/** The payload's text: keys sorted, two-space indent, final newline. */
export function maasClusterPayloadJson(c: MaasClusterDefinition): string {
  return JSON.stringify(sortKeys(maasClusterPayload(c)), null, 2) + '\n';
}

/** `toMachinePoolMaas`: labels `control-plane` or `worker`, min and max size the count. */
function machinePoolConfig(p: MaasMachinePool): MaasMachinePoolConfigEntity {
  return {
    cloudConfig: {
      azs: [...p.azs],
      instanceType: { minCPU: p.minCpu, minMemInMB: p.minMemoryMiB },
      resourcePool: p.resourcePool,
      ...(p.nodeTags.length ? { tags: [...p.nodeTags] } : {}),
    },
    poolConfig: {
      name: p.name,
      size: p.count,
      minSize: p.count,
      maxSize: p.count,
      isControlPlane: p.controlPlane,
      labels: [p.controlPlane ? 'control-plane' : 'worker'],
      useControlPlaneAsWorker: false,
    },
  };
}

/** `toTags`: `k:v` becomes `{k: v}`, a bare `k` becomes `{k: "spectro__tag"}`. */
function tagsToLabels(tags: readonly string[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const tag of tags) {
    const i = tag.indexOf(':');
    labels[i < 0 ? tag : tag.slice(0, i)] = i < 0 ? 'spectro__tag' : tag.slice(i + 1);
  }
  return labels;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    return Object.fromEntries(Object.keys(o).sort().map((k) => [k, sortKeys(o[k])]));
  }
  return v;
}
