import { ProfileVariable } from '../../lib/palette';
import {
  VmGuestConfig, VmPassword, VmRunStrategy, VmTemplate, VmoGoldenImagesLayer, VmoPreferencesLayer, VmoTemplatesLayer,
  WindowsSysprepConfig,
} from '../../lib/templates';
import { renderLayer } from '../helpers';
import { bareLayer, newSite } from './helpers';

const IMAGE = { dataVolumeName: 'template-debian-12', namespace: 'vmo-golden-images', sizeGiB: 20 };
const password = () => VmPassword.ubuntuUser();

describe('VmTemplate', () => {
  const base = () => ({ name: 'debian-12', displayName: 'Debian 12', preferenceName: 'generic-linux', goldenImage: IMAGE, guestConfig: VmGuestConfig.cloudInit({ password: password() }) });

  test('defaults', () => {
    const layer = bareLayer();
    new VmTemplate(layer, 'vmtemplate-debian-12', base());
    const [t, ...rest] = renderLayer(layer).manifests['vmtemplate-debian-12'];
    expect(rest).toEqual([]);
    expect(t.apiVersion).toBe('spectrocloud.com/v1');
    expect(t.kind).toBe('VmTemplate');
    expect(t.metadata).toEqual({ name: 'debian-12' });
    expect(t.spec.displayName).toBe('Debian 12');
    expect(t.spec.description).toBe('Debian 12');
    expect(t.spec.icon).toBeUndefined();
    expect(t.spec.preference).toEqual({ kind: 'VirtualMachineClusterPreference', name: 'generic-linux' });
    expect(t.spec.runStrategy).toBe('Always');
    expect(t.spec.dataVolumeTemplates).toEqual([{
      metadata: { name: 'debian-12' },
      spec: {
        source: { pvc: { name: 'template-debian-12', namespace: 'vmo-golden-images' } },
        storage: { resources: { requests: { storage: '20Gi' } }, storageClassName: 'spectro-storage-class' },
      },
    }]);
    expect(t.spec.template.metadata.annotations).toEqual({ 'descheduler.alpha.kubernetes.io/evict': 'true' });
    const vmi = t.spec.template.spec;
    expect(vmi.domain.cpu).toEqual({ cores: 2, sockets: 1, threads: 1 });
    expect(vmi.domain.memory.guest).toBe('2Gi');
    // Bus and NIC model are left to the preference.
    expect(vmi.domain.devices.disks[0]).toEqual({ name: 'datavolume-os', disk: {}, bootOrder: 1 });
    expect(vmi.domain.devices.interfaces).toEqual([{ name: 'default', masquerade: {} }]);
    expect(vmi.domain.devices.tpm).toBeUndefined();
    expect(vmi.domain.firmware).toBeUndefined();
    expect(vmi.networks).toEqual([{ name: 'default', pod: {} }]);
    expect(vmi.volumes[0]).toEqual({ name: 'datavolume-os', dataVolume: { name: 'debian-12' } });
    const userData: string = vmi.volumes[1].cloudInitNoCloud.userData;
    expect(userData.split('\n')[0]).toBe('#cloud-config');
    expect(userData).toContain("password: '{{.spectro.var.vmUbuntuPassword}}'");
    expect(userData).toContain('qemu-guest-agent');
    expect(layer.variables.map((v) => v.name)).toEqual(['vmUbuntuPassword']);
  });

  test('custom size, class, CPU, memory, run strategy, icon; no descheduler annotation', () => {
    const layer = bareLayer();
    new VmTemplate(layer, 't', {
      ...base(),
      diskSizeGiB: 40,
      storageClassName: 'px-rwx',
      cpuCores: 4,
      memoryGiB: 8,
      runStrategy: VmRunStrategy.HALTED,
      icon: 'https://example.com/debian.png',
      description: 'Debian for builds',
      evictableByDescheduler: false,
    });
    const [t] = renderLayer(layer).manifests.t;
    expect(t.spec.dataVolumeTemplates[0].spec.storage).toEqual({ resources: { requests: { storage: '40Gi' } }, storageClassName: 'px-rwx' });
    expect(t.spec.template.spec.domain.cpu.cores).toBe(4);
    expect(t.spec.template.spec.domain.memory.guest).toBe('8Gi');
    expect(t.spec.template.spec.domain.resources.requests.memory).toBe('8Gi');
    expect(t.spec.runStrategy).toBe('Halted');
    expect(t.spec.icon).toBe('https://example.com/debian.png');
    expect(t.spec.description).toBe('Debian for builds');
    expect(t.spec.template.metadata).toBeUndefined();
  });

  test('sysprep guest config mounts the ConfigMap as a SATA CD-ROM', () => {
    const layer = bareLayer();
    new VmTemplate(layer, 't', { ...base(), guestConfig: VmGuestConfig.sysprep({ configMapName: 'my-unattend' }) });
    const [t] = renderLayer(layer).manifests.t;
    expect(t.spec.template.spec.domain.devices.disks[1]).toEqual({ name: 'sysprepconfig', cdrom: { bus: 'sata' } });
    expect(t.spec.template.spec.volumes[1]).toEqual({ name: 'sysprepconfig', sysprep: { configMap: { name: 'my-unattend' } } });
    expect(layer.variables).toEqual([]);
  });

  test('fails on an OS disk smaller than the golden image', () => {
    expect(() => new VmTemplate(bareLayer(), 't', { ...base(), diskSizeGiB: 10 }))
      .toThrow(/OS disk of VM template 'debian-12' is 10 GiB, smaller than its golden image 'template-debian-12' \(20 GiB\)/);
  });

  test('fails on invalid names, CPU, memory and icon', () => {
    expect(() => new VmTemplate(bareLayer(), 't', { ...base(), name: 'Debian_12' })).toThrow(/VM template name 'Debian_12' is invalid/);
    expect(() => new VmTemplate(bareLayer(), 't', { ...base(), preferenceName: 'Generic' })).toThrow(/VM preference name 'Generic' is invalid/);
    expect(() => new VmTemplate(bareLayer(), 't', { ...base(), cpuCores: 0 })).toThrow(/CPU cores 0 of VM template 'debian-12' is invalid/);
    expect(() => new VmTemplate(bareLayer(), 't', { ...base(), memoryGiB: 1.5 })).toThrow(/memory of VM template 'debian-12' 1.5 GiB is invalid/);
    expect(() => new VmTemplate(bareLayer(), 't', { ...base(), icon: 'http://example.com/x.png' })).toThrow(/icon 'http:\/\/example.com\/x.png' of VM template 'debian-12' is not an https URL/);
  });

  test('fails on a password variable that is not sensitive', () => {
    const plain = new ProfileVariable('vmPassword', {});
    expect(() => VmGuestConfig.cloudInit({ password: plain })).toThrow(/profile variable 'vmPassword' for the cloud-init password is not sensitive/);
  });

  test('fails on a password variable with a default value', () => {
    const withDefault = new ProfileVariable('vmPassword', { isSensitive: true, defaultValue: 'changeme1' });
    expect(() => VmGuestConfig.cloudInit({ password: withDefault })).toThrow(/profile variable 'vmPassword' for the cloud-init password has a default value/);
  });

  test('fails on an invalid sysprep ConfigMap name', () => {
    expect(() => VmGuestConfig.sysprep({ configMapName: 'Unattend XML' })).toThrow(/sysprep ConfigMap name 'Unattend XML' is invalid/);
  });
});

