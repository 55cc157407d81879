import { paletteExportShapes, tempDirs } from '../helpers';
import { crdSchemas, CrdSchemaRegistry, validateObject } from '../support/crd-schemas';
import { DistManifest, manifestObjects, parseStrictYaml, readDist, synthesizeReferenceSites } from '../support/dist-tree';
import { validateProfile } from '../support/profile-schema';

/**
 * Issue 6 item 1: every output is schema-valid. Runs over every reference site (apps/, sites/),
 * synthesized afresh into a temporary folder (new sites are picked up without editing this
 * file), then proves each validator bites.
 */

const sites = readDist(synthesizeReferenceSites(tempDirs('schema-')()));

describe('dist/', () => {
  test('holds at least one site, each with at least one profile', () => {
    expect(sites.map((s) => s.name)).not.toEqual([]);
    expect(sites.filter((s) => s.profiles.length === 0).map((s) => s.name)).toEqual([]);
  });
});

for (const site of sites) describe(`site ${site.name}`, () => {
  const packs = site.profiles.flatMap((p) => p.packs);
  const manifests: DistManifest[] = packs.flatMap((p) => p.manifests);

  test('every profile JSON parses and validates against schema/palette-profile-import.schema.json', () => {
    const errors = site.profiles.flatMap((p) =>
      p.parseError !== undefined ? [`${p.where}: ${p.parseError}`] : validateProfile(p.json).map((e) => `${p.where} ${e}`),
    );
    expect(errors).toEqual([]);
  });

  test('every values string and every manifest parses as strict YAML', () => {
    const sources = [
      ...packs.filter((p) => p.values !== undefined).map((p) => ({ where: `${p.where} values`, text: p.values ?? '' })),
      ...manifests.map((m) => ({ where: m.where, text: m.content })),
    ];
    expect(sources.length).toBeGreaterThan(0);
    const errors = sources.flatMap((s) => parseStrictYaml(s.text).errors.map((e) => `${s.where} ${e}`));
    expect(errors).toEqual([]);
  });

  test('every manifest holds at least one object', () => {
    expect(manifests.filter((m) => manifestObjects(m).length === 0).map((m) => m.where)).toEqual([]);
  });

  test('every Kubernetes object has a schema and validates against it', () => {
    const objects = manifests.flatMap(manifestObjects);
    const uncovered = new Set<string>();
    const errors: string[] = [];
    for (const { where, value } of objects) {
      const result = validateObject(value);
      if (result === undefined) {
        const { apiVersion, kind } = value as { apiVersion: string; kind: string };
        uncovered.add(`${apiVersion} ${kind} (first at ${where})`);
      } else {
        errors.push(...result.map((e) => `${where} ${e}`));
      }
    }
    // A kind without a CRD schema in imports/schemas or one in CORE_SCHEMAS is not checked at all: add one.
    expect([...uncovered]).toEqual([]);
    expect(errors).toEqual([]);
  });
});

