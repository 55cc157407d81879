import { IStorageFactsLayer } from './facts';

/** How VM disks use a CSI layer's storage: CDI's volume mode for RWX disks and its clone strategy. */
export interface VmStorageProfile {
  /** The class VM disks, golden images and TPM state use. */
  readonly storageClassName: string;
  /** `Block` where the driver serves RWX Block (live migration without NFS), else `Filesystem`. */
  readonly volumeMode: 'Block' | 'Filesystem';
  /** CDI's clone strategy for the class (storage-backends.md §2.1 capability table). */
  readonly cloneStrategy: 'csi-clone' | 'snapshot' | 'copy';
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
}

/**
 * A CSI layer a VMO site stacks: what the layers above derive from it (the VM storage class,
 * the snapshot class VMO writes, the OS packages), and the storage facts the rules read back
 * from what it wrote. Portworx implements it; another backend plugs in by implementing it.
 */
export interface ICsiLayer extends IStorageFactsLayer {
  readonly vmStorage: VmStorageProfile;
  readonly snapshotClass: CsiSnapshotClass;
  readonly nodeRequirements: CsiNodeRequirements;
}
