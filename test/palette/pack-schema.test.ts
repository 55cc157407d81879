import { checkPackSchema, PackCatalog, PackSchema, parseSchemaFormat } from '../../lib/palette';
import { unquotedReferences } from '../../lib/palette/yaml-format';
import { validationError } from '../helpers';

/** A schema.yaml of one path per entry: `{ path: template }`. */
function schema(entries: Record<string, string>): PackSchema {
  const text = Object.entries(entries)
    .map(([path, template]) => `${path}:\n  schema: '${template}'\n`)
    .join('');
  return PackSchema.fromYaml(text, 'test/schema.yaml');
}

/** `rule path` of each problem, for compact assertions. */
function rules(s: PackSchema, values: unknown, defaults?: unknown): string[] {
  return checkPackSchema(s, values, { defaults }).map((p) => `${p.rule} ${p.path}`);
}

describe('PackSchema', () => {
  test('defaults', () => {
    const px = PackCatalog.builtIn().require('csi-portworx-generic', '3.3.1').schema;
    expect(px?.constraints).toEqual([
      {
        path: 'charts.portworx-generic.vsphereSecret.password',
        required: false,
        readonly: false,
        format: { template: '${password}', parts: [{ type: 'password' }] },
        hints: ['Use this to specify the password for the px-vsphere-secret'],
      },
      {
        path: 'charts.portworx-generic.azureSecret.clientSecret',
        required: false,
        readonly: false,
        format: { template: '${password}', parts: [{ type: 'password' }] },
        hints: ['Use this to specify the Azure client secret for the px-azure secret'],
      },
    ]);
    expect(px?.problems).toEqual([]);
    const longhorn = PackCatalog.builtIn().require('csi-longhorn', '1.6.0').schema;
    expect(longhorn?.constraint('pack.namespace')).toEqual({ path: 'pack.namespace', required: false, readonly: true, hints: [] });
    // The catalog defaults pass their own schema.
    for (const pack of PackCatalog.builtIn().packs()) {
      for (const version of PackCatalog.builtIn().versions(pack)) {
        const entry = PackCatalog.builtIn().require(pack, version);
        if (entry.schema) expect(checkPackSchema(entry.schema, entry.defaults.toValues(), { defaults: entry.defaults.toValues() })).toEqual([]);
      }
    }
  });

  test('custom templates: every documented format type and argument', () => {
    expect(parseSchemaFormat('${string:/^([a-z0-9].*)$/}')).toEqual({ template: '${string:/^([a-z0-9].*)$/}', parts: [{ type: 'string', regex: '^([a-z0-9].*)$' }] });
    expect(parseSchemaFormat('${number:[5000-5005]}')).toEqual({ template: '${number:[5000-5005]}', parts: [{ type: 'number', range: { min: 5000, max: 5005 } }] });
    expect(parseSchemaFormat('${list:[PACK,GIT,CHART]}')).toEqual({ template: '${list:[PACK,GIT,CHART]}', parts: [{ type: 'list', options: ['PACK', 'GIT', 'CHART'] }] });
    expect(parseSchemaFormat('${ipv4} - ${ipv4}')).toEqual({ template: '${ipv4} - ${ipv4}', parts: [{ type: 'ipv4' }, ' - ', { type: 'ipv4' }] });
    expect(parseSchemaFormat('${string}, ${string:/size=\\d+/}')).toEqual({
      template: '${string}, ${string:/size=\\d+/}',
      parts: [{ type: 'string' }, ', ', { type: 'string', regex: 'size=\\d+' }],
    });
    const s = schema({ a: '{{ required | format "${version}" | hints "first" "second" }}', b: '{{readonly}}' });
    expect(s.constraint('a')).toEqual({ path: 'a', required: true, readonly: false, format: { template: '${version}', parts: [{ type: 'version' }] }, hints: ['first', 'second'] });
    expect(s.constraint('b')?.readonly).toBe(true);
    expect(s.problems).toEqual([]);
  });

  test('custom values that pass', () => {
    const s = schema({
      'registry.hostname': '{{ required | format "${string:/^([a-z0-9].*)$/}" }}',
      'registry.port': '{{ format "${number:[5000-5005]}" }}',
      'registry.private': '{{ format "${boolean}" }}',
      'registry.type': '{{ format "${list:[PACK,GIT,CHART]}" }}',
      'registry.hostIp': '{{ format "${ipv4}" }}',
      'registry.version': '{{ required | format "${version}" }}',
      'registry.addresses.$[]': '{{ required | format "${ipv4} - ${ipv4}" | hints "ip pool range" }}',
      'storageType': '{{ required | format "${string}, ${string:/size=\\d+/}" }}',
    });
    const values = {
      registry: {
        hostname: 'harbor.example.com',
        port: 5003,
        private: true,
        type: 'GIT',
        hostIp: '10.10.10.10',
        version: '1.2.3',
        addresses: ['10.10.10.10 - 10.10.10.255', '10.0.0.1 - 10.0.0.9'],
      },
      storageType: 'type-zeroedthick, size=150',
    };
    expect(checkPackSchema(s, values)).toEqual([]);
  });

  test('fails when a required value is missing, null or empty', () => {
    const s = schema({ 'a.b': '{{ required }}', 'c': '{{ required }}', 'd': '{{ required }}', 'e.$[]': '{{ required }}' });
    expect(rules(s, { c: null, d: '' })).toEqual(['required a.b', 'required c', 'required d', 'required e']);
    expect(rules(s, { a: { b: 0 }, c: false, d: 'x', e: [] })).toEqual(['required e']);
    expect(rules(s, { a: { b: 0 }, c: false, d: 'x', e: ['x', null] })).toEqual(['required e[1]']);
    const [problem] = checkPackSchema(s, { c: 1, d: 1, e: ['x'] });
    expect(problem.message).toBe("'a.b' is required by the pack's schema.yaml but has no value: set it, or reference a profile variable '{{.spectro.var.NAME}}'");
  });

  test('fails when a format does not match', () => {
    const s = schema({
      port: '{{ format "${number:[5000-5005]}" }}',
      flag: '{{ format "${boolean}" }}',
      kind: '{{ format "${list:[PACK,GIT,CHART]}" }}',
      ip: '{{ format "${ipv4}" }}',
      host: '{{ format "${string:/^[a-z]+$/}" }}',
      pool: '{{ format "${ipv4} - ${ipv4}" }}',
      map: '{{ format "${string}" }}',
    });
    const problems = checkPackSchema(s, { port: 6000, flag: 'yes', kind: 'HELM', ip: '300.1.1.1', host: 'Harbor', pool: '10.10.10.10-10.10.10.255', map: { a: 1 } });
    expect(problems.map((p) => p.message)).toEqual([
      `'port' = 6000 is not within 5000-5005, but the pack's schema.yaml asks for format "\${number:[5000-5005]}": fix the value, or use a profile variable`,
      `'flag' = "yes" is not true or false, but the pack's schema.yaml asks for format "\${boolean}": fix the value, or use a profile variable`,
      `'kind' = "HELM" is not one of PACK, GIT, CHART, but the pack's schema.yaml asks for format "\${list:[PACK,GIT,CHART]}": fix the value, or use a profile variable`,
      `'ip' = "300.1.1.1" is not an IPv4 address, but the pack's schema.yaml asks for format "\${ipv4}": fix the value, or use a profile variable`,
      `'host' = "Harbor" does not match /^[a-z]+$/, but the pack's schema.yaml asks for format "\${string:/^[a-z]+$/}": fix the value, or use a profile variable`,
      `'pool' = "10.10.10.10-10.10.10.255" does not have the template's shape, but the pack's schema.yaml asks for format "\${ipv4} - \${ipv4}": fix the value, or use a profile variable`,
      `'map' = {"a":1} is a list or map, not a single value, but the pack's schema.yaml asks for format "\${string}": fix the value, or use a profile variable`,
    ]);
    expect(rules(schema({ 'l.$[]': '{{ format "${number}" }}' }), { l: [1, 'x', 3] })).toEqual(['format l[1]']);
    expect(rules(schema({ v: '{{ format "${version}" }}' }), { v: 'latest' })).toEqual(['format v']);
  });

  test('custom variable references satisfy a format; they are checked at deploy', () => {
    const s = schema({ port: '{{ required | format "${number:[5000-5005]}" }}', ip: '{{ format "${ipv4} - ${ipv4}" }}' });
    expect(checkPackSchema(s, { port: '{{.spectro.var.registryPort}}', ip: '{{ .spectro.var.pool }}' })).toEqual([]);
    // Macros resolve at deploy time as well.
    expect(checkPackSchema(s, { port: '{{ .spectro.macro.port }}' })).toEqual([]);
  });

  test('custom password paths: listed, checked, and never echoed', () => {
    const s = schema({
      'charts.x.password': '{{ required | format "${password:/^.{12,}$/}" | hints "at least 12 characters" }}',
      'charts.x.user': '{{ format "${string}" }}',
    });
    expect(s.passwordPaths).toEqual(['charts.x.password']);
    expect(checkPackSchema(s, { charts: { x: { password: 'long-enough-secret' } } })).toEqual([]);
    expect(checkPackSchema(s, { charts: { x: { password: '{{.spectro.var.xPassword}}' } } })).toEqual([]);
    const [problem] = checkPackSchema(s, { charts: { x: { password: 'hunter2' } } });
    expect(problem.rule).toBe('format');
    expect(problem.message).toContain("'charts.x.password' = (masked) does not match");
    expect(problem.message).not.toContain('hunter2');
    expect(rules(s, { charts: { x: {} } })).toEqual(['required charts.x.password']);
  });

  test('custom readonly: noted, and a problem only when the value differs from the defaults', () => {
    const s = schema({ 'pack.namespace': '{{ readonly }}' });
    const defaults = { pack: { namespace: 'longhorn-system' } };
    expect(checkPackSchema(s, { pack: { namespace: 'other' } })).toEqual([]);
    expect(checkPackSchema(s, defaults, { defaults })).toEqual([]);
    const [problem] = checkPackSchema(s, { pack: { namespace: 'other' } }, { defaults });
    expect(problem).toEqual({
      path: 'pack.namespace',
      rule: 'readonly',
      message: "'pack.namespace' is read-only in the pack's schema.yaml but differs from the pack default: remove the change, Palette's UI keeps the default",
    });
  });

  test('custom paths with escaped dots', () => {
    const s = schema({ 'annotations.portworx\\.io/misc-args': '{{ required }}' });
    expect(checkPackSchema(s, { annotations: { 'portworx.io/misc-args': '--oem px-csi' } })).toEqual([]);
    expect(rules(s, { annotations: {} })).toEqual(['required annotations.portworx\\.io/misc-args']);
  });

  test('fails softly on schema syntax it does not know: a problem of the schema, not a crash', () => {
    const s = schema({
      a: '{{ required | frobnicate }}',
      b: '{{ format "${colour}" }}',
      c: 'required',
      d: '{{ format "${list}" }}',
      e: '{{ format "${number:[a-b]}" }}',
      f: '{{ format "${string:/(?P<x>a)/}" }}',
      g: '{{ hints unquoted }}',
      h: '{{ format "plain text" }}',
    });
    expect(s.problems.map((p) => `${p.rule} ${p.path}`)).toEqual(['schema a', 'schema b', 'schema c', 'schema d', 'schema e', 'schema f', 'schema g', 'schema h']);
    expect(s.problems[0].message).toBe(
      "test/schema.yaml 'a' schema '{{ required | frobnicate }}': unknown function 'frobnicate' with 0 argument(s): use required, readonly, format \"...\" or hints \"...\"; this constraint is not checked",
    );
    expect(s.problems[1].message).toContain("format \"${colour}\": unknown format type 'colour'");
    // What was understood still applies: 'a' stays required.
    expect(rules(s, {})).toEqual([...s.problems.map((p) => `schema ${p.path}`), 'required a']);
    const missing = PackSchema.fromYaml('a: {other: 1}\nb: "{{ required }}"\n', 's.yaml');
    expect(missing.problems.map((p) => p.path)).toEqual(['a', 'b']);
  });

  test('custom constraintAt: keys and list indexes, $[] for any index', () => {
    const s = schema({ 'a.b': '{{ required }}', 'list.$[].port': '{{ format "${number}" }}' });
    expect(s.constraintAt(['a', 'b'])?.path).toBe('a.b');
    expect(s.constraintAt(['list', 3, 'port'])?.path).toBe('list.$[].port');
    expect(s.constraintAt(['list', 'x', 'port'])).toBeUndefined();
    expect(s.constraintAt(['a'])).toBeUndefined();
  });

  test('unquotedReferences finds the typed references a values text writes, where they stand', () => {
    const text = [
      '# spectrocloud.com/enabled-presets: G:a',
      'a:',
      '  count: {{.spectro.var.nodes}}',
      "  s: '{{.spectro.var.name}}'",
      '  t: |',
      '    n: {{.spectro.var.inText}}',
      'list:',
      '  - port: {{ .spectro.var.port }}',
      '  - {{.spectro.var.flag}}',
      'other: {x: 1}',
    ].join('\n');
    expect(unquotedReferences(text)).toEqual([
      { keys: ['a', 'count'], reference: '{{.spectro.var.nodes}}' },
      { keys: ['list', 0, 'port'], reference: '{{ .spectro.var.port }}' },
      { keys: ['list', 1], reference: '{{.spectro.var.flag}}' },
    ]);
    expect(unquotedReferences("a: '{{.spectro.var.x}}'\n")).toEqual([]);
  });

  test('fails on schema.yaml that is not YAML or not a map', () => {
    expect(validationError(() => PackSchema.fromYaml('a: [', 'x/schema.yaml')).message).toMatch(/^x\/schema\.yaml is not valid YAML at line 1, column \d+/);
    expect(validationError(() => PackSchema.fromYaml('- a\n', 'x/schema.yaml')).message).toMatch(/^x\/schema\.yaml: the top level is not a map/);
    expect(PackSchema.fromYaml('', 'empty').constraints).toEqual([]);
  });
});
