import { LayerRole } from '../../palette/layer-role';
import { controlPlaneSizing } from '../../rules/capacity/cap-001-control-plane-size';
import { SiteBookInput, ruleLinks } from '../book-input';
import { BookSection } from '../book-section';
import { nonOsDisksOf } from '../../rules/deploy/dep-004-erase-disks';
import { code, count, joinAnd } from '../markdown';
import { poolSizes } from '../address-budget';
import { keepsQuorum } from '../../rules/storage/storage-nodes';
import { MAAS_RESOURCE_POOLS, MAAS_VERSION, poolText } from './maas';
import { hostNetworks, nadNames, switchportGroups, trunkText, vlanText } from '../site-network';

/** One thing to check before the first deploy, and the rules that enforce it. */
interface ChecklistItem {
  readonly text: string;
  readonly rules?: readonly string[];
}

/** A group of the field guide's pre-flight checklist (seed 000 "Pre-Flight Checklist", 7 sections). */
interface ChecklistGroup {
  readonly title: string;
  items(input: SiteBookInput): readonly (ChecklistItem | undefined)[];
}

const GROUPS: readonly ChecklistGroup[] = [
  {
    title: '1. Palette access',
    items: () => [
      { text: 'Palette running (SaaS or self-hosted), reachable on 443/TCP from the PCG and the cluster' },
      { text: 'Tenant admin access to Palette, and a Palette API key from a local tenant admin (SSO does not work for the PCG install)' },
      { text: 'Palette CLI installed on an x86-64 Linux workstation with Docker' },
    ],
  },
  {
    title: '2. People and access',
    items: ({ model }) => [
      { text: 'MAAS admin available, with an API key' },
      model.storage?.flashArray ? { text: 'Storage admin (Pure) with LUN provisioning access' } : undefined,
      { text: `Network admin available for the VLANs, ${model.network.interfaces.some((i) => i.bondMode === '802.3ad') ? 'LACP port channels' : 'port channels'} and the MetalLB ${model.loadBalancer?.mode === 'bgp' ? 'BGP peering' : 'L2 network'}` },
    ],
  },
  {
    title: '3. Hardware (per server)',
    items: ({ model }) => {
      const nics = model.network.interfaces.filter((i) => i.kind === 'physical').map((i) => i.name);
      const row = controlPlaneSizing(model.nodes.workers);
      const fa = model.storage?.flashArray;
      return [
        { text: 'BIOS: Intel VT-x or AMD-V and IOMMU enabled (check with `grep -E \'vmx|svm\' /proc/cpuinfo` and `lsmod | grep kvm`)' },
        { text: `${model.nodes.workers} workers: x86-64, 256 GB RAM or more (24 GB minimum), 48+ cores (8 minimum)`, rules: ['STO-001', 'CAP-003'] },
        { text: `${nics.length} NICs per server for the ${model.network.layout} layout: ${nics.join(', ')}`, rules: ['SITE-001'] },
        fa ? { text: `${fa.sanType === 'ISCSI' ? 'iSCSI' : 'Fibre Channel (preferred)'} HBAs in every worker`, rules: ['STO-009'] } : undefined,
        { text: 'A local OS disk (boot from SAN needs the multipath configuration)' },
        {
          text: `Control plane: ${model.nodes.controlPlane} nodes${row ? `, each at least ${row.cores} CPU cores and ${row.memoryGB} GB memory` : ''}`,
          rules: ['CAP-001', 'CAP-002'],
        },
      ];
    },
  },
  {
    title: '4. Networking',
    items: (input) => {
      const { model } = input;
      const n = model.network;
      const vlans = hostNetworks(n).map((h) => `${h.key} ${vlanText(h.role.vlan)}`);
      const bonds = n.interfaces.filter((i) => i.kind === 'bond');
      const pools = poolSizes(model);
      return [
        { text: `VLANs defined on the switches: ${joinAnd([...vlans, ...(model.vmo?.vmVlans !== undefined ? [`VM VLANs ${model.vmo.vmVlans}`] : [])])}`, rules: ['VLAN-001', 'VLAN-009'] },
        {
          text: `Host bonds configured by MAAS: ${joinAnd(bonds.map((b) => `${b.name} (${(b.members ?? []).join(', ')}, ${b.bondMode ?? 'mode not set'})`))}`,
          rules: ['VLAN-005'],
        },
        bonds.some((b) => b.bondMode === '802.3ad') ? { text: 'Switch LACP (802.3ad) port channels configured for each bond\'s ports' } : undefined,
        { text: `${n.vmBridge} bridge on ${n.interfaces.find((i) => i.name === n.vmBridge)?.parent ?? '?'}: the VMs' Multus master is a bridge`, rules: ['VLAN-006'] },
        {
          text: `Switchports trunked as in the switchport table: ${switchportGroups(model).map((g) => `${g.nics.join('/')} ${trunkText(g)}`).join('; ')}`,
          rules: ['VLAN-002', 'VLAN-003'],
        },
        pools.length ? { text: `MetalLB pool${pools.length > 1 ? 's' : ''} on the data VLAN ${n.data.vlan}: ${pools.map((p) => p.entries.join(', ')).join('; ')}`, rules: ['NET-006'] } : undefined,
        model.loadBalancer ? { text: `MetalLB advertisement mode chosen: ${model.loadBalancer.mode === 'bgp' ? `BGP, peers ${model.loadBalancer.bgpPeers.map((p) => p.address).join(', ')}` : `L2 on ${model.loadBalancer.l2Interfaces.join(', ')}`}` } : undefined,
        model.kubernetes
          ? { text: `Pod CIDR ${model.kubernetes.podCidr ?? '?'} and service CIDR ${model.kubernetes.serviceCidr ?? '?'} sized for ${model.nodes.controlPlane + model.nodes.workers} nodes and disjoint from the host networks`, rules: ['NET-002', 'NET-003', 'NET-004', 'NET-008'] }
          : undefined,
        { text: `Kubernetes node addresses on the mgmt subnet ${n.mgmt.cidr} (${n.mgmt.interface})`, rules: ['NET-009'] },
        { text: 'Static routes to datacenter networks over the mgmt interface set in MAAS' },
      ];
    },
  },
  {
    title: '5. Storage',
    items: ({ model }) => {
      const s = model.storage;
      if (!s) return [{ text: 'A CSI layer with RWX volumes for live migration', rules: ['STO-005'] }];
      const fa = s.flashArray;
      return [
        fa ? { text: `Pure FlashArray ${fa.mgmtEndpoints.join(', ')} reachable on 443/TCP from every worker`, rules: ['STO-009'] } : undefined,
        fa ? { text: 'FlashArray API token generated (entered as a sensitive variable at deploy time)', rules: ['SEC-001'] } : undefined,
        fa ? { text: `${fa.sanType === 'ISCSI' ? 'iSCSI' : 'FC'} zoning complete for every worker`, rules: ['STO-009'] } : undefined,
        fa?.deviceSizeGiB !== undefined ? { text: `${count(fa.deviceSizeGiB)} GiB LUN per worker available on the array`, rules: ['STO-009'] } : undefined,
        /portworx/i.test(s.product) ? { text: 'Portworx Enterprise license (activation id entered at deploy time)' } : undefined,
        keepsQuorum(s)
          ? { text: `${s.product} quorum: at least ${s.minStorageNodes} storage nodes${s.quorum ? ` for its ${s.quorum.members} ${s.quorum.what}` : ''}`, rules: ['STO-001', 'STO-002', 'STO-004', 'STO-011'] }
          : { text: `${s.product}: at least ${s.minStorageNodes} storage node${s.minStorageNodes === 1 ? '' : 's'} (it runs no quorum), and as many as each volume has replicas`, rules: ['STO-001', 'STO-004'] },
        { text: `VM storage class ${code(s.vmStorageClass)} serves RWX for live migration`, rules: ['STO-005', 'STO-006', 'STO-007'] },
        model.os?.packages.length ? { text: `Node packages the OS layer installs reachable from the MAAS image's apt mirror: ${model.os.packages.join(', ')}`, rules: ['STO-008'] } : undefined,
      ];
    },
  },
  {
    title: '6. MAAS',
    items: ({ model }) => {
      const os = model.rendered.layerWith(LayerRole.OS);
      const cluster = model.cluster;
      const machines = cluster ? cluster.pools.reduce((n, p) => n + p.count, 0) : model.nodes.controlPlane + model.nodes.workers;
      const tagged = cluster ? cluster.pools.filter((p) => p.nodeTags.length) : [];
      return [
        { text: `MAAS ${MAAS_VERSION} installed, DHCP and PXE serving ${model.network.pxe.cidr}` },
        { text: `${os ? `Ubuntu ${os.pack.version}` : 'Ubuntu'} images synced (the OS layer's release)` },
        { text: `BMC (Redfish or IPMI) configured for all ${machines} machines; commissioning passes for all of them` },
        cluster
          ? { text: `Machines in their MAAS resource pools and availability zones: ${joinAnd(cluster.pools.map(poolText))}`, rules: ['DEP-001', 'DEP-003', 'DEP-007'] }
          : { text: `Resource pools ${code(MAAS_RESOURCE_POOLS.controlPlane)} and ${code(MAAS_RESOURCE_POOLS.workers)} hold the machines; AZs set` },
        tagged.length ? { text: `MAAS tags on the machines of each pool that selects by tag: ${joinAnd(tagged.map((p) => `${code(p.name)} ${joinAnd(p.nodeTags.map(code))}`))}`, rules: ['DEP-007'] } : undefined,
        { text: `"Erase nodes' disks prior to releasing" disabled, so a repave does not wipe ${nonOsDisksOf(model.storage)}`, rules: ['DEP-004'] },
        { text: "Only the OS disk in each machine's storage layout" },
        { text: `DNS: a delegated subzone for MAAS${cluster ? ` (${code(cluster.domain)})` : ''}`, rules: ['DEP-008'] },
        { text: 'The `maas-preferred-subnet` ConfigMap on the PCG (MAAS settings above)', rules: ['DEP-005'] },
      ];
    },
  },
  {
    title: '7. VMO (after deployment)',
    items: ({ model }) => {
      const nads = nadNames(model.vmNetworks);
      return [
        model.vmo ? { text: 'VMO pack installed after storage, the Templates layers after VMO', rules: ['PAL-005'] } : undefined,
        model.vmo ? { text: `VLAN filtering ${model.vmo.vlanFiltering ? 'enabled' : 'disabled'} on ${model.vmo.bridge ?? model.network.vmBridge}, allowed VLANs ${model.vmo.vmVlans ?? '?'}`, rules: ['VLAN-004'] } : undefined,
        nads.length ? { text: `Multus NADs present: ${nads.join(', ')}`, rules: ['VLAN-003'] } : undefined,
        model.kubernetes ? { text: `VM dashboard sign-in: identity provider ${model.kubernetes.identityProvider ?? '?'}`, rules: ['SEC-003'] } : undefined,
        model.vmo?.privateCa ? { text: `ConfigMap ${code(model.vmo.privateCa.configMapName)} with the Palette CA created in ${model.vmo.namespace} before VMO`, rules: ['SEC-005'] } : undefined,
        { text: 'CDI imports the golden images; VM templates prepared (Ubuntu, Windows)' },
        { text: 'A simple Linux test VM deploys and starts (seed 000 "Step 5: Configure VMO")' },
      ];
    },
  },
];

/** The pre-flight checklist: seed 000's seven sections for this site, each item linked to the rules that enforce it. */
export const CHECKLIST: BookSection = {
  title: 'Pre-flight checklist',
  render(input) {
    const out = ['Work through it before the first deploy (seed 000 "Pre-Flight Checklist"). A linked rule checks the site description; the box is for what only people can check.'];
    for (const g of GROUPS) {
      const items = g.items(input).filter((i): i is ChecklistItem => i !== undefined);
      if (!items.length) continue;
      out.push('', `### ${g.title}`, '');
      for (const i of items) {
        const links = ruleLinks(input, ...(i.rules ?? []));
        out.push(`- [ ] ${i.text}${links ? ` (${links})` : ''}`);
      }
    }
    return out;
  },
};
