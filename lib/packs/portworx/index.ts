export * from './choices';
export * from './flash-array-secret';
export * from './portworx-pack';
export * from './storage-class';