describe('WindowsSysprepConfig', () => {
  test('defaults', () => {
    const layer = bareLayer();
    const cfg = new WindowsSysprepConfig(layer, 'cm-unattend-xml', { administratorPassword: VmPassword.windowsAdministrator() });
    const docs = renderLayer(layer).manifests['cm-unattend-xml'];
    expect(docs.map((d) => [d.kind, d.metadata.name, d.metadata.namespace])).toEqual([
      ['ConfigMap', 'win-unattend-xml', 'default'],
      ['ConfigMap', 'win-unattend-xml', 'virtual-machines'],
    ]);
    const xml: string = docs[0].data['unattend.xml'];
    expect(docs[1].data['unattend.xml']).toBe(xml);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<unattend xmlns="urn:schemas-microsoft-com:unattend">')).toBe(true);
    expect(xml).toContain('<Value>{{.spectro.var.vmWindowsAdminPassword}}</Value>');
    expect(xml).toContain('<TimeZone>UTC</TimeZone>');
    expect(xml).toContain('<UILanguage>en-US</UILanguage>');
    expect(xml).toContain('<Extend>true</Extend>');
    // Well-formed enough: each opened element is closed.
    for (const tag of ['unattend', 'settings', 'component', 'OOBE', 'UserAccounts', 'AdministratorPassword']) {
      expect((xml.match(new RegExp(`<${tag}[ >]`, 'g')) ?? []).length).toBe((xml.match(new RegExp(`</${tag}>`, 'g')) ?? []).length);
    }
    expect(cfg.configMapName).toBe('win-unattend-xml');
    expect(layer.variables.map((v) => v.name)).toEqual(['vmWindowsAdminPassword']);
  });

  test('custom name, namespaces, time zone and locale', () => {
    const layer = bareLayer();
    new WindowsSysprepConfig(layer, 'cm', {
      administratorPassword: VmPassword.windowsAdministrator(),
      name: 'unattend',
      namespaces: ['tenant-a'],
      timeZone: 'W. Europe Standard Time',
      locale: 'de-DE',
    });
    const docs = renderLayer(layer).manifests.cm;
    expect(docs.map((d) => d.metadata)).toEqual([{ name: 'unattend', namespace: 'tenant-a' }]);
    expect(docs[0].data['unattend.xml']).toContain('<TimeZone>W. Europe Standard Time</TimeZone>');
    expect(docs[0].data['unattend.xml']).toContain('<UserLocale>de-DE</UserLocale>');
  });

  test('fails on a time zone with XML characters', () => {
    expect(() => new WindowsSysprepConfig(bareLayer(), 'cm', { administratorPassword: VmPassword.windowsAdministrator(), timeZone: 'UTC</TimeZone>' }))
      .toThrow(/Windows time zone 'UTC<\/TimeZone>' is invalid/);
  });

  test('fails on an invalid locale', () => {
    expect(() => new WindowsSysprepConfig(bareLayer(), 'cm', { administratorPassword: VmPassword.windowsAdministrator(), locale: 'english' }))
      .toThrow(/Windows locale 'english' is invalid/);
  });

  test('fails on a non-sensitive password variable', () => {
    expect(() => new WindowsSysprepConfig(bareLayer(), 'cm', { administratorPassword: new ProfileVariable('adminPw') }))
      .toThrow(/profile variable 'adminPw' for the Windows Administrator password is not sensitive/);
  });

  test('fails on an empty namespace list', () => {
    expect(() => new WindowsSysprepConfig(bareLayer(), 'cm', { administratorPassword: VmPassword.windowsAdministrator(), namespaces: [] }))
      .toThrow(/the sysprep ConfigMap has no namespaces/);
  });
});

