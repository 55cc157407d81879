import { readFileSync } from 'fs';
import { generateSiteSchema, generateSiteValidator, SITE_SCHEMA_FILE, SITE_VALIDATOR_FILE } from '../../scripts/generate-site-schema';
import { SITE_SCHEMA } from '../../lib/site/site-schema';

describe('the site JSON Schema', () => {
  test('the committed schema/site.schema.json is what the site props give (npm run schema)', () => {
    expect(readFileSync(SITE_SCHEMA_FILE, 'utf8')).toBe(generateSiteSchema());
  }, 30_000);

  test('the committed validator lib/site/site-schema-validator.ts is the committed schema compiled (npm run schema)', () => {
    expect(readFileSync(SITE_VALIDATOR_FILE, 'utf8')).toBe(generateSiteValidator(readFileSync(SITE_SCHEMA_FILE, 'utf8')));
  });

  test('describes every setting and gives the defaults editors show', () => {
    const props = (SITE_SCHEMA.properties ?? {}) as Record<string, { description?: string; default?: unknown; properties?: Record<string, { description?: string; default?: unknown }> }>;
    for (const [name, p] of Object.entries(props)) expect([name, typeof p.description]).toEqual([name, 'string']);
    expect(props.vmVlans.default).toBe('21-100');
    expect(props.kubernetes.properties?.maxPodsPerNode.default).toBe(250);
    expect(props.nodes.properties?.workers.default).toBe(5);
    expect(SITE_SCHEMA.required).toEqual(['network', 'name']);
  });
});
