import { Ipv4Block, parseIpv4Cidr } from '../../common/ipv4-block';
import { VmoSiteModel } from '../site-model';

/** kubelet's own pod limit when the OS layer sets none. */
export const KUBELET_DEFAULT_MAX_PODS = 110;

/** Seed 002 "Solution Sizing": "10 pods per node for Cilium, Multus, VMO, monitoring and Portworx daemons". */
export const OVERHEAD_PODS_PER_NODE = 10;
/** Seed 002 "Solution Sizing": "58 pods for controllers, agents and other non-daemonset overhead". */
export const OVERHEAD_PODS_FIXED = 58;
/** Seed 002 "Solution Sizing": "just under 200 VMs per bare metal node". */
export const MAX_VMS_PER_NODE = 200;

/** How the site's pods fit its pod CIDR (seed 002 "Solution Sizing"). */
export interface PodBudget {
  readonly podCidr: Ipv4Block;
  /** Control plane + workers: each takes one node block. */
  readonly nodes: number;
  readonly nodePrefix: number;
  /** Node blocks the pod CIDR holds: 2^(nodePrefix - podPrefix). */
  readonly blocks: number;
  /** Nodes + 1 spare block for a control-plane repave. */
  readonly blocksNeeded: number;
  /** Addresses of one node block that pods can use (network and broadcast excluded). */
  readonly podsPerBlock: number;
  readonly maxPodsPerNode: number;
  /** maxPodsPerNode x nodes. */
  readonly activePods: number;
  /** 10 per node + 58. */
  readonly overheadPods: number;
  /** activePods - overheadPods: what is left for VMs and workloads. */
  readonly podsLeft: number;
}

export const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/** The budget, or undefined when an input is malformed (NET-001, NET-003, CAP-002 report those). */
export function podBudget(site: VmoSiteModel): PodBudget | undefined {
  const podCidr = parseIpv4Cidr(site.kubernetes?.podCidr);
  const { controlPlane, workers } = site.nodes;
  const nodePrefix = site.kubernetes?.nodePodCidrPrefix;
  const maxPodsPerNode = maxPodsOf(site);
  if (!podCidr || podCidr.prefix === undefined || !isCount(controlPlane) || !isCount(workers)) return undefined;
  if (!isCount(nodePrefix) || nodePrefix < podCidr.prefix || nodePrefix > 32 || !isCount(maxPodsPerNode)) return undefined;
  const nodes = controlPlane + workers;
  const activePods = maxPodsPerNode * nodes;
  const overheadPods = OVERHEAD_PODS_PER_NODE * nodes + OVERHEAD_PODS_FIXED;
  return {
    podCidr,
    nodes,
    nodePrefix,
    blocks: 2 ** (nodePrefix - podCidr.prefix),
    blocksNeeded: nodes + 1,
    podsPerBlock: Math.max(0, 2 ** (32 - nodePrefix) - 2),
    maxPodsPerNode,
    activePods,
    overheadPods,
    podsLeft: activePods - overheadPods,
  };
}

/** The VM capacity estimate of CAP-003 (seed 002 "Solution Sizing"). */
export interface VmCapacity {
  readonly budget: PodBudget;
  readonly workers: number;
  /** ~200 VMs per worker x workers. */
  readonly byNodes: number;
  /** The estimate: the pods left, at most `byNodes`, never below 0. */
  readonly vms: number;
}

/** The VM capacity estimate, or undefined when an input is malformed. */
export function vmCapacity(site: VmoSiteModel): VmCapacity | undefined {
  const budget = podBudget(site);
  const workers = site.nodes.workers;
  if (!budget || !isCount(workers)) return undefined;
  const byNodes = MAX_VMS_PER_NODE * workers;
  return { budget, workers, byNodes, vms: Math.max(0, Math.min(budget.podsLeft, byNodes)) };
}

/** The pods per node the OS layer lets kubelet run (kubelet's 110 when it sets none). */
export function maxPodsOf(site: VmoSiteModel): number {
  return site.os?.maxPodsPerNode ?? KUBELET_DEFAULT_MAX_PODS;
}

/** `15,062`: thousands separated, as the RA writes them. */
export function formatCount(n: number): string {
  // As toLocaleString('en-US') writes it, without loading the locale data (a sixtieth of a second at every start).
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `8 nodes x 250 pods = 2,000; overhead 8 x 10 + 58 = 138; 1,862 pods left for VMs and workloads`. */
export function describeBudget(b: PodBudget): string {
  return (
    `${b.nodes} nodes x ${b.maxPodsPerNode} pods = ${formatCount(b.activePods)}; ` +
    `overhead ${b.nodes} x ${OVERHEAD_PODS_PER_NODE} + ${OVERHEAD_PODS_FIXED} = ${formatCount(b.overheadPods)}; ` +
    `${formatCount(b.podsLeft)} pods left for VMs and workloads`
  );
}
