import { tryVlans } from '../common/vlan-list';
import { VlanSet } from '../common/vlan-set';
import { bridgeUplink, HostInterface, HostNetworkPlan, NetworkRole, vlansOn } from '../model/host-network';
import { VmNetworkFacts, VmoSiteModel } from '../model/vmo-site-model';

/*
 * What the host network of a site carries, worked out from the host interfaces of its layout
 * and the VM networks its profiles write: the rows of the VLAN table and of the switchport
 * table. The rules about the same facts (VLAN-002, VLAN-003) use the same helpers
 * (`bridgeUplink`, `vlansOn`), so the book and the rules cannot disagree on what is captured.
 */

/** The host networks of the RA network table, in its order. */
export interface HostNetworkEntry {
  readonly key: 'pxe' | 'mgmt' | 'data';
  /** The RA's words (seed 002 network table). */
  readonly purpose: string;
  readonly role: NetworkRole;
}

export function hostNetworks(network: HostNetworkPlan): HostNetworkEntry[] {
  return [
    { key: 'pxe', purpose: 'Bare metal deployment (PXE)', role: network.pxe },
    { key: 'mgmt', purpose: 'Kubernetes hosts (mgmt)', role: network.mgmt },
    { key: 'data', purpose: 'End user access (data)', role: network.data },
  ];
}

/** `0 (native)` or the id. */
export function vlanText(vlan: number): string {
  return vlan === 0 ? '0 (native)' : String(vlan);
}

/** The VM VLANs as the VMO layer writes them, parsed; undefined without a VMO layer or when malformed (VLAN-001). */
export function vmVlanSet(model: VmoSiteModel): VlanSet | undefined {
  return tryVlans(model.vmo?.vmVlans);
}

/** The VM networks (NADs) on the site's VM bridge, tagged and untagged. */
export function bridgeNetworks(model: VmoSiteModel): VmNetworkFacts[] {
  return model.vmNetworks.filter((n) => n.bridge === undefined || n.bridge === model.network.vmBridge);
}

/** `vlan-30 (default)`, each NAD once, in the order written. */
export function nadNames(nads: readonly VmNetworkFacts[]): string[] {
  return [...new Set(nads.map((n) => `${n.name} (${n.namespace})`))];
}

/** How an interface sits on the host, in the RA's words: `VLAN 10 on bond_mgmt`, `bond of enp1s0, enp2s0`. */
export function interfaceKind(i: HostInterface): string {
  switch (i.kind) {
    case 'bond':
      return `Bond (${i.bondMode ?? 'mode not set'})`;
    case 'vlan':
      return 'VLAN';
    case 'bridge':
      return 'Bridge';
    default:
      return 'Physical';
  }
}

/** Where a network ends on the host: `bond_mgmt.10 (VLAN subinterface of bond_mgmt)`. */
export function termination(network: HostNetworkPlan, role: NetworkRole): string {
  const i = network.interfaces.find((x) => x.name === role.interface);
  if (!i) return role.interface;
  if (i.kind === 'vlan') return `${i.name} (VLAN subinterface of ${i.parent ?? '?'})`;
  if (i.kind === 'bridge') return `${i.name} (the bridge itself, untagged)`;
  return `${i.name} (untagged)`;
}

/**
 * Whether VMs can use a VLAN, and why not: the VLAN-002 logic. A VLAN with a subinterface on
 * the bond under the VM bridge is captured before it reaches the bridge; otherwise VMs can use
 * the VLANs the VMO layer allows (`allowedVlans`).
 */
