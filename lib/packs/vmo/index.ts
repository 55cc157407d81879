export * from './kubevirt-feature-gate';
export * from './vmo-dashboard-access';
export * from './vmo-pack';
