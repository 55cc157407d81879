import { registerSiteDocument } from '../site/site-documents';
import { SITE_BOOK } from './site-book';

export * from './book-input';
export * from './book-section';
export * from './site-book';
export * from './site-network';
export * from './address-budget';

// Loading the book registers it: every VmoSite then writes site-book.md (lib/site cannot import lib/book).
registerSiteDocument(SITE_BOOK);
