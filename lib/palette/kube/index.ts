export * from './kube-object';
export * from './kube-config-map';
export * from './kube-secret';
export * from './kube-storage-class';
