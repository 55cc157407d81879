export * from './palette';
export * from './packs';
export * from './templates';
export * from './rules';
export * from './site';
export * from './book';
