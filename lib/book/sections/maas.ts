import { RA_DEFAULTS } from '../../model/ra-defaults';
import { MaasClusterDefinition, MaasMachinePool } from '../../palette/cluster/maas-cluster';
import { nonOsDisksOf } from '../../rules/deploy/dep-004-erase-disks';
import { BookSection } from '../book-section';
import { code, codeBlock, count, joinAnd, table } from '../markdown';
import { hostNetworks, vlanText } from '../site-network';

/** Seed 002 MAAS table: "control-plane and worker-pool resource pools". */
export const MAAS_RESOURCE_POOLS = RA_DEFAULTS.maas.resourcePools;

/** Seed 000 and seed 002: the MAAS version the guides validate. */
export const MAAS_VERSION = '3.6.0';

/** The files a site with `maas:` writes its cluster to (lib/palette/cluster), relative to the book. */
export const CLUSTER_FILES = { terraform: 'deploy/main.tf.json', payload: 'deploy/cluster.maas.json' } as const;

/** A pool's role in operator words. */
export const poolRole = (p: MaasMachinePool): string => (p.controlPlane ? 'control plane' : 'workers');

/** `control-plane-pool` (3 machines, resource pool `control-plane`, AZs rack-1 and rack-2). */
export function poolText(p: MaasMachinePool): string {
  const azs = p.azs.length ? `AZ${p.azs.length > 1 ? 's' : ''} ${joinAnd(p.azs)}` : 'no AZ';
  return `${code(p.name)} (${p.count} machine${p.count === 1 ? '' : 's'}, resource pool ${code(p.resourcePool)}, ${azs}${p.nodeTags.length ? `, node tags ${joinAnd(p.nodeTags)}` : ''})`;
}

/** The cluster's machine pools as the table of the book: one row per `machine_pool` block. */
export function machinePoolTable(cluster: MaasClusterDefinition): string[] {
  return table(
    ['Pool', 'Role', 'Machines', 'Resource pool', 'Availability zones', 'Node tags', 'Min CPU', 'Min memory (MiB)'],
    cluster.pools.map((p) => [p.name, poolRole(p), p.count, p.resourcePool, p.azs.join(', '), p.nodeTags.join(', '), p.minCpu, count(p.minMemoryMiB)]),
  );
}

/**
 * How MAAS is set up for the site (seed 002 "Canonical MAAS configuration" table; deploy.md
 * §1.1 and §1.5 for the Palette side). A site with `maas:` is read from its cluster definition
 * (`VmoSiteModel.cluster`, what `deploy/` and the DEP rules read); a site without it gets the
 * RA's defaults.
 */
