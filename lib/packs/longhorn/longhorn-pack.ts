import { Construct } from 'constructs';
import { ValidationError } from '../../common/errors';
import { LayerRole } from '../../palette/layer-role';
import { LayerType } from '../../palette/layer-type';
import { PackLayer } from '../../palette/pack-layer';
import { PackRegistry } from '../../palette/pack-registry';
import { isYamlMap, RenderedLayer, valueAt } from '../../palette/rendered';
import { Values } from '../../palette/values';
import { cdiCapabilities, cdiClaimPropertySets } from '../cdi-capabilities';
import { privilegedNamespaceLabels } from '../privileged-namespace';
import { CsiNodeRequirements, CsiSnapshotClass, ICsiLayer, VmStorageProfile } from '../csi-layer';
import { StorageFacts } from '../facts';
import { StorageClassReading, storageClassObjects, vmClassOf } from '../kubevirt-storage-class';
import { LONGHORN_PROVISIONER, LonghornVmStorageClass } from './longhorn-vm-storage-class';

/** `pack.namespace` of the csi-longhorn pack. */
export const LONGHORN_NAMESPACE = 'longhorn-system';
/** RA rev 1.7 RWX table: "Longhorn 1.8.x Block"; 1.8.1 is the Palette pack of release 4.7.20 (storage-backends.md §2.2). */
export const LONGHORN_PACK_VERSION = '1.8.1';
/** The class the chart itself writes from `persistence.*` (templates/storageclass.yaml). */
export const LONGHORN_DEFAULT_STORAGE_CLASS = 'longhorn';
/** Longhorn's CSI snapshot class for in-cluster snapshots (longhorn.io "CSI VolumeSnapshot Associated with Longhorn Snapshot"). */
export const LONGHORN_SNAPSHOT_CLASS = 'longhorn-snapshot-vsc';
/** Seed 000 storage table: Longhorn "Default Replicas 3". */
export const LONGHORN_DEFAULT_REPLICAS = 3;
/**
 * RA defects A3: 100% over-provisioning is too low for CDI, whose scratch PVC is about the size
 * of the target disk (CDI doc/scratch-space.md), so an import needs about twice the disk.
 */
export const LONGHORN_OVER_PROVISIONING_PERCENTAGE = 600;
/** RA defects A2: the autodetect pod times out on a cold node and PVCs stay Pending; PXK's kubelet root. */
export const LONGHORN_KUBELET_ROOT_DIR = '/var/lib/kubelet';
/** Seed 000 storage table: Longhorn "Min Nodes 1". */
const MIN_STORAGE_NODES = 1;

export interface LonghornPackProps {
  /**
   * The `csi-longhorn` version. The pack catalog holds 1.6.0 only; another version gets its
   * defaults from your own catalog.
   * @default '1.8.1' (RA rev 1.7 "Longhorn 1.8.x")
   */
  readonly version?: string;
  /** The registry the pack comes from. @default PackRegistry.PUBLIC_REPO */
  readonly registry?: PackRegistry;
  /**
   * Copies of each volume: `numberOfReplicas` of the VM class, the chart's default class
   * (`persistence.defaultClassReplicaCount`) and Longhorn's `defaultReplicaCount`.
   * @default 3 (seed 000)
   */
  readonly replicas?: number;
  /** `defaultSettings.storageOverProvisioningPercentage`. @default 600 (RA defects A3, CDI scratch space) */
  readonly overProvisioningPercentage?: number;
  /**
   * `defaultSettings.defaultDataPath`: where each node keeps its replicas, e.g. the mount point
   * of a data disk.
   * @default not set: Longhorn's `/var/lib/longhorn/`
   */
  readonly dataPath?: string;
  /** `csi.kubeletRootDir`. @default '/var/lib/kubelet' (RA defects A2) */
  readonly kubeletRootDir?: string;
  /** More values, deep-merged last. @default none */
  readonly values?: Values;
}