/** A small valid profile; each negative test breaks exactly one thing in a copy. */
function validProfile() {
  return {
    metadata: { name: 'p', description: '', labels: { owner: 'platform' } },
    spec: {
      version: '1.0.0',
      template: {
        type: 'cluster',
        cloudType: 'maas',
        packs: [
          {
            name: 'cni-cilium-oss',
            type: 'spectro',
            layer: 'cni',
            version: '1.17.4',
            tag: '1.17.4',
            values: 'charts: {}',
            registry: { metadata: { uid: '5eecc89d0b150045ae661cef', name: 'Public Repo', kind: 'pack', isPrivate: false } } as Record<string, unknown>,
          } as Record<string, unknown>,
          {
            name: 'vmo-networking',
            type: 'manifest',
            layer: 'addon',
            version: '1.0.0',
            tag: '1.0.0',
            values: 'pack:\n  namespace: default',
            registry: { metadata: { uid: '', name: '', kind: '', isPrivate: false, providerType: '', isSyncSupported: false } },
            manifests: [{ name: 'nad', content: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n' }],
          } as Record<string, unknown>,
        ],
      },
      variables: [
        { name: 'vmBridge', displayName: 'VM bridge', format: 'string', defaultValue: 'br0', required: false, immutable: false, hidden: false, isSensitive: false } as Record<string, unknown>,
      ],
    },
  };
}

describe('validateProfile', () => {
  test('accepts the valid fixture', () => {
    expect(validateProfile(validProfile())).toEqual([]);
  });

  test('rejects a pack uid (create API only, §0 rule 4)', () => {
    const p = validProfile();
    p.spec.template.packs[1].uid = 'spectro-manifest-pack';
    expect(validateProfile(p)).toEqual(['spec.template.packs[1].uid: unknown field']);
  });

  test('rejects a sensitive variable with a defaultValue (§0 rule 7)', () => {
    const p = validProfile();
    p.spec.variables[0].isSensitive = true;
    const errors = validateProfile(p);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^spec\.variables\[0\]\.defaultValue: a sensitive variable must not have a defaultValue/);
  });

  test('rejects a manifest pack outside layer addon', () => {
    const p = validProfile();
    p.spec.template.packs[1].layer = 'os';
    expect(validateProfile(p)).toEqual([`spec.template.packs[1].layer: a manifest pack must be in layer 'addon' (§0 rule 4) (got "os")`]);
  });

  test('rejects a manifest pack without manifests or with a registry', () => {
    const p = validProfile();
    delete p.spec.template.packs[1].manifests;
    (p.spec.template.packs[1].registry as { metadata: Record<string, unknown> }).metadata.name = 'Public Repo';
    expect(validateProfile(p)).toEqual([
      'spec.template.packs[1].manifests: required field missing',
      `spec.template.packs[1].registry.metadata.name: a manifest pack has an empty registry name (§2.2) (got "Public Repo")`,
    ]);
  });

  test('rejects export-only and misnamed variable keys (order, isHidden) and pack presets', () => {
    const p = validProfile();
    Object.assign(p.spec.variables[0], { order: '1786383172331486041992', isHidden: true });
    p.spec.template.packs[0].presets = [];
    expect(validateProfile(p)).toEqual([
      'spec.template.packs[0].presets: unknown field',
      'spec.variables[0].order: unknown field',
      'spec.variables[0].isHidden: unknown field',
    ]);
  });

  test('rejects a pack type that does not match its registry kind', () => {
    const p = validProfile();
    p.spec.template.packs[0].type = 'oci';
    expect(validateProfile(p)).toEqual([`spec.template.packs[0].registry.metadata.kind: a type 'oci' pack needs a registry of kind 'oci' (§2.1) (got "pack")`]);
  });

  test('rejects enum, type and rule violations with the path named', () => {
    const p = validProfile();
    p.spec.template.cloudType = 'all';
    p.spec.template.packs[0].layer = 'storage';
    Object.assign(p.spec.variables[0], { format: 'boolean', required: 'no' });
    expect(validateProfile(p)).toEqual([
      `spec.template.type: cloudType 'all' is only valid for an add-on profile (§1) (got "cluster")`,
      'spec.template.packs[0].layer: must be one of "os", "k8s", "cni", "csi", "addon", "kernel" (got "storage")',
      `spec.variables[0].defaultValue: a boolean variable's defaultValue is 'true' or 'false' (§3.1) (got "br0")`,
      'spec.variables[0].required: must be boolean (got "no")',
    ]);
  });

  test('a read-only variable and a hidden required variable need a default; a dropdown needs options', () => {
    const p = validProfile();
    p.spec.variables = [
      { name: 'a', immutable: true },
      { name: 'b', hidden: true, required: true },
      { name: 'c', inputType: 'dropdown', options: [] },
    ];
    expect(validateProfile(p)).toEqual([
      'spec.variables[0].defaultValue: required field missing',
      'spec.variables[1].defaultValue: required field missing',
      'spec.variables[2].options: a dropdown variable needs at least one option (§3.1) (got [])',
    ]);
  });

  test('real Palette exports fail only on the documented export-only differences', () => {
    // The schema must not be stricter than Palette where it need not be: real exports differ from
    // our output only by the export-only variable `order` and one tag-less manifest pack (§2.1, §3.1).
    // The exports' structure comes from test/fixtures/palette-export-shapes.json (npm run import):
    // values are placeholders, so only checks of structure, types and vocabulary apply.
    const errors = Object.entries(paletteExportShapes()).flatMap(([file, json]) => validateProfile(json).map((e) => `${file} ${e}`));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.filter((e) => !/\.order: unknown field$|packs\[\d+\]\.tag: required field missing$/.test(e))).toEqual([]);
  });
});

