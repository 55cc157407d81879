import { spawnSync } from 'child_process';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { PaletteApp, VmoSite } from '../../lib';
import { book, BookOptions } from '../../lib/cli/commands/book';
import { REPO_ROOT, tempDirs } from '../helpers';
import { RA } from '../book/book-fixtures';

const tempDir = tempDirs('book-');

/** Runs the book command with an in-memory output. */
function run(options: BookOptions) {
  const out: string[] = [];
  const err: string[] = [];
  const code = book(options, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

function siteFile(text: string): string {
  const path = join(tempDir(), 'site.yaml');
  writeFileSync(path, text);
  return path;
}

const GOOD = `name: book-lab
network:
  layout: two-nic
  mgmt: { vlan: 10, cidr: 172.16.0.0/22 }
  data: { vlan: 20, cidr: 10.20.0.0/16, gateway: 10.20.30.1 }
profiles: { layout: full }
`;

describe('palette-vmo book', () => {
  test('prints the book of a site file, the same text synth writes to dist/<site>/site-book.md', () => {
    const r = run({ targets: [siteFile(GOOD)] });
    expect(r).toMatchObject({ code: 0, err: [] });
    expect(r.out[0]).toBe('# Site book: book-lab');
    const out = tempDir();
    const app = new PaletteApp({ outdir: out });
    new VmoSite(app, 'book-lab', { ...RA, name: 'book-lab', network: { ...RA.network, layout: 'two-nic' }, profiles: { layout: 'full' } });
    app.synth({ quiet: true });
    expect(r.out.join('\n') + '\n').toBe(readFileSync(join(out, 'book-lab', 'site-book.md'), 'utf8'));
  });

  test('writes the book to -o file', () => {
    const file = join(tempDir(), 'books', 'lab.md');
    const r = run({ targets: [siteFile(GOOD)], outFile: file });
    expect(r).toMatchObject({ code: 0, out: [`wrote ${file}`] });
    expect(readFileSync(file, 'utf8')).toMatch(/^# Site book: book-lab\n/);
  });

  test('--site chooses one of several sites', () => {
    // large-128 names its profiles apart, so the two sites pass PAL-007 together.
    const r = run({ targets: [join(REPO_ROOT, 'apps', 'large-128.ts'), siteFile(GOOD)], site: 'book-lab' });
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe('# Site book: book-lab');
  });

  test('fails: several sites and no --site names them, exit 1', () => {
    const r = run({ targets: [join(REPO_ROOT, 'apps', 'ra-reference.ts'), siteFile(GOOD)] });
    expect(r).toEqual({ code: 1, out: [], err: ['the targets define 2 VMO sites (ra-reference, book-lab): choose one with --site <name>'] });
  });

  test('fails: --site names no site of the targets', () => {
    const r = run({ targets: [siteFile(GOOD)], site: 'nope' });
    expect(r).toEqual({ code: 1, out: [], err: ["--site 'nope' is not a VMO site of the targets: use one of book-lab"] });
  });

  test('fails: a site with errors has no book; its findings go to err and nothing is written', () => {
    const file = join(tempDir(), 'lab.md');
    const r = run({ targets: [siteFile(GOOD.replace('profiles:', 'vmVlans: "10-100"\nprofiles:'))], outFile: file });
    expect(r.code).toBe(1);
    expect(r.out).toEqual([]);
    expect(r.err.join('\n')).toMatch(/error\s+VLAN-002/);
    expect(r.err[r.err.length - 1]).toBe('no site book: the sites have errors (above); fix them and run book again');
    expect(existsSync(file)).toBe(false);
  });

  test('fails: a target that is no site file is one line, exit 1', () => {
    const r = run({ targets: ['/nonexistent/site.yaml'] });
    expect(r).toEqual({ code: 1, out: [], err: ['/nonexistent/site.yaml: no such file'] });
  });

  test('fails: the generic example defines no VMO site', () => {
    const r = run({ targets: [join(REPO_ROOT, 'apps', 'example-minimal.ts')] });
    expect(r.code).toBe(1);
    expect(r.err).toEqual(['the targets define no VMO site: a site book is written for VmoSite sites (site files and apps that use VmoSite)']);
  });

  test('the command line runs it: palette-vmo book <site> prints the book', () => {
    const r = spawnSync(join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), [join(REPO_ROOT, 'bin', 'palette-vmo.ts'), 'book', siteFile(GOOD)], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^# Site book: book-lab\n[\s\S]*## Switchports\n/);
  }, 60_000);
});
