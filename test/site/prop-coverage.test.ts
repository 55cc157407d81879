import { join } from 'path';
import { PaletteApp, SynthError, VmoSite, VmoSiteProps } from '../../lib';
import { SITE_SCHEMA } from '../../lib/site/site-schema';
import { TEST_CA2_PEM, TEST_CA_PEM } from '../packs/ubuntu-fixtures';

/*
 * Every setting of a site reaches what the site writes, or is refused: the table below has one
 * entry per leaf of the site schema (generated from VmoSiteProps). An `output` entry changes the
 * setting and expects the written profiles, manifests or variables to change; a `rulesOnly` entry
 * names why the setting is written nowhere (a host fact the profiles do not hold) and a bad value
 * the rules refuse at that setting. A new setting without an entry fails the first test.
 */

const BASE: VmoSiteProps = {
  name: 'cov',
  network: {
    layout: 'four-nic',
    mgmt: { vlan: 10, cidr: '172.16.0.0/22' },
    data: { vlan: 20, cidr: '10.20.0.0/16', gateway: '10.20.30.1' },
  },
};
const TWO_NIC: VmoSiteProps = { ...BASE, network: { ...BASE.network, layout: 'two-nic' } };
const CUSTOM_OIDC: VmoSiteProps = { ...BASE, kubernetes: { identityProvider: 'custom', oidc: { issuerUrl: 'https://idp.example.com', clientId: 'vmo' } } };
const BGP: VmoSiteProps = {
  ...BASE,
  loadBalancer: { mode: 'bgp', bgp: { myAsn: 64500, peers: [{ address: '10.20.30.1', asn: 64501 }] }, pools: [{ name: 'ext', addresses: ['10.20.40.0/28'] }] },
};
const PRIVATE_CA: VmoSiteProps = { ...BASE, vmo: { privateCa: { configMapName: 'custom-ca' } }, suppressions: [{ ruleId: 'SEC-005', reason: 'the ConfigMap is created by hand before the deploy' }] };
const POOLS: VmoSiteProps = { ...BASE, loadBalancer: { pools: [{ name: 'first-pool', addresses: ['10.20.30.100-10.20.30.150'] }] } };
const NETWORKS: VmoSiteProps = { ...BASE, templates: { networks: [{ vlan: 30, name: 'vms', namespaces: ['default'] }] } };
const NATIVE: VmoSiteProps = { ...BASE, cilium: { podNetworking: 'native' } };
const MAAS: VmoSiteProps = { ...BASE, maas: { domain: 'metal.example.com', cloudAccount: 'maas-dc1', availabilityZones: ['az1'] } };
const MAAS_POOLS: VmoSiteProps = { ...MAAS, maas: { ...MAAS.maas, domain: 'metal.example.com', cloudAccount: 'maas-dc1', workerPools: [{ name: 'rack-a', count: 5 }] } };
const MAAS_BACKUP: VmoSiteProps = { ...MAAS, maas: { domain: 'metal.example.com', cloudAccount: 'maas-dc1', availabilityZones: ['az1'], backup: { location: 's3', schedule: '0 1 * * *', expiryHours: 168 } } };
const MAAS_SCANS: VmoSiteProps = { ...MAAS, maas: { domain: 'metal.example.com', cloudAccount: 'maas-dc1', availabilityZones: ['az1'], scans: { configuration: '0 0 * * SUN', penetration: '0 0 * * SUN', conformance: '0 0 1 * *' } } };
const DIRECT: VmoSiteProps = { ...BASE, vmo: { access: 'direct', dashboardAddress: '10.20.30.10' } };
const CA: VmoSiteProps = { ...BASE, os: { caCertificates: [{ name: 'palette-ca', pem: TEST_CA_PEM }] } };
const SUPPRESSED: VmoSiteProps = { ...BASE, suppressions: [{ ruleId: 'NET-008', reason: 'the cluster will not grow beyond 64 nodes' }] };
const LONGHORN: VmoSiteProps = { ...BASE, storage: { backend: 'longhorn' } };
const ROOK_CEPH: VmoSiteProps = { ...BASE, storage: { backend: 'rook-ceph' } };

