export * from './choices';
export * from './flash-array-secret';
export * from './portworx-pack';
export * from './presets';
export * from './storage-class';
