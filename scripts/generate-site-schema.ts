/**
 * `npm run schema`: generates schema/site.schema.json, the JSON Schema of a site file, from the
 * TypeScript site props (lib/model/site-props.ts) and their doc comments, so the props, the
 * schema site files are checked against and what editors complete cannot drift apart.
 * `--check` exits 1 when the committed file differs from what the props give.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { createGenerator } from 'ts-json-schema-generator';

const ROOT = join(__dirname, '..');
export const SITE_SCHEMA_FILE = join(ROOT, 'schema', 'site.schema.json');

type Json = { [key: string]: unknown };

/** The site schema as the props give it, as the committed file's text. */
export function generateSiteSchema(): string {
  const schema = createGenerator({
    path: join(ROOT, 'lib', 'model', 'site-props.ts'),
    tsconfig: join(ROOT, 'tsconfig.json'),
    type: 'VmoSiteProps',
    expose: 'none',
    topRef: false,
    skipTypeCheck: true,
    jsDoc: 'extended',
  }).createSchema('VmoSiteProps') as Json;
  const properties = schema.properties as Json;
  // A site file names its site (a program's site may take its construct id instead).
  const required = new Set([...((schema.required as string[]) ?? []), 'name']);
  // BGP mode needs its peers (a program gets SITE-001 for the same mistake).
  const lb = properties.loadBalancer as Json;
  lb.if = { properties: { mode: { const: 'bgp' } }, required: ['mode'] };
  lb.then = { properties: { bgp: {} }, required: ['bgp'] };
  const out = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://cdk8s-palette-vmo/schema/site.schema.json',
    title: 'VMO site',
    description: (schema.description as string | undefined) ?? 'A VMO site description',
    type: 'object',
    properties,
    required: [...required],
    additionalProperties: false,
  };
  return JSON.stringify(out, null, 2) + '\n';
}

if (require.main !== module) {
  // imported by a test
} else if (process.argv.includes('--check')) {
  const text = generateSiteSchema();
  const committed = readFileSync(SITE_SCHEMA_FILE, 'utf8');
  if (committed !== text) {
    process.stderr.write('schema/site.schema.json is stale: run npm run schema and commit it\n');
    process.exit(1);
  }
} else {
  writeFileSync(SITE_SCHEMA_FILE, generateSiteSchema());
  process.stdout.write(`wrote ${SITE_SCHEMA_FILE}\n`);
}
