export * from './command-output';
export * from './on-exists';
export * from './validate-remote';
export * from './push';
export * from './diff';
export * from './pull-packs';
