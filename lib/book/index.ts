export * from './book-input';
export * from './book-section';
export * from './site-book';
export * from './site-network';
export * from './address-budget';