const nad = (spec: Record<string, unknown>) => ({
  apiVersion: 'k8s.cni.cncf.io/v1',
  kind: 'NetworkAttachmentDefinition',
  metadata: { name: 'vlan-30', namespace: 'default' },
  spec,
});

const dataVolume = (storage: unknown) => ({
  apiVersion: 'cdi.kubevirt.io/v1beta1',
  kind: 'DataVolume',
  metadata: { name: 'ubuntu-2204', namespace: 'vmo-golden-images' },
  spec: { source: { blank: {} }, storage: { resources: { requests: { storage } } } },
});

describe('validateObject', () => {
  test('accepts valid objects of CRD and core kinds', () => {
    expect(validateObject(nad({ config: '{"cniVersion": "0.3.1"}' }))).toEqual([]);
    expect(validateObject(dataVolume('50Gi'))).toEqual([]);
    expect(validateObject({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'px-pure-secret', namespace: 'portworx' }, stringData: { 'pure.json': '{}' } })).toEqual([]);
  });

  test('rejects an unknown field of a NAD', () => {
    expect(validateObject(nad({ config: '{}', bogus: true }))).toEqual(['spec.bogus: unknown field']);
  });

  test('int-or-string quantity of a DataVolume: integer and quantity accepted, other types and bad strings rejected', () => {
    expect(validateObject(dataVolume(5))).toEqual([]);
    expect(validateObject(dataVolume(true))).toEqual(['spec.storage.resources.requests.storage: must be integer or string (got true)']);
    expect(validateObject(dataVolume({ size: 5 }))).toEqual(['spec.storage.resources.requests.storage: must be integer or string (got {"size":5})']);
    const [patternError] = validateObject(dataVolume('five GiB')) ?? [];
    expect(patternError).toMatch(/^spec\.storage\.resources\.requests\.storage: must match pattern .* \(got "five GiB"\)$/);
  });

  test('a Palette variable in a pattern-checked string waits for deploy time unless strictTemplates', () => {
    const dv = dataVolume('{{.spectro.var.imageSize}}');
    expect(validateObject(dv)).toEqual([]);
    expect(validateObject(dv, { strictTemplates: true })).toHaveLength(1);
    // A type error stays one: the quoted reference is still a string after substitution.
    const badType = nad({ config: '{}' });
    (badType.metadata as Record<string, unknown>).labels = { vlan: 30 };
    expect(validateObject(badType)).toEqual(['metadata.labels.vlan: must be string (got 30)']);
  });

  test('rejects a StorageProfile without its required spec', () => {
    expect(validateObject({ apiVersion: 'cdi.kubevirt.io/v1beta1', kind: 'StorageProfile', metadata: { name: 'spectro-storage-class' } })).toEqual([
      'spec: required field missing',
    ]);
  });

  test('checks metadata although CRDs leave it open', () => {
    const obj = nad({ config: '{}' });
    obj.metadata = { name: 'VLAN_30', namespace: 'default', label: { a: 'b' } } as typeof obj.metadata;
    const errors = validateObject(obj) ?? [];
    expect(errors).toContain('metadata.label: unknown field');
    expect(errors.some((e) => e.startsWith('metadata.name: must match pattern'))).toBe(true);
  });

  test('core kinds: unknown top-level keys and non-base64 Secret data fail', () => {
    const errors = validateObject({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, spec: {}, data: { token: 'not base64!' } });
    expect(errors).toEqual(['spec: unknown field', 'data.token: must match pattern "^[A-Za-z0-9+/]*={0,2}$" (got "not base64!")']);
    expect(validateObject({ apiVersion: 'v1', kind: 'ConfigMap', metadata: {}, data: { a: 1 } })).toEqual([
      'metadata.name: required field missing',
      'data.a: must be string (got 1)',
    ]);
  });

  test('a kind without any schema gives undefined; a non-object or kind-less document gives an error', () => {
    expect(validateObject({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } })).toBeUndefined();
    expect(validateObject({ apiVersion: 'k8s.cni.cncf.io/v2', kind: 'NetworkAttachmentDefinition', metadata: { name: 's' } })).toBeUndefined();
    expect(validateObject({ metadata: { name: 's' } })).toEqual(['(root): apiVersion and kind must both be strings']);
    expect(validateObject('text')).toEqual(['(root): a Kubernetes object must be a mapping (got "text")']);
  });

  test('every schema file is named after its API group, and every served kind compiles', () => {
    // crd-schemas finds a kind's schema through the group; a misfiled kind would go unchecked.
    const registry = new CrdSchemaRegistry();
    const kinds = registry.servedKinds();
    expect(kinds.filter((k) => `${k.apiVersion.split('/')[0]}.json` !== k.file).map((k) => `${k.file}: ${k.apiVersion}`)).toEqual([]);
    expect(kinds.map((k) => `${k.apiVersion} ${k.kind}`)).toEqual(expect.arrayContaining(['k8s.cni.cncf.io/v1 NetworkAttachmentDefinition', 'cdi.kubevirt.io/v1beta1 DataVolume']));
    for (const k of kinds) {
      expect(registry.validator(k.apiVersion, k.kind)).toBeDefined();
      expect(registry.sourceOf(k.apiVersion, k.kind)).toBe('crd');
    }
    expect(crdSchemas.sourceOf('v1', 'Secret')).toBe('core');
  });
});

