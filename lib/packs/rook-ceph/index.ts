export * from './ceph-cluster-values';
export * from './ceph-rbd-storage-class';
export * from './rook-ceph-pack';
