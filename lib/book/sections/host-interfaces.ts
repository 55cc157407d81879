import { HostInterface } from '../../model/host-network';
import { VmoSiteModel } from '../../model/vmo-site-model';
import { BookSection } from '../book-section';
import { codeBlock, table } from '../markdown';
import { edge, flowchart, label, node, NodeIds, subgraph } from '../mermaid';
import { bridgeNetworks, hostNetworks, interfaceKind, switchportGroups, trunkText } from '../site-network';

/** The network roles an interface carries, in the RA's words. */
function rolesOf(model: VmoSiteModel, i: HostInterface): string[] {
  return hostNetworks(model.network).filter((h) => h.role.interface === i.name).map((h) => h.key);
}

/** (b) one host of the layout: NICs -> bonds -> VLAN subinterfaces and the bridge -> NADs. */
export function hostDiagram(model: VmoSiteModel): string[] {
  const n = model.network;
  const ids = new NodeIds('if');
  const nadIds = new NodeIds('nad');
  const id = (i: HostInterface | string) => ids.of(typeof i === 'string' ? i : i.name);
  const nodes = n.interfaces.map((i) => {
    const roles = rolesOf(model, i);
    const lines = [
      i.name,
      i.kind === 'bond' ? `bond, ${i.bondMode ?? ''}` : i.kind === 'bridge' ? (i.name === n.vmBridge ? 'bridge, VM bridge' : 'bridge') : i.kind === 'vlan' ? `VLAN ${i.vlan ?? ''}` : 'NIC',
      roles.length ? `${roles.join(', ')}${i.cidr ? ` ${i.cidr}` : ''}` : (i.cidr ?? ''),
      i.gateway ? `gateway ${i.gateway}` : '',
    ];
    return node(id(i), label(...lines), i.kind === 'physical' ? 'round' : 'box');
  });
  const edges: string[] = [];
  for (const i of n.interfaces) {
    for (const m of i.members ?? []) edges.push(edge(id(m), id(i)));
    if (i.parent !== undefined) edges.push(i.kind === 'vlan' ? edge(id(i.parent), id(i), `VLAN ${i.vlan ?? ''}`) : edge(id(i.parent), id(i)));
  }
  const nads = bridgeNetworks(model);
  const seen = new Set<string>();
  const nadNodes: string[] = [];
  for (const nad of nads) {
    const key = `${nad.namespace}/${nad.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const nid = nadIds.of(key);
    nadNodes.push(node(nid, label(`NAD ${nad.name}`, `namespace ${nad.namespace}`), 'subroutine'));
    edges.push(edge(id(n.vmBridge), nid, nad.vlan === undefined ? 'untagged' : `VLAN ${nad.vlan}`));
  }
  return codeBlock('mermaid', flowchart('LR', [...subgraph('host', `worker host, layout ${n.layout}`, nodes), ...nadNodes, ...edges]));
}

/** The RA's host interface table (seed 002 "Network configuration") for the site's layout, and the host diagram. */
export const HOST_INTERFACES: BookSection = {
  title: 'Host interfaces',
  render({ model }) {
    const n = model.network;
    const rows = n.interfaces.map((i) => [
      i.name,
      interfaceKind(i),
      i.members?.join(', ') ?? i.parent,
      i.kind === 'vlan' ? String(i.vlan) : i.kind === 'physical' ? undefined : 'native',
      i.cidr,
      i.gateway ?? (i.cidr ? 'none' : undefined),
      rolesOf(model, i).join(', ') || (i.name === n.vmBridge ? 'VM bridge (Multus master)' : undefined),
    ]);
    return [
      `Layout \`${n.layout}\`, configured on every worker by MAAS (seed 002 MAAS table: "Bond and Bridge interfaces configured for worker nodes").`,
      '',
      ...table(['Interface', 'Type', 'Consisting of', 'VLAN', 'CIDR', 'Gateway', 'Carries'], rows),
      '',
      ...hostDiagram(model),
    ];
  },
};

/** The switch side: per NIC, what its switchport trunks (seed 002 "Physical port ... Switchport config"). */
export const SWITCHPORTS: BookSection = {
  title: 'Switchports',
  render({ model }) {
    const rows = switchportGroups(model).flatMap((g) =>
      g.nics.map((nic) => [
        nic,
        g.uplink.kind === 'bond' ? g.uplink.name : 'no bond',
        g.purposes.join(', '),
        g.native.join(', ') || 'unused',
        trunkText(g),
        lagText(g.uplink.bondMode),
      ]),
    );
    return [
      ...table(['NIC (name in OS)', 'Bond', 'Purpose', 'Native (untagged) VLAN', 'Switchport config', 'Switch side'], rows),
      '',
      '`0` is the native (untagged) VLAN. Keep PXE untagged: set the switchport native VLAN to the PXE network (seed 002; rule VLAN-009).',
    ];
  },
};

/** What the switch needs for a bond mode (seed 000 "Bonding Configuration", seed 002). */
function lagText(mode: string | undefined): string {
  switch (mode) {
    case '802.3ad':
      return 'LACP port channel (802.3ad) over both ports';
    case 'balance-xor':
      return 'static port channel over both ports';
    case 'active-backup':
      return 'no port channel (failover only)';
    case undefined:
      return 'single port';
    default:
      return `mode ${mode}: not supported for VLAN bridging (VLAN-005)`;
  }
}
