import { cdiCapabilities, cdiClaimPropertySets } from '../../lib/packs';

/*
 * Expected values: kubevirt/containerized-data-importer pkg/storagecapabilities/storagecapabilities.go
 * (CapabilitiesByProvisionerKey, storageClassToProvisionerKeyMapper, CloneStrategyByProvisionerKey),
 * as storage-backends.md §2.1 tabulates them.
 */
const sets = (provisioner: string, parameters: Record<string, string> = {}) =>
  cdiCapabilities(provisioner, parameters)?.capabilities.map((c) => `${c.accessModes.join()} ${c.volumeMode}`);

describe('CDI capability table', () => {
  test('Longhorn: the key follows migratable, then nfsOptions, then fsType', () => {
    expect(cdiCapabilities('driver.longhorn.io', { migratable: 'true', nfsOptions: 'vers=4.2', fsType: 'ext4' })?.key).toBe('driver.longhorn.io/migratable');
    expect(sets('driver.longhorn.io', { migratable: 'true' })).toEqual(['ReadWriteMany Block', 'ReadWriteOnce Block']);
    expect(sets('driver.longhorn.io', { nfsOptions: 'vers=4.2' })).toEqual(['ReadWriteMany Filesystem', 'ReadWriteOnce Filesystem']);
    expect(sets('driver.longhorn.io', { fsType: 'ext4' })).toEqual(['ReadWriteOnce Filesystem']);
    expect(sets('driver.longhorn.io')).toEqual(['ReadWriteOnce Block']);
    expect(cdiCapabilities('driver.longhorn.io', { migratable: 'true' })?.noRwxBlock).toBeUndefined();
    expect(cdiCapabilities('driver.longhorn.io', { migratable: 'false' })?.noRwxBlock).toContain('without migratable');
  });

  test('Ceph: RBD serves RWX Block with csi-clone; CephFS RWX Filesystem only, under every driver name', () => {
    for (const p of ['rook-ceph.rbd.csi.ceph.com', 'rbd.csi.ceph.com', 'openshift-storage.rbd.csi.ceph.com']) {
      expect(sets(p)).toEqual(['ReadWriteMany Block', 'ReadWriteOnce Block', 'ReadWriteOnce Filesystem']);
      expect(cdiCapabilities(p)?.cloneStrategy).toBe('csi-clone');
    }
    for (const p of ['rook-ceph.cephfs.csi.ceph.com', 'cephfs.csi.ceph.com']) expect(sets(p)).toEqual(['ReadWriteMany Filesystem']);
  });

  test('Portworx: sharedv4_mount_options with vers=3.0 and nolock is NFS; backend pure_block keeps RWX Block', () => {
    expect(sets('pxd.portworx.com')).toEqual(['ReadWriteMany Block', 'ReadWriteMany Filesystem', 'ReadWriteOnce Block', 'ReadWriteOnce Filesystem']);
    expect(cdiCapabilities('pxd.portworx.com', { sharedv4_mount_options: 'vers=3.0,nolock' })?.key).toBe('pxd.portworx.com/nfs');
    expect(cdiCapabilities('pxd.portworx.com', { sharedv4_mount_options: 'vers=3.0' })?.key).toBe('pxd.portworx.com');
    expect(sets('pxd.portworx.com', { backend: 'pure_block' })).toEqual(['ReadWriteMany Block', 'ReadWriteOnce Block', 'ReadWriteOnce Filesystem']);
  });

  test('LINSTOR serves all but RWX Filesystem; an unknown driver is not in the table', () => {
    expect(sets('linstor.csi.linbit.com')?.[0]).toBe('ReadWriteMany Block');
    expect(cdiCapabilities('example.com/csi')).toBeUndefined();
  });

  test('claim property sets put the RWX sets first, also for capabilities listed RWO first', () => {
    const profile = cdiCapabilities('pxd.portworx.com');
    expect(profile && cdiClaimPropertySets(profile).map((c) => c.accessModes[0])).toEqual(['ReadWriteMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOnce']);
    const rwoFirst = {
      key: 'example.com/csi',
      capabilities: [
        { accessModes: ['ReadWriteOnce'], volumeMode: 'Block' },
        { accessModes: ['ReadWriteMany'], volumeMode: 'Block' },
        { accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem' },
      ],
    } as const;
    expect(cdiClaimPropertySets(rwoFirst).map((c) => `${c.accessModes[0]} ${c.volumeMode}`)).toEqual(['ReadWriteMany Block', 'ReadWriteOnce Block', 'ReadWriteOnce Filesystem']);
  });
});
