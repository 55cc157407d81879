import { VmOsType, VmPreference, VmPreferenceSpec, VmoPreferencesLayer } from '../../lib/templates';
import { renderLayer } from '../helpers';
import { bareLayer, newSite } from './helpers';

const HYPERV = {
  relaxed: {}, vapic: {}, vpindex: {}, spinlocks: { spinlocks: 8191 }, synic: {}, synictimer: { direct: {} },
  tlbflush: {}, frequencies: {}, reenlightenment: {}, ipi: {}, runtime: {}, reset: {},
};

function render(spec: VmPreferenceSpec, name = 'p') {
  const layer = bareLayer();
  new VmPreference(layer, 'vmcp', { name, spec });
  const docs = renderLayer(layer).manifests.vmcp;
  expect(docs).toHaveLength(1);
  return docs[0];
}

describe('VmPreferenceSpec and VmPreference', () => {
  test('defaults: linux', () => {
    const p = render(VmPreferenceSpec.linux(), 'generic-linux');
    expect(p.apiVersion).toBe('instancetype.kubevirt.io/v1beta1');
    expect(p.kind).toBe('VirtualMachineClusterPreference');
    expect(p.metadata.name).toBe('generic-linux');
    expect(p.metadata.labels['instancetype.kubevirt.io/os-type']).toBe('linux');
    expect(p.metadata.labels['instancetype.kubevirt.io/vendor']).toBe('spectrocloud.com');
    expect(p.metadata.labels['instancetype.kubevirt.io/required-cpu']).toBe('1');
    expect(p.metadata.labels['instancetype.kubevirt.io/required-memory']).toBe('2Gi');
    expect(p.spec.devices.preferredDiskBus).toBe('virtio');
    expect(p.spec.devices.preferredInterfaceModel).toBe('virtio');
    expect(p.spec.devices.preferredRng).toEqual({});
    expect(p.spec.clock.preferredClockOffset).toEqual({ utc: {} });
    expect(p.spec.annotations).toEqual({ 'descheduler.alpha.kubernetes.io/evict': 'true' });
    expect(p.spec.requirements).toEqual({ cpu: { guest: 1 }, memory: { guest: '2Gi' } });
    expect(p.spec.preferredTerminationGracePeriodSeconds).toBe(180);
    expect(p.spec.firmware).toBeUndefined();
  });

  test('defaults: windows2022 (sata, e1000e)', () => {
    const p = render(VmPreferenceSpec.windows2022(), 'windows.2k22');
    expect(p.metadata.labels['instancetype.kubevirt.io/os-type']).toBe('windows');
    expect(p.spec.features.preferredHyperv).toEqual(HYPERV);
    expect(p.spec.features.preferredAcpi).toEqual({});
    expect(p.spec.features.preferredApic).toEqual({});
    expect(p.spec.features.preferredSmm).toEqual({});
    expect(p.spec.clock).toEqual({
      preferredClockOffset: { utc: {} },
      preferredTimer: { hpet: { present: false }, pit: { tickPolicy: 'delay' }, rtc: { tickPolicy: 'catchup' }, hyperv: {} },
    });
    expect(p.spec.firmware).toEqual({ preferredEfi: { secureBoot: true, persistent: true } });
    expect(p.spec.devices.preferredTPM).toEqual({ persistent: true });
    expect(p.spec.devices.preferredDiskBus).toBe('sata');
    expect(p.spec.devices.preferredInterfaceModel).toBe('e1000e');
    expect(p.spec.preferredTerminationGracePeriodSeconds).toBe(3600);
    expect(p.spec.annotations['descheduler.alpha.kubernetes.io/evict']).toBe('true');
    expect(p.spec.requirements).toEqual({ cpu: { guest: 1 }, memory: { guest: '2Gi' } });
  });

  test('windows2022Virtio switches disk bus and NIC model to virtio and keeps the rest', () => {
    const sata = render(VmPreferenceSpec.windows2022());
    const virtio = render(VmPreferenceSpec.windows2022Virtio());
    expect(virtio.spec.devices.preferredDiskBus).toBe('virtio');
    expect(virtio.spec.devices.preferredInterfaceModel).toBe('virtio');
    const strip = (p: any) => ({ ...p.spec, devices: { ...p.spec.devices, preferredDiskBus: undefined, preferredInterfaceModel: undefined } });
    expect(strip(virtio)).toEqual(strip(sata));
  });

  test('custom options, vendor and no descheduler annotation', () => {
    const layer = bareLayer();
    new VmPreference(layer, 'vmcp', {
      name: 'windows.2k22.virtio',
      spec: VmPreferenceSpec.windows2022Virtio({ requiredCpu: 2, requiredMemoryGiB: 4, terminationGracePeriodSeconds: 600 }),
      vendor: 'example.com',
      evictableByDescheduler: false,
    });
    const [p] = renderLayer(layer).manifests.vmcp;
    expect(p.metadata.name).toBe('windows.2k22.virtio');
    expect(p.metadata.labels['instancetype.kubevirt.io/vendor']).toBe('example.com');
    expect(p.metadata.labels['instancetype.kubevirt.io/required-memory']).toBe('4Gi');
    expect(p.spec.requirements).toEqual({ cpu: { guest: 2 }, memory: { guest: '4Gi' } });
    expect(p.spec.preferredTerminationGracePeriodSeconds).toBe(600);
    expect(p.spec.annotations).toBeUndefined();
  });

  test('a custom spec keeps its own annotations and gains the descheduler one', () => {
    const p = render(VmPreferenceSpec.custom(VmOsType.LINUX, { annotations: { 'vm.kubevirt.io/os': 'linux' }, devices: { preferredDiskBus: 'scsi' } }));
    expect(p.spec.annotations).toEqual({ 'vm.kubevirt.io/os': 'linux', 'descheduler.alpha.kubernetes.io/evict': 'true' });
    expect(p.spec.devices).toEqual({ preferredDiskBus: 'scsi' });
  });

  test('the Windows preferences enable SMM whenever secure boot is on', () => {
    for (const spec of [VmPreferenceSpec.windows2022(), VmPreferenceSpec.windows2022Virtio()]) {
      expect(spec.secureBoot).toBe(true);
      expect(spec.smm).toBe(true);
      const p = render(spec);
      expect(p.spec.firmware.preferredEfi.secureBoot).toBe(true);
      expect(p.spec.features.preferredSmm).toBeDefined();
      expect(p.spec.features.preferredSmm.enabled).not.toBe(false);
    }
  });

  test('fails on secure boot without SMM', () => {
    const spec = VmPreferenceSpec.custom(VmOsType.WINDOWS, { firmware: { preferredEfi: { secureBoot: true } } });
    expect(() => new VmPreference(bareLayer(), 'vmcp', { name: 'bad-windows', spec }))
      .toThrow(/VM preference 'bad-windows' enables secure boot without SMM, and such a VM does not boot/);
  });

  test('fails on EFI without an explicit secureBoot (it defaults to on) and without SMM', () => {
    const spec = VmPreferenceSpec.custom(VmOsType.WINDOWS, { firmware: { preferredEfi: {} } });
    expect(() => new VmPreference(bareLayer(), 'vmcp', { name: 'efi', spec })).toThrow(/enables secure boot without SMM/);
  });

  test('fails on the deprecated secure boot switch with SMM turned off', () => {
    const spec = VmPreferenceSpec.custom(VmOsType.WINDOWS, {
      firmware: { preferredUseEfi: true, preferredUseSecureBoot: true },
      features: { preferredSmm: { enabled: false } },
    });
    expect(() => new VmPreference(bareLayer(), 'vmcp', { name: 'old', spec })).toThrow(/enables secure boot without SMM/);
  });

  test('accepts EFI with secure boot off and no SMM', () => {
    const spec = VmPreferenceSpec.custom(VmOsType.LINUX, { firmware: { preferredEfi: { secureBoot: false } } });
    expect(render(spec).spec.firmware).toEqual({ preferredEfi: { secureBoot: false } });
  });

  test('fails on an invalid preference name', () => {
    expect(() => new VmPreference(bareLayer(), 'vmcp', { name: 'Generic Linux', spec: VmPreferenceSpec.linux() })).toThrow(/VM preference name 'Generic Linux' is invalid/);
  });

  test('fails on an invalid vendor label', () => {
    expect(() => new VmPreference(bareLayer(), 'vmcp', { name: 'p', spec: VmPreferenceSpec.linux(), vendor: 'ACME Corp' })).toThrow(/VM preference vendor 'ACME Corp' is not a valid label value/);
  });

  test('fails on invalid requirements and grace period', () => {
    expect(() => VmPreferenceSpec.linux({ requiredCpu: 0 })).toThrow(/required vCPUs 0 is invalid/);
    expect(() => VmPreferenceSpec.windows2022({ requiredMemoryGiB: 0.5 })).toThrow(/required memory 0.5 GiB is invalid/);
    expect(() => VmPreferenceSpec.windows2022Virtio({ terminationGracePeriodSeconds: -1 })).toThrow(/termination grace period -1 s is invalid/);
  });
});

