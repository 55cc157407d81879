import { Construct } from 'constructs';
import { ValidationError } from '../../common/errors';
import { LayerRole } from '../../palette/layer-role';
import { LayerType } from '../../palette/layer-type';
import { packCatalogOf } from '../../palette/pack-catalog';
import { PackLayer } from '../../palette/pack-layer';
import { PackPreset } from '../../palette/pack-preset';
import { PackRegistry } from '../../palette/pack-registry';
import { isYamlMap, RenderedLayer, valueAt } from '../../palette/rendered';
import { Values } from '../../palette/values';
import { cdiCapabilities, cdiClaimPropertySets } from '../cdi-capabilities';
import { privilegedNamespaceLabels } from '../privileged-namespace';
import { CsiNodeRequirements, CsiSnapshotClass, ICsiLayer, VmStorageProfile } from '../csi-layer';
import { StorageFacts } from '../facts';
import { KUBEVIRT_DEFAULT_VIRT_CLASS_ANNOTATION, StorageClassReading, storageClassObjects, stringParameters, vmClassOf } from '../kubevirt-storage-class';
import {
  blockPoolValues, CEPH_BLOCK_POOL, CEPH_BLOCK_STORAGE_CLASS, CEPH_FILESYSTEM_DATA_POOL, CEPH_FILESYSTEM_STORAGE_CLASS, fileSystemValues, objectStoreValues,
} from './ceph-cluster-values';
import { CephRbdStorageClass, ROOK_CEPH_NAMESPACE, ROOK_CEPHFS_PROVISIONER, ROOK_RBD_PROVISIONER } from './ceph-rbd-storage-class';

/** The registered pack name of Rook-Ceph's Helm pack. */
export const ROOK_CEPH_PACK_NAME = 'csi-rook-ceph-helm';
/** RA rev 1.7 RWX table: "Rook-Ceph 1.16.x Block"; 1.16.3 is the Helm pack (storage-backends.md §2.3). */
export const ROOK_CEPH_PACK_VERSION = '1.16.3';
/** Seed 000: "Ceph requires odd number of MONs (monitors) — typically 3". */
export const CEPH_MON_COUNT = 3;
/** Seed 000 storage table: Rook-Ceph "Default Replicas 3 (OSD)". */
export const CEPH_DEFAULT_REPLICAS = 3;
/** The rxbounce RBD class for Windows VM disks. */
export const CEPH_WINDOWS_STORAGE_CLASS = 'ceph-block-windows';
/** The VolumeSnapshotClass VMO writes for RBD (the VMO-on-MAAS tutorial's, pack-values.md §9). */
export const CEPH_BLOCK_SNAPSHOT_CLASS = 'ceph-block-snapshot-class';
/** Seed 000 storage table: Rook-Ceph "Min Nodes 3" (MON quorum). */
const MIN_STORAGE_NODES = 3;

export interface RookCephPackProps {
  /** The `csi-rook-ceph-helm` version. @default '1.16.3' (RA rev 1.7 "Rook-Ceph 1.16.x"; in the pack catalog) */
  readonly version?: string;
  /** The registry the pack comes from. @default PackRegistry.PUBLIC_REPO */
  readonly registry?: PackRegistry;
  /** `replicated.size` of the block pool and the CephFS pools, one copy per host. @default 3 (seed 000) */
  readonly replicas?: number;
  /** Keep the pack's object store (`ceph-objectstore`, class `ceph-bucket`). @default false (storage-backends.md §2.3: "Disable it unless needed") */
  readonly objectStore?: boolean;
  /** More values, deep-merged last. @default none */
  readonly values?: Values;
}

/**
 * Rook-Ceph as the CSI layer (`csi-rook-ceph-helm`, storage-backends.md §2.3): 3 MONs, one per
 * node; the RBD pool's class `ceph-block` as the VM class, the cluster default and KubeVirt's
 * default-virt class (RWX Block); a `krbd:rxbounce` variant of it for Windows VMs, whose I/O
 * otherwise raises CRC errors that can saturate the network (kubevirt/monitoring runbook
 * VMStorageClassWarning); CephFS kept for RWX Filesystem (the VMs' TPM state) with its snapshot
 * class; the object store off unless asked for.
 */
