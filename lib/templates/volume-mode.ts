import { StorageProfileSpecClaimPropertySetsVolumeMode } from '../../imports/cdi.kubevirt.io';

/**
 * The volume mode in which a storage driver serves ReadWriteMany volumes. Live migration needs RWX
 * (seed 002 "Enabling Live Migration"), and each driver serves RWX in one mode only.
 */
export class VolumeMode {
  /**
   * Raw block devices: "The preferred RWX access mode is Block when available" (seed 002). Portworx
   * 3.3+ serves RWX Block (the RA rev 1.7 choice).
   */
  public static readonly BLOCK = new VolumeMode(StorageProfileSpecClaimPropertySetsVolumeMode.BLOCK);
  /** A filesystem, for drivers that serve RWX only over a shared filesystem (e.g. NFS-backed classes). */
  public static readonly FILESYSTEM = new VolumeMode(StorageProfileSpecClaimPropertySetsVolumeMode.FILESYSTEM);

  private constructor(public readonly value: StorageProfileSpecClaimPropertySetsVolumeMode) {}
}
