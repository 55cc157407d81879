import { readdirSync } from 'fs';
import { join } from 'path';
import { PaletteApp } from '../../lib';
import { addTarget } from '../../lib/cli/load-target';
import { REPO_ROOT } from '../helpers';
import { mermaidBlocks, parseMermaid } from '../support/mermaid';
import { ra, synthesize } from './book-fixtures';

/** Every reference site (apps/ and sites/), freshly synthesized in memory: its site book, by site. */
function referenceBooks(): Map<string, string | undefined> {
  const app = new PaletteApp({ outdir: '/nonexistent' });
  const list = (dir: string, pattern: RegExp) => readdirSync(join(REPO_ROOT, dir)).filter((f) => pattern.test(f)).sort().map((f) => join(REPO_ROOT, dir, f));
  for (const target of [...list('apps', /\.ts$/), ...list('sites', /\.ya?ml$/)]) addTarget(app, target);
  return new Map([...app.render().sites].map(([name, files]) => [name, files.get('site-book.md')]));
}

describe('every Mermaid block of the site books parses with Mermaid\'s own parser', () => {
  const books = referenceBooks();
  // Sites that stretch the diagrams: a PXE VLAN subinterface, many networks in several namespaces, no untagged network, BGP.
  books.set(
    'stretch',
    synthesize(
      ra({
        name: 'stretch',
        network: { layout: 'two-nic', pxe: { vlan: 5, cidr: '192.168.0.0/22' }, nics: ['eno1', 'eno2'] },
        vmVlans: '21-100,200-210',
        templates: { networks: [{ vlan: 30, namespaces: ['default', 'vms'] }, { vlan: 205, name: 'db-tier-1' }], untaggedNetwork: false },
        loadBalancer: { mode: 'bgp', bgp: { myAsn: 64500, peers: [{ address: '10.20.30.2', asn: 64501 }] }, pools: [{ name: 'bgp-pool', addresses: ['10.99.0.0/24'] }] },
        suppressions: [{ ruleId: 'VLAN-009', reason: 'UEFI PXE on tagged VLAN 5 is tested here' }],
      }),
    ).book,
  );

  test('every VMO reference site writes a book with the topology, host and profile stack diagrams; the generic example writes none', () => {
    expect(books.get('example-minimal')).toBeUndefined();
    for (const [site, book] of books) {
      if (site === 'example-minimal') continue;
      expect([site, mermaidBlocks(book ?? '').length]).toEqual([site, 3]);
    }
  });

  test('each block parses as a flowchart', () => {
    const blocks = [...books].flatMap(([site, book]) => mermaidBlocks(book ?? '').map((text, i) => ({ site, i, text })));
    const results = parseMermaid(blocks.map((b) => b.text));
    const failed = results.flatMap((r, i) => (r.ok ? [] : [`${blocks[i].site} block ${blocks[i].i}: ${r.error}`]));
    expect(failed).toEqual([]);
    expect(results.every((r) => r.ok && r.type.startsWith('flowchart'))).toBe(true);
  }, 120_000);

  test('fails: the parser rejects a broken diagram (the check can fail)', () => {
    const [dangling, unclosed] = parseMermaid(['flowchart LR\n  a -->\n', 'flowchart LR\n  subgraph x["x"]\n  a --> b\n']);
    expect(dangling.ok).toBe(false);
    expect(unclosed.ok).toBe(false);
  }, 120_000);
});