export class RookCephPack extends PackLayer implements ICsiLayer {
  public readonly replicas: number;
  public readonly windowsStorageClass: CephRbdStorageClass;
  public readonly vmStorage: VmStorageProfile;
  public readonly windowsVmStorage: VmStorageProfile;
  /**
   * TPM state on CephFS, RWX Filesystem, as the VMO-on-MAAS tutorial sets `vmStateStorageClass`
   * (pack-values.md §9). Its StorageProfile claims CDI's CephFS sets explicitly: CDI before
   * v1.63.0 (older VMO packs) does not know Rook's `rook-ceph.cephfs.csi.ceph.com` and leaves the
   * class's profile empty (storage-backends.md §2.1).
   */
  public readonly vmStateStorage: VmStorageProfile;
  /**
   * VMO writes the RBD snapshot class (the tutorial's parameters); the chart's own RBD class stays
   * off, so VM snapshots find exactly one class for the driver.
   */
  public readonly snapshotClass: CsiSnapshotClass = {
    name: CEPH_BLOCK_SNAPSHOT_CLASS,
    driver: ROOK_RBD_PROVISIONER,
    parameters: {
      clusterID: ROOK_CEPH_NAMESPACE,
      'csi.storage.k8s.io/snapshotter-secret-name': 'rook-csi-rbd-provisioner',
      'csi.storage.k8s.io/snapshotter-secret-namespace': ROOK_CEPH_NAMESPACE,
    },
  };
  /** Ceph's kernel clients: `rbd` for block and `ceph` for CephFS (the pack's edge note: load both). No NFS. */
  public readonly nodeRequirements: CsiNodeRequirements = { packages: [], kernelModules: ['rbd', 'ceph'], pureFlashArray: false, nfsClient: false };

  constructor(scope: Construct, id: string, props: RookCephPackProps = {}) {
    const version = props.version ?? ROOK_CEPH_PACK_VERSION;
    super(scope, id, {
      name: ROOK_CEPH_PACK_NAME,
      version,
      layer: LayerType.CSI,
      role: LayerRole.CSI,
      registry: props.registry,
      // The pack's namespace, which the rxbounce class's clusterID and secrets name.
      namespace: ROOK_CEPH_NAMESPACE,
      enabledPresets: rookCephPresets(packCatalogOf(scope).lookup(ROOK_CEPH_PACK_NAME, version)?.presets ?? [], props.objectStore === true),
    });
    this.replicas = props.replicas ?? CEPH_DEFAULT_REPLICAS;
    if (!Number.isInteger(this.replicas) || this.replicas < 1) {
      throw new ValidationError(`rook-ceph replicas ${this.replicas} is invalid: give a whole number of copies of at least 1 (seed 000: 3)`);
    }

    this.windowsStorageClass = new CephRbdStorageClass(this, 'ceph-block-windows-storage-class', {
      name: CEPH_WINDOWS_STORAGE_CLASS,
      pool: CEPH_BLOCK_POOL,
      // ODF's "-ceph-rbd-virtualization" class and the VMStorageClassWarning runbook.
      parameters: { mounter: 'rbd', mapOptions: 'krbd:rxbounce' },
    });
    const rbd = cdiCapabilities(ROOK_RBD_PROVISIONER);
    const rbdProfile = (storageClassName: string): VmStorageProfile => ({
      storageClassName,
      volumeMode: 'Block',
      // CDI's advised strategy for rook-ceph.rbd.csi.ceph.com.
      cloneStrategy: rbd?.cloneStrategy ?? 'csi-clone',
      ...(rbd ? { claimPropertySets: cdiClaimPropertySets(rbd) } : {}),
    });
    this.vmStorage = rbdProfile(CEPH_BLOCK_STORAGE_CLASS);
    this.windowsVmStorage = rbdProfile(CEPH_WINDOWS_STORAGE_CLASS);
    const cephfs = cdiCapabilities(ROOK_CEPHFS_PROVISIONER);
    this.vmStateStorage = {
      storageClassName: CEPH_FILESYSTEM_STORAGE_CLASS,
      volumeMode: 'Filesystem',
      cloneStrategy: cephfs?.cloneStrategy ?? 'csi-clone',
      ...(cephfs ? { claimPropertySets: cdiClaimPropertySets(cephfs) } : {}),
    };

    this.addValues({
      // The pack's own PSA label (csi-rook-ceph-helm values.yaml): Ceph's pods are privileged, and PXK enforces "baseline" elsewhere.
      pack: { namespaceLabels: { [ROOK_CEPH_NAMESPACE]: privilegedNamespaceLabels() } },
      charts: {
        'rook-ceph-cluster': {
          cephClusterSpec: { mon: { count: CEPH_MON_COUNT, allowMultiplePerNode: false } },
          cephBlockPools: blockPoolValues(this.replicas),
          cephFileSystems: fileSystemValues(this.replicas),
          cephBlockPoolsVolumeSnapshotClass: { enabled: false },
          // For VM snapshots, CDI smart clone and Velero on CephFS volumes (storage-backends.md §2.3).
          // Written whole (the pack's entry): the rook-ceph-cluster chart ships no values of its own.
          cephFileSystemVolumeSnapshotClass: { enabled: true, name: CEPH_FILESYSTEM_STORAGE_CLASS, isDefault: true, deletionPolicy: 'Delete' },
          cephObjectStores: props.objectStore ? objectStoreValues(this.replicas) : [],
        },
      },
    });
    if (props.values) this.addValues(props.values);
  }

