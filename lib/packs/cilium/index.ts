export * from './presets';
export * from './choices';
export * from './cilium-pack';
