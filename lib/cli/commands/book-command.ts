import { CliCommand, stringOption, UsageError } from '../cli-command';

/** `palette-vmo book`: the site book of one site, printed or written to a file. */
export const BOOK_COMMAND: CliCommand = {
  name: 'book',
  usage: '<site.yaml|app.ts|app.js>... [--site name] [-o file]',
  summary: 'print the site book (site-book.md: IP plan, VLANs, switchports, checklist), or write it to a file',
  details: 'The same site-book.md synth writes into dist/<site>/. The site is checked first: a site with errors has no book.',
  options: [
    { name: 'site', type: 'string', value: 'name', description: 'the site whose book to write, when the targets define several' },
    { name: 'out', short: 'o', type: 'string', value: 'file', description: 'write the book to this file instead of printing it' },
  ],
  async run(args, io) {
    if (!args.positionals.length) throw new UsageError("'book' needs a site file or app program", BOOK_COMMAND);
    const { book } = await import('./book');
    return book({ targets: args.positionals, site: stringOption(args, 'site'), outFile: stringOption(args, 'out') }, { out: io.out, err: io.err });
  },
};
