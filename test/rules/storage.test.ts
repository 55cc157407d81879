import { Construct } from 'constructs';
import { vmoSiteModel } from '../../lib/model/vmo-site-model';
import { FindingLevel, LayerRole, LayerType, PackLayer, PaletteApp } from '../../lib/palette';
import { ICsiLayer, PortworxPack, RookCephPack, StorageFacts } from '../../lib/packs';
import { STO_001, STO_002, STO_003, STO_004, STO_005, STO_006, STO_007, STO_008, STO_009, STO_010, STO_011, STO_012 } from '../../lib/rules';
import { VmoProfileKind, VmoSite } from '../../lib/site';
import { check, levelOf, manifestLayer, patched, props, RA, site } from './fixtures';

const ERROR = FindingLevel.ERROR;
const WARNING = FindingLevel.WARNING;
const INFO = FindingLevel.INFO;

const storageProfile = (name: string, accessModes: string[], volumeMode: string) => ({
  apiVersion: 'cdi.kubevirt.io/v1beta1',
  kind: 'StorageProfile',
  metadata: { name },
  spec: { claimPropertySets: [{ accessModes, volumeMode }], cloneStrategy: 'csi-clone' },
});
const dataVolume = (name: string, storage: object, form = 'storage') => ({
  apiVersion: 'cdi.kubevirt.io/v1beta1',
  kind: 'DataVolume',
  metadata: { name, namespace: 'vmo-golden-images' },
  spec: { [form]: storage, source: { registry: { url: 'docker://example/ubuntu:22.04' } } },
});
/** The RA site with one more Templates layer holding the given manifests. */
const withTemplates = (manifests: Record<string, object[]>) => (site: VmoSite) =>
  site.addAddOn(manifestLayer(site, 'extra-templates', 40, manifests), { profile: VmoProfileKind.TEMPLATES });
/** The RA site whose OS layer installs no packages (no apt line, so no nfs-common). */
const withoutNfsClient = (site: VmoSite) => site.layers.os?.addOverride('kubeadmconfig.preKubeadmCommands', ['update-ca-certificates']);

describe('STO-001 Portworx quorum (graded)', () => {
  test('passes on the RA site (5 workers)', () => {
    expect(check(STO_001)).toEqual([]);
  });

  test('fails as an error below 3 storage nodes, from workers or from maxStorageNodes', () => {
    const few = check(STO_001, props({ nodes: { workers: 2 } }));
    expect(few).toEqual([
      {
        location: 'nodes.workers',
        message: '2 Portworx storage nodes: it needs at least 3 for quorum; use at least 4 workers (5 recommended) with maxStorageNodes equal to the worker count',
      },
    ]);
    expect(levelOf(STO_001, few[0])).toBe(ERROR);
    const capped = check(STO_001, props({ storage: { portworx: { maxStorageNodes: 2 } } }));
    expect(capped[0].location).toBe('storage.portworx.maxStorageNodes');
    expect(capped[0].message).toContain('2 Portworx storage nodes (maxStorageNodes 2 of 5 workers)');
  });

  test('fails as a warning with 3 workers and as info with 4', () => {
    const three = check(STO_001, props({ nodes: { workers: 3 } }));
    expect(three[0].message).toContain('3 workers: Portworx needs 3 storage nodes for its quorum, so a node offline for a repave or maintenance leaves no spare');
    expect(levelOf(STO_001, three[0])).toBe(WARNING);
    const four = check(STO_001, props({ nodes: { workers: 4 } }));
    expect(four[0].message).toContain('4 workers: one node may go offline, but the RA recommends a minimum worker pool of 5 nodes');
    expect(levelOf(STO_001, four[0])).toBe(INFO);
  });
});

