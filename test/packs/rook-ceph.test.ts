import { RookCephPack, RookCephPackProps } from '../../lib/packs';
import { PaletteApp, PaletteSite } from '../../lib/palette';
import { renderLayer, validationError } from '../helpers';
import { validateObject } from '../support/crd-schemas';

function render(props: RookCephPackProps = {}) {
  const layer = new RookCephPack(new PaletteSite(new PaletteApp({ outdir: '/nonexistent' }), 'test'), 'rook-ceph', props);
  const r = renderLayer(layer);
  return { layer, r, cluster: r.values['charts']['rook-ceph-cluster'], windows: r.manifests['ceph-block-windows-storage-class'][0] };
}

describe('RookCephPack', () => {
  test('defaults: csi-rook-ceph-helm 1.16.3, 3 MONs, ceph-block the VM and default-virt class, no object store', () => {
    const { layer, r, cluster } = render();
    expect(r.json).toMatchObject({ name: 'csi-rook-ceph-helm', layer: 'csi', version: '1.16.3' });
    expect(r.values.pack.namespace).toBe('rook-ceph');
    expect(cluster.cephClusterSpec.mon).toEqual({ count: 3, allowMultiplePerNode: false });
    expect(cluster.cephBlockPools.map((p: { name: string; storageClass: { name: string; isDefault: boolean } }) => [p.name, p.storageClass.name, p.storageClass.isDefault])).toEqual([
      ['ceph-blockpool', 'ceph-block', true],
    ]);
    expect(cluster.cephObjectStores).toEqual([]);
    expect(layer.vmStorage.storageClassName).toBe('ceph-block');
    expect(layer.windowsVmStorage.storageClassName).toBe('ceph-block-windows');
    expect(layer.vmStateStorage).toEqual({
      storageClassName: 'ceph-filesystem',
      volumeMode: 'Filesystem',
      cloneStrategy: 'csi-clone',
      claimPropertySets: [{ accessModes: ['ReadWriteMany'], volumeMode: 'Filesystem' }],
    });
    expect(layer.nodeRequirements).toEqual({ packages: [], kernelModules: ['rbd', 'ceph'], pureFlashArray: false, nfsClient: false });
  });

  test('the Windows class is a valid StorageClass on the same pool with krbd:rxbounce', () => {
    const { windows } = render();
    expect(validateObject(windows)).toEqual([]);
    expect(windows.parameters).toMatchObject({ pool: 'ceph-blockpool', clusterID: 'rook-ceph', mounter: 'rbd', mapOptions: 'krbd:rxbounce', imageFeatures: 'layering' });
  });

  test('replicas size the block pool and both CephFS pools; objectStore keeps the pack object store', () => {
    const { cluster } = render({ replicas: 2, objectStore: true });
    expect(cluster.cephBlockPools[0].spec.replicated.size).toBe(2);
    expect(cluster.cephFileSystems[0].spec.metadataPool.replicated.size).toBe(2);
    expect(cluster.cephFileSystems[0].spec.dataPools[0].replicated.size).toBe(2);
    expect(cluster.cephObjectStores[0].storageClass.name).toBe('ceph-bucket');
  });

  test('fails on a replica count below 1', () => {
    expect(validationError(() => render({ replicas: 0 })).message).toBe('rook-ceph replicas 0 is invalid: give a whole number of copies of at least 1 (seed 000: 3)');
  });
});