/**
 * Longhorn as the CSI layer (`csi-longhorn`, storage-backends.md §2.2): a dedicated migratable
 * class for VM disks (RWX Block, live migration), never the cluster default; the chart's
 * `longhorn` class stays the default for everything else and holds the VMs' TPM state (RWX
 * Filesystem, served by Longhorn's share-manager over NFS); kubelet's root set explicitly;
 * over-provisioning sized for CDI's scratch space; the nodes get open-iscsi (iscsid running)
 * and the NFS client.
 */
export class LonghornPack extends PackLayer implements ICsiLayer {
  public readonly replicas: number;
  public readonly overProvisioningPercentage: number;
  public readonly vmStorageClass: LonghornVmStorageClass;
  public readonly vmStorage: VmStorageProfile;
  /**
   * TPM state on the chart's `longhorn` class, RWX Filesystem (Longhorn's share-manager, an NFS
   * export). CDI keys that class `driver.longhorn.io/fs` (the chart sets fsType ext4) and gives it
   * RWO Filesystem only, so without a StorageProfile of its own KubeVirt would claim the state
   * RWO; the profile claims RWX Filesystem, as the field-tested Longhorn Templates profile's does
   * (storage-backends.md §2.1 and §2.5).
   */
  public readonly vmStateStorage: VmStorageProfile = {
    storageClassName: LONGHORN_DEFAULT_STORAGE_CLASS,
    volumeMode: 'Filesystem',
    cloneStrategy: 'csi-clone',
    claimPropertySets: [{ accessModes: ['ReadWriteMany'], volumeMode: 'Filesystem' }],
  };
  public readonly snapshotClass: CsiSnapshotClass = { name: LONGHORN_SNAPSHOT_CLASS, driver: LONGHORN_PROVISIONER, parameters: { type: 'snap' } };
  /**
   * Longhorn's install requirements: open-iscsi with iscsid running, and an NFSv4 client for RWX
   * volumes (the TPM state class), without which "bad option … /sbin/mount.<type> helper" (RA defects B3).
   */
  public readonly nodeRequirements: CsiNodeRequirements = {
    packages: ['open-iscsi'],
    services: ['iscsid'],
    kernelModules: ['iscsi_tcp'],
    pureFlashArray: false,
    nfsClient: true,
  };

  constructor(scope: Construct, id: string, props: LonghornPackProps = {}) {
    super(scope, id, {
      name: 'csi-longhorn',
      version: props.version ?? LONGHORN_PACK_VERSION,
      layer: LayerType.CSI,
      role: LayerRole.CSI,
      registry: props.registry,
      namespace: LONGHORN_NAMESPACE,
    });
    this.replicas = props.replicas ?? LONGHORN_DEFAULT_REPLICAS;
    if (!Number.isInteger(this.replicas) || this.replicas < 1) {
      throw new ValidationError(`longhorn replicas ${this.replicas} is invalid: give a whole number of copies of at least 1 (seed 000: 3)`);
    }
    this.overProvisioningPercentage = props.overProvisioningPercentage ?? LONGHORN_OVER_PROVISIONING_PERCENTAGE;
    if (!Number.isInteger(this.overProvisioningPercentage) || this.overProvisioningPercentage < 0) {
      throw new ValidationError(
        `longhorn overProvisioningPercentage ${this.overProvisioningPercentage} is invalid: give a whole percentage; CDI's scratch space needs about twice each disk (use ${LONGHORN_OVER_PROVISIONING_PERCENTAGE})`,
      );
    }
    const kubeletRootDir = checkPath(props.kubeletRootDir ?? LONGHORN_KUBELET_ROOT_DIR, 'kubeletRootDir', LONGHORN_KUBELET_ROOT_DIR);
    const dataPath = props.dataPath === undefined ? undefined : checkPath(props.dataPath, 'dataPath', '/var/lib/longhorn/');

    this.vmStorageClass = new LonghornVmStorageClass(this, 'longhorn-vm-storage-class', { replicas: this.replicas });
    const capabilities = cdiCapabilities(LONGHORN_PROVISIONER, { migratable: 'true' });
    this.vmStorage = {
      storageClassName: this.vmStorageClass.storageClassName,
      volumeMode: 'Block',
      // CDI advises no clone strategy for Longhorn; Longhorn clones volumes through CSI, and the
      // field-tested Longhorn Templates profile uses csi-clone (storage-backends.md §2.5).
      cloneStrategy: 'csi-clone',
      ...(capabilities ? { claimPropertySets: cdiClaimPropertySets(capabilities) } : {}),
    };

    this.addValues({
      // The pack's own namespace settings (csi-longhorn values.yaml), kept whatever defaults the
      // layer starts from: Longhorn's pods are privileged, and PXK enforces "baseline" elsewhere.
      pack: { namespaceLabels: { [LONGHORN_NAMESPACE]: privilegedNamespaceLabels() } },
      charts: {
        longhorn: {
          csi: { kubeletRootDir },
          defaultSettings: {
            storageOverProvisioningPercentage: this.overProvisioningPercentage,
            defaultReplicaCount: this.replicas,
            ...(dataPath !== undefined ? { defaultDataPath: dataPath } : {}),
          },
          // The chart's `longhorn` class: the cluster default, never migratable (storage-backends.md §2.2).
          persistence: { defaultClass: true, defaultClassReplicaCount: this.replicas, migratable: false },
        },
      },
    });
    if (props.values) this.addValues(props.values);
  }