export function vmUse(model: VmoSiteModel, vlan: number): string {
  const network = model.network;
  const uplink = bridgeUplink(network);
  const bridge = network.vmBridge;
  if (uplink && vlansOn(network, uplink).includes(vlan)) {
    return `no: captured by ${uplink}.${vlan} on ${uplink} under ${bridge} (VLAN-002)`;
  }
  const vm = vmVlanSet(model);
  if (vm?.has(vlan)) {
    return vlansOn(network, bridge).includes(vlan) ? `yes, shared with the host's ${bridge}.${vlan} (allowVlansOnSelf, VLAN-004)` : 'yes';
  }
  return model.vmo?.vmVlans === undefined ? 'no: the site writes no VM VLANs' : `no: not in the VM VLANs ${model.vmo.vmVlans}`;
}

/** Whether VMs on an untagged network reach the PXE network: the native VLAN under the bridge. */
export function untaggedUse(model: VmoSiteModel): string {
  const network = model.network;
  const uplink = bridgeUplink(network);
  const untagged = bridgeNetworks(model).filter((n) => n.vlan === undefined);
  const pxeNative = network.pxe.vlan === 0 && (network.pxe.interface === uplink || network.pxe.interface === network.vmBridge);
  if (!untagged.length) return pxeNative ? `no: no untagged VM network on ${network.vmBridge}` : `no: on ${network.pxe.interface}, not under ${network.vmBridge}`;
  return pxeNative ? `yes, through the untagged VM network ${nadNames(untagged).join(', ')}` : `no: on ${network.pxe.interface}, not under ${network.vmBridge}`;
}

/** One row of the VLAN table. */
export interface VlanRow {
  readonly vlan: string;
  readonly purpose: string;
  readonly terminates: string;
  readonly vms: string;
  readonly nads: readonly string[];
}

/** Every VLAN of the site: the host networks, each VM network's VLAN, the untagged VM network and the VM VLAN range. */
export function vlanRows(model: VmoSiteModel): VlanRow[] {
  const network = model.network;
  const bridge = network.vmBridge;
  const nads = bridgeNetworks(model);
  const rows: VlanRow[] = [];
  const hostVlans = new Set<number>();
  for (const h of hostNetworks(network)) {
    hostVlans.add(h.role.vlan);
    const here = nads.filter((n) => h.role.vlan !== 0 && n.vlan === h.role.vlan);
    rows.push({
      vlan: vlanText(h.role.vlan),
      purpose: h.purpose + (h.key === 'data' && model.loadBalancer?.mode === 'l2' && model.loadBalancer.pools.length ? ', MetalLB L2 addresses' : ''),
      terminates: termination(network, h.role),
      vms: h.role.vlan === 0 ? untaggedUse(model) : vmUse(model, h.role.vlan),
      nads: nadNames(here),
    });
  }
  const tagged = [...new Set(nads.flatMap((n) => (n.vlan === undefined ? [] : [n.vlan])))].filter((v) => !hostVlans.has(v)).sort((a, b) => a - b);
  for (const vlan of tagged) {
    const here = nads.filter((n) => n.vlan === vlan);
    rows.push({
      vlan: String(vlan),
      purpose: `VM network ${[...new Set(here.map((n) => n.name))].join(', ')}`,
      terminates: `${bridge} (VLAN-aware bridge, tagged per VM port)`,
      vms: vmUse(model, vlan),
      nads: nadNames(here),
    });
  }
  const untagged = nads.filter((n) => n.vlan === undefined);
  if (untagged.length) {
    const uplink = bridgeUplink(network) ?? bridge;
    rows.push({
      vlan: 'untagged',
      purpose: `VM network ${[...new Set(untagged.map((n) => n.name))].join(', ')}`,
      terminates: `${bridge}, untagged: the native VLAN of the ${uplink} switchports`,
      vms: 'yes',
      nads: nadNames(untagged),
    });
  }
  if (model.vmo?.vmVlans !== undefined) {
    const inRange = nads.filter((n) => n.vlan !== undefined && vmVlanSet(model)?.has(n.vlan));
    rows.push({
      vlan: model.vmo.vmVlans,
      purpose: 'VM VLANs (VMO allowedVlans): existing VLANs VMs are placed on',
      terminates: `${model.vmo.bridge ?? bridge} (VLAN filtering ${model.vmo.vlanFiltering ? 'on' : 'off'})`,
      vms: 'yes',
      nads: inRange.length ? [`NADs on ${[...new Set(inRange.map((n) => n.vlan))].join(', ')} above; add one per VLAN VMs use`] : ['none yet: add one per VLAN VMs use'],
    });
  }
  return rows;
}

