import { parse } from 'yaml';
import { ValidationError } from '../../../common/errors';
import { toYaml } from '../../../palette/yaml-format';
import { KUBELET_DROP_IN_DIR } from '../../kubelet';
import { CpuSet } from '../cpu-set';
import { DEFAULT_FILE_OWNER, DEFAULT_FILE_PERMISSIONS, KubeadmFile, KubeadmPart, KubeadmPartOutput } from '../kubeadm-part';
import { TopologyManagerPolicy } from '../topology-manager-policy';
import { memoizeByText } from '../../../palette/text-memo';

/** The RA's reserved cores ("cores 0–7 by default", seed 002:873). */
export const RA_RESERVED_CPU_CORES = '0-7';
/** The RA's pod limit per node ("raises the maximum number of pods to 250"; Solution Sizing). */
export const RA_MAX_PODS = 250;
/** The RA's minimum worker CPU: "Intel/AMD x64 CPU with 8 cores" (seed 002:240). */
export const RA_MIN_WORKER_CPUS = 8;
/** The RA's recommended worker CPU: "Intel/AMD x64 CPU with 48+ cores" (seed 002:240), on which it reserves cores 0-7. */
export const RA_RECOMMENDED_WORKER_CPUS = 48;

/**
 * The cores reserved on a worker with `workerCpus` CPUs: the RA's eight (cores 0-7, seed
 * 002:873, on its recommended 48+ core worker, 002:240), but never more than half the
 * worker's CPUs, so at least half stay allocatable to pods and VMs; at least one (the static
 * CPU Manager needs a reserved CPU). The halving is ours: the RA gives no figure for smaller
 * workers, and its own default reserves every CPU of its 8-core minimum worker.
 */
export function reservedCpusFor(workerCpus: number): string {
  if (!Number.isInteger(workerCpus) || workerCpus < 1) {
    throw new ValidationError(`worker CPU count ${workerCpus} is invalid: give the logical CPUs of a worker as a whole number, at least 1 (the RA minimum is ${RA_MIN_WORKER_CPUS})`);
  }
  const count = Math.max(1, Math.min(CpuSet.parse(RA_RESERVED_CPU_CORES).size, Math.floor(workerCpus / 2)));
  return count === 1 ? '0' : `0-${count - 1}`;
}

/** The parsed kubelet drop-in, or undefined when it is not a YAML map. */
// Read for the rules on every site (twice): the same drop-in recurs across a fleet's sites, so each text is parsed once.
const kubeletConfig = memoizeByText((content: string): Record<string, unknown> | undefined => {
  const doc = parse(content) as unknown;
  return doc !== null && typeof doc === 'object' && !Array.isArray(doc) ? (doc as Record<string, unknown>) : undefined;
});

/** kubelet `maxPods` of a written tuning drop-in, or undefined. */
export function readMaxPods(content: string): number | undefined {
  const pods = kubeletConfig(content)?.maxPods;
  return typeof pods === 'number' ? pods : undefined;
}

/** kubelet `reservedSystemCPUs` of a written tuning drop-in (a cpuset list), or undefined. */
export function readReservedCpus(content: string): string | undefined {
  const cpus = kubeletConfig(content)?.reservedSystemCPUs;
  return typeof cpus === 'string' || typeof cpus === 'number' ? String(cpus) : undefined;
}

/** Paths of the files the tuning writes. */
export const KUBE_SLICE_UNIT = '/etc/systemd/system/kube.slice';
export const CONTAINERD_SLICE_DROP_IN = '/etc/systemd/system/containerd.service.d/20-kube-slice.conf';
export const KUBELET_SLICE_DROP_IN = '/etc/systemd/system/kubelet.service.d/20-kube-slice.conf';
export const VMO_SYSCTL_FILE = '/etc/sysctl.d/95-vmo-tuning.conf';
/** kubelet reads only `*.conf` files from its drop-in directory. */
export const VMO_KUBELET_DROP_IN = `${KUBELET_DROP_IN_DIR}/20-vmo-tuning.conf`;

export interface WorkerTuningPartProps {
  /**
   * The cores for the OS, containerd and kubelet, in cpuset list form (`0-7`, `0,2,4-6`):
   * the `kube.slice` CPU affinity and kubelet's `reservedSystemCPUs`. The CPU Manager hands
   * the other cores to Guaranteed pods (dedicated-CPU VMs) exclusively.
   * @default reservedCpusFor(workerCpus) when `workerCpus` is given, else '0-7' (RA rev 1.7: "cores 0–7 by default")
   */
  readonly cpuCores?: string;
  /**
   * The logical CPUs of a worker (cores x threads, as `nproc` counts them); the reserved
   * cores follow from it (see `reservedCpusFor`) unless `cpuCores` names them.
   * @default unknown: the RA's cores 0-7
   */
  readonly workerCpus?: number;
  /** kubelet `maxPods`; it must fit the node's pod CIDR block (site rule NET-004). @default 250 (RA rev 1.7) */
  readonly maxPods?: number;
  /**
   * Memory reserved for the OS and Portworx (kubelet `systemReserved`; Portworx runs as a
   * host service). @default 6144 (2 GiB OS + 4 GiB Portworx; the RA gives no figure)
   */
  readonly systemReservedMemoryMiB?: number;
  /** Memory reserved for kubelet and containerd (`kubeReserved`). @default 2048 (the RA gives no figure) */
  readonly kubeReservedMemoryMiB?: number;
  /** The hard eviction threshold `memory.available`. @default 1024 (the RA gives no figure) */
  readonly evictionHardMemoryMiB?: number;
  /** @default TopologyManagerPolicy.BEST_EFFORT */
  readonly topologyManagerPolicy?: TopologyManagerPolicy;
  /**
   * Tune control plane nodes too (RA rev 1.7: "This is skipped for control plane nodes ...
   * It can be adjusted if control plane nodes will also run VMs").
   * @default false
   */
  readonly applyToControlPlane?: boolean;
}

