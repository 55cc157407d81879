import { KubeStorageClass } from '../../palette/kube';
import { Construct } from 'constructs';
import { checkDnsSubdomain } from '../../common/k8s-names';
import { ManifestChart } from '../../palette/manifest-layer';

/** Rook's RBD driver: `<operator namespace>.rbd.csi.ceph.com` (rook-ceph-cluster templates/cephblockpool.yaml). */
export const ROOK_RBD_PROVISIONER = 'rook-ceph.rbd.csi.ceph.com';
/** Rook's CephFS driver. */
export const ROOK_CEPHFS_PROVISIONER = 'rook-ceph.cephfs.csi.ceph.com';
/** The pack's namespace (`pack.namespace`), the CephCluster's and the operator's. */
export const ROOK_CEPH_NAMESPACE = 'rook-ceph';

/**
 * The parameters of the pack's RBD class (csi-rook-ceph-helm 1.16.3 `cephBlockPools[0].storageClass.parameters`),
 * with the secrets' namespace written out: a manifest is not a Helm template.
 */
export function rbdClassParameters(namespace: string): Record<string, string> {
  return {
    imageFormat: '2',
    imageFeatures: 'layering',
    'csi.storage.k8s.io/provisioner-secret-name': 'rook-csi-rbd-provisioner',
    'csi.storage.k8s.io/provisioner-secret-namespace': namespace,
    'csi.storage.k8s.io/controller-expand-secret-name': 'rook-csi-rbd-provisioner',
    'csi.storage.k8s.io/controller-expand-secret-namespace': namespace,
    'csi.storage.k8s.io/node-stage-secret-name': 'rook-csi-rbd-node',
    'csi.storage.k8s.io/node-stage-secret-namespace': namespace,
    'csi.storage.k8s.io/fstype': 'ext4',
  };
}

export interface CephRbdStorageClassProps {
  /** The StorageClass name, e.g. `ceph-block`. */
  readonly name: string;
  /** The CephBlockPool the class provisions images in. */
  readonly pool: string;
  /** @default 'rook-ceph' */
  readonly namespace?: string;
  /** Parameters beside the pack's RBD ones (e.g. `mounter`, `mapOptions`). @default none */
  readonly parameters?: { readonly [key: string]: string };
}

/**
 * One more RBD StorageClass on a pool the chart creates, as a manifest of the CSI layer: the
 * chart writes one class per pool, and a second CephBlockPool entry of the same name would
 * be a second object of the same name. Parameters follow the chart's class
 * (templates/cephblockpool.yaml: `pool`, `clusterID` and the pool's parameters).
 */
export class CephRbdStorageClass extends ManifestChart {
  public readonly storageClassName: string;

  constructor(scope: Construct, id: string, props: CephRbdStorageClassProps) {
    super(scope, id);
    this.storageClassName = props.name;
    checkDnsSubdomain(props.name, 'Ceph RBD storage class name', 'ceph-block-windows');
    const namespace = props.namespace ?? ROOK_CEPH_NAMESPACE;
    new KubeStorageClass(this, 'storage-class', {
      metadata: { name: props.name },
      provisioner: ROOK_RBD_PROVISIONER,
      parameters: { pool: props.pool, clusterID: namespace, ...rbdClassParameters(namespace), ...(props.parameters ?? {}) },
      reclaimPolicy: 'Delete',
      allowVolumeExpansion: true,
      volumeBindingMode: 'Immediate',
    });
  }
}
