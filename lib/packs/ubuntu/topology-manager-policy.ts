/**
 * The kubelet Topology Manager policy (`topologyManagerPolicy`) the VMO worker tuning sets.
 * `none` is not offered: the RA's tuning "enables ... Topology Manager".
 */
export class TopologyManagerPolicy {
  /** Prefer NUMA-aligned CPU and memory; admit the pod anyway when alignment is impossible. */
  public static readonly BEST_EFFORT = new TopologyManagerPolicy('best-effort');
  /** Reject pods whose resources cannot be aligned to the preferred NUMA nodes. */
  public static readonly RESTRICTED = new TopologyManagerPolicy('restricted');
  /** Reject pods whose resources do not fit on one NUMA node. */
  public static readonly SINGLE_NUMA_NODE = new TopologyManagerPolicy('single-numa-node');

  private constructor(public readonly value: string) {}
}
