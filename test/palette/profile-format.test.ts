import { PaletteApp } from '../../lib/palette';
import { ExportedPack, paletteExportShapes } from '../helpers';
import { smallSite } from './fixtures';

const keys = (o: object | undefined) => Object.keys(o ?? {}).sort();

function render() {
  const app = new PaletteApp({ outdir: '/nonexistent' });
  const { profile } = smallSite(app);
  return profile.toJson();
}

describe('profile JSON format', () => {
  test('top level, metadata, spec and template keys in export order', () => {
    const json = render();
    expect(Object.keys(json)).toEqual(['metadata', 'spec']);
    expect(Object.keys(json.metadata)).toEqual(['name', 'description', 'labels']);
    expect(Object.keys(json.spec)).toEqual(['version', 'template', 'variables']);
    expect(Object.keys(json.spec.template)).toEqual(['type', 'cloudType', 'packs']);
    expect(json.spec.template).toMatchObject({ type: 'cluster', cloudType: 'maas' });
  });

  test('field types follow palette-profile-format.md', () => {
    const json = render();
    for (const pack of json.spec.template.packs) {
      for (const k of ['name', 'type', 'layer', 'version', 'tag', 'values'] as const) expect(typeof pack[k]).toBe('string');
      expect(typeof pack.registry.metadata.isPrivate).toBe('boolean');
    }
    const v = json.spec.variables[0];
    expect(typeof v.defaultValue).toBe('string');
    for (const k of ['required', 'immutable', 'hidden', 'isSensitive'] as const) expect(typeof v[k]).toBe('boolean');
  });

  test('registry packs have no manifests key; manifest packs have empty registry metadata', () => {
    const [registryPack, manifestPack] = render().spec.template.packs;
    expect(Object.keys(registryPack)).toEqual(['name', 'type', 'layer', 'version', 'tag', 'values', 'registry']);
    expect(Object.keys(manifestPack)).toEqual(['name', 'type', 'layer', 'version', 'tag', 'values', 'registry', 'manifests']);
    expect(manifestPack).toMatchObject({ type: 'manifest', layer: 'addon' });
    expect(manifestPack.registry.metadata).toEqual({ uid: '', name: '', kind: '', isPrivate: false, providerType: '', isSyncSupported: false });
    expect(registryPack.registry.metadata).toEqual({ uid: '5eecc89d0b150045ae661cef', name: 'Public Repo', kind: 'pack', isPrivate: false });
  });

  test('manifest layer values carry namespace and a quoted install priority', () => {
    const manifestPack = render().spec.template.packs[1];
    expect(manifestPack.values).toBe('pack:\n  namespace: default\n  spectrocloud.com/install-priority: "40"');
  });

  // The real exports' structure (keys, types, vocabulary; no values) is the generated, committed
  // test/fixtures/palette-export-shapes.json: a missing file fails here, it never skips.
  describe('against the real exports', () => {
    const exportsList = Object.values(paletteExportShapes());

    test('our key sets are the key sets Palette exports', () => {
      const ours = render();
      const withVariables = exportsList.filter((e) => e.spec.variables !== undefined);
      expect(withVariables.length).toBeGreaterThan(0);
      for (const e of withVariables) {
        expect(keys(ours)).toEqual(keys(e));
        expect(keys(ours.metadata)).toEqual(keys(e.metadata));
        expect(keys(ours.spec)).toEqual(keys(e.spec));
        expect(keys(ours.spec.template)).toEqual(keys(e.spec.template));
      }
      const exportedPacks: ExportedPack[] = exportsList.flatMap((e) => e.spec.template.packs);
      const exportedManifestPack = exportedPacks.find((p) => p.type === 'manifest' && p.registry.metadata.providerType !== undefined);
      const exportedRegistryPack = exportedPacks.find((p) => p.type === 'spectro');
      expect(exportedManifestPack).toBeDefined();
      expect(exportedRegistryPack).toBeDefined();
      const [registryPack, manifestPack] = ours.spec.template.packs;
      expect(keys(manifestPack)).toEqual(keys(exportedManifestPack));
      expect(keys(manifestPack.registry.metadata)).toEqual(keys(exportedManifestPack?.registry.metadata));
      expect(keys(manifestPack.manifests?.[0])).toEqual(keys(exportedManifestPack?.manifests?.[0]));
      expect(keys(registryPack)).toEqual(keys(exportedRegistryPack));
      expect(keys(registryPack.registry.metadata)).toEqual(keys(exportedRegistryPack?.registry.metadata));
    });

    test('variable keys are the exported ones, less the export-only order', () => {
      const exported = exportsList.flatMap((e) => e.spec.variables ?? []);
      const ours = render().spec.variables[0];
      const withDefault = exported.find((v) => v.defaultValue !== undefined);
      expect(withDefault).toBeDefined();
      expect(keys(ours)).toEqual(keys(withDefault).filter((k) => k !== 'order'));
    });
  });
});
