/*
 * The defaults of the VMO reference architecture (RA rev 1.7, seed 002) that a site
 * description falls back to, in one place. Values a pack construct owns are imported from it.
 */
import { DEFAULT_NODE_CIDR_MASK_SIZE, PXK_RA_POD_CIDR, PXK_RA_SERVICE_CIDR, PXK_RA_VERSION } from '../packs/kubernetes/palette-kubernetes-pack';
import { LONGHORN_DEFAULT_REPLICAS, LONGHORN_OVER_PROVISIONING_PERCENTAGE, LONGHORN_PACK_VERSION } from '../packs/longhorn/longhorn-pack';
import { PORTWORX_PACK_VERSION } from '../packs/portworx/portworx-pack';
import { CEPH_DEFAULT_REPLICAS, ROOK_CEPH_PACK_VERSION } from '../packs/rook-ceph/rook-ceph-pack';
import { RA_MAX_PODS, RA_RECOMMENDED_WORKER_CPUS } from '../packs/ubuntu/parts/worker-tuning-part';

export const RA_DEFAULTS = {
  /** The RA names its profiles `VMO-RA-...`. */
  profileNamePrefix: 'VMO-RA',
  /**
   * The RA's profile names after the prefix (VMO-RA-Infra-MaaS-PureFlashArray, VMO-RA-Core-PXKE,
   * VMO-RA-Templates). The Infra name says the cloud and the storage (seed 002: "MaaS" and
   * "PureFlashArray", Portworx's backing), so the other backends name theirs alike: a
   * Longhorn or Rook-Ceph Infra profile holds no FlashArray and must not carry its name.
   */
  profileNameSuffixes: {
    infra: { portworx: 'Infra-MaaS-PureFlashArray', longhorn: 'Infra-MaaS-Longhorn', 'rook-ceph': 'Infra-MaaS-RookCeph' },
    core: 'Core-PXKE',
    templates: 'Templates',
  },
  /** The RA's CSI layer; Longhorn and Rook-Ceph are the other backends of the RA's RWX table. */
  storageBackend: 'portworx' as const,
  /** Profile version of RA rev 1.7. */
  profileVersion: '1.7.0',
  nodes: {
    /** "The table above assumes using at least 3 control plane nodes". */
    controlPlane: 3,
    /** "We recommend a minimum worker pool of 5 nodes". */
    workers: 5,
    /**
     * The recommended worker, "Intel/AMD x64 CPU with 48+ cores" (seed 002:240), on which the RA
     * reserves "cores 0–7 by default" (002:873): a site that does not give its CPUs gets the RA's reservation.
     */
    workerCpus: RA_RECOMMENDED_WORKER_CPUS,
  },
  kubernetes: {
    version: PXK_RA_VERSION,
    /** "This variable defaults to 100.64.0.0/18 and is read-only" (64 nodes, "Solution Sizing"). */
    podCidr: PXK_RA_POD_CIDR,
    serviceCidr: PXK_RA_SERVICE_CIDR,
    /** "Maximum number of pods configured to 250". */
    maxPodsPerNode: RA_MAX_PODS,
    /** "64 sub-CIDRs of /24 each, one for each node". */
    nodePodCidrPrefix: DEFAULT_NODE_CIDR_MASK_SIZE,
    /** "The OIDC Identity Provider is set to Palette". */
    identityProvider: 'palette',
  },
  /** The RA network table: VLANs 21-100 for VMs. */
  vmVlans: '21-100',
  /** The RA's sample VM network (VMO-Networking layer, VLAN 30). */
  vmNetworkVlan: 30,
  portworx: {
    version: PORTWORX_PACK_VERSION,
    /** "PURE_FLASHARRAY_SAN_TYPE ... FC". */
    sanType: 'FC' as const,
    /** "each worker node contribute 1TB of storage capacity". */
    deviceSizeGiB: 1024,
    /** "Reducing parameters.repl from 3 to 2 for better performance". */
    replication: 2,
    /** The RA's sample FlashArray management address (pure.json). */
    flashArrayEndpoint: '172.16.200.50',
  },
  longhorn: {
    /** RA rev 1.7 RWX table: "Longhorn 1.8.x". */
    version: LONGHORN_PACK_VERSION,
    /** Seed 000 storage table: 3 replicas. */
    replicas: LONGHORN_DEFAULT_REPLICAS,
    /** RA defects A3: room for CDI's scratch space. */
    overProvisioningPercentage: LONGHORN_OVER_PROVISIONING_PERCENTAGE,
  },
  rookCeph: {
    /** RA rev 1.7 RWX table: "Rook-Ceph 1.16.x". */
    version: ROOK_CEPH_PACK_VERSION,
    /** Seed 000 storage table: 3 replicas. */
    replicas: CEPH_DEFAULT_REPLICAS,
    /** storage-backends.md §2.3: "Disable it unless needed". */
    objectStore: false,
  },
  vmo: {
    /** "Proxied ... recommended for Palette SaaS". */
    access: 'proxied' as const,
    vmEnabledNamespaces: ['default', 'virtual-machines'] as readonly string[],
    /** The field guide's ConfigMap key (seed 000: `--from-file=cert=...`, `certificateKey: cert`). */
    privateCaKey: 'cert',
  },
  maas: {
    /** Seed 002 MAAS settings: "control-plane and worker-pool resource pools ... optimized for each function". */
    resourcePools: { controlPlane: 'control-plane', workers: 'worker-pool' },
    /** The machine pool names Palette proposes for a new cluster's two pools. */
    machinePools: { controlPlane: 'control-plane-pool', workers: 'worker-pool' },
    /** Seed 002 "Hardware resources", worker minimum spec: "8 cores", "24 GB". */
    workerMinimum: { cpu: 8, memoryGB: 24 },
  },
  /**
   * Seed 002 "Hardware resources" control-plane sizing table (it assumes at least 3
   * control-plane nodes): the row for a worker count is the first whose `workers` is not below it.
   */
  controlPlaneSizing: [
    { workers: 10, namespaces: 100, cores: 4, memoryGB: 8 },
    { workers: 25, namespaces: 500, cores: 4, memoryGB: 16 },
    { workers: 100, namespaces: 1000, cores: 8, memoryGB: 32 },
    { workers: 250, namespaces: 2000, cores: 16, memoryGB: 64 },
    { workers: 500, namespaces: 4000, cores: 32, memoryGB: 128 },
  ] as readonly { readonly workers: number; readonly namespaces: number; readonly cores: number; readonly memoryGB: number }[],
  /** Install orders of the Core and Templates layers: MetalLB 10, Nginx 10, Prometheus 20, VMO 30, Templates 40. */
  installPriorities: { metallb: 10, nginx: 10, monitoring: 20, vmo: 30, templates: 40 },
} as const;
