import { VolumeSnapshotClassDeletionPolicy } from '../../imports/snapshot.storage.k8s.io';
import { LayerType, PaletteApp, PaletteSite, ProfileVariable, VariableFormat } from '../../lib/palette';
import { VlanSet } from '../../lib/common/vlan-set';
import {
  KubevirtFeatureGate, VirtualMachineOrchestratorPack, VirtualMachineOrchestratorPackProps, VMO_REQUIRED_FEATURE_GATES, VmoDashboardAccess,
} from '../../lib/packs/vmo';
import { renderLayer } from '../helpers';

function vmo(props: VirtualMachineOrchestratorPackProps = {}) {
  const app = new PaletteApp();
  return new VirtualMachineOrchestratorPack(new PaletteSite(app, 'test'), 'vmo', props);
}

function chartOf(layer: VirtualMachineOrchestratorPack) {
  return renderLayer(layer).values.charts['virtual-machine-orchestrator'];
}

describe('VirtualMachineOrchestratorPack', () => {
  test('defaults', () => {
    const layer = vmo();
    const { json, values } = renderLayer(layer);
    expect(json.name).toBe('virtual-machine-orchestrator');
    expect(json.version).toBe('4.7.0');
    expect(json.layer).toBe(LayerType.ADDON.value);
    expect(values.pack.namespace).toBe('vm-dashboard');
    expect(values.pack['spectrocloud.com/install-priority']).toBe('30');
    expect(values.pack.palette.config.dashboard.access).toBe('private');

    const chart = values.charts['virtual-machine-orchestrator'];
    expect(chart.service.type).toBe('ClusterIP');
    expect(chart.sampleTemplates).toEqual({
      fedora37: false, ubuntu2204: false, ubuntu2204WithVol: false, ubuntu2204staticIP: false, fedora37staticIP: false,
    });
    expect(chart.vmEnabledNamespaces).toEqual(['default', 'virtual-machines']);

    const filtering = chart.vlanFiltering;
    expect(filtering.enabled).toBe(true);
    expect(filtering.namespace).toBe('kube-system');
    expect(filtering.env.bridgeIF).toBe('br0');
    expect(filtering.env.allowedVlans).toBe('21-100');
    expect(filtering.env.allowVlansOnSelf).toBe('true');
    const onSelf = VlanSet.parse(filtering.env.allowedVlansOnSelf);
    expect(VlanSet.parse('21-100').isSubsetOf(onSelf)).toBe(true);
    // Seed 001: "1,10,20,21-100".
    expect(onSelf.toString()).toBe(VlanSet.parse('1,10,20,21-100').toString());

    const snapshotClass = chart['snapshot-controller'].volumeSnapshotClass;
    expect(snapshotClass).toEqual({
      create: true,
      name: 'portworx-snapshot-class',
      driver: 'pxd.portworx.com',
      deletionPolicy: 'Delete',
      params: {},
      extraLabels: { 'velero.io/csi-volumesnapshot-class': 'true' },
    });

    const kubevirt = chart.kubevirt.kubevirtResource;
    for (const gate of VMO_REQUIRED_FEATURE_GATES) expect(kubevirt.additionalFeatureGates).toContain(gate.name);
    expect(kubevirt.additionalFeatureGates).toEqual(expect.arrayContaining(['VMPersistentState', 'CPUManager', 'HypervStrictCheck']));
    expect(new Set(kubevirt.additionalFeatureGates).size).toBe(kubevirt.additionalFeatureGates.length);
    expect(kubevirt.config.additionalConfig.vmStateStorageClass).toBe('spectro-storage-class');
    expect(chart.privateCaCertificate).toBeUndefined();
    expect(layer.variables).toEqual([]);
    expect(json).toMatchSnapshot();
  });

  test('custom direct access', () => {
    const layer = vmo({ access: VmoDashboardAccess.DIRECT });
    const { values } = renderLayer(layer);
    expect(values.pack.palette.config.dashboard.access).toBe('public');
    expect(values.charts['virtual-machine-orchestrator'].service.type).toBe('LoadBalancer');
    expect(layer.access.label).toBe('Direct');
    expect(values.charts['virtual-machine-orchestrator'].appConfig).toBeUndefined();
  });

  // Seed 000:582: Direct mode, "Set consoleBaseAddress to LB IP"; the key path is the pack's (values.yaml appConfig.clusterInfo).
  test('custom direct access with the dashboard address as consoleBaseAddress (seed 000:582)', () => {
    const chart = chartOf(vmo({ access: VmoDashboardAccess.DIRECT, consoleBaseAddress: '10.20.30.10' }));
    expect(chart.appConfig).toEqual({ clusterInfo: { consoleBaseAddress: '10.20.30.10' } });
  });

  test('fails with consoleBaseAddress on proxied access, which leaves it empty (seed 000:583)', () => {
    expect(() => vmo({ consoleBaseAddress: '10.20.30.10' })).toThrow(
      "consoleBaseAddress '10.20.30.10' is set with Proxied access: the field guide leaves it empty unless access is Direct; remove it or use VmoDashboardAccess.DIRECT",
    );
    expect(() => vmo({ access: VmoDashboardAccess.DIRECT, consoleBaseAddress: 'http://x y' })).toThrow(/consoleBaseAddress 'http:\/\/x y' is not an address/);
  });

  test('custom namespaces, snapshot class, gates, TPM class and private CA', () => {
    const chart = chartOf(vmo({
      installPriority: 35,
      vmEnabledNamespaces: ['virtual-machines', 'tenant-a'],
      volumeSnapshotClass: {
        name: 'px-csi-snapclass',
        driver: 'pxd.portworx.com',
        deletionPolicy: VolumeSnapshotClassDeletionPolicy.RETAIN,
        params: { 'csi.openstorage.org/snapshot-type': 'local' },
        extraLabels: {},
      },
      kubevirtFeatureGates: [KubevirtFeatureGate.HYPERV_STRICT_CHECK, KubevirtFeatureGate.of('NUMA'), KubevirtFeatureGate.SNAPSHOT],
      vmStateStorageClass: 'px-sharedv4-fs',
      privateCaCertificate: {},
    }));
    expect(chart.vmEnabledNamespaces).toEqual(['virtual-machines', 'tenant-a']);
    expect(chart['snapshot-controller'].volumeSnapshotClass).toEqual({
      create: true,
      name: 'px-csi-snapclass',
      driver: 'pxd.portworx.com',
      deletionPolicy: 'Retain',
      params: { 'csi.openstorage.org/snapshot-type': 'local' },
      extraLabels: {},
    });
    expect(chart.kubevirt.kubevirtResource.additionalFeatureGates).toEqual([
      ...VMO_REQUIRED_FEATURE_GATES.map((g) => g.name), 'HypervStrictCheck', 'NUMA',
    ]);
    expect(chart.kubevirt.kubevirtResource.config.additionalConfig.vmStateStorageClass).toBe('px-sharedv4-fs');
    // Seed 000 "Custom CA Certificate".
    expect(chart.privateCaCertificate).toEqual({ enabled: true, configmapName: 'custom-ca', certificateKey: 'cert', mountPath: '/etc/ssl/certs/' });
  });

  test('custom literal VLANs are merged into allowedVlansOnSelf', () => {
    const layer = vmo({
      vlanFiltering: { bridgeIF: 'br1', allowedVlans: VlanSet.parse('30,40-49'), allowedVlansOnSelf: VlanSet.parse('1,50'), allowVlansOnSelf: false },
    });
    const env = chartOf(layer).vlanFiltering.env;
    expect(env.bridgeIF).toBe('br1');
    expect(env.allowedVlans).toBe('30,40-49');
    expect(env.allowVlansOnSelf).toBe('false');
    expect(env.allowedVlansOnSelf).toBe('1,30,40-50');
    expect(layer.allowedVlans?.toString()).toBe('30,40-49');
  });

  test('custom host VLANs left empty give the VM VLANs only', () => {
    const env = chartOf(vmo({ vlanFiltering: { allowedVlansOnSelf: VlanSet.empty() } })).vlanFiltering.env;
    expect(env.allowedVlansOnSelf).toBe('21-100');
  });

  test('custom VLAN variables, as RA rev 1.7 makes them', () => {
    const vmVlans = new ProfileVariable('vmVlans', { displayName: 'VLANs for VMs', defaultValue: '21-100' });
    const br0Vlans = new ProfileVariable('br0Vlans', { displayName: 'VLANs on top of br0', defaultValue: '1' });
    const onSelf = new ProfileVariable('allowVlansOnSelf', { format: VariableFormat.BOOLEAN, defaultValue: true });
    const layer = vmo({ vlanFiltering: { allowedVlans: vmVlans, allowedVlansOnSelf: br0Vlans, allowVlansOnSelf: onSelf } });
    const env = chartOf(layer).vlanFiltering.env;
    expect(env.allowedVlans).toBe('{{.spectro.var.vmVlans}}');
    expect(env.allowVlansOnSelf).toBe('{{.spectro.var.allowVlansOnSelf}}');
    // The VM VLANs are always part of the host's list.
    expect(env.allowedVlansOnSelf).toBe('{{.spectro.var.br0Vlans}},{{.spectro.var.vmVlans}}');
    expect(layer.variables.map((v) => v.name).sort()).toEqual(['allowVlansOnSelf', 'br0Vlans', 'vmVlans']);
    expect(layer.values).toContain("allowedVlansOnSelf: '{{.spectro.var.br0Vlans}},{{.spectro.var.vmVlans}}'");
  });

  test('custom mixed literal and variable VLANs', () => {
    const vmVlans = new ProfileVariable('vmVlans', { defaultValue: '21-100' });
    const br0Vlans = new ProfileVariable('br0Vlans', { defaultValue: '1,20' });
    expect(chartOf(vmo({ vlanFiltering: { allowedVlans: vmVlans } })).vlanFiltering.env.allowedVlansOnSelf).toBe('1,10,20,{{.spectro.var.vmVlans}}');
    expect(chartOf(vmo({ vlanFiltering: { allowedVlansOnSelf: br0Vlans } })).vlanFiltering.env.allowedVlansOnSelf).toBe('{{.spectro.var.br0Vlans}},21-100');
    const only = vmo({ vlanFiltering: { allowedVlans: vmVlans, allowedVlansOnSelf: VlanSet.empty() } });
    expect(chartOf(only).vlanFiltering.env.allowedVlansOnSelf).toBe('{{.spectro.var.vmVlans}}');
    expect(only.variables.map((v) => v.name)).toEqual(['vmVlans']);
  });

  test('custom VLAN filtering off', () => {
    const layer = vmo({ vlanFiltering: { enabled: false } });
    expect(chartOf(layer).vlanFiltering).toEqual({ enabled: false });
    expect(layer.allowedVlans).toBeUndefined();
  });

  test('custom extra values merge last', () => {
    const chart = chartOf(vmo({ values: { charts: { 'virtual-machine-orchestrator': { kubevirt: { service: { type: 'ClusterIP' } } } } } }));
    expect(chart.kubevirt.service.type).toBe('ClusterIP');
    expect(chart.kubevirt.kubevirtResource.config.additionalConfig.vmStateStorageClass).toBe('spectro-storage-class');
  });

  test('fails with an invalid VM-enabled namespace', () => {
    expect(() => vmo({ vmEnabledNamespaces: ['Virtual_Machines'] })).toThrow(/VM-enabled namespace 'Virtual_Machines' is not a valid namespace name/);
  });

  test('fails with a VM-enabled namespace listed twice', () => {
    expect(() => vmo({ vmEnabledNamespaces: ['default', 'default'] })).toThrow(/VM-enabled namespace 'default' is listed twice/);
  });

  test('fails with an invalid VLAN filtering namespace', () => {
    expect(() => vmo({ vlanFiltering: { namespace: 'kube system' } })).toThrow(/VLAN filtering namespace 'kube system' is not a valid namespace name/);
  });

  test('fails with an invalid bridge interface', () => {
    expect(() => vmo({ vlanFiltering: { bridgeIF: 'bridge-for-vms-0' } })).toThrow(/bridgeIF 'bridge-for-vms-0' is not a Linux interface name \(it is longer than 15 bytes\)/);
  });

  test('fails with empty VM VLANs', () => {
    expect(() => vmo({ vlanFiltering: { allowedVlans: VlanSet.empty() } })).toThrow(/allowedVlans is empty/);
  });

  test('fails with a VM VLAN variable with an invalid default', () => {
    const vmVlans = new ProfileVariable('vmVlans', { defaultValue: '21-5000' });
    expect(() => vmo({ vlanFiltering: { allowedVlans: vmVlans } })).toThrow(/VLAN variable 'vmVlans' has an invalid default: VLAN id 5000/);
  });

  test('fails with a host VLAN variable with an invalid default', () => {
    const br0Vlans = new ProfileVariable('br0Vlans', { defaultValue: '10;20' });
    expect(() => vmo({ vlanFiltering: { allowedVlansOnSelf: br0Vlans } })).toThrow(/VLAN variable 'br0Vlans' has an invalid default: .*malformed entry '10;20'/);
  });

  test('fails with an allowVlansOnSelf variable with a non-boolean default', () => {
    const onSelf = new ProfileVariable('onSelf', { defaultValue: 'yes' });
    expect(() => vmo({ vlanFiltering: { allowVlansOnSelf: onSelf } })).toThrow(/allowVlansOnSelf variable 'onSelf' has default 'yes': the pack takes 'true' or 'false'/);
  });

  test('fails with an invalid snapshot class name', () => {
    expect(() => vmo({ volumeSnapshotClass: { name: 'Portworx Snapshots' } })).toThrow(/volume snapshot class name 'Portworx Snapshots' is invalid/);
  });

  test('fails with an invalid snapshot driver', () => {
    expect(() => vmo({ volumeSnapshotClass: { driver: 'pxd/portworx' } })).toThrow(/driver 'pxd\/portworx' is not a CSI driver name/);
  });

  test('fails with an invalid feature gate name', () => {
    expect(() => KubevirtFeatureGate.of('hyperv-strict-check')).toThrow(/feature gate 'hyperv-strict-check' is invalid/);
  });

  test('fails with an invalid TPM storage class', () => {
    expect(() => vmo({ vmStateStorageClass: 'PX_FS' })).toThrow(/TPM state storage class name 'PX_FS' is invalid/);
  });

  test('fails with an invalid private CA ConfigMap name', () => {
    expect(() => vmo({ privateCaCertificate: { configmapName: 'Custom CA' } })).toThrow(/private CA ConfigMap name 'Custom CA' is invalid/);
  });

  test('fails with an invalid private CA key', () => {
    expect(() => vmo({ privateCaCertificate: { certificateKey: 'ca/cert' } })).toThrow(/certificateKey 'ca\/cert' is not a ConfigMap key/);
  });

  test('fails with a relative private CA mount path', () => {
    expect(() => vmo({ privateCaCertificate: { mountPath: 'etc/ssl/certs' } })).toThrow(/mountPath 'etc\/ssl\/certs' is not an absolute path/);
  });

  test('fails with a fractional install priority', () => {
    expect(() => vmo({ installPriority: 30.5 })).toThrow(/install priority 30\.5/);
  });
});
