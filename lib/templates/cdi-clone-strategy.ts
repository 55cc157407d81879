/** How CDI clones a volume (the StorageProfile's `cloneStrategy`). */
export class CdiCloneStrategy {
  /** The CSI driver clones the volume itself: the "fast CSI cloning" the RA asks for (seed 002, VMO-Storage). */
  public static readonly CSI_CLONE = new CdiCloneStrategy('csi-clone');
  /** CDI takes a VolumeSnapshot and restores it. */
  public static readonly SNAPSHOT = new CdiCloneStrategy('snapshot');
  /** CDI copies the data through a pod (slow, works everywhere). */
  public static readonly COPY = new CdiCloneStrategy('copy');

  private constructor(public readonly value: string) {}
}
