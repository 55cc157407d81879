export * from './ipv4-cidr';
export * from './pack-type';
export * from './identity-provider';
export * from './palette-kubernetes-pack';
