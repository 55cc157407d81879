import { ClusterProfile, CloudType, PaletteSite, ProfileType } from '../../lib/palette';
import {
  VmoGoldenImagesLayer, VmoNetworkingLayer, VmoPreferencesLayer, VmoStorageLayer, VmoTemplatesLayer,
} from '../../lib/templates';
import { renderLayer } from '../helpers';
import { newSite } from './helpers';

/** The RA's Templates profile: the five layers, wired together. */
function templatesProfile(site: PaletteSite = newSite()) {
  const storage = new VmoStorageLayer(site, 'storage');
  const networking = new VmoNetworkingLayer(site, 'networking');
  const golden = new VmoGoldenImagesLayer(site, 'golden');
  const preferences = new VmoPreferencesLayer(site, 'preferences');
  const templates = new VmoTemplatesLayer(site, 'templates', {
    ubuntu2204Image: golden.ubuntu2204,
    windows2022Image: golden.windows2022,
    linuxPreferenceName: preferences.linux.preferenceName,
    windowsPreferenceName: preferences.windows.preferenceName,
  });
  const layers = [storage, networking, golden, preferences, templates];
  const profile = new ClusterProfile(site, 'Templates', { name: 'VMO-RA-Templates', type: ProfileType.ADD_ON, cloudType: CloudType.ALL, layers });
  return { site, layers, profile };
}

describe('Templates profile safety', () => {
  test('the five layers have the RA names, priority 40 and version 1.0.0', () => {
    const { layers } = templatesProfile();
    const rendered = layers.map((l) => renderLayer(l));
    expect(rendered.map((r) => r.json.name)).toEqual(['vmo-storage', 'vmo-networking', 'vmo-goldenimages', 'vmo-vmpreferences', 'vmo-vmtemplates']);
    for (const r of rendered) {
      expect(r.json.type).toBe('manifest');
      expect(r.json.version).toBe('1.0.0');
      expect(r.values.pack['spectrocloud.com/install-priority']).toBe('40');
    }
  });

  test('no password literal in any manifest', () => {
    const { layers } = templatesProfile();
    let settingsSeen = 0;
    for (const layer of layers) {
      for (const m of layer.toJson().manifests ?? []) {
        // Every password setting (cloud-config `password:`, unattend.xml `<Value>`) is a profile
        // variable reference, so no literal, and so none of the RA's sample passwords (SEC-002).
        const settings = [...m.content.matchAll(/password:\s*(.+)$/gim), ...m.content.matchAll(/<Value>(.*)<\/Value>/g)].map((x) => x[1]);
        for (const s of settings) expect(s).toMatch(/^'?\{\{\.spectro\.var\.[A-Za-z0-9_]+\}\}'?$/);
        settingsSeen += settings.length;
      }
    }
    // The cloud-init password and the unattend.xml of both namespaces.
    expect(settingsSeen).toBe(3);
    const all = layers.flatMap((l) => l.toJson().manifests ?? []).map((m) => m.content).join('\n');
    expect(all).toContain('{{.spectro.var.vmUbuntuPassword}}');
    expect(all).toContain('{{.spectro.var.vmWindowsAdminPassword}}');
  });

  test('every sensitive variable has no default, and the profile declares them', () => {
    const { profile, site } = templatesProfile();
    const json = profile.toJson();
    const sensitive = json.spec.variables.filter((v) => v.isSensitive);
    expect(sensitive.map((v) => v.name).sort()).toEqual(['vmUbuntuPassword', 'vmWindowsAdminPassword']);
    for (const v of sensitive) {
      expect(v).not.toHaveProperty('defaultValue');
      expect(v.required).toBe(true);
    }
    // The profile passes the generic checks (every reference declared, formats valid).
    expect(site.check().filter((f) => f.level === 'error')).toEqual([]);
  });

  test('no DataVolume sets volumeMode or accessModes, including the templates\' clones', () => {
    const { layers } = templatesProfile();
    const docs = layers.flatMap((l) => Object.values(renderLayer(l).manifests).flat());
    const storages = [
      ...docs.filter((d) => d.kind === 'DataVolume').map((d) => d.spec.storage),
      ...docs.filter((d) => d.kind === 'VmTemplate').flatMap((d) => d.spec.dataVolumeTemplates.map((t: any) => t.spec.storage)),
    ];
    expect(storages).toHaveLength(4);
    for (const s of storages) {
      expect(Object.keys(s).sort()).toEqual(['resources', 'storageClassName']);
    }
  });

  test('the templates clone the golden images that the golden image layer creates, with preferences that exist', () => {
    const { layers } = templatesProfile();
    const docs = layers.flatMap((l) => Object.values(renderLayer(l).manifests).flat());
    const dvs = new Set(docs.filter((d) => d.kind === 'DataVolume').map((d) => `${d.metadata.namespace}/${d.metadata.name}`));
    const prefs = new Set(docs.filter((d) => d.kind === 'VirtualMachineClusterPreference').map((d) => d.metadata.name));
    const templates = docs.filter((d) => d.kind === 'VmTemplate');
    expect(templates).toHaveLength(2);
    for (const t of templates) {
      const src = t.spec.dataVolumeTemplates[0].spec.source.pvc;
      expect(dvs.has(`${src.namespace}/${src.name}`)).toBe(true);
      expect(prefs.has(t.spec.preference.name)).toBe(true);
    }
  });
});
