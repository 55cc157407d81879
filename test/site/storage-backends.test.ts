import { parse } from 'yaml';
import { VmoSite, VmoSiteProps } from '../../lib';
import { STO_005, STO_006, STO_007, STO_008 } from '../../lib/rules';
import { check, manifestLayer, model } from '../rules/fixtures';
import { vmStateClaim } from '../../lib/rules/storage/vm-state-claim';
import { renderSite } from './fixtures';
import { VmoProfileKind } from '../../lib/site';

/*
 * storage.backend: each backend's CSI layer and what the layers above derive from it (the VM
 * class, the CDI StorageProfile, the snapshot class VMO writes, the TPM state class, the OS
 * packages), all read from freshly synthesized files.
 */

const BASE: VmoSiteProps = {
  name: 'sb',
  network: {
    layout: 'four-nic',
    mgmt: { vlan: 10, cidr: '172.16.0.0/22' },
    data: { vlan: 20, cidr: '10.20.0.0/16', gateway: '10.20.30.1' },
  },
};
const backend = (b: 'portworx' | 'longhorn' | 'rook-ceph', p: VmoSiteProps = BASE): VmoSiteProps => ({ ...p, storage: { ...p.storage, backend: b } });

interface PackJson {
  name: string;
  version: string;
  values: string;
  manifests?: { name: string; content: string }[];
}

/** The files a site writes, or the error findings that refuse it. */
const synth = renderSite;

/** The Full profile's packs, by name. */
function fullPacks(props: VmoSiteProps): Map<string, PackJson> {
  const { files, errors } = synth({ ...props, profiles: { layout: 'full' } });
  expect(errors).toEqual([]);
  const json = JSON.parse(files.get('profiles/VMO-RA-Full.json') ?? 'null') as { spec: { template: { packs: PackJson[] } } };
  return new Map(json.spec.template.packs.map((p) => [p.name, p]));
}

const values = (p: PackJson | undefined) => parse(p?.values ?? '', { version: '1.1' });
const objects = (p: PackJson | undefined, manifest?: string) =>
  (p?.manifests ?? [])
    .filter((m) => manifest === undefined || m.name === manifest)
    .flatMap((m) => m.content.split(/^---$/m).map((d) => parse(d, { version: '1.1' })).filter((d) => d != null));
const aptPackages = (os: PackJson | undefined): string[] => {
  const line = (values(os).kubeadmconfig.preKubeadmCommands as string[]).find((c) => c.startsWith('apt-get update'));
  return line ? line.replace(/^.*apt-get install -y -q /, '').split(' ') : [];
};

