export * from './identity-provider';
export * from './palette-kubernetes-pack';
