export * from './cli-command';
export * from './cli-io';
export * from './command-registry';
export * from './commands';
export * from './exit-codes';
export * from './run-cli';