describe('storage.backend: longhorn', () => {
  const packs = fullPacks(backend('longhorn'));
  const csi = packs.get('csi-longhorn');

  test('the CSI layer is csi-longhorn 1.8.1 (RA rev 1.7 "Longhorn 1.8.x") with kubeletRootDir, over-provisioning for CDI and 3 replicas', () => {
    expect(csi?.version).toBe('1.8.1');
    const chart = values(csi).charts.longhorn;
    expect(chart.csi.kubeletRootDir).toBe('/var/lib/kubelet');
    expect(chart.defaultSettings.storageOverProvisioningPercentage).toBe(600);
    expect(chart.defaultSettings.defaultReplicaCount).toBe(3);
    expect(chart.persistence).toMatchObject({ defaultClass: true, defaultClassReplicaCount: 3, migratable: false });
    expect(values(csi).pack.namespace).toBe('longhorn-system');
    expect(values(csi).pack.namespaceLabels['longhorn-system']).toContain('pod-security.kubernetes.io/enforce=privileged');
  });

  test('the VM class longhorn-vm is migratable (RWX Block), KubeVirt default-virt, never the cluster default', () => {
    const [sc] = objects(csi).filter((o) => o.kind === 'StorageClass');
    expect(sc.metadata.name).toBe('longhorn-vm');
    expect(sc.provisioner).toBe('driver.longhorn.io');
    expect(sc.parameters).toEqual({ numberOfReplicas: '3', staleReplicaTimeout: '2880', fromBackup: '', migratable: 'true' });
    expect(sc.metadata.annotations).toEqual({ 'storageclass.kubevirt.io/is-default-virt-class': 'true' });
    expect(sc.metadata.annotations['storageclass.kubernetes.io/is-default-class']).toBeUndefined();
  });

  test("the StorageProfile claims CDI's sets for driver.longhorn.io/migratable: RWX Block, then RWO Block", () => {
    const [sp] = objects(packs.get('vmo-storage'));
    expect(sp.metadata.name).toBe('longhorn-vm');
    expect(sp.spec.claimPropertySets).toEqual([
      { accessModes: ['ReadWriteMany'], volumeMode: 'Block' },
      { accessModes: ['ReadWriteOnce'], volumeMode: 'Block' },
    ]);
    expect(sp.spec.cloneStrategy).toBe('csi-clone');
  });

  test("fails without a StorageProfile for the TPM state class longhorn: CDI sees it as RWO Filesystem only (fsType ext4), so KubeVirt would claim RWO", () => {
    // KubeVirt picks the state claim's access mode from the class's StorageProfile (pkg/storage/backend-storage getAccessMode).
    const profiles = objects(packs.get('vmo-storage'));
    expect(profiles.map((p) => p.metadata.name)).toEqual(['longhorn-vm', 'longhorn']);
    const [, state] = profiles;
    // The field-tested Longhorn Templates profile's StorageProfile (storage-backends.md §2.5).
    expect(state.spec).toEqual({ claimPropertySets: [{ accessModes: ['ReadWriteMany'], volumeMode: 'Filesystem' }], cloneStrategy: 'csi-clone' });
    expect(values(packs.get('virtual-machine-orchestrator')).charts['virtual-machine-orchestrator'].kubevirt.kubevirtResource.config.additionalConfig.vmStateStorageClass).toBe(state.metadata.name);
  });

  test('VMO writes the Longhorn snapshot class and keeps TPM state on the RWX Filesystem class longhorn', () => {
    const vmo = values(packs.get('virtual-machine-orchestrator')).charts['virtual-machine-orchestrator'];
    expect(vmo['snapshot-controller'].volumeSnapshotClass).toMatchObject({ create: true, name: 'longhorn-snapshot-vsc', driver: 'driver.longhorn.io', params: { type: 'snap' } });
    expect(vmo.kubevirt.kubevirtResource.config.additionalConfig.vmStateStorageClass).toBe('longhorn');
  });

  test('the OS layer installs open-iscsi and nfs-common, starts iscsid, loads iscsi_tcp, and drops the FlashArray multipath', () => {
    const os = packs.get('ubuntu-maas');
    expect(aptPackages(os)).toEqual(expect.arrayContaining(['open-iscsi', 'nfs-common']));
    expect(aptPackages(os)).not.toContain('multipath-tools');
    const commands: string[] = values(os).kubeadmconfig.preKubeadmCommands;
    expect(commands).toEqual(expect.arrayContaining(['systemctl enable --now iscsid', 'modprobe iscsi_tcp']));
    const files: { targetPath: string; content: string }[] = values(os).kubeadmconfig.files;
    expect(files.find((f) => f.targetPath === '/etc/modules-load.d/csi.conf')?.content).toBe('iscsi_tcp\n');
    expect(files.map((f) => f.targetPath)).not.toContain('/etc/multipath.conf');
  });

  test('golden images and VM templates use longhorn-vm with only size and class in spec.storage', () => {
    for (const dv of objects(packs.get('vmo-goldenimages'))) expect(Object.keys(dv.spec.storage).sort()).toEqual(['resources', 'storageClassName']);
    expect(objects(packs.get('vmo-goldenimages')).map((dv) => dv.spec.storage.storageClassName)).toEqual(['longhorn-vm', 'longhorn-vm']);
    const templates = objects(packs.get('vmo-vmtemplates')).filter((o) => o.kind === 'VmTemplate');
    expect(templates.map((t) => t.spec.dataVolumeTemplates[0].spec.storage.storageClassName)).toEqual(['longhorn-vm', 'longhorn-vm']);
  });
});

