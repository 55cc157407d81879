import { clusterProfileStack, clusterProfileUse, MaasClusterDefinition } from '../palette/cluster/maas-cluster';
import { RenderedSite } from '../palette/rendered';
import { HostNetworkPlan } from './host-network';
import { MaasPlan } from './maas-plan';

/** What a site's MAAS cluster is built from besides its profiles. */
export interface MaasClusterHosts {
  readonly network: HostNetworkPlan;
  readonly maas?: MaasPlan;
}

/**
 * The MAAS cluster of a VMO site, or undefined when the site does not describe one: its
 * machine pools from the MAAS plan, the profiles in dependency order with the site's variable
 * values, and, for hosts with more than one NIC, the mgmt subnet as the gateway's preferred
 * subnet (the node IPs live there: RA "Network configuration").
 */
export function maasClusterOf(rendered: RenderedSite, hosts: MaasClusterHosts): MaasClusterDefinition | undefined {
  const m = hosts.maas;
  if (!m) return undefined;
  const nics = hosts.network.interfaces.filter((i) => i.kind === 'physical').length;
  return {
    name: rendered.name,
    description: `VMO on MAAS, site ${rendered.name} (RA rev 1.7)`,
    tags: ['vmo', `site:${rendered.name}`],
    cloudAccount: m.cloudAccount,
    domain: m.domain,
    ntpServers: m.ntpServers,
    sshKeys: m.sshKeys,
    ...(m.timeZone !== undefined ? { timeZone: m.timeZone } : {}),
    pools: m.pools.map((p) => ({
      name: p.name,
      controlPlane: p.controlPlane,
      count: p.count,
      azs: p.azs,
      resourcePool: p.resourcePool,
      minCpu: p.minCpu,
      minMemoryMiB: p.minMemoryMiB,
      nodeTags: p.nodeTags,
    })),
    profiles: clusterProfileStack(rendered).map(clusterProfileUse),
    ...(m.backup ? { backup: m.backup } : {}),
    ...(m.scans ? { scans: m.scans } : {}),
    ...(nics > 1 ? { preferredSubnets: [hosts.network.mgmt.cidr] } : {}),
  };
}
