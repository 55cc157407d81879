import { LonghornPack, LonghornPackProps } from '../../lib/packs';
import { PaletteApp, PaletteSite } from '../../lib/palette';
import { renderLayer, validationError } from '../helpers';
import { validateObject } from '../support/crd-schemas';

function render(props: LonghornPackProps = {}) {
  const layer = new LonghornPack(new PaletteSite(new PaletteApp({ outdir: '/nonexistent' }), 'test'), 'longhorn', props);
  const r = renderLayer(layer);
  return { layer, r, chart: r.values.charts.longhorn, vmClass: r.manifests['longhorn-vm-storage-class'][0] };
}

describe('LonghornPack', () => {
  test('defaults: csi-longhorn 1.8.1 with the settings the RA defects list (A2 kubeletRootDir, A3 over-provisioning)', () => {
    const { layer, r, chart } = render();
    expect(r.json).toMatchObject({ name: 'csi-longhorn', layer: 'csi', version: '1.8.1', type: 'spectro' });
    expect(chart.csi).toEqual({ kubeletRootDir: '/var/lib/kubelet' });
    expect(chart.defaultSettings).toEqual({ storageOverProvisioningPercentage: 600, defaultReplicaCount: 3 });
    expect(chart.persistence).toEqual({ defaultClass: true, defaultClassReplicaCount: 3, migratable: false });
    expect(layer.vmStorage).toEqual({
      storageClassName: 'longhorn-vm',
      volumeMode: 'Block',
      cloneStrategy: 'csi-clone',
      claimPropertySets: [
        { accessModes: ['ReadWriteMany'], volumeMode: 'Block' },
        { accessModes: ['ReadWriteOnce'], volumeMode: 'Block' },
      ],
    });
    expect(layer.snapshotClass).toEqual({ name: 'longhorn-snapshot-vsc', driver: 'driver.longhorn.io', parameters: { type: 'snap' } });
    expect(layer.vmStateStorage).toEqual({
      storageClassName: 'longhorn',
      volumeMode: 'Filesystem',
      cloneStrategy: 'csi-clone',
      claimPropertySets: [{ accessModes: ['ReadWriteMany'], volumeMode: 'Filesystem' }],
    });
    expect(layer.nodeRequirements).toEqual({ packages: ['open-iscsi'], services: ['iscsid'], kernelModules: ['iscsi_tcp'], pureFlashArray: false, nfsClient: true });
  });

  test('the VM class is a valid StorageClass: migratable, default-virt, not the cluster default', () => {
    const { vmClass } = render({ replicas: 2 });
    expect(validateObject(vmClass)).toEqual([]);
    expect(vmClass.parameters.numberOfReplicas).toBe('2');
    expect(vmClass.parameters.migratable).toBe('true');
    expect(vmClass.metadata.annotations).toEqual({ 'storageclass.kubevirt.io/is-default-virt-class': 'true' });
  });

  test('replicas, over-provisioning, data path and version reach the values', () => {
    const { r, chart } = render({ version: '1.9.0', replicas: 2, overProvisioningPercentage: 300, dataPath: '/mnt/longhorn' });
    expect(r.json.version).toBe('1.9.0');
    expect(chart.defaultSettings).toEqual({ storageOverProvisioningPercentage: 300, defaultReplicaCount: 2, defaultDataPath: '/mnt/longhorn' });
    expect(chart.persistence.defaultClassReplicaCount).toBe(2);
  });

  test('fails on a replica count below 1, a fractional percentage and a relative path', () => {
    expect(validationError(() => render({ replicas: 0 })).message).toBe('longhorn replicas 0 is invalid: give a whole number of copies of at least 1 (seed 000: 3)');
    expect(validationError(() => render({ overProvisioningPercentage: 12.5 })).message).toContain('longhorn overProvisioningPercentage 12.5 is invalid');
    expect(validationError(() => render({ kubeletRootDir: 'var/lib/kubelet' })).message).toBe(
      "longhorn kubeletRootDir 'var/lib/kubelet' is not an absolute path: give a directory on the nodes, e.g. '/var/lib/kubelet'",
    );
  });
});