  /** What the written values and the rxbounce class manifest say: classes, pool sizes, MONs. */
  public storageFacts(rendered: RenderedLayer): StorageFacts {
    const cluster = valueAt(rendered.deployed, 'charts', 'rook-ceph-cluster');
    const namespace = String(valueAt(rendered.deployed, 'pack', 'namespace') ?? ROOK_CEPH_NAMESPACE);
    const poolSizes = new Map<string, number>();
    const classes: StorageClassReading[] = [];
    for (const pool of listAt(cluster, 'cephBlockPools')) {
      const name = String(pool.name ?? '');
      const size = valueAt(pool, 'spec', 'replicated', 'size');
      if (typeof size === 'number') poolSizes.set(name, size);
      const sc = valueAt(pool, 'storageClass');
      if (isYamlMap(sc) && sc.enabled === true && typeof sc.name === 'string') {
        classes.push(chartClass(sc, ROOK_RBD_PROVISIONER, { pool: name, clusterID: namespace }));
      }
    }
    for (const fs of listAt(cluster, 'cephFileSystems')) {
      const name = String(fs.name ?? '');
      const sc = valueAt(fs, 'storageClass');
      const dataPool = isYamlMap(sc) && typeof sc.pool === 'string' ? sc.pool : CEPH_FILESYSTEM_DATA_POOL;
      const data = listAt(valueAt(fs, 'spec'), 'dataPools').find((p) => p.name === dataPool);
      const size = valueAt(data, 'replicated', 'size');
      if (typeof size === 'number') poolSizes.set(`${name}-${dataPool}`, size);
      if (isYamlMap(sc) && sc.enabled === true && typeof sc.name === 'string') {
        classes.push(chartClass(sc, ROOK_CEPHFS_PROVISIONER, { fsName: name, pool: `${name}-${dataPool}`, clusterID: namespace }));
      }
    }
    classes.push(...storageClassObjects(rendered));
    const mon = valueAt(cluster, 'cephClusterSpec', 'mon');
    const mons = valueAt(mon, 'count');
    return {
      product: 'Rook-Ceph',
      version: rendered.pack.version,
      provisioner: ROOK_RBD_PROVISIONER,
      storageClasses: classes,
      vmStorageClass: vmClassOf(classes)?.name ?? '',
      rwxBlockProblem: (sc) => cdiCapabilities(sc.provisioner, sc.parameters)?.noRwxBlock,
      // Ceph's kernel clients mount RBD and CephFS; only Rook's NFS driver serves NFS.
      needsNfsClient: (sc, volumeMode) => volumeMode === 'Filesystem' && sc.provisioner.includes('.nfs.'),
      replicasOf: (sc) => poolSizes.get(sc.parameters.pool ?? ''),
      minStorageNodes: MIN_STORAGE_NODES,
      // Seed 000: "Ceph rebalance (slow)" after a node loss; the OSDs use every device (useAllDevices).
      nonOsDisks: 'the Ceph OSD disks, whose data Ceph then rebalances onto the other nodes',
      ...(typeof mons === 'number' ? { quorum: { members: mons, what: 'Ceph MONs', onePerNode: valueAt(mon, 'allowMultiplePerNode') !== true } } : {}),
    };
  }
}

/**
 * The presets.yaml choices that match what the layer writes, so the enabled-presets header
 * (which Palette's UI shows as selected) says what the values hold: 3 MONs and 2 MGRs on
 * separate nodes ("Multi node cluster"), the block pool, the CephFS filesystem, and the object
 * store only when asked for. Without them the header would keep the published default
 * selection, `Storage - Object:enable-object-storage`, while the values hold no object store.
 * The layer's own values still set each list, so a version whose presets the catalog lacks
 * (an overlay, PAL-008) writes the same pools; its header then names no preset.
 */
function rookCephPresets(defined: readonly PackPreset[], objectStore: boolean): string[] {
  const wanted = ['multi-node-cluster', 'enable-block-storage', 'enable-file-storage', objectStore ? 'enable-object-storage' : 'disable-object-storage'];
  return wanted.filter((name) => defined.some((p) => p.name === name));
}

function listAt(v: unknown, key: string): Record<string, unknown>[] {
  const list = valueAt(v, key);
  return Array.isArray(list) ? list.filter(isYamlMap) : [];
}

/** A class the chart writes from a pool's `storageClass` entry. */
function chartClass(sc: Record<string, unknown>, provisioner: string, fixed: Record<string, string>): StorageClassReading {
  return {
    name: sc.name as string,
    provisioner,
    parameters: { ...fixed, ...stringParameters(sc.parameters) },
    isDefault: sc.isDefault === true,
    isDefaultVirt: valueAt(sc, 'annotations', KUBEVIRT_DEFAULT_VIRT_CLASS_ANNOTATION) === 'true',
  };
}