const vmTemplate = (spec: Record<string, unknown>) => ({
  apiVersion: 'spectrocloud.com/v1',
  kind: 'VmTemplate',
  metadata: { name: 'ubuntu-2204' },
  spec: { runStrategy: 'Halted', template: { spec: { domain: { devices: {} } } }, ...spec },
});

describe('VmTemplate (no CRD: schema derived from kubevirt.io/v1 VirtualMachine spec)', () => {
  test('is covered, marked derived, and accepts a VM spec with the three UI strings and no namespace', () => {
    expect(crdSchemas.sourceOf('spectrocloud.com/v1', 'VmTemplate')).toBe('derived');
    expect(crdSchemas.sourceOf('kubevirt.io/v1', 'VirtualMachine')).toBe('crd');
    expect(validateObject(vmTemplate({ displayName: 'Ubuntu 22.04', description: 'Ubuntu VM', icon: 'https://example.invalid/u.png' }))).toEqual([]);
  });

  test('rejects an unknown spec field, naming its path, as the VirtualMachine CRD does', () => {
    expect(validateObject(vmTemplate({ displayname: 'Ubuntu 22.04' }))).toEqual(['spec.displayname: unknown field']);
    const nested = vmTemplate({});
    (nested.spec.template.spec.domain as Record<string, unknown>).cpuCount = 2;
    expect(validateObject(nested)).toEqual(['spec.template.spec.domain.cpuCount: unknown field']);
  });

  test('keeps the VirtualMachine spec rules: UI fields are strings, template is required', () => {
    expect(validateObject(vmTemplate({ icon: 7 }))).toEqual(['spec.icon: must be string (got 7)']);
    const noTemplate = vmTemplate({});
    delete (noTemplate.spec as Record<string, unknown>).template;
    expect(validateObject(noTemplate)).toEqual(['spec.template: required field missing']);
    expect(validateObject({ apiVersion: 'spectrocloud.com/v1', kind: 'VmTemplate', metadata: { name: 'x' } })).toEqual(['spec: required field missing']);
  });
});

describe('parseStrictYaml', () => {
  test('rejects duplicate keys and syntax errors, naming the document', () => {
    expect(parseStrictYaml('a: 1\n---\nb: 1\nb: 2\n').errors).toEqual([expect.stringMatching(/^document 1: Map keys must be unique/)]);
    expect(parseStrictYaml('a: [1, 2\n').errors).not.toEqual([]);
  });

  test('rejects scalars that YAML 1.1 reads differently (Palette and Helm read 1.1)', () => {
    expect(parseStrictYaml('mac: 02:00:00:00:00:10\n').errors).toEqual([
      'document 0: mac: YAML 1.2 reads "02:00:00:00:00:10", YAML 1.1 reads 1555200010; quote it',
    ]);
    expect(parseStrictYaml('x:\n  enabled: on\n').errors).toEqual(['document 0: x.enabled: YAML 1.2 reads "on", YAML 1.1 reads true; quote it']);
    expect(parseStrictYaml('mac: "02:00:00:00:00:10"\nenabled: "on"\nmode: "0755"\nwhen: 2025-07-01\n').errors).toEqual([]);
  });

  test('keeps empty documents out of manifest objects', () => {
    const m = { where: 'm', name: 'm', content: '---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\n' };
    expect(manifestObjects(m)).toEqual([{ where: 'm document 0', value: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } } }]);
  });
});