describe('storage.backend: rook-ceph', () => {
  const packs = fullPacks(backend('rook-ceph'));
  const csi = packs.get('csi-rook-ceph-helm');
  const cluster = values(csi).charts['rook-ceph-cluster'];

  test('the CSI layer is csi-rook-ceph-helm 1.16.3 with 3 MONs, one per node, and no object store', () => {
    expect(csi?.version).toBe('1.16.3');
    expect(cluster.cephClusterSpec.mon).toEqual({ count: 3, allowMultiplePerNode: false });
    expect(cluster.cephObjectStores).toEqual([]);
    expect(values(csi).pack.namespace).toBe('rook-ceph');
  });

  test('the RBD pool class ceph-block is the VM class, the cluster default and the default-virt class; CephFS is not the default', () => {
    const [pool] = cluster.cephBlockPools;
    expect(pool.spec).toEqual({ failureDomain: 'host', replicated: { size: 3 } });
    expect(pool.storageClass).toMatchObject({ enabled: true, name: 'ceph-block', isDefault: true, annotations: { 'storageclass.kubevirt.io/is-default-virt-class': 'true' } });
    expect(cluster.cephFileSystems[0].storageClass).toMatchObject({ name: 'ceph-filesystem', isDefault: false });
  });

  test('the rxbounce variant ceph-block-windows is on the same pool, for the Windows template and its golden image', () => {
    const [sc] = objects(csi).filter((o) => o.kind === 'StorageClass');
    expect(sc.metadata.name).toBe('ceph-block-windows');
    expect(sc.provisioner).toBe('rook-ceph.rbd.csi.ceph.com');
    expect(sc.parameters).toMatchObject({ pool: 'ceph-blockpool', clusterID: 'rook-ceph', mounter: 'rbd', mapOptions: 'krbd:rxbounce' });
    expect(objects(packs.get('vmo-goldenimages')).map((dv) => [dv.metadata.name, dv.spec.storage.storageClassName])).toEqual([
      ['template-ubuntu-2204', 'ceph-block'],
      ['template-windows-2022', 'ceph-block-windows'],
    ]);
    const templates = objects(packs.get('vmo-vmtemplates')).filter((o) => o.kind === 'VmTemplate');
    expect(templates.map((t) => [t.metadata.name, t.spec.dataVolumeTemplates[0].spec.storage.storageClassName])).toEqual([
      ['ubuntu-2204', 'ceph-block'],
      ['win-2022-eval', 'ceph-block-windows'],
    ]);
  });

  test("each RBD class gets a StorageProfile with CDI's RBD sets (RWX Block, RWO Block, RWO Filesystem) and csi-clone", () => {
    const profiles = objects(packs.get('vmo-storage')).filter((p) => p.metadata.name !== 'ceph-filesystem');
    expect(profiles.map((p) => p.metadata.name)).toEqual(['ceph-block', 'ceph-block-windows']);
    for (const sp of profiles) {
      expect(sp.spec.claimPropertySets).toEqual([
        { accessModes: ['ReadWriteMany'], volumeMode: 'Block' },
        { accessModes: ['ReadWriteOnce'], volumeMode: 'Block' },
        { accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem' },
      ]);
      expect(sp.spec.cloneStrategy).toBe('csi-clone');
    }
  });

  test("fails without a StorageProfile for the TPM state class ceph-filesystem: a CDI before v1.63 knows no rook-ceph.cephfs driver, so it claims RWX Filesystem explicitly", () => {
    const state = objects(packs.get('vmo-storage')).find((p) => p.metadata.name === 'ceph-filesystem');
    expect(state?.spec).toEqual({ claimPropertySets: [{ accessModes: ['ReadWriteMany'], volumeMode: 'Filesystem' }], cloneStrategy: 'csi-clone' });
  });

  test('snapshot classes: VMO writes the RBD one, the chart the CephFS one (its RBD one stays off: one class per driver)', () => {
    const vmo = values(packs.get('virtual-machine-orchestrator')).charts['virtual-machine-orchestrator'];
    expect(vmo['snapshot-controller'].volumeSnapshotClass).toMatchObject({
      create: true,
      name: 'ceph-block-snapshot-class',
      driver: 'rook-ceph.rbd.csi.ceph.com',
      params: { clusterID: 'rook-ceph', 'csi.storage.k8s.io/snapshotter-secret-name': 'rook-csi-rbd-provisioner', 'csi.storage.k8s.io/snapshotter-secret-namespace': 'rook-ceph' },
    });
    expect(cluster.cephFileSystemVolumeSnapshotClass.enabled).toBe(true);
    expect(cluster.cephBlockPoolsVolumeSnapshotClass.enabled).toBe(false);
    expect(vmo.kubevirt.kubevirtResource.config.additionalConfig.vmStateStorageClass).toBe('ceph-filesystem');
  });

  test('the OS layer loads the Ceph kernel clients and installs no NFS client and no FlashArray settings', () => {
    const os = packs.get('ubuntu-maas');
    expect(values(os).kubeadmconfig.preKubeadmCommands).toEqual(expect.arrayContaining(['modprobe rbd', 'modprobe ceph']));
    expect(aptPackages(os)).toEqual(['grepcidr']);
    expect((values(os).kubeadmconfig.files as { targetPath: string }[]).map((f) => f.targetPath)).not.toContain('/etc/nfs.conf');
  });

  test('objectStore: true keeps the object store', () => {
    const with_ = values(fullPacks({ ...BASE, storage: { backend: 'rook-ceph', rookCeph: { objectStore: true } } }).get('csi-rook-ceph-helm'));
    expect(with_.charts['rook-ceph-cluster'].cephObjectStores.map((s: { name: string }) => s.name)).toEqual(['ceph-objectstore']);
  });

  test('fails with 2 workers: Rook-Ceph needs at least 3 storage nodes (STO-001) and the pool its 3 copies (STO-004)', () => {
    const { errors } = synth({ ...backend('rook-ceph'), nodes: { workers: 2 } });
    expect(errors.map((f) => [f.ruleId, f.location])).toEqual([
      ['STO-001', 'site sb: nodes.workers'],
      ['STO-004', 'site sb: storage.rookCeph.replicas'],
      ['STO-011', 'site sb: nodes.workers'],
    ]);
    expect(errors[0].message).toBe('2 Rook-Ceph storage nodes: it needs at least 3 for quorum; use at least 4 workers (5 recommended)');
  });
});

describe('storage.backend: portworx (the default) is unchanged', () => {
  test('csi-portworx-generic, the RA class, its StorageProfile as the RA writes it, the Portworx snapshot class, the FlashArray OS settings', () => {
    const packs = fullPacks(BASE);
    expect(fullPacks(backend('portworx'))).toEqual(packs);
    expect(packs.get('csi-portworx-generic')?.version).toBe('3.3.1');
    const [sp] = objects(packs.get('vmo-storage'));
    expect(sp.metadata.name).toBe('spectro-storage-class');
    expect(sp.spec.claimPropertySets).toEqual([{ accessModes: ['ReadWriteMany'], volumeMode: 'Block' }]);
    const vmo = values(packs.get('virtual-machine-orchestrator')).charts['virtual-machine-orchestrator'];
    expect(vmo['snapshot-controller'].volumeSnapshotClass).toMatchObject({ name: 'portworx-snapshot-class', driver: 'pxd.portworx.com' });
    expect(aptPackages(packs.get('ubuntu-maas'))).toEqual(expect.arrayContaining(['multipath-tools', 'nfs-common']));
    expect(aptPackages(packs.get('ubuntu-maas'))).not.toContain('open-iscsi');
  });
});

describe('a live-migratable VM on each backend passes STO-005, STO-006 and STO-007', () => {
  /** A VM that live-migrates (evictionStrategy LiveMigrate) with a disk that names only size and class. */
  const vm = (className: string) => ({
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: { name: 'web', namespace: 'virtual-machines' },
    spec: {
      runStrategy: 'Always',
      dataVolumeTemplates: [{ metadata: { name: 'web-root' }, spec: { storage: { resources: { requests: { storage: '20Gi' } }, storageClassName: className }, source: { blank: {} } } }],
      template: { spec: { evictionStrategy: 'LiveMigrate', domain: { devices: {} }, volumes: [{ name: 'root', dataVolume: { name: 'web-root' } }] } },
    },
  });
  const withVm = (className: string) => (site: VmoSite) => site.addAddOn(manifestLayer(site, 'my-vms', 50, { 'vm-web': [vm(className)] }), { profile: VmoProfileKind.TEMPLATES });

  test.each([
    ['portworx', 'spectro-storage-class'],
    ['longhorn', 'longhorn-vm'],
    ['rook-ceph', 'ceph-block'],
    ['rook-ceph', 'ceph-block-windows'],
  ] as const)('%s, class %s', (b, className) => {
    for (const rule of [STO_005, STO_006, STO_007]) expect(check(rule, backend(b), withVm(className))).toEqual([]);
  });
});

describe('Longhorn: RWX Filesystem only where the nodes have the NFS client', () => {
  test('STO-008 fails when the OS layer drops nfs-common: the TPM state class longhorn mounts NFS', () => {
    const withoutNfs = (site: VmoSite) => site.layers.os?.addOverride('kubeadmconfig.preKubeadmCommands', ['systemctl enable --now iscsid']);
    expect(check(STO_008, backend('longhorn'))).toEqual([]);
    expect(check(STO_008, backend('longhorn'), withoutNfs).map((v) => v.message)).toEqual([
      "StorageProfile longhorn (RWX Filesystem on longhorn), the VMs' persistent TPM state (vmStateStorageClass longhorn, RWX Filesystem) mount NFS shares, but the OS layer does not install nfs-common: add it to the OS layer's packages",
    ]);
  });

  test("KubeVirt claims the TPM state RWX Filesystem on longhorn from its StorageProfile; without it CDI's RWO Filesystem would make the claim RWO", () => {
    expect(vmStateClaim(model(backend('longhorn')))).toEqual({ className: 'longhorn', accessMode: 'ReadWriteMany', volumeMode: 'Filesystem' });
    const withoutStateProfile = (site: VmoSite) => site.layers.storage?.node.tryRemoveChild('storageprofile-cdi-longhorn');
    expect(vmStateClaim(model(backend('longhorn'), withoutStateProfile))).toEqual({ className: 'longhorn', accessMode: 'ReadWriteOnce', volumeMode: 'Filesystem' });
    expect(vmStateClaim(model(backend('rook-ceph')))).toEqual({ className: 'ceph-filesystem', accessMode: 'ReadWriteMany', volumeMode: 'Filesystem' });
  });
});

describe('profile names and settings per backend', () => {
  test('the Infra profile is named after the backend', () => {
    const infra = (p: VmoSiteProps) => [...synth({ ...p, profiles: { layout: 'split' } }).files.keys()].filter((k) => /^profiles\/[^/]*Infra[^/]*\.json$/.test(k));
    expect(infra(BASE)).toEqual(['profiles/VMO-RA-Infra-MaaS-PureFlashArray.json']);
    expect(infra(backend('longhorn'))).toEqual(['profiles/VMO-RA-Infra-MaaS-Longhorn.json']);
    expect(infra(backend('rook-ceph'))).toEqual(['profiles/VMO-RA-Infra-MaaS-RookCeph.json']);
  });

  test('fails on a settings block of another backend, and on an unknown backend', () => {
    expect(synth({ ...BASE, storage: { longhorn: { replicas: 2 } } }).errors.map((f) => [f.location, f.message])).toEqual([
      ['site sb: storage.longhorn', "storage.longhorn is set but storage.backend is 'portworx': set storage.backend to 'longhorn', or remove storage.longhorn"],
    ]);
    expect(synth({ ...BASE, storage: { backend: 'rook-ceph', portworx: { replication: 3 } } }).errors.map((f) => f.location)).toEqual(['site sb: storage.portworx']);
    expect(synth({ ...BASE, storage: { backend: 'ceph' as 'rook-ceph' } }).errors.map((f) => [f.location, f.message])).toEqual([
      ['site sb: storage.backend', "'ceph' is not a storage.backend choice: use one of portworx, longhorn, rook-ceph"],
    ]);
  });

  test('fails on settings a backend refuses, at that backend', () => {
    expect(synth({ ...BASE, storage: { backend: 'longhorn', longhorn: { dataPath: 'var/lib/longhorn' } } }).errors.map((f) => [f.ruleId, f.location, f.message])).toEqual([
      ['SITE-001', 'site sb: storage.longhorn', "longhorn dataPath 'var/lib/longhorn' is not an absolute path: give a directory on the nodes, e.g. '/var/lib/longhorn/'"],
    ]);
    expect(synth({ ...BASE, storage: { backend: 'rook-ceph', rookCeph: { replicas: 0 } } }).errors.map((f) => [f.ruleId, f.location])).toEqual([['SITE-001', 'site sb: storage.rookCeph']]);
  });
});

describe('switching a site from Portworx to Longhorn changes no unrelated output', () => {
  const split = (p: VmoSiteProps): Map<string, string> => {
    const { files, errors } = synth({ ...p, profiles: { layout: 'both' } });
    expect(errors).toEqual([]);
    // The Infra profile's name says the backend; compare the rest under one name.
    return new Map([...files].map(([k, v]) => [k.replace(/Infra-MaaS-(PureFlashArray|Longhorn)/, 'Infra'), v.replace(/Infra-MaaS-(PureFlashArray|Longhorn)/g, 'Infra')]));
  };
  const portworx = split(BASE);
  const longhorn = split(backend('longhorn'));
  /** Files about storage: the CSI and OS layers, the StorageProfile, the images and templates (their class), VMO (its classes), variables and findings. */
  // The site book describes the whole site, storage included, so it differs too.
  const STORAGE = /csi-|ubuntu-maas|vmo-storage|vmo-goldenimages|vmo-vmtemplates|virtual-machine-orchestrator|variables\.yaml|checks\.json|site-book\.md|\.json$/;

  test('every other file is byte-identical: Kubernetes, Cilium, MetalLB, Nginx, Prometheus, VM networks, preferences', () => {
    const unrelated = [...portworx.keys()].filter((k) => !STORAGE.test(k));
    expect(unrelated).toEqual(expect.arrayContaining(['profiles/VMO-RA-Full/kubernetes.values.yaml', 'profiles/VMO-RA-Full/cni-cilium-oss.values.yaml', 'manifests/VMO-RA-Templates/vmo-networking.yaml']));
    for (const k of unrelated) expect([k, longhorn.get(k)]).toEqual([k, portworx.get(k)]);
  });

  test('in the profile JSON only the storage layers differ', () => {
    for (const name of ['VMO-RA-Full', 'VMO-RA-Infra', 'VMO-RA-Core-PXKE', 'VMO-RA-Templates']) {
      const packs = (files: Map<string, string>) =>
        (JSON.parse(files.get(`profiles/${name}.json`) ?? 'null') as { spec: { template: { packs: PackJson[] } } }).spec.template.packs.filter((p) => !STORAGE.test(`${p.name}.`));
      expect(packs(longhorn)).toEqual(packs(portworx));
    }
  });

  test('VMO keeps its VLAN filtering and everything else; only the snapshot class and the TPM state class change', () => {
    const vmo = (files: Map<string, string>) => {
      const v = parse(files.get('profiles/VMO-RA-Full/virtual-machine-orchestrator.values.yaml') ?? '');
      const chart = v.charts['virtual-machine-orchestrator'];
      delete chart['snapshot-controller'].volumeSnapshotClass;
      delete chart.kubevirt.kubevirtResource.config.additionalConfig.vmStateStorageClass;
      return v;
    };
    expect(vmo(longhorn)).toEqual(vmo(portworx));
    expect(vmo(longhorn).charts['virtual-machine-orchestrator'].vlanFiltering.env.allowedVlans).toBe('21-100');
  });

  test('the VM templates and golden images differ only in their storage class', () => {
    for (const k of ['manifests/VMO-RA-Templates/vmo-vmtemplates.yaml', 'manifests/VMO-RA-Templates/vmo-goldenimages.yaml']) {
      expect(longhorn.get(k)?.replace(/storageClassName: longhorn-vm/g, 'storageClassName: spectro-storage-class')).toBe(portworx.get(k));
    }
  });
});
