export * from '../model/site-props';
export * from '../model/host-network';
export * from '../model/site-plan';
export * from './site-variables';
export * from './site-schema';
export * from './site-file';
export * from './vmo-site';
export * from './vmo-profiles';
