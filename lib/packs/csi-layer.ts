import { CdiCapability } from './cdi-capabilities';
import { IStorageFactsLayer } from './facts';

/** How VM disks use a CSI layer's storage: CDI's volume mode for RWX disks and its clone strategy. */
export interface VmStorageProfile {
  /** The class VM disks, golden images and TPM state use. */
  readonly storageClassName: string;
  /** `Block` where the driver serves RWX Block (live migration without NFS), else `Filesystem`. */
  readonly volumeMode: 'Block' | 'Filesystem';
  /** CDI's clone strategy for the class (storage-backends.md §2.1 capability table). */
  readonly cloneStrategy: 'csi-clone' | 'snapshot' | 'copy';
  /**
   * The CDI StorageProfile's claim property sets: CDI's capabilities for the class, RWX first
   * (`cdiClaimPropertySets`), so the profile claims what CDI would pick by itself.
   * @default one set: ReadWriteMany in `volumeMode` (the RA's StorageProfile)
   */
  readonly claimPropertySets?: readonly CdiCapability[];
}

/** The VolumeSnapshotClass VMO creates for the CSI driver (VM snapshots and backups). */
export interface CsiSnapshotClass {
  readonly name: string;
  readonly driver: string;
  readonly parameters?: { readonly [key: string]: string };
}

/** What the nodes need for a CSI driver (installed by the OS layer). */
export interface CsiNodeRequirements {
  /** Extra packages, e.g. `open-iscsi` (Longhorn) or `nfs-common` (RWX over NFS). */
  readonly packages: readonly string[];
  /** Multipath and udev settings of Pure FlashArray LUNs. */
  readonly pureFlashArray: boolean;
  /** The NFS client and nfs.conf (RWX Filesystem volumes over NFS). */
  readonly nfsClient: boolean;
  /** systemd services to enable and start, e.g. `iscsid` (Longhorn). @default none */
  readonly services?: readonly string[];
  /** Kernel modules to load now and at every boot, e.g. `iscsi_tcp` (Longhorn) or `rbd` (Rook-Ceph). @default none */
  readonly kernelModules?: readonly string[];
}

/**
 * A CSI layer a VMO site stacks: what the layers above derive from it (the VM storage class,
 * the snapshot class VMO writes, the OS packages), and the storage facts the rules read back
 * from what it wrote. Portworx, Longhorn and Rook-Ceph implement it; another backend plugs in by implementing it.
 */
export interface ICsiLayer extends IStorageFactsLayer {
  readonly vmStorage: VmStorageProfile;
  /**
   * The class Windows VM disks (and their golden image) use, when it differs from `vmStorage`:
   * Rook-Ceph's RBD class with `krbd:rxbounce` (storage-backends.md §2.3).
   * @default vmStorage
   */
  readonly windowsVmStorage?: VmStorageProfile;
  /**
   * The class KubeVirt keeps persistent TPM/EFI state on (VMO `vmStateStorageClass`), with the
   * StorageProfile the Templates profile writes for it. KubeVirt claims that state in Filesystem
   * mode and takes the access mode from the class's StorageProfile (kubevirt
   * pkg/storage/backend-storage `getAccessMode`): RWX only where the profile lists RWX
   * Filesystem, so a VM with a persistent TPM stays live-migratable.
   * @default vmStorage
   */
  readonly vmStateStorage?: VmStorageProfile;
  readonly snapshotClass: CsiSnapshotClass;
  readonly nodeRequirements: CsiNodeRequirements;
}