describe('STO-002 maxStorageNodes equals the workers', () => {
  test('passes on the RA site (derived from the worker count)', () => {
    expect(check(STO_002)).toEqual([]);
  });

  test('fails when maxStorageNodes differs from the worker count', () => {
    const v = check(STO_002, props({ storage: { portworx: { maxStorageNodes: 4 } } }));
    expect(v).toEqual([
      {
        location: 'storage.portworx.maxStorageNodes',
        message: "maxStorageNodes 4 differs from the worker count 5: set it to 5 so a repaved node's FlashArray LUN is reattached to its replacement instead of being rebuilt",
      },
    ]);
    expect(levelOf(STO_002, v[0])).toBe(WARNING);
  });
});

describe('STO-003 preferRemoteNodeOnly', () => {
  test('passes on the RA site (off) and with 7 workers', () => {
    expect(check(STO_003)).toEqual([]);
    expect(check(STO_003, props({ nodes: { workers: 7 }, storage: { portworx: { preferRemoteNodeOnly: true } } }))).toEqual([]);
  });

  test('fails with 6 workers', () => {
    const v = check(STO_003, props({ nodes: { workers: 6 }, storage: { portworx: { preferRemoteNodeOnly: true } } }));
    expect(v[0].message).toBe(
      'preferRemoteNodeOnly is true with 6 workers: the anti-affinity needs more than 6 workers or VMs may not schedule; set it to false or use at least 7 workers',
    );
    expect(levelOf(STO_003, v[0])).toBe(ERROR);
  });
});

describe('STO-004 replication (graded)', () => {
  test('passes on the RA site (repl 2)', () => {
    expect(check(STO_004)).toEqual([]);
  });

  test('fails as an error when repl exceeds the storage nodes or is not 1..3', () => {
    const v = check(STO_004, props({ storage: { portworx: { replication: 3, maxStorageNodes: 2 } } }));
    expect(v).toEqual([
      { location: 'storage.portworx.replication', message: 'replication 3 exceeds the 2 Portworx storage nodes: volumes cannot get their replicas; use 2 or add storage nodes' },
    ]);
    expect(levelOf(STO_004, v[0])).toBe(ERROR);
    expect(check(STO_004, props({ storage: { portworx: { replication: 4 } } }))[0].message).toBe(
      "replication '4' is not a Portworx replica count: use 1 to 3 (2 or 3 keep data through the loss of a node)",
    );
  });

  test('fails as a warning with repl 1', () => {
    const v = check(STO_004, props({ storage: { portworx: { replication: 1 } } }));
    expect(v[0].message).toContain('replication 1 keeps one copy of each volume');
    expect(levelOf(STO_004, v[0])).toBe(WARNING);
  });
});

describe('STO-005 live migration needs RWX', () => {
  test('passes on the RA site, with and without a StorageProfile for the VM class', () => {
    expect(check(STO_005)).toEqual([]);
    expect(check(STO_005, props(), withTemplates({ 'storageprofile-cdi': [storageProfile('spectro-storage-class', ['ReadWriteMany'], 'Block')] }))).toEqual([]);
  });

  test('fails on a StorageProfile claiming ReadWriteOnce first', () => {
    const v = check(STO_005, props(), withTemplates({ 'storageprofile-cdi': [storageProfile('spectro-storage-class', ['ReadWriteOnce'], 'Block')] }));
    expect(v).toEqual([
      {
        location: 'profile VMO-RA-Full, layer extra-templates, manifest storageprofile-cdi',
        message: 'StorageProfile spectro-storage-class claims ReadWriteOnce first: live migration needs ReadWriteMany; list ReadWriteMany in the first claimPropertySet',
      },
    ]);
    expect(levelOf(STO_005, v[0])).toBe(ERROR);
  });

  test('fails when no StorageProfile is named after the VM storage class the CSI layer writes', () => {
    const other = patched((m) => ({ storage: m.storage && { ...m.storage, vmStorageClass: 'px-vm-block' } }));
    expect(check(STO_005, other)[0].message).toBe(
      'no CDI StorageProfile is named after the VM storage class px-vm-block (found: spectro-storage-class): name the StorageProfile px-vm-block so CDI claims RWX on it',
    );
  });
});