describe('VmoTemplatesLayer', () => {
  test('defaults', () => {
    const layer = new VmoTemplatesLayer(newSite(), 'templates');
    const r = renderLayer(layer);
    expect(r.json.name).toBe('vmo-vmtemplates');
    expect(r.json.version).toBe('1.0.0');
    expect(r.values.pack['spectrocloud.com/install-priority']).toBe('40');
    expect(Object.keys(r.manifests)).toEqual(['cm-unattend-xml', 'vmtemplate-ubuntu-2204', 'vmtemplate-windows-2022']);
    expect(r.manifests['cm-unattend-xml'].map((d) => d.metadata.namespace)).toEqual(['default', 'virtual-machines']);

    const [ubuntu] = r.manifests['vmtemplate-ubuntu-2204'];
    expect(ubuntu.metadata.name).toBe('ubuntu-2204');
    expect(ubuntu.spec.displayName).toBe('Ubuntu 22.04');
    expect(ubuntu.spec.preference.name).toBe('generic-linux');
    expect(ubuntu.spec.dataVolumeTemplates[0].spec.source.pvc).toEqual({ name: 'template-ubuntu-2204', namespace: 'vmo-golden-images' });
    expect(ubuntu.spec.dataVolumeTemplates[0].spec.storage).toEqual({ resources: { requests: { storage: '50Gi' } }, storageClassName: 'spectro-storage-class' });
    expect(ubuntu.spec.template.spec.domain.memory.guest).toBe('2Gi');
    expect(ubuntu.spec.template.metadata.annotations['descheduler.alpha.kubernetes.io/evict']).toBe('true');

    const [windows] = r.manifests['vmtemplate-windows-2022'];
    expect(windows.metadata.name).toBe('win-2022-eval');
    expect(windows.spec.preference.name).toBe('generic-windows');
    expect(windows.spec.dataVolumeTemplates[0].spec.source.pvc).toEqual({ name: 'template-windows-2022', namespace: 'vmo-golden-images' });
    expect(windows.spec.dataVolumeTemplates[0].spec.storage.resources.requests.storage).toBe('80Gi');
    expect(windows.spec.template.spec.domain.memory.guest).toBe('4Gi');
    expect(windows.spec.template.spec.volumes[1].sysprep.configMap.name).toBe('win-unattend-xml');
    expect(windows.spec.template.metadata.annotations['descheduler.alpha.kubernetes.io/evict']).toBe('true');
    // No icon hot-linked from a third-party site (fidelity review D14): the dashboard shows none.
    expect([ubuntu.spec.icon, windows.spec.icon]).toEqual([undefined, undefined]);

    expect(layer.variables.map((v) => v.name).sort()).toEqual(['vmUbuntuPassword', 'vmWindowsAdminPassword']);
  });

  test('custom icons, e.g. served from the cluster', () => {
    const r = renderLayer(new VmoTemplatesLayer(newSite(), 'templates', { ubuntu2204Icon: 'https://vmo.lab.example.com/icons/ubuntu.png', windows2022Icon: 'https://icons.lab.example.com/windows.png' }));
    expect(r.manifests['vmtemplate-ubuntu-2204'][0].spec.icon).toBe('https://vmo.lab.example.com/icons/ubuntu.png');
    expect(r.manifests['vmtemplate-windows-2022'][0].spec.icon).toBe('https://icons.lab.example.com/windows.png');
  });

  test('the Windows template may use its own class (Rook-Ceph rxbounce), the Ubuntu template keeps the VM class', () => {
    const r = renderLayer(new VmoTemplatesLayer(newSite(), 'templates', { storageClassName: 'ceph-block', windowsStorageClassName: 'ceph-block-windows' }));
    expect(r.manifests['vmtemplate-ubuntu-2204'][0].spec.dataVolumeTemplates[0].spec.storage.storageClassName).toBe('ceph-block');
    expect(r.manifests['vmtemplate-windows-2022'][0].spec.dataVolumeTemplates[0].spec.storage.storageClassName).toBe('ceph-block-windows');
  });

  test('custom: wired to the other layers, bigger disks, own variables and namespaces', () => {
    const site = newSite();
    const golden = new VmoGoldenImagesLayer(site, 'golden', { namespace: 'images', ubuntu2204SizeGiB: 30 });
    const prefs = new VmoPreferencesLayer(site, 'prefs', { linuxName: 'linux', windowsName: 'windows' });
    const ubuntuPassword = new ProfileVariable('ubuntuPw', { isSensitive: true });
    const windowsPassword = new ProfileVariable('windowsPw', { isSensitive: true });
    const layer = new VmoTemplatesLayer(site, 'templates', {
      ubuntu2204Image: golden.ubuntu2204,
      windows2022Image: golden.windows2022,
      linuxPreferenceName: prefs.linux.preferenceName,
      windowsPreferenceName: prefs.windows.preferenceName,
      ubuntu2204DiskSizeGiB: 60,
      storageClassName: 'px-rwx',
      vmNamespaces: ['tenant-a'],
      ubuntuPassword,
      windowsAdministratorPassword: windowsPassword,
      windowsTimeZone: 'Pacific Standard Time',
    });
    const r = renderLayer(layer);
    const [ubuntu] = r.manifests['vmtemplate-ubuntu-2204'];
    const [windows] = r.manifests['vmtemplate-windows-2022'];
    expect(ubuntu.spec.dataVolumeTemplates[0].spec.source.pvc).toEqual({ name: 'template-ubuntu-2204', namespace: 'images' });
    expect(ubuntu.spec.dataVolumeTemplates[0].spec.storage).toEqual({ resources: { requests: { storage: '60Gi' } }, storageClassName: 'px-rwx' });
    expect(windows.spec.dataVolumeTemplates[0].spec.storage.resources.requests.storage).toBe('80Gi');
    expect([ubuntu.spec.preference.name, windows.spec.preference.name]).toEqual(['linux', 'windows']);
    expect(ubuntu.spec.template.spec.volumes[1].cloudInitNoCloud.userData).toContain("password: '{{.spectro.var.ubuntuPw}}'");
    expect(r.manifests['cm-unattend-xml'].map((d) => d.metadata.namespace)).toEqual(['tenant-a']);
    expect(r.manifests['cm-unattend-xml'][0].data['unattend.xml']).toContain('<Value>{{.spectro.var.windowsPw}}</Value>');
    expect(r.manifests['cm-unattend-xml'][0].data['unattend.xml']).toContain('<TimeZone>Pacific Standard Time</TimeZone>');
    expect(layer.variables.map((v) => v.name).sort()).toEqual(['ubuntuPw', 'windowsPw']);
  });

  test('fails on a Windows disk smaller than the golden image', () => {
    expect(() => new VmoTemplatesLayer(newSite(), 'templates', { windows2022DiskSizeGiB: 60 }))
      .toThrow(/OS disk of VM template 'win-2022-eval' is 60 GiB, smaller than its golden image 'template-windows-2022' \(80 GiB\)/);
  });

  test('fails on a sensitive password variable with a default', () => {
    const v = new ProfileVariable('vmWindowsAdminPassword', { isSensitive: true, defaultValue: 'Secret-123' });
    expect(() => new VmoTemplatesLayer(newSite(), 'templates', { windowsAdministratorPassword: v }))
      .toThrow(/profile variable 'vmWindowsAdminPassword' for the Windows Administrator password has a default value/);
  });

  test('snapshot', () => {
    expect(renderLayer(new VmoTemplatesLayer(newSite(), 'templates')).json).toMatchSnapshot();
  });
});
