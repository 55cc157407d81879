import { ManifestLayer } from '../../lib/palette';
import { CdiCloneStrategy, CdiStorageProfile, VmoStorageLayer, VolumeMode } from '../../lib/templates';
import { renderLayer } from '../helpers';
import { bareLayer, newSite } from './helpers';

describe('CdiStorageProfile', () => {
  test('defaults', () => {
    const layer = bareLayer();
    new CdiStorageProfile(layer, 'storageprofile-cdi');
    const [sp, ...rest] = renderLayer(layer).manifests['storageprofile-cdi'];
    expect(rest).toEqual([]);
    expect(sp.apiVersion).toBe('cdi.kubevirt.io/v1beta1');
    expect(sp.kind).toBe('StorageProfile');
    // Named after the VM storage class, which is how CDI matches it.
    expect(sp.metadata.name).toBe('spectro-storage-class');
    expect(sp.spec.claimPropertySets).toEqual([{ accessModes: ['ReadWriteMany'], volumeMode: 'Block' }]);
    expect(sp.spec.cloneStrategy).toBe('csi-clone');
  });

  test('custom storage class, filesystem mode and clone strategy', () => {
    const layer = bareLayer();
    new CdiStorageProfile(layer, 'sp', {
      storageClassName: 'longhorn-rwx',
      volumeMode: VolumeMode.FILESYSTEM,
      cloneStrategy: CdiCloneStrategy.SNAPSHOT,
    });
    const [sp] = renderLayer(layer).manifests.sp;
    expect(sp.metadata.name).toBe('longhorn-rwx');
    expect(sp.spec.claimPropertySets[0]).toEqual({ accessModes: ['ReadWriteMany'], volumeMode: 'Filesystem' });
    expect(sp.spec.cloneStrategy).toBe('snapshot');
  });

  test('fails on an invalid storage class name', () => {
    expect(() => new CdiStorageProfile(bareLayer(), 'sp', { storageClassName: 'Fast_SSD' })).toThrow(/storage class name 'Fast_SSD' is invalid/);
  });

  test("claim property sets in the given order (CDI's capabilities, RWX first)", () => {
    const layer = bareLayer();
    new CdiStorageProfile(layer, 'sp', {
      storageClassName: 'longhorn-vm',
      claimPropertySets: [
        { accessModes: ['ReadWriteMany'], volumeMode: VolumeMode.BLOCK },
        { accessModes: ['ReadWriteOnce'], volumeMode: VolumeMode.BLOCK },
      ],
    });
    const [sp] = renderLayer(layer).manifests.sp;
    expect(sp.spec.claimPropertySets).toEqual([
      { accessModes: ['ReadWriteMany'], volumeMode: 'Block' },
      { accessModes: ['ReadWriteOnce'], volumeMode: 'Block' },
    ]);
  });

  test('fails on no claim property set, or one without an access mode', () => {
    expect(() => new CdiStorageProfile(bareLayer(), 'sp', { claimPropertySets: [] })).toThrow(/StorageProfile spectro-storage-class needs at least one claim property set/);
    expect(() => new CdiStorageProfile(bareLayer(), 'sp', { claimPropertySets: [{ accessModes: [], volumeMode: VolumeMode.BLOCK }] })).toThrow(/each with an access mode/);
  });
});

describe('VmoStorageLayer', () => {
  test('defaults', () => {
    const layer = new VmoStorageLayer(newSite(), 'storage');
    const r = renderLayer(layer);
    expect(r.json.name).toBe('vmo-storage');
    expect(r.json.type).toBe('manifest');
    expect(r.json.layer).toBe('addon');
    expect(r.json.version).toBe('1.0.0');
    expect(r.values.pack['spectrocloud.com/install-priority']).toBe('40');
    expect(Object.keys(r.manifests)).toEqual(['storageprofile-cdi']);
    expect(r.manifests['storageprofile-cdi'][0].spec.claimPropertySets[0].volumeMode).toBe('Block');
    expect(layer.storageProfile.storageClassName).toBe('spectro-storage-class');
  });

  test('custom', () => {
    const layer = new VmoStorageLayer(newSite(), 'storage', { storageClassName: 'px-rwx', volumeMode: VolumeMode.FILESYSTEM, installPriority: 45 });
    const r = renderLayer(layer);
    expect(r.values.pack['spectrocloud.com/install-priority']).toBe('45');
    expect(r.manifests['storageprofile-cdi'][0].metadata.name).toBe('px-rwx');
    expect(r.manifests['storageprofile-cdi'][0].spec.claimPropertySets[0].volumeMode).toBe('Filesystem');
  });

  test('fails on a fractional install priority', () => {
    expect(() => new VmoStorageLayer(newSite(), 'storage', { installPriority: 40.5 })).toThrow(/install priority 40.5/);
  });

  test('additional profiles: one manifest per class (the Rook-Ceph Windows class)', () => {
    const layer = new VmoStorageLayer(newSite(), 'storage', { storageClassName: 'ceph-block', additionalProfiles: [{ storageClassName: 'ceph-block-windows' }] });
    const r = renderLayer(layer);
    expect(Object.keys(r.manifests)).toEqual(['storageprofile-cdi', 'storageprofile-cdi-ceph-block-windows']);
    expect(r.manifests['storageprofile-cdi-ceph-block-windows'][0].metadata.name).toBe('ceph-block-windows');
    expect(layer.additionalProfiles.map((p) => p.storageClassName)).toEqual(['ceph-block-windows']);
  });

  test('fails on an additional profile without a class or for the main class', () => {
    expect(() => new VmoStorageLayer(newSite(), 'storage', { additionalProfiles: [{}] })).toThrow(/an additional StorageProfile names no storage class/);
    expect(() => new VmoStorageLayer(newSite(), 'storage', { storageClassName: 'x', additionalProfiles: [{ storageClassName: 'x' }] })).toThrow(/StorageProfile x is written twice/);
  });

  test('is a manifest layer that can be stacked into a profile', () => {
    expect(new VmoStorageLayer(newSite(), 'storage')).toBeInstanceOf(ManifestLayer);
  });

  test('snapshot', () => {
    expect(renderLayer(new VmoStorageLayer(newSite(), 'storage')).json).toMatchSnapshot();
  });
});
