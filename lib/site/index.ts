export * from './site-props';
export * from './host-network';
export * from './site-plan';
export * from './site-variables';
export * from './site-schema';
export * from './site-file';
export * from './vmo-site';
