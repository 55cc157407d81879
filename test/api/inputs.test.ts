import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { OnExists } from '../../lib/api/commands';
import { inPushOrder, loadProfileDocuments } from '../../lib/api/profile-document';
import { parseRegistryMap } from '../../lib/api/registry-resolution';
import { macroReferences } from '../../lib/api/macro-references';
import { ADDONS_FILE, INFRA_FILE, SITE } from './api-harness';
import { validationError } from '../helpers';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pvmo-inputs-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('loadProfileDocuments', () => {
  test('defaults: a site folder reads profiles/*.json by name and keeps the bytes; push order puts infra first', () => {
    const docs = loadProfileDocuments([SITE]);
    expect(docs.map((d) => d.source)).toEqual([ADDONS_FILE, INFRA_FILE]);
    expect(docs[0].fileName).toBe('Lab-Addons.json');
    expect(inPushOrder(docs).map((d) => d.json.metadata.name)).toEqual(['Lab-Infra', 'Lab-Addons']);
  });

  test('custom: a profiles folder itself, and files, are read as given', () => {
    expect(loadProfileDocuments([join(SITE, 'profiles')])).toHaveLength(2);
    expect(loadProfileDocuments([INFRA_FILE]).map((d) => d.json.spec.template.type)).toEqual(['infra']);
  });

  test('fails on a document without an identifying field, naming the file and the JSON path', () => {
    const path = file('a.json', JSON.stringify({ metadata: { name: 'A' }, spec: { template: { packs: [] } } }));
    expect(validationError(() => loadProfileDocuments([path])).message).toBe(
      `${path}: spec.version is missing: a Palette profile is {metadata: {name}, spec: {version, template: {packs: [...]}}}`,
    );
  });

  test('fails on a pack without a field the generator always writes', () => {
    const path = file('b.json', JSON.stringify({ metadata: { name: 'B' }, spec: { version: '1.0.0', template: { type: 'add-on', cloudType: 'all', packs: [{ name: 'x', type: 'spectro', layer: 'addon', values: '' }] } } }));
    expect(validationError(() => loadProfileDocuments([path])).message).toBe(`${path}: spec.template.packs[0].version is missing: write it as palette-profile-format.md §1-§2 shows`);
  });

  test('fails on the same name and version given twice', () => {
    expect(validationError(() => loadProfileDocuments([INFRA_FILE, SITE])).message).toMatch(/profile Lab-Infra 1\.0\.0 is also in .*Lab-Infra\.json: pass each profile once$/);
  });

  test('fails on no input', () => {
    expect(validationError(() => loadProfileDocuments([])).message).toMatch(/^no profile given/);
  });
});

describe('parseRegistryMap and OnExists', () => {
  test('defaults: NAME=UID entries; names may hold spaces and =', () => {
    expect([...parseRegistryMap(['Public Repo=5eec', 'a=b=c'])]).toEqual([['Public Repo', '5eec'], ['a=b', 'c']]);
    expect(OnExists.of('replace')).toBe(OnExists.REPLACE);
  });

  test('fails on an entry without a name or uid, and on an unknown --on-exists', () => {
    expect(validationError(() => parseRegistryMap(['Public Repo'])).message).toBe(
      "--registry-map 'Public Repo' is not NAME=UID: write e.g. 'Public Repo=5eecc89d0b150045ae661cef'",
    );
    expect(validationError(() => parseRegistryMap(['=x'])).message).toContain('is not NAME=UID');
    expect(validationError(() => OnExists.of('overwrite')).message).toBe("--on-exists 'overwrite' is not an option: use skip-if-identical, fail or replace");
  });
});

describe('macroReferences', () => {
  test('defaults: user macros once each, with spaces and Sprig pipes; system macros and variables are not macros', () => {
    const docs = loadProfileDocuments([INFRA_FILE]);
    const json = docs[0].json;
    json.spec.template.packs[0].values += "a: '{{ .spectro.macro.b | upper }}'\nc: '{{.spectro.macro.a}}'\nd: '{{.spectro.macro.a}}'\ne: '{{.spectro.system.cluster.name}}'\n";
    expect(macroReferences(json)).toEqual(['a', 'b']);
  });
});
