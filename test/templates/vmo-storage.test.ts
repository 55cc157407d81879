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

  test('is a manifest layer that can be stacked into a profile', () => {
    expect(new VmoStorageLayer(newSite(), 'storage')).toBeInstanceOf(ManifestLayer);
  });

  test('snapshot', () => {
    expect(renderLayer(new VmoStorageLayer(newSite(), 'storage')).json).toMatchSnapshot();
  });
});
