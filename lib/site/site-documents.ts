import type { Finding } from '../palette/finding';
import type { SiteFiles } from '../palette/palette-site';
import type { RenderedSite } from '../palette/rendered';
import type { VmoSite } from './vmo-site';

/**
 * A document a VMO site writes beside its profiles (the site book, lib/book), from what the
 * site rendered and its findings. Documents live in folders above lib/site (they read the
 * site), so they register here instead of being imported: the package entry point and the
 * command line register the site book, and every VmoSite then writes it.
 */
export interface VmoSiteDocument {
  /** The file, relative to the site folder, e.g. `site-book.md`; one document per path. */
  readonly path: string;
  /** The file's text. */
  write(site: VmoSite, rendered: RenderedSite, findings: readonly Finding[]): string;
}

const documents = new Map<string, VmoSiteDocument>();

/** Registers a document every VmoSite writes; registering a path again replaces its document. */
export function registerSiteDocument(document: VmoSiteDocument): void {
  documents.set(document.path, document);
}

/** The registered documents, by path. */
export function registeredSiteDocuments(): readonly VmoSiteDocument[] {
  return [...documents.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The files of the registered documents for one site. */
export function writeSiteDocuments(site: VmoSite, rendered: RenderedSite, findings: readonly Finding[]): SiteFiles {
  return new Map(registeredSiteDocuments().map((d) => [d.path, d.write(site, rendered, findings)]));
}