type Change = (p: VmoSiteProps) => VmoSiteProps;
interface OutputEntry {
  readonly path: string;
  readonly base?: VmoSiteProps;
  readonly change: Change;
  /** The setting is written to checks.json (suppressions are recorded there). */
  readonly inChecks?: true;
}
interface RulesOnlyEntry {
  readonly path: string;
  /** Why the setting is written to no profile. */
  readonly rulesOnly: string;
  readonly base?: VmoSiteProps;
  /** A value the rules refuse, at this setting. */
  readonly refuse: Change;
  readonly rule: string;
}
type Entry = OutputEntry | RulesOnlyEntry;

const net = (p: VmoSiteProps, n: Partial<VmoSiteProps['network']>): VmoSiteProps => ({ ...p, network: { ...p.network, ...n } });
const px = (p: VmoSiteProps, x: NonNullable<NonNullable<VmoSiteProps['storage']>['portworx']>): VmoSiteProps => ({ ...p, storage: { portworx: { ...p.storage?.portworx, ...x } } });

type Maas = NonNullable<VmoSiteProps['maas']>;
const maas = (p: VmoSiteProps, m: Partial<Maas>): VmoSiteProps => ({ ...p, maas: { ...(p.maas as Maas), ...m } });
const workerPool = (p: VmoSiteProps, w: Partial<NonNullable<Maas['workerPools']>[number]>): VmoSiteProps =>
  maas(p, { workerPools: [{ ...(p.maas?.workerPools?.[0] ?? { name: 'rack-a', count: 5 }), ...w }] });
const longhorn = (p: VmoSiteProps, x: NonNullable<NonNullable<VmoSiteProps['storage']>['longhorn']>): VmoSiteProps => ({ ...p, storage: { backend: 'longhorn', longhorn: { ...p.storage?.longhorn, ...x } } });
const rookCeph = (p: VmoSiteProps, x: NonNullable<NonNullable<VmoSiteProps['storage']>['rookCeph']>): VmoSiteProps => ({ ...p, storage: { backend: 'rook-ceph', rookCeph: { ...p.storage?.rookCeph, ...x } } });

const HOST_FACT = 'a host fact: MAAS configures it on the nodes; no profile holds it, the site rules check it against what the profiles hold';