describe('STO-006 RWX Block only where the driver serves it', () => {
  test('passes on the RA site (Portworx 3.3.1, RWX Block) and on Longhorn with RWX Filesystem', () => {
    expect(check(STO_006)).toEqual([]);
    const longhorn = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'longhorn' }, provisioner: 'driver.longhorn.io' };
    expect(check(STO_006, props(), withTemplates({ sc: [longhorn], 'storageprofile-cdi': [storageProfile('longhorn', ['ReadWriteMany'], 'Filesystem')] }))).toEqual([]);
  });

  test('passes on Portworx before 3.3: the site then writes its StorageProfile as RWX Filesystem', () => {
    expect(check(STO_006, props({ storage: { portworx: { version: '3.2.3' } } }))).toEqual([]);
  });

  test('fails on an RWX Block claim on Portworx before 3.3', () => {
    const block = withTemplates({ 'storageprofile-cdi': [storageProfile('spectro-storage-class', ['ReadWriteMany'], 'Block')] });
    const v = check(STO_006, props({ storage: { portworx: { version: '3.2.3' } } }), block);
    expect(v).toEqual([
      {
        location: 'profile VMO-RA-Full, layer extra-templates, manifest storageprofile-cdi',
        message:
          'StorageProfile spectro-storage-class asks for RWX Block on storage class spectro-storage-class, but Portworx 3.2.3 serves RWX volumes in Filesystem mode only (RWX Block needs Portworx 3.3 or later): use volumeMode Filesystem there',
      },
    ]);
    expect(levelOf(STO_006, v[0])).toBe(ERROR);
  });

  test('passes on RWX Block on a migratable Longhorn class (CDI: Longhorn migratable serves RWX Block)', () => {
    const sc = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'longhorn-vm' }, provisioner: 'driver.longhorn.io', parameters: { migratable: 'true' } };
    expect(check(STO_006, props(), withTemplates({ sc: [sc], 'storageprofile-cdi': [storageProfile('longhorn-vm', ['ReadWriteMany'], 'Block')] }))).toEqual([]);
  });

  test('fails on RWX Block claims on a Longhorn class without migratable and on NFS classes', () => {
    const nfs = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'nfs-client' }, provisioner: 'nfs.csi.k8s.io' };
    const longhorn = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'longhorn' }, provisioner: 'driver.longhorn.io' };
    const v = check(
      STO_006,
      props(),
      withTemplates({
        'sc-longhorn': [longhorn],
        'storageprofile-cdi': [storageProfile('longhorn', ['ReadWriteMany'], 'Block')],
        'sc-nfs': [nfs],
        'dv-ubuntu-2204': [dataVolume('template-ubuntu-2204', { storageClassName: 'nfs-client', accessModes: ['ReadWriteMany'], volumeMode: 'Block' })],
      }),
    );
    expect(v.map((x) => x.message)).toEqual([
      'StorageProfile longhorn asks for RWX Block on storage class longhorn, but a Longhorn class without migratable: "true" serves RWX volumes as an NFS share, in Filesystem mode only: use volumeMode Filesystem there',
      'DataVolume template-ubuntu-2204 asks for RWX Block on storage class nfs-client, but an NFS-backed class serves RWX volumes in Filesystem mode only: use volumeMode Filesystem there',
    ]);
  });
});

