import { nonOsDisksOf } from '../../rules/deploy/dep-004-erase-disks';
import { BookSection } from '../book-section';
import { code, codeBlock, table } from '../markdown';
import { hostNetworks, vlanText } from '../site-network';

/** Seed 002 MAAS table: "control-plane and worker-pool resource pools". */
export const MAAS_RESOURCE_POOLS = { controlPlane: 'control-plane', workers: 'worker-pool' } as const;

/** Seed 000 and seed 002: the MAAS version the guides validate. */
export const MAAS_VERSION = '3.6.0';

/**
 * How MAAS is set up for the site (seed 002 "Canonical MAAS configuration" table; deploy.md
 * §1.1 and §1.5 for the Palette side).
 */
export const MAAS: BookSection = {
  title: 'MAAS settings',
  render({ model }) {
    const n = model.network;
    const { controlPlane, workers } = model.nodes;
    const subnets = hostNetworks(n).map((h) => `${h.key} ${h.role.cidr} (VLAN ${vlanText(h.role.vlan)}, auto assign)`);
    const rows = [
      ['MAAS version', MAAS_VERSION, 'seed 000, seed 002 software table'],
      [
        'Resource pools',
        `${code(MAAS_RESOURCE_POOLS.controlPlane)} (${controlPlane} machines), ${code(MAAS_RESOURCE_POOLS.workers)} (${workers} machines)`,
        'seed 002: separate pools so hardware specs can be optimized for each function',
      ],
      ['Availability zones', 'one per rack, aisle or room; the cluster spreads over the AZs its pools select', 'seed 002; AZs are required on MAAS pools since Palette 4.7.13 (deploy.md §1.1)'],
      ['Node tags', 'none set by this site', 'deploy.md §1.1 (`node_tags` place nodes by MAAS automatic tags)'],
      ['Subnets', subnets.join('<br>'), 'seed 002: the PXE, mgmt and data subnets are configured in MAAS'],
      ['DNS', `a delegated subzone such as ${code('metal.<company DNS zone>')}, not a bare ${code('.maas')} domain`, 'seed 002 MAAS table; seed 000 "Use a proper subdomain"'],
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
    return [
      ...table(['Setting', 'Value for this site', 'Source'], rows),
      '',
      `Nodes with several NICs need this ConfigMap on the PCG, or the API server's DNS record may take an address outside the mgmt subnet (deploy.md §1.5; fixed in Palette 4.7.4):`,
      '',
      ...codeBlock('yaml', configMap),
    ];
  },
};
