export * from './maas-cluster';
export * from './terraform-json';
export * from './maas-cluster-terraform';
export * from './placeholders';
export * from './maas-cluster-payload';
export * from './maas-cluster-files';