describe("STO-006 on Portworx classes follows CDI's table (pxd.portworx.com keys on sharedv4_mount_options, not sharedv4)", () => {
  /** The RA site with these Portworx classes besides the RA's, as the pack's storageClasses list writes them. */
  const withPortworxClasses = (...classes: { name: string; parameters: Record<string, string> }[]) => (s: VmoSite) =>
    (s.layers.csi as PortworxPack).addOverride('charts.portworx-generic.storageClasses', [
      { name: 'spectro-storage-class', isDefaultStorageClass: true, annotations: { 'storageclass.kubevirt.io/is-default-virt-class': 'true' }, parameters: { repl: '2' } },
      ...classes,
    ]);
  const rwxBlockOn = (className: string) => withTemplates({ 'dv-rwx': [dataVolume('rwx', { storageClassName: className, accessModes: ['ReadWriteMany'], volumeMode: 'Block' })] });
  const both = (...mutations: ((s: VmoSite) => void)[]) => (s: VmoSite) => mutations.forEach((m) => m(s));

  test('fails on RWX Block on a class with sharedv4_mount_options vers=3.0,nolock (CDI pxd.portworx.com/nfs: RWX Filesystem only)', () => {
    const nfs = { name: 'px-nfs', parameters: { repl: '2', sharedv4: 'true', sharedv4_mount_options: 'vers=3.0,nolock' } };
    const v = check(STO_006, props(), both(withPortworxClasses(nfs), rwxBlockOn('px-nfs')));
    expect(v).toEqual([
      {
        location: 'profile VMO-RA-Full, layer extra-templates, manifest dv-rwx',
        message:
          'DataVolume rwx asks for RWX Block on storage class px-nfs, but a Portworx class with sharedv4_mount_options vers=3.0,nolock serves RWX volumes over NFS, in Filesystem mode only: use volumeMode Filesystem there',
      },
    ]);
    expect(levelOf(STO_006, v[0])).toBe(ERROR);
  });

  test('passes RWX Block on a sharedv4: "true" class (CDI pxd.portworx.com: RWX Block) and on the RA class', () => {
    const shared = { name: 'px-sharedv4', parameters: { repl: '2', sharedv4: 'true' } };
    expect(check(STO_006, props(), both(withPortworxClasses(shared), rwxBlockOn('px-sharedv4')))).toEqual([]);
    expect(check(STO_006, props(), rwxBlockOn('spectro-storage-class'))).toEqual([]);
  });

  test('fails on RWX Block on pure_fa_file, and on any class before Portworx 3.3 (RA rev 1.7: "Portworx Enterprise 3.3.1: Block")', () => {
    const file = { name: 'px-fa-file', parameters: { backend: 'pure_fa_file' } };
    expect(check(STO_006, props(), both(withPortworxClasses(file), rwxBlockOn('px-fa-file'))).map((x) => x.message)).toEqual([
      'DataVolume rwx asks for RWX Block on storage class px-fa-file, but a Portworx pure_fa_file class serves RWX volumes in Filesystem mode only: use volumeMode Filesystem there',
    ]);
    const shared = { name: 'px-sharedv4', parameters: { sharedv4: 'true' } };
    expect(check(STO_006, props({ storage: { portworx: { version: '3.2.3' } } }), both(withPortworxClasses(shared), rwxBlockOn('px-sharedv4'))).map((x) => x.message)).toEqual([
      'DataVolume rwx asks for RWX Block on storage class px-sharedv4, but Portworx 3.2.3 serves RWX volumes in Filesystem mode only (RWX Block needs Portworx 3.3 or later): use volumeMode Filesystem there',
    ]);
  });
});

describe('STO-007 DataVolumes leave modes to the StorageProfile', () => {
  test('passes on a DataVolume with spec.storage holding only the size', () => {
    expect(check(STO_007)).toEqual([]);
    const dv = dataVolume('template-ubuntu-2204', { resources: { requests: { storage: '50Gi' } } });
    expect(check(STO_007, props(), withTemplates({ 'dv-ubuntu-2204': [dv] }))).toEqual([]);
  });

  test('fails on a DataVolume setting volumeMode and accessModes, and on a VM template using spec.pvc', () => {
    const dv = dataVolume('template-ubuntu-2204', { accessModes: ['ReadWriteMany'], volumeMode: 'Filesystem', resources: { requests: { storage: '50Gi' } } });
    const vmt = {
      apiVersion: 'spectrocloud.com/v1',
      kind: 'VmTemplate',
      metadata: { name: 'ubuntu-2204' },
      spec: { dataVolumeTemplates: [{ metadata: { name: 'root' }, spec: { pvc: { accessModes: ['ReadWriteOnce'] } } }] },
    };
    const v = check(STO_007, props(), withTemplates({ 'dv-ubuntu-2204': [dv], 'vmtemplate-ubuntu-2204': [vmt] }));
    expect(v).toEqual([
      {
        location: 'profile VMO-RA-Full, layer extra-templates, manifest dv-ubuntu-2204',
        message: 'DataVolume template-ubuntu-2204 sets volumeMode Filesystem and accessModes ReadWriteMany in spec.storage, which overrides the StorageProfile: remove them and let the StorageProfile decide',
      },
      {
        location: 'profile VMO-RA-Full, layer extra-templates, manifest vmtemplate-ubuntu-2204',
        message: 'VmTemplate ubuntu-2204 dataVolumeTemplate root uses spec.pvc with accessModes ReadWriteOnce, which bypasses the StorageProfile: use spec.storage with only the size (and class)',
      },
    ]);
    expect(levelOf(STO_007, v[0])).toBe(WARNING);
  });
});