describe('VmoPreferencesLayer', () => {
  test('defaults', () => {
    const layer = new VmoPreferencesLayer(newSite(), 'preferences');
    const r = renderLayer(layer);
    expect(r.json.name).toBe('vmo-vmpreferences');
    expect(r.json.version).toBe('1.0.0');
    expect(r.values.pack['spectrocloud.com/install-priority']).toBe('40');
    expect(Object.keys(r.manifests)).toEqual(['vmcp-generic-linux', 'vmcp-generic-windows']);
    const [linux] = r.manifests['vmcp-generic-linux'];
    const [windows] = r.manifests['vmcp-generic-windows'];
    expect(linux.metadata.name).toBe('generic-linux');
    expect(linux.spec.devices.preferredDiskBus).toBe('virtio');
    expect(windows.metadata.name).toBe('generic-windows');
    // The RA's Windows image has the virtio drivers: the virtio variant by default.
    expect(windows.spec.devices.preferredDiskBus).toBe('virtio');
    expect(windows.spec.devices.preferredInterfaceModel).toBe('virtio');
    expect(windows.spec.features.preferredHyperv).toEqual(HYPERV);
    expect(windows.spec.features.preferredSmm).toEqual({});
    expect(windows.spec.firmware.preferredEfi).toEqual({ secureBoot: true, persistent: true });
    for (const p of [linux, windows]) expect(p.spec.annotations['descheduler.alpha.kubernetes.io/evict']).toBe('true');
    expect(layer.linux.preferenceName).toBe('generic-linux');
    expect(layer.windows.preferenceName).toBe('generic-windows');
  });

  test('custom: the sata Windows preference under another name', () => {
    const r = renderLayer(new VmoPreferencesLayer(newSite(), 'preferences', { windows: VmPreferenceSpec.windows2022(), windowsName: 'windows.2k22', vendor: 'example.com' }));
    const [windows] = r.manifests['vmcp-generic-windows'];
    expect(windows.metadata.name).toBe('windows.2k22');
    expect(windows.spec.devices.preferredDiskBus).toBe('sata');
    expect(windows.spec.devices.preferredInterfaceModel).toBe('e1000e');
    expect(r.manifests['vmcp-generic-linux'][0].metadata.labels['instancetype.kubevirt.io/vendor']).toBe('example.com');
  });

  test('fails on a Windows preference with secure boot and no SMM', () => {
    const windows = VmPreferenceSpec.custom(VmOsType.WINDOWS, { firmware: { preferredEfi: { secureBoot: true, persistent: true } } });
    expect(() => new VmoPreferencesLayer(newSite(), 'preferences', { windows })).toThrow(/VM preference 'generic-windows' enables secure boot without SMM/);
  });

  test('snapshot', () => {
    expect(renderLayer(new VmoPreferencesLayer(newSite(), 'preferences')).json).toMatchSnapshot();
  });
});