/**
 * The VMO worker tuning of RA rev 1.7 (Ubuntu layer, "VMO tuning files" and "Apply VMO
 * tuning to worker nodes"): containerd and kubelet in a `kube.slice` pinned to the reserved
 * cores, sysctl settings for large hosts, and a kubelet drop-in with the CPU, Memory and
 * Topology Managers, 250 pods and memory reserved for the OS, Portworx and kubelet.
 *
 * Palette writes `files` on every node, so the files land on control planes too; the
 * pre-kubeadm command detects a control plane at runtime and removes them there again, so
 * control planes run untuned ("This is skipped for control plane nodes so that those do not
 * require additional CPUs and RAM to operate"). The restart part loads the slice afterwards.
 */
export class WorkerTuningPart implements KubeadmPart {
  public readonly name = 'worker-tuning';
  public readonly cpuCores: CpuSet;
  public readonly maxPods: number;
  public readonly systemReservedMemoryMiB: number;
  public readonly kubeReservedMemoryMiB: number;
  public readonly evictionHardMemoryMiB: number;
  public readonly topologyManagerPolicy: TopologyManagerPolicy;
  public readonly applyToControlPlane: boolean;

  constructor(props: WorkerTuningPartProps = {}) {
    this.cpuCores = CpuSet.parse(props.cpuCores ?? (props.workerCpus !== undefined ? reservedCpusFor(props.workerCpus) : RA_RESERVED_CPU_CORES));
    this.maxPods = props.maxPods ?? RA_MAX_PODS;
    // How many pods fit a node's pod CIDR block is the site's NET-004; here only the form.
    if (!Number.isInteger(this.maxPods) || this.maxPods < 1) {
      throw new ValidationError(`maxPods ${this.maxPods} is invalid: use a whole number of at least 1 (the RA uses ${RA_MAX_PODS}, which fits a /24 node block)`);
    }
    this.systemReservedMemoryMiB = memory('systemReservedMemoryMiB', props.systemReservedMemoryMiB ?? 6144);
    this.kubeReservedMemoryMiB = memory('kubeReservedMemoryMiB', props.kubeReservedMemoryMiB ?? 2048);
    this.evictionHardMemoryMiB = memory('evictionHardMemoryMiB', props.evictionHardMemoryMiB ?? 1024);
    this.topologyManagerPolicy = props.topologyManagerPolicy ?? TopologyManagerPolicy.BEST_EFFORT;
    this.applyToControlPlane = props.applyToControlPlane ?? false;
  }

  /** The memory the Memory Manager keeps off pods: systemReserved + kubeReserved + evictionHard. */
  public get reservedMemoryMiB(): number {
    return this.systemReservedMemoryMiB + this.kubeReservedMemoryMiB + this.evictionHardMemoryMiB;
  }

  public render(): KubeadmPartOutput {
    const files = this.files();
    return { files, preKubeadmCommands: [this.command(files)] };
  }

  private files(): KubeadmFile[] {
    const cores = this.cpuCores.toString();
    const file = (targetPath: string, content: string): KubeadmFile => ({
      targetPath, targetOwner: DEFAULT_FILE_OWNER, targetPermissions: DEFAULT_FILE_PERMISSIONS, content,
    });
    const sliceDropIn = (service: string) => [
      `# RA rev 1.7: "Move the containerd and kubelet services into a dedicated systemd kube.slice".`,
      `# Takes effect when ${service} restarts (the restart at the end of preKubeadmCommands).`,
      '[Service]',
      'Slice=kube.slice',
      '',
    ].join('\n');
    return [
      file(KUBE_SLICE_UNIT, [
        '# RA rev 1.7: "Move the containerd and kubelet services into a dedicated systemd kube.slice with',
        '# CPU affinity for specific CPU cores". AllowedCPUs is the cgroup v2 cpuset',
        '# (Ubuntu 22.04 runs the unified hierarchy); kubelet reserves the same cores (reservedSystemCPUs).',
        '[Unit]',
        'Description=Kubernetes node services (containerd, kubelet) on the reserved CPU cores',
        'Before=slices.target',
        '',
        '[Slice]',
        `AllowedCPUs=${cores}`,
        '',
      ].join('\n')),
      file(CONTAINERD_SLICE_DROP_IN, sliceDropIn('containerd')),
      file(KUBELET_SLICE_DROP_IN, sliceDropIn('kubelet')),
      file(VMO_SYSCTL_FILE, SYSCTL_CONTENT),
      file(VMO_KUBELET_DROP_IN, this.kubeletConfiguration()),
    ];
  }

