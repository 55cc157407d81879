import { HostNetworkSettings, SubnetSettings } from './site-props';

/** Bonding modes as Linux numbers them; the RA allows only 1, 2 and 4 under a VM bridge. */
export const BOND_MODE_NUMBERS: Readonly<Record<string, number>> = {
  'balance-rr': 0,
  'active-backup': 1,
  'balance-xor': 2,
  broadcast: 3,
  '802.3ad': 4,
  'balance-tlb': 5,
  'balance-alb': 6,
};

/** One interface of a worker node, as MAAS configures it. */
export interface HostInterface {
  readonly name: string;
  readonly kind: 'physical' | 'bond' | 'vlan' | 'bridge';
  /** The interface a VLAN or bridge sits on. */
  readonly parent?: string;
  /** The NICs of a bond. */
  readonly members?: readonly string[];
  readonly bondMode?: string;
  readonly vlan?: number;
  readonly cidr?: string;
  readonly gateway?: string;
}

/** A network's role on the host: the interface carrying it and its subnet. */
export interface NetworkRole extends SubnetSettings {
  readonly interface: string;
}

/** The worker network, normalized from a layout: what each rule and layer reads. */
export interface HostNetworkPlan {
  readonly layout: HostNetworkSettings['layout'];
  readonly interfaces: readonly HostInterface[];
  readonly pxe: NetworkRole;
  readonly mgmt: NetworkRole;
  readonly data: NetworkRole;
  /** The bridge VMs attach to (the Multus master); the layouts name their bridge after it. */
  readonly vmBridge: string;
}

export const DEFAULT_PXE: SubnetSettings = { vlan: 0, cidr: '192.168.0.0/22' };

const vlanName = (parent: string, vlan: number) => `${parent}.${vlan}`;

/**
 * The interfaces of a RA layout (seed 002, "Network configuration" and "When limited on
 * network interfaces"). A non-zero PXE VLAN puts the PXE address on a VLAN subinterface
 * (the RA's `bond_mgmt.5` alternative).
 */
export function planHostNetwork(s: HostNetworkSettings): HostNetworkPlan {
  const pxe = s.pxe ?? DEFAULT_PXE;
  const bondMode = s.bondMode ?? '802.3ad';
  const vmBridge = s.vmBridge ?? 'br0';
  const interfaces: HostInterface[] = [];
  const add = (i: HostInterface) => interfaces.push(i);
  const nics = s.nics ?? (s.layout === 'four-nic' ? ['enp1s0', 'enp2s0', 'enp1s1', 'enp2s1'] : ['enp1s0', 'enp2s0']);
  for (const n of nics) add({ name: n, kind: 'physical' });

  if (s.layout === 'four-nic') {
    const [m1, m2, d1, d2] = nics;
    add({ name: 'bond_mgmt', kind: 'bond', members: [m1, m2], bondMode, ...(pxe.vlan === 0 ? { cidr: pxe.cidr } : {}) });
    const pxeIf = pxe.vlan === 0 ? 'bond_mgmt' : vlanName('bond_mgmt', pxe.vlan);
    if (pxe.vlan !== 0) add({ name: pxeIf, kind: 'vlan', parent: 'bond_mgmt', vlan: pxe.vlan, cidr: pxe.cidr });
    const mgmtIf = vlanName('bond_mgmt', s.mgmt.vlan);
    add({ name: mgmtIf, kind: 'vlan', parent: 'bond_mgmt', vlan: s.mgmt.vlan, cidr: s.mgmt.cidr, gateway: s.mgmt.gateway });
    add({ name: 'bond_data', kind: 'bond', members: [d1, d2], bondMode });
    const dataIf = vlanName('bond_data', s.data.vlan);
    add({ name: dataIf, kind: 'vlan', parent: 'bond_data', vlan: s.data.vlan, cidr: s.data.cidr, gateway: s.data.gateway });
    add({ name: vmBridge, kind: 'bridge', parent: 'bond_data' });
    return {
      layout: s.layout,
      interfaces,
      pxe: { ...pxe, interface: pxeIf },
      mgmt: { ...s.mgmt, interface: mgmtIf },
      data: { ...s.data, interface: dataIf },
      vmBridge,
    };
  }

  const [n1, n2] = nics;
  add({ name: 'bond0', kind: 'bond', members: [n1, n2], bondMode });
  const mgmtIf = vlanName('bond0', s.mgmt.vlan);
  add({ name: mgmtIf, kind: 'vlan', parent: 'bond0', vlan: s.mgmt.vlan, cidr: s.mgmt.cidr, gateway: s.mgmt.gateway });
  const dataParent = s.layout === 'two-nic' ? 'bond0' : vmBridge;
  const dataIf = vlanName(dataParent, s.data.vlan);
  if (s.layout === 'two-nic') add({ name: dataIf, kind: 'vlan', parent: 'bond0', vlan: s.data.vlan, cidr: s.data.cidr, gateway: s.data.gateway });
  // The RA puts the PXE address on br0 itself (native VLAN).
  add({ name: vmBridge, kind: 'bridge', parent: 'bond0', ...(pxe.vlan === 0 ? { cidr: pxe.cidr } : {}) });
  const pxeIf = pxe.vlan === 0 ? vmBridge : vlanName(vmBridge, pxe.vlan);
  if (pxe.vlan !== 0) add({ name: pxeIf, kind: 'vlan', parent: vmBridge, vlan: pxe.vlan, cidr: pxe.cidr });
  if (s.layout === 'two-nic-vm-on-data-vlan') add({ name: dataIf, kind: 'vlan', parent: vmBridge, vlan: s.data.vlan, cidr: s.data.cidr, gateway: s.data.gateway });
  return {
    layout: s.layout,
    interfaces,
    pxe: { ...pxe, interface: pxeIf },
    mgmt: { ...s.mgmt, interface: mgmtIf },
    data: { ...s.data, interface: dataIf },
    vmBridge,
  };
}

export function findInterface(plan: HostNetworkPlan, name: string): HostInterface | undefined {
  return plan.interfaces.find((i) => i.name === name);
}

/** The VLAN ids of subinterfaces of `parent`. */
export function vlansOn(plan: HostNetworkPlan, parent: string): number[] {
  return plan.interfaces.filter((i) => i.kind === 'vlan' && i.parent === parent).map((i) => i.vlan as number);
}

/** The bond (or NIC) under the VM bridge. */
export function bridgeUplink(plan: HostNetworkPlan): string | undefined {
  return findInterface(plan, plan.vmBridge)?.parent;
}

/** True when the VM bridge itself has an address (needs VLAN 1 on self, RA VMO layer). */
export function bridgeHasAddress(plan: HostNetworkPlan): boolean {
  return findInterface(plan, plan.vmBridge)?.cidr !== undefined;
}