describe('STO-008 NFS client for RWX over NFS', () => {
  const longhorn = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'longhorn' }, provisioner: 'driver.longhorn.io' };
  const longhornDv = dataVolume('template-ubuntu-2204', { storageClassName: 'longhorn', accessModes: ['ReadWriteMany'], volumeMode: 'Filesystem' });

  test('passes on the RA site (RWX Block) and when the OS layer installs nfs-common (the RA OS layer does)', () => {
    expect(check(STO_008)).toEqual([]);
    expect(check(STO_008, props(), withTemplates({ sc: [longhorn], dv: [longhornDv] }))).toEqual([]);
  });

  test('fails when RWX Filesystem volumes on Longhorn meet an OS layer without the NFS client', () => {
    const v = check(STO_008, props(), (s) => {
      withTemplates({ sc: [longhorn], dv: [longhornDv] })(s);
      withoutNfsClient(s);
    });
    expect(v).toEqual([
      {
        location: 'profile VMO-RA-Full, layer ubuntu-maas',
        message:
          "DataVolume template-ubuntu-2204 (RWX Filesystem on longhorn), the VMs' persistent TPM state (vmStateStorageClass spectro-storage-class, RWX Filesystem) mount NFS shares, but the OS layer does not install nfs-common: add it to the OS layer's packages",
      },
    ]);
    expect(levelOf(STO_008, v[0])).toBe(WARNING);
  });

  test('fails when Portworx serves VM disks as RWX Filesystem (sharedv4, before 3.3) and the OS layer has no NFS client', () => {
    const v = check(STO_008, props({ storage: { portworx: { version: '3.2.3' } } }), withoutNfsClient);
    expect(v[0].message).toBe(
      "StorageProfile spectro-storage-class (RWX Filesystem on spectro-storage-class), the VMs' persistent TPM state (vmStateStorageClass spectro-storage-class, RWX Filesystem) mount NFS shares, but the OS layer does not install nfs-common: add it to the OS layer's packages",
    );
  });
});

describe('STO-009 FlashArray settings (info)', () => {
  test('passes on the RA site (px-pure-secret in the StorageCluster namespace portworx)', () => {
    expect(check(STO_009)).toEqual([]);
  });

  test('fails on a small LUN and on the StorageCluster moved away from the secret', () => {
    const v = check(STO_009, props({ storage: { portworx: { deviceSizeGiB: 512 } } }), (s) =>
      (s.layers.csi as PortworxPack).addOverride('charts.portworx-generic.storageCluster.namespace', 'kube-system'),
    );
    expect(v.map((x) => x.message)).toEqual([
      "each worker contributes a 512 GiB FlashArray LUN, below the RA's 1024 GiB (1 TB per worker): use at least 1024 unless the pool is sized on purpose",
      'no px-pure-secret in the StorageCluster namespace kube-system (found in namespace portworx): Portworx reads the FlashArray credentials there; add the secret to that namespace',
    ]);
    expect(v.every((x) => levelOf(STO_009, x) === INFO)).toBe(true);
  });

  test('fails on an unknown SAN type as an error, and on a site without FlashArray at the setting', () => {
    const fa = patched((m) => ({ storage: m.storage && { ...m.storage, flashArray: { ...(m.storage.flashArray ?? { mgmtEndpoints: [], secretNamespaces: [] }), sanType: 'NVMe' } } }));
    const v = check(STO_009, fa);
    expect(v.map((x) => x.message)).toEqual(["PURE_FLASHARRAY_SAN_TYPE 'NVMe' is not FC or ISCSI: use FC (RA rev 1.7) or ISCSI"]);
    expect(levelOf(STO_009, v[0])).toBe(ERROR);
    const none = site(props({ storage: { portworx: { flashArrays: [] } } })).check().filter((f) => f.level === 'error');
    expect(none.map((f) => [f.ruleId, f.location])).toEqual([['SITE-001', 'site ra: storage']]);
    expect(none[0].message).toContain('portworx needs at least one FlashArray');
  });
});

