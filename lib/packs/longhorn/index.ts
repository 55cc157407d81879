export * from './longhorn-pack';
export * from './longhorn-vm-storage-class';
