import { SiteBookInput } from './book-input';

/**
 * One section of the site book. A section reads what it needs from the input and returns its
 * Markdown lines, or undefined to leave itself out (a site without the facts it needs: no
 * load balancer layer, no storage facts). Adding a section is adding one to BOOK_SECTIONS.
 */
export interface BookSection {
  /** The `##` heading; its GitHub anchor is what the contents list links to. */
  readonly title: string;
  render(input: SiteBookInput): readonly string[] | undefined;
}