  private kubeletConfiguration(): string {
    const mi = (n: number) => `${n}Mi`;
    const config = {
      apiVersion: 'kubelet.config.k8s.io/v1beta1',
      kind: 'KubeletConfiguration',
      maxPods: this.maxPods,
      cpuManagerPolicy: 'static',
      reservedSystemCPUs: this.cpuCores.toString(),
      memoryManagerPolicy: 'Static',
      topologyManagerPolicy: this.topologyManagerPolicy.value,
      systemReserved: { memory: mi(this.systemReservedMemoryMiB) },
      kubeReserved: { memory: mi(this.kubeReservedMemoryMiB) },
      // Setting evictionHard replaces kubelet's defaults, so the defaults of the other signals are repeated.
      evictionHard: {
        'memory.available': mi(this.evictionHardMemoryMiB),
        'nodefs.available': '10%',
        'nodefs.inodesFree': '5%',
        'imagefs.available': '15%',
        'imagefs.inodesFree': '5%',
      },
      // The Static Memory Manager requires the total to equal systemReserved + kubeReserved +
      // evictionHard memory; the NUMA node count is unknown here, so all of it sits on node 0.
      reservedMemory: [{ numaNode: 0, limits: { memory: mi(this.reservedMemoryMiB) } }],
    };
    return [
      '# RA rev 1.7: "Tuned kubelet configuration that enables CPU Manager, Memory Manager and Topology Manager in',
      '# Kubernetes, raises the maximum number of pods to 250 and reserves CPU cores and memory for the OS, Portworx',
      '# & kubelet". reservedSystemCPUs are the kube.slice cores; with them set kubelet ignores cpu in the',
      '# systemReserved and kubeReserved maps. The Kubernetes layer points kubelet --config-dir at this directory.',
      toYaml(config),
    ].join('\n');
  }

  private command(files: readonly KubeadmFile[]): string {
    const apply = [
      // A new CPU or Memory Manager policy is refused while an old state file exists.
      'rm -f /var/lib/kubelet/cpu_manager_state /var/lib/kubelet/memory_manager_state',
      `sysctl -p ${VMO_SYSCTL_FILE}`,
    ];
    if (this.applyToControlPlane) {
      return ['# VMO tuning on every node (RA rev 1.7: "It can be adjusted if control plane nodes will also run VMs")', ...apply, ''].join('\n');
    }
    return [
      '# RA rev 1.7: "Apply VMO tuning to worker nodes. This is skipped for control plane nodes".',
      '# A control plane node runs kubeadm init (/run/kubeadm/kubeadm.yaml), or joins with a controlPlane',
      '# section, and receives the cluster CA key; its copies of the tuning files are removed.',
      "if [ -f /run/kubeadm/kubeadm.yaml ] || [ -f /etc/kubernetes/pki/ca.key ] || grep -qs '^controlPlane:' /run/kubeadm/kubeadm-join-config.yaml; then",
      '  echo "VMO tuning: control plane node, skipped"',
      `  rm -f ${files.map((f) => f.targetPath).join(' ')}`,
      'else',
      '  echo "VMO tuning: worker node, applying"',
      ...apply.map((c) => `  ${c}`),
      'fi',
      '',
    ].join('\n');
  }
}

function memory(prop: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new ValidationError(`${prop} ${value} is invalid: use a whole, positive number of MiB (e.g. 2048 for 2 GiB)`);
  }
  return value;
}

/*
 * RA rev 1.7: "Tuning parameters for sysctl that improve performance on large hosts running
 * many workloads". The RA names no values; these raise the limits that 250 pods and many VMs
 * per node run into, and leave alone the settings kubelet's protect-kernel-defaults checks.
 */
const SYSCTL_CONTENT = `# RA rev 1.7: "Tuning parameters for sysctl that improve performance on large hosts running many workloads".
# Many pods and VMs watch files (ConfigMaps, Secrets, log readers).
fs.inotify.max_user_instances = 8192
fs.inotify.max_user_watches = 1048576
# Asynchronous I/O contexts for QEMU disks and Portworx.
fs.aio-max-nr = 1048576
# Room for the processes and threads of 250 pods and their VMs.
kernel.pid_max = 4194304
# Memory map areas for databases and JVM workloads.
vm.max_map_count = 262144
# Neighbour tables for many nodes, pods and VMs on the same layer-2 networks.
net.ipv4.neigh.default.gc_thresh1 = 4096
net.ipv4.neigh.default.gc_thresh2 = 8192
net.ipv4.neigh.default.gc_thresh3 = 16384
# Connection and packet backlogs for busy hosts.
net.core.somaxconn = 32768
net.core.netdev_max_backlog = 16384
`;