const TABLE: readonly Entry[] = [
  { path: 'name', change: (p) => ({ ...p, name: 'cov-b' }) },
  { path: 'profileNamePrefix', change: (p) => ({ ...p, profileNamePrefix: 'VMO-LAB' }) },
  { path: 'profileVersion', change: (p) => ({ ...p, profileVersion: '1.7.1' }) },
  { path: 'os.caCertificates[].name', base: CA, change: (p) => ({ ...p, os: { caCertificates: [{ name: 'corp-ca', pem: TEST_CA_PEM }] } }) },
  { path: 'os.caCertificates[].pem', base: CA, change: (p) => ({ ...p, os: { caCertificates: [{ name: 'palette-ca', pem: TEST_CA2_PEM }] } }) },
  {
    path: 'os.caCertificates[].file',
    rulesOnly: 'the site-file loader reads the file into pem (test/site/site-file.test.ts); a program that names a file is refused',
    base: CA,
    refuse: (p) => ({ ...p, os: { caCertificates: [{ name: 'palette-ca', file: 'certs/palette-ca.pem' }] } }),
    rule: 'SITE-001',
  },
  { path: 'kubernetes.version', change: (p) => ({ ...p, kubernetes: { version: '1.32.10' } }) },
  { path: 'kubernetes.podCidr', change: (p) => ({ ...p, kubernetes: { podCidr: '100.64.0.0/17', serviceCidr: '100.65.0.0/18' } }) },
  { path: 'kubernetes.serviceCidr', change: (p) => ({ ...p, kubernetes: { serviceCidr: '100.65.0.0/18' } }) },
  { path: 'kubernetes.maxPodsPerNode', change: (p) => ({ ...p, kubernetes: { maxPodsPerNode: 200 } }) },
  { path: 'kubernetes.nodePodCidrPrefix', change: (p) => ({ ...p, kubernetes: { podCidr: '100.64.0.0/16', serviceCidr: '100.65.0.0/18', nodePodCidrPrefix: 23 } }) },
  { path: 'kubernetes.identityProvider', change: (p) => ({ ...p, kubernetes: { identityProvider: 'tenant' } }) },
  { path: 'kubernetes.oidc.issuerUrl', base: CUSTOM_OIDC, change: (p) => ({ ...p, kubernetes: { ...p.kubernetes, oidc: { issuerUrl: 'https://idp2.example.com', clientId: 'vmo' } } }) },
  { path: 'kubernetes.oidc.clientId', base: CUSTOM_OIDC, change: (p) => ({ ...p, kubernetes: { ...p.kubernetes, oidc: { issuerUrl: 'https://idp.example.com', clientId: 'vmo2' } } }) },
  { path: 'kubernetes.oidc.usernameClaim', base: CUSTOM_OIDC, change: (p) => ({ ...p, kubernetes: { ...p.kubernetes, oidc: { issuerUrl: 'https://idp.example.com', clientId: 'vmo', usernameClaim: 'sub' } } }) },
  { path: 'kubernetes.oidc.groupsClaim', base: CUSTOM_OIDC, change: (p) => ({ ...p, kubernetes: { ...p.kubernetes, oidc: { issuerUrl: 'https://idp.example.com', clientId: 'vmo', groupsClaim: 'roles' } } }) },
  // The control-plane count reaches the cluster definition (deploy/) of a site with maas.
  { path: 'nodes.controlPlane', base: MAAS, change: (p) => ({ ...p, nodes: { controlPlane: 5 } }) },
  { path: 'nodes.workers', change: (p) => ({ ...p, nodes: { workers: 6 } }) },
  { path: 'nodes.workerCpus', change: (p) => ({ ...p, nodes: { workerCpus: 8 } }) },
  { path: 'network.layout', change: (p) => net(p, { layout: 'two-nic' }) },
  { path: 'network.pxe.vlan', base: TWO_NIC, change: (p) => net(p, { pxe: { vlan: 5, cidr: '192.168.0.0/22' } }) },
  { path: 'network.pxe.cidr', rulesOnly: HOST_FACT, refuse: (p) => net(p, { pxe: { vlan: 0, cidr: '100.64.0.0/22' } }), rule: 'NET-002' },
  { path: 'network.pxe.gateway', rulesOnly: HOST_FACT, refuse: (p) => net(p, { pxe: { vlan: 0, cidr: '192.168.0.0/22', gateway: '192.168.9.1' } }), rule: 'NET-005' },
  { path: 'network.mgmt.vlan', change: (p) => net(p, { mgmt: { vlan: 11, cidr: '172.16.0.0/22' } }) },
  { path: 'network.mgmt.cidr', change: (p) => net(p, { mgmt: { vlan: 10, cidr: '172.18.0.0/22' } }) },
  { path: 'network.mgmt.gateway', rulesOnly: HOST_FACT, refuse: (p) => net(p, { mgmt: { vlan: 10, cidr: '172.16.0.0/22', gateway: '172.17.0.1' } }), rule: 'NET-005' },
  { path: 'network.data.vlan', change: (p) => net(p, { data: { vlan: 19, cidr: '10.20.0.0/16', gateway: '10.20.30.1' } }) },
  { path: 'network.data.cidr', rulesOnly: HOST_FACT, refuse: (p) => net(p, { data: { vlan: 20, cidr: '172.16.0.0/16', gateway: '172.16.30.1' } }), rule: 'NET-002' },
  { path: 'network.data.gateway', change: (p) => net(p, { data: { vlan: 20, cidr: '10.20.0.0/16', gateway: '10.20.40.1' } }) },
  { path: 'network.bondMode', rulesOnly: HOST_FACT, refuse: (p) => net(p, { bondMode: 'balance-rr' }), rule: 'VLAN-005' },
  { path: 'network.nics', rulesOnly: HOST_FACT, refuse: (p) => net(p, { nics: ['enp1s0'] }), rule: 'SITE-001' },
  { path: 'network.vmBridge', change: (p) => net(p, { vmBridge: 'br1' }) },
  { path: 'vmVlans', change: (p) => ({ ...p, vmVlans: '21-200' }) },
  { path: 'loadBalancer.pools[].name', base: POOLS, change: (p) => ({ ...p, loadBalancer: { pools: [{ name: 'public', addresses: ['10.20.30.100-10.20.30.150'] }] } }) },
  { path: 'loadBalancer.pools[].addresses', base: POOLS, change: (p) => ({ ...p, loadBalancer: { pools: [{ name: 'first-pool', addresses: ['10.20.30.100-10.20.30.160'] }] } }) },
  { path: 'loadBalancer.pools[].autoAssign', base: POOLS, change: (p) => ({ ...p, loadBalancer: { pools: [{ name: 'first-pool', addresses: ['10.20.30.100-10.20.30.150'], autoAssign: false }] } }) },
  { path: 'loadBalancer.pools[].avoidBuggyIPs', base: POOLS, change: (p) => ({ ...p, loadBalancer: { pools: [{ name: 'first-pool', addresses: ['10.20.30.100-10.20.30.150'], avoidBuggyIPs: false }] } }) },
  { path: 'loadBalancer.mode', change: () => BGP },
  { path: 'loadBalancer.bgp.myAsn', base: BGP, change: (p) => ({ ...p, loadBalancer: { ...p.loadBalancer, bgp: { myAsn: 64600, peers: [{ address: '10.20.30.1', asn: 64501 }] } } }) },
  { path: 'loadBalancer.bgp.peers[].address', base: BGP, change: (p) => ({ ...p, loadBalancer: { ...p.loadBalancer, bgp: { myAsn: 64500, peers: [{ address: '10.20.30.2', asn: 64501 }] } } }) },
  { path: 'loadBalancer.bgp.peers[].asn', base: BGP, change: (p) => ({ ...p, loadBalancer: { ...p.loadBalancer, bgp: { myAsn: 64500, peers: [{ address: '10.20.30.1', asn: 64502 }] } } }) },
  { path: 'storage.backend', change: () => LONGHORN },
  { path: 'storage.longhorn.version', base: LONGHORN, change: (p) => longhorn(p, { version: '1.9.0' }) },
  { path: 'storage.longhorn.replicas', base: LONGHORN, change: (p) => longhorn(p, { replicas: 2 }) },
  { path: 'storage.longhorn.overProvisioningPercentage', base: LONGHORN, change: (p) => longhorn(p, { overProvisioningPercentage: 300 }) },
  { path: 'storage.longhorn.dataPath', base: LONGHORN, change: (p) => longhorn(p, { dataPath: '/mnt/longhorn' }) },
  { path: 'storage.rookCeph.version', base: ROOK_CEPH, change: (p) => rookCeph(p, { version: '1.17.7' }) },
  { path: 'storage.rookCeph.replicas', base: ROOK_CEPH, change: (p) => rookCeph(p, { replicas: 2 }) },
  { path: 'storage.rookCeph.objectStore', base: ROOK_CEPH, change: (p) => rookCeph(p, { objectStore: true }) },
  { path: 'storage.portworx.version', change: (p) => px(p, { version: '3.3.2' }) },
  { path: 'storage.portworx.sanType', change: (p) => px(p, { sanType: 'ISCSI' }) },
  { path: 'storage.portworx.deviceSizeGiB', change: (p) => px(p, { deviceSizeGiB: 2048 }) },
  { path: 'storage.portworx.replication', change: (p) => px(p, { replication: 3 }) },
  { path: 'storage.portworx.maxStorageNodes', change: (p) => px(p, { maxStorageNodes: 4 }) },
  { path: 'storage.portworx.flashArrays[].mgmtEndpoint', change: (p) => px(p, { flashArrays: [{ mgmtEndpoint: '172.16.200.60' }] }) },
  { path: 'storage.portworx.preferRemoteNodeOnly', change: (p) => ({ ...px(p, { preferRemoteNodeOnly: true }), nodes: { workers: 7 } }) },
  { path: 'vmo.access', change: (p) => ({ ...p, vmo: { access: 'direct', dashboardAddress: '10.20.30.10' } }) },
  { path: 'vmo.dashboardAddress', base: DIRECT, change: (p) => ({ ...p, vmo: { access: 'direct', dashboardAddress: '10.20.30.11' } }) },
  { path: 'vmo.vmEnabledNamespaces', change: (p) => ({ ...p, vmo: { vmEnabledNamespaces: ['default', 'vms'] } }) },
  { path: 'vmo.allowVlansOnSelf', change: (p) => ({ ...p, vmo: { allowVlansOnSelf: true, allowedVlansOnSelf: '1' } }) },
  { path: 'vmo.allowedVlansOnSelf', base: TWO_NIC, change: (p) => ({ ...p, vmo: { allowedVlansOnSelf: '1,10,20,500' } }) },
  { path: 'vmo.privateCa.configMapName', base: PRIVATE_CA, change: (p) => ({ ...p, vmo: { privateCa: { configMapName: 'other-ca' } } }) },
  { path: 'vmo.privateCa.key', base: PRIVATE_CA, change: (p) => ({ ...p, vmo: { privateCa: { configMapName: 'custom-ca', key: 'ca.crt' } } }) },
  { path: 'cilium.bridgeInterface', base: TWO_NIC, change: (p) => ({ ...p, cilium: { bridgeInterface: 'br0' }, suppressions: [{ ruleId: 'VLAN-007', reason: 'testing the preset reaches the output' }] }) },
  { path: 'cilium.forceDeviceDetection', change: (p) => ({ ...p, cilium: { forceDeviceDetection: false } }) },
  { path: 'cilium.podNetworking', change: (p) => ({ ...p, cilium: { podNetworking: 'geneve' } }) },
  { path: 'cilium.ipv4NativeRoutingCidr', base: NATIVE, change: (p) => ({ ...p, cilium: { podNetworking: 'native', ipv4NativeRoutingCidr: '100.64.0.0/17' } }) },
  { path: 'monitoring.grafanaHost', change: (p) => ({ ...p, monitoring: { grafanaHost: 'grafana.lab.example.com' } }) },
  { path: 'templates.networks[].vlan', base: NETWORKS, change: (p) => ({ ...p, templates: { networks: [{ vlan: 31, name: 'vms', namespaces: ['default'] }] } }) },
  { path: 'templates.networks[].name', base: NETWORKS, change: (p) => ({ ...p, templates: { networks: [{ vlan: 30, name: 'vms-b', namespaces: ['default'] }] } }) },
  { path: 'templates.networks[].namespaces', base: NETWORKS, change: (p) => ({ ...p, templates: { networks: [{ vlan: 30, name: 'vms', namespaces: ['default', 'virtual-machines'] }] } }) },
  { path: 'templates.untaggedNetwork', change: (p) => ({ ...p, templates: { untaggedNetwork: false } }) },
  { path: 'templates.goldenImages', change: (p) => ({ ...p, templates: { goldenImages: false } }) },
  { path: 'templates.goldenImageSources.ubuntu2204', change: (p) => ({ ...p, templates: { goldenImageSources: { ubuntu2204: 'docker://registry.example.com/vmo/ubuntu:22.04.5' } } }) },
  { path: 'templates.goldenImageSources.windows2022', change: (p) => ({ ...p, templates: { goldenImageSources: { windows2022: 'docker://registry.example.com/vmo/windows-2022:20348.2700' } } }) },
  { path: 'profiles.layout', change: (p) => ({ ...p, profiles: { layout: 'split' } }) },
  { path: 'profiles.variables', change: (p) => ({ ...p, profiles: { variables: true } }) },
  { path: 'profiles.names.full', change: (p) => ({ ...p, profiles: { names: { full: 'LAB-Full' } } }) },
  { path: 'profiles.names.infra', change: (p) => ({ ...p, profiles: { names: { infra: 'LAB-Infra' } } }) },
  { path: 'profiles.names.core', change: (p) => ({ ...p, profiles: { names: { core: 'LAB-Core' } } }) },
  { path: 'profiles.names.templates', change: (p) => ({ ...p, profiles: { names: { templates: 'LAB-Templates' } } }) },
  { path: 'packCatalog', change: (p) => ({ ...p, packCatalog: join(__dirname, '..', 'fixtures', 'user-catalog') }) },
  { path: 'maas.domain', base: MAAS, change: (p) => maas(p, { domain: 'metal2.example.com' }) },
  { path: 'maas.cloudAccount', base: MAAS, change: (p) => maas(p, { cloudAccount: 'maas-dc2' }) },
  { path: 'maas.availabilityZones', base: MAAS, change: (p) => maas(p, { availabilityZones: ['az1', 'az2'] }) },
  { path: 'maas.controlPlane.resourcePool', base: MAAS, change: (p) => maas(p, { controlPlane: { resourcePool: 'cp-small' } }) },
  { path: 'maas.controlPlane.availabilityZones', base: MAAS, change: (p) => maas(p, { controlPlane: { availabilityZones: ['az2'] } }) },
  { path: 'maas.controlPlane.nodeTags', base: MAAS, change: (p) => maas(p, { controlPlane: { nodeTags: ['virtual'] } }) },
  { path: 'maas.controlPlane.minCpu', base: MAAS, change: (p) => maas(p, { controlPlane: { minCpu: 8 } }) },
  { path: 'maas.controlPlane.minMemoryMiB', base: MAAS, change: (p) => maas(p, { controlPlane: { minMemoryMiB: 16384 } }) },
  { path: 'maas.workerPools[].name', base: MAAS_POOLS, change: (p) => workerPool(p, { name: 'rack-b' }) },
  { path: 'maas.workerPools[].count', base: MAAS_POOLS, change: (p) => ({ ...workerPool(p, { count: 6 }), nodes: { workers: 6 } }) },
  { path: 'maas.workerPools[].resourcePool', base: MAAS_POOLS, change: (p) => workerPool(p, { resourcePool: 'gpu' }) },
  { path: 'maas.workerPools[].availabilityZones', base: MAAS_POOLS, change: (p) => workerPool(p, { availabilityZones: ['az2'] }) },
  { path: 'maas.workerPools[].nodeTags', base: MAAS_POOLS, change: (p) => workerPool(p, { nodeTags: ['fc-hba'] }) },
  { path: 'maas.workerPools[].minCpu', base: MAAS_POOLS, change: (p) => workerPool(p, { minCpu: 48 }) },
  { path: 'maas.workerPools[].minMemoryMiB', base: MAAS_POOLS, change: (p) => workerPool(p, { minMemoryMiB: 262144 }) },
  { path: 'maas.ntpServers', base: MAAS, change: (p) => maas(p, { ntpServers: ['ntp.example.com'] }) },
  { path: 'maas.sshKeys', base: MAAS, change: (p) => maas(p, { sshKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIC0ffee0000000000000000000000000000000000000 ops@example.com'] }) },
  { path: 'maas.timeZone', base: MAAS, change: (p) => maas(p, { timeZone: 'Europe/Amsterdam' }) },
  { path: 'maas.backup.location', base: MAAS_BACKUP, change: (p) => maas(p, { backup: { location: 's3-b', schedule: '0 1 * * *', expiryHours: 168 } }) },
  { path: 'maas.backup.schedule', base: MAAS_BACKUP, change: (p) => maas(p, { backup: { location: 's3', schedule: '0 2 * * *', expiryHours: 168 } }) },
  { path: 'maas.backup.expiryHours', base: MAAS_BACKUP, change: (p) => maas(p, { backup: { location: 's3', schedule: '0 1 * * *', expiryHours: 72 } }) },
  { path: 'maas.backup.prefix', base: MAAS_BACKUP, change: (p) => maas(p, { backup: { location: 's3', schedule: '0 1 * * *', expiryHours: 168, prefix: 'lab' } }) },
  { path: 'maas.backup.includeDisks', base: MAAS_BACKUP, change: (p) => maas(p, { backup: { location: 's3', schedule: '0 1 * * *', expiryHours: 168, includeDisks: false } }) },
  { path: 'maas.scans.configuration', base: MAAS_SCANS, change: (p) => maas(p, { scans: { configuration: '0 1 * * SUN', penetration: '0 0 * * SUN', conformance: '0 0 1 * *' } }) },
  { path: 'maas.scans.penetration', base: MAAS_SCANS, change: (p) => maas(p, { scans: { configuration: '0 0 * * SUN', penetration: '0 1 * * SUN', conformance: '0 0 1 * *' } }) },
  { path: 'maas.scans.conformance', base: MAAS_SCANS, change: (p) => maas(p, { scans: { configuration: '0 0 * * SUN', penetration: '0 0 * * SUN', conformance: '0 1 1 * *' } }) },
  { path: 'suppressions[].ruleId', base: SUPPRESSED, inChecks: true, change: (p) => ({ ...p, suppressions: [{ ruleId: 'CAP-001', reason: 'the cluster will not grow beyond 64 nodes' }] }) },
  { path: 'suppressions[].reason', base: SUPPRESSED, inChecks: true, change: (p) => ({ ...p, suppressions: [{ ruleId: 'NET-008', reason: 'another reason, recorded beside the finding' }] }) },
];

/** The schema's leaves: `a.b`, with `[]` for list items. */
function leaves(node: Record<string, unknown>, path = ''): string[] {
  const props = node.properties as Record<string, Record<string, unknown>> | undefined;
  if (props) return Object.entries(props).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  const items = node.items as Record<string, unknown> | undefined;
  if (items?.properties) return leaves(items, `${path}[]`);
  return [path];
}

/** Every file the site writes, or the error findings that refuse it. */
function synth(props: VmoSiteProps): { files: Map<string, string>; errors: { ruleId: string; location: string }[] } {
  const app = new PaletteApp({ outdir: '/nonexistent' });
  new VmoSite(app, props.name ?? 'site', props);
  try {
    const result = app.render();
    return { files: result.sites.get(props.name ?? 'site') ?? new Map(), errors: [] };
  } catch (e) {
    if (!(e instanceof SynthError)) throw e;
    return { files: new Map(), errors: e.findings.filter((f) => f.level === 'error' && f.suppressedReason === undefined) };
  }
}

/** What the site writes: its profiles, manifests and variables (and checks.json where asked). */
function written(files: Map<string, string>, withChecks = false): string {
  return JSON.stringify([...files].filter(([name]) => withChecks || name !== 'checks.json'));
}

describe('every site setting reaches the output or is refused', () => {
  test('the table covers every leaf of the site schema, once', () => {
    expect(TABLE.map((e) => e.path).sort()).toEqual(leaves(SITE_SCHEMA as Record<string, unknown>).sort());
  });

  const outputs = TABLE.filter((e): e is OutputEntry => 'change' in e);
  test.each(outputs.map((e) => [e.path, e] as const))('%s changes what the site writes', (_path, entry) => {
    const base = entry.base ?? BASE;
    const before = synth(base);
    const after = synth(entry.change(base));
    expect(before.errors).toEqual([]);
    expect(after.errors).toEqual([]);
    expect(written(after.files, entry.inChecks)).not.toBe(written(before.files, entry.inChecks));
  });

  const rulesOnly = TABLE.filter((e): e is RulesOnlyEntry => 'rulesOnly' in e);
  test.each(rulesOnly.map((e) => [e.path, e] as const))('%s is a host fact the rules check: a bad value is refused there', (path, entry) => {
    expect(entry.rulesOnly.length).toBeGreaterThan(20);
    const refused = synth(entry.refuse(entry.base ?? BASE));
    // A list entry's finding names the entry (`os.caCertificates[palette-ca].file`); the table names the list.
    const setting = (location: string) => location.replace(/^site [^:]+: /, '').replace(/\[[^\]]*\]/g, '');
    expect(refused.errors.map((f) => [f.ruleId, setting(f.location)])).toContainEqual([entry.rule, path.replace(/\[\]/g, '')]);
  });
});

describe('the settings the architecture review found validated but not written (issue 10)', () => {
  const pack = (files: Map<string, string>, profile: string, name: string) =>
    (JSON.parse(files.get(`profiles/${profile}.json`) ?? '{"spec":{"template":{"packs":[]}}}') as { spec: { template: { packs: { name: string; version: string; values: string }[] } } }).spec.template.packs.find(
      (p) => p.name === name,
    );

  test('storage.portworx.version is the pack version written (3.4.1 with Kubernetes 1.33 passes STO-010)', () => {
    const { files, errors } = synth(px({ ...BASE, kubernetes: { version: '1.33.1' } }, { version: '3.4.1' }));
    expect(errors).toEqual([]);
    expect(pack(files, 'VMO-RA-Full', 'csi-portworx-generic')?.version).toBe('3.4.1');
    expect(pack(files, 'VMO-RA-Full', 'csi-portworx-generic')?.values).toContain('image: portworx/oci-monitor:3.4.1');
    expect(synth(px({ ...BASE, kubernetes: { version: '1.33.1' } }, { version: '3.3.1' })).errors.map((f) => f.ruleId)).toEqual(['STO-010']);
  });

  test('templates.goldenImages: false drops the golden-images layer', () => {
    const { files } = synth({ ...BASE, templates: { goldenImages: false } });
    expect(pack(files, 'VMO-RA-Templates', 'vmo-goldenimages')).toBeUndefined();
    expect(pack(files, 'VMO-RA-Templates', 'vmo-vmtemplates')).toBeDefined();
    expect(pack(synth(BASE).files, 'VMO-RA-Templates', 'vmo-goldenimages')).toBeDefined();
  });

  test('kubernetes.nodePodCidrPrefix is the node CIDR mask written, so the rule and the cluster size the pod CIDR alike', () => {
    const { files } = synth({ ...BASE, kubernetes: { podCidr: '100.64.0.0/16', serviceCidr: '100.65.0.0/18', nodePodCidrPrefix: 23 } });
    expect(pack(files, 'VMO-RA-Full', 'kubernetes')?.values).toContain('node-cidr-mask-size: "23"');
    // repro r11: /26 per node in a /20 is 64 blocks for 60 nodes + 1 spare; with the mask written the cluster allocates exactly that.
    const r11 = { ...BASE, nodes: { controlPlane: 3, workers: 57 }, kubernetes: { nodePodCidrPrefix: 26, maxPodsPerNode: 60, podCidr: '100.64.0.0/20', serviceCidr: '100.65.0.0/18' } };
    expect(pack(synth(r11).files, 'VMO-RA-Full', 'kubernetes')?.values).toContain('node-cidr-mask-size: "26"');
    // The same sizing at the /24 Kubernetes would have used before refuses: 16 blocks for 61.
    expect(synth({ ...r11, kubernetes: { ...r11.kubernetes, nodePodCidrPrefix: 24 } }).errors.map((f) => f.ruleId)).toContain('NET-003');
  });

  test("loadBalancer.mode 'bgp' without a bgp block is refused, not written as L2", () => {
    const { errors } = synth({ ...BASE, loadBalancer: { mode: 'bgp', pools: [{ name: 'ext', addresses: ['198.51.100.10-198.51.100.20'] }] } });
    expect(errors.map((f) => [f.ruleId, f.location])).toContainEqual(['SITE-001', 'site cov: loadBalancer.bgp']);
  });

  test('profiles.variables keeps every address of the first MetalLB pool', () => {
    const { files } = synth({ ...BASE, profiles: { layout: 'full', variables: true }, loadBalancer: { pools: [{ name: 'first-pool', addresses: ['10.20.30.100-10.20.30.150', '10.20.40.100-10.20.40.150'] }] } });
    const values = pack(files, 'VMO-RA-Full', 'lb-metallb-helm')?.values ?? '';
    expect(values).toContain("'{{.spectro.var.metallbAddresses}}'");
    expect(values).toContain('10.20.40.100-10.20.40.150');
  });

  test('invalid node counts are errors, unknown layouts and SAN types are refused, nics are checked against the layout', () => {
    for (const n of [0, -1, NaN]) expect(synth({ ...BASE, nodes: { controlPlane: n } }).errors.map((f) => f.ruleId)).toContain('CAP-002');
    expect(synth(net(BASE, { layout: 'three-nic' as 'two-nic' })).errors.map((f) => f.location)).toContain('site cov: network.layout');
    expect(synth(px(BASE, { sanType: 'NVMe' as 'FC' })).errors.map((f) => f.location)).toContain('site cov: storage.portworx.sanType');
    expect(synth(net(BASE, { nics: [] })).errors.map((f) => f.location)).toContain('site cov: network.nics');
    expect(synth(net(BASE, { nics: ['eno1', 'eno2', 'eno3', 'eno4'] })).errors).toEqual([]);
  });
});
