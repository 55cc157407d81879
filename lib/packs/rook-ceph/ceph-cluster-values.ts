import { ValueNode } from '../../palette/values';
import { KUBEVIRT_DEFAULT_VIRT_CLASS_ANNOTATION } from '../kubevirt-storage-class';

/*
 * The `charts.rook-ceph-cluster` lists a VMO site writes whole (a list in values replaces the
 * pack's list): the block pool, the CephFS filesystem and, when asked for, the object store.
 * Each entry is the csi-rook-ceph-helm 1.16.3 default with the replica count of the site.
 */

export const CEPH_BLOCK_POOL = 'ceph-blockpool';
export const CEPH_BLOCK_STORAGE_CLASS = 'ceph-block';
export const CEPH_FILESYSTEM = 'ceph-filesystem';
export const CEPH_FILESYSTEM_STORAGE_CLASS = 'ceph-filesystem';
/** The CephFS data pool of the pack's filesystem; the chart names the class's pool `<filesystem>-<pool>`. */
export const CEPH_FILESYSTEM_DATA_POOL = 'data0';

/**
 * The RBD pool and its class, the VM class: the cluster default and KubeVirt's default-virt
 * class (storage-backends.md §2.3 "For VMO, make ceph-block the default and the default-virt class").
 */
export function blockPoolValues(replicas: number): ValueNode {
  return [
    {
      name: CEPH_BLOCK_POOL,
      spec: { failureDomain: 'host', replicated: { size: replicas } },
      storageClass: {
        enabled: true,
        name: CEPH_BLOCK_STORAGE_CLASS,
        annotations: { [KUBEVIRT_DEFAULT_VIRT_CLASS_ANNOTATION]: 'true' },
        labels: {},
        isDefault: true,
        reclaimPolicy: 'Delete',
        allowVolumeExpansion: true,
        volumeBindingMode: 'Immediate',
        mountOptions: [],
        allowedTopologies: [],
        parameters: {
          imageFormat: '2',
          imageFeatures: 'layering',
          'csi.storage.k8s.io/provisioner-secret-name': 'rook-csi-rbd-provisioner',
          'csi.storage.k8s.io/provisioner-secret-namespace': '{{ .Release.Namespace }}',
          'csi.storage.k8s.io/controller-expand-secret-name': 'rook-csi-rbd-provisioner',
          'csi.storage.k8s.io/controller-expand-secret-namespace': '{{ .Release.Namespace }}',
          'csi.storage.k8s.io/node-stage-secret-name': 'rook-csi-rbd-node',
          'csi.storage.k8s.io/node-stage-secret-namespace': '{{ .Release.Namespace }}',
          'csi.storage.k8s.io/fstype': 'ext4',
        },
      },
    },
  ];
}

/** The pack's CephFS filesystem, no longer the default class; it holds the VMs' TPM state (RWX Filesystem). */
export function fileSystemValues(replicas: number): ValueNode {
  return [
    {
      name: CEPH_FILESYSTEM,
      spec: {
        metadataPool: { replicated: { size: replicas } },
        dataPools: [{ failureDomain: 'host', replicated: { size: replicas }, name: CEPH_FILESYSTEM_DATA_POOL }],
        metadataServer: {
          activeCount: 1,
          activeStandby: true,
          resources: { limits: { memory: '4Gi' }, requests: { cpu: '1000m', memory: '4Gi' } },
          priorityClassName: 'system-cluster-critical',
        },
      },
      storageClass: {
        enabled: true,
        isDefault: false,
        annotations: {},
        labels: {},
        name: CEPH_FILESYSTEM_STORAGE_CLASS,
        pool: CEPH_FILESYSTEM_DATA_POOL,
        reclaimPolicy: 'Delete',
        allowVolumeExpansion: true,
        volumeBindingMode: 'Immediate',
        mountOptions: [],
        parameters: {
          'csi.storage.k8s.io/provisioner-secret-name': 'rook-csi-cephfs-provisioner',
          'csi.storage.k8s.io/provisioner-secret-namespace': '{{ .Release.Namespace }}',
          'csi.storage.k8s.io/controller-expand-secret-name': 'rook-csi-cephfs-provisioner',
          'csi.storage.k8s.io/controller-expand-secret-namespace': '{{ .Release.Namespace }}',
          'csi.storage.k8s.io/node-stage-secret-name': 'rook-csi-cephfs-node',
          'csi.storage.k8s.io/node-stage-secret-namespace': '{{ .Release.Namespace }}',
          'csi.storage.k8s.io/fstype': 'ext4',
        },
      },
    },
  ];
}

/** The pack's object store (`ceph-objectstore`, class `ceph-bucket`), written only when asked for. */
export function objectStoreValues(replicas: number): ValueNode {
  return [
    {
      name: 'ceph-objectstore',
      spec: {
        metadataPool: { failureDomain: 'host', replicated: { size: replicas } },
        dataPool: { failureDomain: 'host', erasureCoded: { dataChunks: 2, codingChunks: 1 }, parameters: { bulk: 'true' } },
        preservePoolsOnDelete: true,
        gateway: {
          port: 80,
          resources: { limits: { memory: '2Gi' }, requests: { cpu: '1000m', memory: '1Gi' } },
          instances: 1,
          priorityClassName: 'system-cluster-critical',
        },
      },
      storageClass: {
        enabled: true,
        name: 'ceph-bucket',
        reclaimPolicy: 'Delete',
        volumeBindingMode: 'Immediate',
        annotations: {},
        labels: {},
        parameters: { region: 'us-east-1' },
      },
      ingress: { enabled: false },
    },
  ];
}
