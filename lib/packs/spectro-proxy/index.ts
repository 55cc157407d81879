export * from './spectro-proxy-pack';