describe('STO-010 Portworx Kubernetes constraint', () => {
  test('passes on the RA site (1.32.4 with 3.3.1) and compares numerically (1.32.10)', () => {
    expect(check(STO_010)).toEqual([]);
    expect(check(STO_010, props({ kubernetes: { version: '1.32.10' } }))).toEqual([]);
  });

  test('fails on Kubernetes 1.33 with Portworx 3.3.1, naming both and the fix', () => {
    const v = check(STO_010, props({ kubernetes: { version: '1.33.1' } }));
    expect(v).toEqual([
      {
        location: 'kubernetes.version',
        message: 'kubernetes 1.33.1 is newer than Portworx 3.3.1 supports (up to 1.32.x): use kubernetes 1.32.x, or a Portworx 3.4.x pack, which supports it',
      },
    ]);
    expect(levelOf(STO_010, v[0])).toBe(ERROR);
  });

  test('fails on a version that is not a version', () => {
    expect(check(STO_010, props({ kubernetes: { version: 'latest' } }))[0].message).toBe(
      "kubernetes version 'latest' is not a version: write major.minor.patch, e.g. 1.32.4 (RA rev 1.7)",
    );
  });
});

// ---- the other backends (storage.backend) ----

const LONGHORN = props({ storage: { backend: 'longhorn' } });
const ROOK_CEPH = props({ storage: { backend: 'rook-ceph' } });
const storageClass = (name: string, provisioner: string, parameters: Record<string, string>) => ({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name }, provisioner, parameters });

describe('STO-006 follows CDI on the Longhorn and Rook-Ceph layers', () => {
  test('passes on the Longhorn site: its VM class is migratable, which CDI serves as RWX Block', () => {
    expect(check(STO_006, LONGHORN)).toEqual([]);
  });

  test('passes on the Rook-Ceph site: RBD serves RWX Block, for both VM classes', () => {
    expect(check(STO_006, ROOK_CEPH)).toEqual([]);
  });

  test('fails on RWX Block on a Longhorn class with nfsOptions (CDI driver.longhorn.io/nfs: RWX Filesystem only)', () => {
    const v = check(
      STO_006,
      LONGHORN,
      withTemplates({
        'sc-longhorn-nfs': [storageClass('longhorn-nfs', 'driver.longhorn.io', { numberOfReplicas: '3', nfsOptions: 'vers=4.2,softerr,timeo=600' })],
        'storageprofile-cdi': [storageProfile('longhorn-nfs', ['ReadWriteMany'], 'Block')],
      }),
    );
    expect(v).toEqual([
      {
        location: 'profile VMO-RA-Full, layer extra-templates, manifest storageprofile-cdi',
        message:
          'StorageProfile longhorn-nfs asks for RWX Block on storage class longhorn-nfs, but a Longhorn class with nfsOptions serves RWX volumes as an NFS share, in Filesystem mode only: use volumeMode Filesystem there',
      },
    ]);
    expect(levelOf(STO_006, v[0])).toBe(ERROR);
  });

  test("fails on RWX Block on the chart's longhorn class, read from what the Longhorn layer writes (fsType set: RWO Filesystem in CDI)", () => {
    const dv = dataVolume('scratch', { storageClassName: 'longhorn', accessModes: ['ReadWriteMany'], volumeMode: 'Block' });
    expect(check(STO_006, LONGHORN, withTemplates({ dv: [dv] })).map((x) => x.message)).toEqual([
      'DataVolume scratch asks for RWX Block on storage class longhorn, but a Longhorn class without migratable: "true" serves RWX volumes as an NFS share, in Filesystem mode only: use volumeMode Filesystem there',
    ]);
  });

  test('fails on RWX Block on CephFS (RWX Filesystem only)', () => {
    const dv = dataVolume('rwx', { storageClassName: 'ceph-filesystem', accessModes: ['ReadWriteMany'], volumeMode: 'Block' });
    expect(check(STO_006, ROOK_CEPH, withTemplates({ dv: [dv] })).map((x) => x.message)).toEqual([
      'DataVolume rwx asks for RWX Block on storage class ceph-filesystem, but a CephFS class serves RWX volumes in Filesystem mode only: use volumeMode Filesystem there',
    ]);
  });
});