  /** What the written values and the VM class manifest say. */
  public storageFacts(rendered: RenderedLayer): StorageFacts {
    const persistence = valueAt(rendered.deployed, 'charts', 'longhorn', 'persistence');
    const dataPath = valueAt(rendered.deployed, 'charts', 'longhorn', 'defaultSettings', 'defaultDataPath');
    const classes: StorageClassReading[] = [chartClass(persistence), ...storageClassObjects(rendered)];
    return {
      product: 'Longhorn',
      version: rendered.pack.version,
      provisioner: LONGHORN_PROVISIONER,
      storageClasses: classes,
      vmStorageClass: vmClassOf(classes)?.name ?? '',
      rwxBlockProblem: (sc) => cdiCapabilities(sc.provisioner, sc.parameters)?.noRwxBlock,
      // Longhorn serves every RWX Filesystem volume through its share-manager, an NFS export.
      needsNfsClient: (_sc, volumeMode) => volumeMode === 'Filesystem',
      replicasOf: (sc) => (sc.parameters.numberOfReplicas === undefined ? undefined : Number(sc.parameters.numberOfReplicas)),
      minStorageNodes: MIN_STORAGE_NODES,
      // Seed 000: keep non-OS disks on a repave, "Avoid data rebuild storms". Without a data path
      // the replicas sit in /var/lib/longhorn/ on the OS disk, which a repave reimages anyway.
      nonOsDisks:
        typeof dataPath === 'string'
          ? `the Longhorn replicas in ${dataPath}, which Longhorn then rebuilds from the other nodes in a rebuild storm`
          : 'Longhorn replicas kept on non-OS disks, which Longhorn then rebuilds from the other nodes in a rebuild storm (this site keeps them in /var/lib/longhorn/ on the OS disk: storage.longhorn.dataPath moves them to a data disk)',
    };
  }
}

/** The chart's default class as templates/storageclass.yaml renders it from `persistence.*` (chart defaults where unset). */
function chartClass(persistence: unknown): StorageClassReading {
  const p = isYamlMap(persistence) ? persistence : {};
  const nfsOptions = typeof p.nfsOptions === 'string' ? p.nfsOptions : '';
  return {
    name: LONGHORN_DEFAULT_STORAGE_CLASS,
    provisioner: LONGHORN_PROVISIONER,
    parameters: {
      numberOfReplicas: String(p.defaultClassReplicaCount ?? LONGHORN_DEFAULT_REPLICAS),
      fsType: String(p.defaultFsType ?? 'ext4'),
      ...(p.migratable === true ? { migratable: 'true' } : {}),
      ...(nfsOptions !== '' ? { nfsOptions } : {}),
    },
    isDefault: p.defaultClass !== false,
    isDefaultVirt: false,
  };
}

/** An absolute directory path. */
function checkPath(path: string, prop: string, example: string): string {
  if (!path.startsWith('/') || /\s/.test(path)) {
    throw new ValidationError(`longhorn ${prop} '${path}' is not an absolute path: give a directory on the nodes, e.g. '${example}'`);
  }
  return path;
}
