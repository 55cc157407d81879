export * from './nginx-pack';