describe('STO-001 and STO-004 per backend', () => {
  test('Longhorn needs one storage node; its replicas must fit the workers, reported at storage.longhorn.replicas', () => {
    const one = props({ nodes: { workers: 1 }, storage: { backend: 'longhorn' } });
    expect(check(STO_001, one).filter((v) => levelOf(STO_001, v) === ERROR)).toEqual([]);
    expect(check(STO_004, one)).toEqual([
      { location: 'storage.longhorn.replicas', message: 'replication 3 exceeds the 1 Longhorn storage nodes: volumes cannot get their replicas; use 1 or add storage nodes' },
    ]);
    expect(check(STO_004, props({ nodes: { workers: 1 }, storage: { backend: 'longhorn', longhorn: { replicas: 1 } } })).map((v) => [v.location, levelOf(STO_004, v)])).toEqual([
      ['storage.longhorn.replicas', WARNING],
    ]);
  });

  test('Rook-Ceph needs 3 storage nodes; the pool size is read from the block pool the VM class uses', () => {
    expect(check(STO_001, props({ nodes: { workers: 2 }, storage: { backend: 'rook-ceph' } }))[0]).toEqual({
      location: 'nodes.workers',
      message: '2 Rook-Ceph storage nodes: it needs at least 3 for quorum; use at least 4 workers (5 recommended)',
    });
    expect(check(STO_004, props({ storage: { backend: 'rook-ceph', rookCeph: { replicas: 1 } } }))[0].location).toBe('storage.rookCeph.replicas');
    expect(check(STO_004, ROOK_CEPH)).toEqual([]);
  });
});

describe('STO-011 storage survives the loss of one node', () => {
  test('passes on the RA, Longhorn and Rook-Ceph sites with 5 workers', () => {
    expect(check(STO_011)).toEqual([]);
    expect(check(STO_011, LONGHORN)).toEqual([]);
    expect(check(STO_011, ROOK_CEPH)).toEqual([]);
  });

  test('warns when the VM class keeps a copy on every storage node: nothing to rebuild onto', () => {
    const v = check(STO_011, props({ nodes: { workers: 3 }, storage: { backend: 'longhorn' } }));
    expect(v).toEqual([
      {
        level: WARNING,
        location: 'storage.longhorn.replicas',
        message:
          'storage class longhorn-vm keeps 3 copies on 3 Longhorn storage nodes: a lost, released or repaved node leaves every volume degraded with no node to rebuild onto until it returns; add a worker, or keep 2 copies',
      },
    ]);
  });

  test('fails when the Ceph MONs outnumber the storage nodes (one per node)', () => {
    const v = check(STO_011, props({ nodes: { workers: 2 }, storage: { backend: 'rook-ceph', rookCeph: { replicas: 2 } } }));
    expect(v).toEqual([
      { location: 'nodes.workers', message: '3 Ceph MONs run one per node, but the site has 2 storage nodes: 1 of them cannot start and quorum is at risk; use at least 3 workers' },
      expect.objectContaining({ level: WARNING, location: 'storage.rookCeph.replicas' }),
    ]);
    expect(levelOf(STO_011, v[0])).toBe(ERROR);
  });

  test('warns on an even MON count, at the CSI layer', () => {
    const v = check(STO_011, ROOK_CEPH, (s) => (s.layers.csi as RookCephPack).addOverride('charts.rook-ceph-cluster.cephClusterSpec.mon.count', 4));
    expect(v).toEqual([
      {
        level: WARNING,
        location: 'profile VMO-RA-Full, layer csi-rook-ceph-helm',
        message: '4 Ceph MONs: an even number survives no more losses than one fewer; run an odd number of at least 3 (seed 000: "typically 3")',
      },
    ]);
  });
});

