import { readFileSync } from 'fs';
import Ajv from 'ajv';
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

  /** Every setting of the committed schema, nested ones and list items' included, with where it sits. */
  function settings(node: unknown, path = ''): { path: string; schema: SchemaNode; optional: boolean }[] {
    const n = node as SchemaNode;
    if (typeof n !== 'object' || n === null) return [];
    const required = new Set(n.required ?? []);
    return [
      ...Object.entries(n.properties ?? {}).flatMap(([key, child]) => [
        { path: `${path}${path ? '.' : ''}${key}`, schema: child, optional: !required.has(key) },
        ...settings(child, `${path}${path ? '.' : ''}${key}`),
      ]),
      ...(n.items ? settings(n.items, `${path}[]`) : []),
      ...[...(n.anyOf ?? []), ...(n.oneOf ?? []), ...(n.allOf ?? [])].flatMap((x) => settings(x, path)),
    ];
  }
  const committed = JSON.parse(readFileSync(SITE_SCHEMA_FILE, 'utf8')) as SchemaNode;

  test('every setting, down to each leaf, has a description (editors show it on hover)', () => {
    const all = settings(committed);
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter((s) => typeof s.schema.description !== 'string' || s.schema.description.trim() === '').map((s) => s.path)).toEqual([]);
    // The walk sees the nested leaves the audit named.
    for (const leaf of ['kubernetes.oidc.usernameClaim', 'kubernetes.oidc.groupsClaim', 'loadBalancer.pools[].autoAssign', 'loadBalancer.pools[].avoidBuggyIPs', 'storage.portworx.flashArrays[].mgmtEndpoint']) {
      expect(all.map((s) => s.path)).toContain(leaf);
    }
  });

  test('every optional leaf says its default: a value the setting accepts (editors insert it), or in words in its description', () => {
    const leaves = settings(committed).filter((s) => s.optional && !s.schema.properties);
    expect(leaves.filter((s) => s.schema.default === undefined && !/ Default: .+\.$/.test(s.schema.description ?? '')).map((s) => s.path)).toEqual([]);
    const ajv = new Ajv({ strict: false });
    const invalid = leaves.filter((s) => s.schema.default !== undefined && !ajv.validate({ ...s.schema, default: undefined }, s.schema.default));
    expect(invalid.map((s) => [s.path, s.schema.default])).toEqual([]);
    expect(leaves.filter((s) => typeof s.schema.default === 'string' && /^none\b/.test(s.schema.default)).map((s) => s.path)).toEqual([]);
    const gateway = settings(committed).filter((s) => s.path.endsWith('.gateway') && s.path.startsWith('network.'));
    expect(gateway.map((s) => [s.path, s.schema.default, s.schema.description?.endsWith(' Default: none: the subnet has no gateway.')])).toEqual([
      ['network.pxe.gateway', undefined, true],
      ['network.mgmt.gateway', undefined, true],
      ['network.data.gateway', undefined, true],
    ]);
    // A default in words is not offered as a value (an integer setting would get a text).
    expect(settings(committed).find((s) => s.path === 'storage.portworx.maxStorageNodes')?.schema.default).toBeUndefined();
  });
});

interface SchemaNode {
  readonly description?: string;
  readonly default?: unknown;
  readonly required?: readonly string[];
  readonly properties?: Record<string, SchemaNode>;
  readonly items?: SchemaNode;
  readonly anyOf?: readonly SchemaNode[];
  readonly oneOf?: readonly SchemaNode[];
  readonly allOf?: readonly SchemaNode[];
}