/** A NIC group of the layout: a bond and its NICs, or a NIC on its own. */
export interface SwitchportGroup {
  /** The bond, or the NIC itself. */
  readonly uplink: HostInterface;
  readonly nics: readonly string[];
  /** What travels untagged: the PXE network and/or the untagged VM network. */
  readonly native: readonly string[];
  /** The tagged VLANs the layout sends over the NICs. */
  readonly tagged: VlanSet;
  /** The networks carried, in the RA's words. */
  readonly purposes: readonly string[];
}

/**
 * What each NIC pair carries (seed 002 "Physical port ... Switchport config"): the VLANs of
 * every subinterface of the bond, of the bridge on the bond and of its subinterfaces, the
 * VM VLANs and VM networks when the VM bridge sits on the bond, and the untagged PXE network
 * where its address is the bond's or its bridge's own.
 */
export function switchportGroups(model: VmoSiteModel): SwitchportGroup[] {
  const network = model.network;
  const all = network.interfaces;
  const inBond = new Set(all.flatMap((i) => (i.kind === 'bond' ? (i.members ?? []) : [])));
  const uplinks = all.filter((i) => i.kind === 'bond' || (i.kind === 'physical' && !inBond.has(i.name)));
  return uplinks.map((uplink) => {
    const bridges = all.filter((i) => i.kind === 'bridge' && i.parent === uplink.name);
    const onUplink = new Set([uplink.name, ...bridges.map((b) => b.name)]);
    const subinterfaces = all.filter((i) => i.kind === 'vlan' && i.parent !== undefined && onUplink.has(i.parent));
    const vmBridgeHere = bridges.some((b) => b.name === network.vmBridge);
    const nads = vmBridgeHere ? bridgeNetworks(model) : [];
    const vmTagged = nads.flatMap((n) => (n.vlan === undefined ? [] : [n.vlan])).filter((v) => v >= 1 && v <= 4094);
    let tagged = VlanSet.of(...subinterfaces.map((i) => i.vlan ?? 0).filter((v) => v >= 1 && v <= 4094), ...vmTagged);
    const vm = vmVlanSet(model);
    if (vmBridgeHere && vm) tagged = tagged.union(vm);
    const roles = hostNetworks(network).filter((h) => onUplink.has(h.role.interface) || subinterfaces.some((s) => s.name === h.role.interface));
    const pxeNative = network.pxe.vlan === 0 && onUplink.has(network.pxe.interface);
    const untaggedVm = nads.filter((n) => n.vlan === undefined);
    return {
      uplink,
      nics: uplink.kind === 'bond' ? (uplink.members ?? []) : [uplink.name],
      native: [...(pxeNative ? ['PXE'] : []), ...(untaggedVm.length ? [`untagged VM network ${[...new Set(untaggedVm.map((n) => n.name))].join(', ')}`] : [])],
      tagged,
      purposes: [...roles.map((r) => r.purpose), ...(vmBridgeHere ? [`VMs on ${network.vmBridge}`] : [])],
    };
  });
}

/** The RA's switchport cell: `Trunk (allowing 0, 10)`, 0 standing for the native VLAN. */
export function trunkText(group: SwitchportGroup): string {
  const parts = [...(group.native.length ? ['0'] : []), ...(group.tagged.size ? [group.tagged.toString().split(',').join(', ')] : [])];
  return parts.length ? `Trunk (allowing ${parts.join(', ')})` : 'Access (no VLAN carried)';
}