export const MAAS: BookSection = {
  title: 'MAAS settings',
  render({ model }) {
    const n = model.network;
    const { controlPlane, workers } = model.nodes;
    const cluster = model.cluster;
    const subnets = hostNetworks(n).map((h) => `${h.key} ${h.role.cidr} (VLAN ${vlanText(h.role.vlan)}, auto assign)`);
    const zones = cluster ? [...new Set(cluster.pools.flatMap((p) => p.azs))] : [];
    const tagged = cluster ? cluster.pools.filter((p) => p.nodeTags.length) : [];
    const rows = [
      ['MAAS version', MAAS_VERSION, 'seed 000, seed 002 software table'],
      ...(cluster
        ? [
            ['Cloud account', `${code(cluster.cloudAccount)}: the MAAS cloud account Palette reaches MAAS through (the PCG)`, 'this site (`maas.cloudAccount`); deploy.md §1.1 `cloud_account_id`'],
            [
              'Machine pools',
              `${joinAnd(cluster.pools.map((p) => `${code(p.name)} (${p.count} machine${p.count === 1 ? '' : 's'})`))}: resource pools, AZs, tags and machine sizes in the machine pool table below`,
              'this site (`maas`); seed 002: separate resource pools so hardware specs can be optimized for each function',
            ],
            [
              'Availability zones',
              zones.length ? `${joinAnd(zones.map(code))} (each pool's zones are in the machine pool table)` : 'none set: Palette 4.7.13 and later refuse the pools (DEP-001)',
              'this site; AZs are required on MAAS pools since Palette 4.7.13 (deploy.md §1.1)',
            ],
            ['Node tags', tagged.length ? joinAnd(tagged.map((p) => `${code(p.name)}: ${joinAnd(p.nodeTags.map(code))}`)) : 'none set by this site', 'this site; deploy.md §1.1 (`node_tags` place nodes by MAAS automatic tags)'],
          ]
        : [
            [
              'Resource pools',
              `${code(MAAS_RESOURCE_POOLS.controlPlane)} (${controlPlane} machines), ${code(MAAS_RESOURCE_POOLS.workers)} (${workers} machines)`,
              'seed 002: separate pools so hardware specs can be optimized for each function',
            ],
            ['Availability zones', 'one per rack, aisle or room; the cluster spreads over the AZs its pools select', 'seed 002; AZs are required on MAAS pools since Palette 4.7.13 (deploy.md §1.1)'],
            ['Node tags', 'none set by this site', 'deploy.md §1.1 (`node_tags` place nodes by MAAS automatic tags)'],
          ]),
      ['Subnets', subnets.join('<br>'), 'seed 002: the PXE, mgmt and data subnets are configured in MAAS'],
      [
        'DNS',
        `${cluster ? `${code(cluster.domain)}: ` : ''}a delegated subzone such as ${code('metal.<company DNS zone>')}, not a bare ${code('.maas')} domain`,
        'seed 002 MAAS table; seed 000 "Use a proper subdomain"',
      ],
      ...(cluster?.ntpServers.length ? [['NTP servers', joinAnd(cluster.ntpServers), 'this site (`maas.ntpServers`); deploy.md §1.1 `cloud_config.ntp_servers`']] : []),
      ...(cluster?.timeZone !== undefined ? [['Cluster time zone', cluster.timeZone, 'this site (`maas.timeZone`); deploy.md §1.1 `cluster_timezone`']] : []),
      ...(cluster?.sshKeys.length ? [['SSH keys', `${cluster.sshKeys.length} public key${cluster.sshKeys.length === 1 ? '' : 's'} on every node`, 'this site (`maas.sshKeys`); deploy.md §1.1 `cloud_config.ssh_keys`']] : []),
      [
        'Settings → Storage',
        `"Erase nodes' disks prior to releasing" = disabled: an erase on release would wipe ${nonOsDisksOf(model.storage)}`,
        model.storage?.flashArray ? 'seed 002: so LUNs on the FlashArray are not erased when nodes are repaved; seed 000: do not wipe non-OS disks' : 'seed 000: do not wipe non-OS disks on release',
      ],
      ['Machine storage', 'only the OS disk in the storage layout (LVM or Flat); remove every other disk', 'seed 002 MAAS table'],
      ['Machine network', `the bonds, VLANs and bridge of the host interface table (layout ${code(n.layout)})`, 'seed 002 MAAS table'],
      [
        'Routes',
        `default gateway ${n.data.gateway ?? '(none)'} on ${code(n.data.interface)}; datacenter networks reached over ${code(n.mgmt.interface)} as MAAS static routes on ${n.mgmt.cidr}`,
        'seed 002 "Network configuration"',
      ],
    ];
    const configMap = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: maas-preferred-subnet',
      '  namespace: jet-system',
      'data:',
      `  preferredSubnets: "${n.mgmt.cidr}"`,
    ];
    const out = [...table(['Setting', 'Value for this site', 'Source'], rows), ''];
    if (cluster) {
      out.push(
        `The machine pools of the cluster, as ${code(CLUSTER_FILES.terraform)} writes its ${code('machine_pool')} blocks and ${code(CLUSTER_FILES.payload)} its ${code('machinepoolconfig')}:`,
        '',
        ...machinePoolTable(cluster),
        '',
        `Terraform creates the cluster from ${code(CLUSTER_FILES.terraform)} (the profile imports, the cluster and its pools); ${code('palette-vmo deploy')} with this site's output folder lists it and the inputs it needs, and with ${code('--validate')} asks Palette to validate ${code(CLUSTER_FILES.payload)} without creating it.`,
        '',
      );
    } else {
      out.push(
        `This site has no ${code('maas:')} section, so these are the RA's defaults and no cluster definition is written: give the site ${code('maas:')} (domain, cloud account, availability zones, pools) to describe its cluster in ${code(CLUSTER_FILES.terraform)} and ${code(CLUSTER_FILES.payload)}.`,
        '',
      );
    }
    out.push(
      `Nodes with several NICs need this ConfigMap on the PCG, or the API server's DNS record may take an address outside the mgmt subnet (deploy.md §1.5; fixed in Palette 4.7.4):`,
      '',
      ...codeBlock('yaml', configMap),
    );
    return out;
  },
};