/** Piraeus brought by a program as its CSI layer: the library builds none. */
class PiraeusLayer extends PackLayer implements ICsiLayer {
  public readonly vmStorage = { storageClassName: 'linstor-vm', volumeMode: 'Block' as const, cloneStrategy: 'csi-clone' as const };
  public readonly snapshotClass = { name: 'linstor-snapshots', driver: 'linstor.csi.linbit.com' };
  public readonly nodeRequirements = { packages: [], pureFlashArray: false, nfsClient: false };

  constructor(scope: Construct) {
    super(scope, 'piraeus', { name: 'piraeus-operator', version: '2.9.0', layer: LayerType.CSI, role: LayerRole.CSI });
  }

  public storageFacts(): StorageFacts {
    const vm = { name: 'linstor-vm', provisioner: 'linstor.csi.linbit.com', parameters: { placementCount: '2' } };
    return {
      product: 'Piraeus',
      version: this.version,
      provisioner: 'linstor.csi.linbit.com',
      storageClasses: [vm],
      vmStorageClass: vm.name,
      rwxBlockProblem: () => undefined,
      needsNfsClient: () => false,
      replicasOf: (sc) => Number(sc.parameters.placementCount),
      minStorageNodes: 1,
    };
  }
}

describe('STO-012 Piraeus on MAAS', () => {
  test('passes on the Portworx, Longhorn and Rook-Ceph sites', () => {
    for (const p of [RA, LONGHORN, ROOK_CEPH]) expect(check(STO_012, p)).toEqual([]);
  });

  test('warns when a program brings Piraeus as its CSI layer', () => {
    const s = new VmoSite(new PaletteApp({ outdir: '/nonexistent' }), 'ra', RA, { csi: (scope) => new PiraeusLayer(scope) });
    const v = check(STO_012, vmoSiteModel(s.render(), s.hosts));
    expect(v).toEqual([
      {
        location: 'profile VMO-RA-Full, layer piraeus-operator',
        message:
          "Piraeus (LINSTOR, storage class linstor-vm) on MAAS: a CAPI repave gives the node a new hostname and no storage pool, and LINSTOR neither recreates the pool nor rebalances; each repave needs 'linstor storage-pool create' by hand. Prefer Portworx, Longhorn or Rook-Ceph (storage.backend), or keep storage nodes out of repaves",
      },
    ]);
    expect(levelOf(STO_012, v[0])).toBe(WARNING);
    // The layers above follow the brought layer: its class is the StorageProfile's and the templates'.
    expect(s.layers.storage?.storageProfile.storageClassName).toBe('linstor-vm');
  });

  test('warns on a LINSTOR storage class in any layer', () => {
    const v = check(STO_012, RA, withTemplates({ sc: [storageClass('linstor-lvm-storage', 'linstor.csi.linbit.com', {})] }));
    expect(v.map((x) => x.message)).toEqual([expect.stringContaining('Piraeus (LINSTOR, storage class linstor-lvm-storage) on MAAS')]);
  });
});
