import { join } from 'path';
import Ajv, { ValidateFunction } from 'ajv';
import { readGeneratedJson, REPO_ROOT } from '../helpers';
import { formatAjvErrors, pointerSegments, valueAt } from './ajv-errors';

/**
 * Validation of Kubernetes objects against the CRD schemas `npm run import` writes to
 * imports/schemas (one `<group>.json` per API group, listed in index.json; see its README.md)
 * and, for the few core kinds we emit, against small hand-written schemas.
 * Each (apiVersion, kind) is compiled on first use and cached: the cert-manager and Portworx
 * files are ~600 KB each and most test runs need neither.
 */

/** imports/schemas: the generated, committed CRD schemas. */
export const SCHEMA_DIR = join(REPO_ROOT, 'imports', 'schemas');

type Schema = Record<string, unknown>;

export interface ObjectValidationOptions {
  /**
   * Report pattern, enum, format and length errors on strings holding a Palette template
   * (`'{{.spectro.var.X}}'`). Palette substitutes the text before Kubernetes sees it, so such a
   * string is only judged at deploy time; a type error stays an error (the quotes stay too).
   * @default false
   */
  readonly strictTemplates?: boolean;
}

/**
 * Where the schema of an (apiVersion, kind) comes from: its own CRD, CORE_SCHEMAS, or built
 * from another kind's CRD (DERIVED_KINDS).
 */
export type SchemaSource = 'crd' | 'core' | 'derived';

/** A kind without a CRD of its own whose CRD-style schema is built from another kind's CRD. */
export interface DerivedKind {
  /** The kind whose raw `openAPIV3Schema` the schema is built from. */
  readonly base: { readonly apiVersion: string; readonly kind: string };
  /** Builds the raw (CRD-style) schema of this kind from the base kind's raw schema. */
  readonly derive: (base: Schema) => Schema;
}

export interface ServedCrdKind {
  readonly apiVersion: string;
  readonly kind: string;
  /** The file in SCHEMA_DIR that holds its schema (`<group>.json`). */
  readonly file: string;
}

/** imports/schemas/index.json. */
interface SchemaIndex {
  /** API group -> its file in the folder. */
  readonly groups: Record<string, string>;
}

/** imports/schemas/<group>.json. */
interface GroupSchemaFile {
  readonly group: string;
  readonly kinds: { apiVersion: string; kind: string; served: boolean; storage: boolean; openAPIV3Schema: Schema }[];
}

const key = (apiVersion: string, kind: string) => `${apiVersion} ${kind}`;

const stringMap = { type: 'object', additionalProperties: { type: 'string' } };
const DNS_SUBDOMAIN = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$';
const DNS_LABEL = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$';
const BASE64 = '^[A-Za-z0-9+/]*={0,2}$';

/**
 * ObjectMeta as the API server accepts it in a manifest, loosely: CRD schemas leave root
 * metadata open (`type: object`) because the API server validates it itself. Unknown keys fail
 * (`labels` misspelt is caught); names follow the DNS-1123 subdomain rule most kinds use.
 */
export const OBJECT_META_SCHEMA: Schema = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { type: 'string', maxLength: 253, pattern: DNS_SUBDOMAIN },
    generateName: { type: 'string' },
    namespace: { type: 'string', maxLength: 63, pattern: DNS_LABEL },
    labels: {
      type: 'object',
      additionalProperties: { type: 'string', maxLength: 63, pattern: '^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$' },
    },
    annotations: stringMap,
    finalizers: { type: 'array', items: { type: 'string' } },
    ownerReferences: { type: 'array', items: { type: 'object' } },
    uid: { type: 'string' },
    resourceVersion: { type: 'string' },
    generation: { type: 'integer' },
    creationTimestamp: { type: ['string', 'null'] },
    deletionTimestamp: { type: ['string', 'null'] },
    deletionGracePeriodSeconds: { type: 'integer' },
    managedFields: { type: 'array', items: { type: 'object' } },
    selfLink: { type: 'string' },
  },
};

function coreObject(apiVersion: string, kind: string, properties: Schema, required: string[] = []): Schema {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['apiVersion', 'kind', 'metadata', ...required],
    properties: { apiVersion: { const: apiVersion }, kind: { const: kind }, metadata: OBJECT_META_SCHEMA, ...properties },
  };
}

/**
 * Hand-written schemas of the core kinds our manifests emit, from the Kubernetes API reference
 * (core/v1 Secret, ConfigMap, Namespace; storage.k8s.io/v1 StorageClass). Only the fields a
 * manifest may set; status and server-set fields are left out.
 */
export const CORE_SCHEMAS: ReadonlyMap<string, Schema> = new Map([
  [
    key('v1', 'Secret'),
    coreObject('v1', 'Secret', {
      // data values are base64 (the API server rejects anything else); stringData is plain text.
      data: { type: 'object', additionalProperties: { type: 'string', pattern: BASE64 } },
      stringData: stringMap,
      type: { type: 'string' },
      immutable: { type: 'boolean' },
    }),
  ],
  [
    key('v1', 'ConfigMap'),
    coreObject('v1', 'ConfigMap', {
      data: stringMap,
      binaryData: { type: 'object', additionalProperties: { type: 'string', pattern: BASE64 } },
      immutable: { type: 'boolean' },
    }),
  ],
  [
    key('v1', 'Namespace'),
    coreObject('v1', 'Namespace', {
      spec: { type: 'object', additionalProperties: false, properties: { finalizers: { type: 'array', items: { type: 'string' } } } },
    }),
  ],
  [
    key('storage.k8s.io/v1', 'StorageClass'),
    coreObject(
      'storage.k8s.io/v1',
      'StorageClass',
      {
        provisioner: { type: 'string', minLength: 1 },
        parameters: stringMap,
        reclaimPolicy: { enum: ['Delete', 'Retain'] },
        volumeBindingMode: { enum: ['Immediate', 'WaitForFirstConsumer'] },
        allowVolumeExpansion: { type: 'boolean' },
        mountOptions: { type: 'array', items: { type: 'string' } },
        allowedTopologies: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            properties: {
              matchLabelExpressions: {
                type: 'array',
                items: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['key', 'values'],
                  properties: { key: { type: 'string' }, values: { type: 'array', items: { type: 'string' } } },
                },
              },
            },
          },
        },
      },
      ['provisioner'],
    ),
  ],
]);

/**
 * Kinds without a published CRD, as raw CRD-style schemas built from a served CRD, so that they
 * get the same structural semantics (unknown fields fail) as the CRD kinds.
 *
 * Spectro Cloud VmTemplate (spectrocloud.com/v1): no public CRD; the docs describe its spec as a
 * KubeVirt VirtualMachineSpec plus the UI strings `displayName`, `description` and `icon`
 * (shared/docs/crds.md, "Spectro Cloud VmTemplate"). Whether it is namespaced is not
 * documented, so no namespace is required (metadata is OBJECT_META_SCHEMA, as for every kind).
 */
export const DERIVED_KINDS: ReadonlyMap<string, DerivedKind> = new Map([
  [
    key('spectrocloud.com/v1', 'VmTemplate'),
    {
      base: { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine' },
      derive: (vm: Schema): Schema => {
        const vmSpec = (vm.properties as Record<string, Schema>).spec;
        const uiString = { type: 'string' };
        return {
          type: 'object',
          required: ['spec'],
          properties: {
            apiVersion: { type: 'string' },
            kind: { type: 'string' },
            metadata: { type: 'object' },
            spec: {
              ...vmSpec,
              properties: { ...(vmSpec.properties as Schema), displayName: uiString, description: uiString, icon: uiString },
            },
          },
        };
      },
    },
  ],
]);

/** Keywords of a CRD schema that say nothing about validity (or that we translate). */
const DROPPED = new Set(['description', 'default', 'example', 'externalDocs', 'nullable', 'title']);
const COMBINATORS = ['anyOf', 'allOf', 'oneOf'];

/**
 * Translates a CRD `openAPIV3Schema` node into a JSON Schema with Kubernetes structural-schema
 * semantics:
 * - an object with `properties` (or a bare `type: object`) and no `additionalProperties` is
 *   closed: the API server prunes unknown fields, and strict field validation rejects them;
 * - `x-kubernetes-preserve-unknown-fields: true` keeps it open;
 * - `x-kubernetes-int-or-string: true` accepts an integer or a string;
 * - `nullable: true` adds `null`;
 * - other `x-kubernetes-*` keywords (list types, CEL validations) are dropped;
 * - branches of anyOf/allOf/oneOf/not are value validations only, never closed.
 * At the root, `metadata` is replaced by OBJECT_META_SCHEMA.
 */
export function crdToJsonSchema(node: Schema, root = true, inCombinator = false): Schema {
  const out: Schema = {};
  const preserve = node['x-kubernetes-preserve-unknown-fields'] === true;
  for (const [k, v] of Object.entries(node)) {
    if (k.startsWith('x-kubernetes-') || DROPPED.has(k)) continue;
    if (k === 'properties') {
      const props: Schema = {};
      for (const [name, sub] of Object.entries(v as Record<string, Schema>)) props[name] = crdToJsonSchema(sub, false, inCombinator);
      out.properties = props;
    } else if (k === 'items') {
      out.items = Array.isArray(v) ? v.map((s: Schema) => crdToJsonSchema(s, false, inCombinator)) : crdToJsonSchema(v as Schema, false, inCombinator);
    } else if (k === 'additionalProperties') {
      out.additionalProperties = typeof v === 'boolean' ? v : crdToJsonSchema(v as Schema, false, inCombinator);
    } else if (COMBINATORS.includes(k)) {
      out[k] = (v as Schema[]).map((s) => crdToJsonSchema(s, false, true));
    } else if (k === 'not') {
      out.not = crdToJsonSchema(v as Schema, false, true);
    } else {
      out[k] = v;
    }
  }
  if (node['x-kubernetes-int-or-string'] === true) {
    // CRDs spell it anyOf [{type: integer}, {type: string}]; a type list gives a clearer error.
    delete out.anyOf;
    out.type = ['integer', 'string'];
  }
  if (node.nullable === true && out.type !== undefined) {
    out.type = [...(Array.isArray(out.type) ? out.type : [out.type]), 'null'];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
  }
  const isObject = out.properties !== undefined || out.type === 'object';
  if (isObject && !preserve && !inCombinator && out.additionalProperties === undefined) out.additionalProperties = false;
  if (root) {
    out.properties = { ...(out.properties as Schema), metadata: OBJECT_META_SCHEMA };
    out.required = [...new Set([...((out.required as string[] | undefined) ?? []), 'apiVersion', 'kind'])];
  }
  return out;
}

/** Pattern-like keywords whose verdict on a templated string waits for deploy time. */
const DEFERRED_ON_TEMPLATES = new Set(['pattern', 'format', 'enum', 'const', 'minLength', 'maxLength']);
const TEMPLATE = /\{\{.*\}\}/;

/** The validators for a folder of generated CRD schemas plus CORE_SCHEMAS; compiled lazily, cached per kind. */
export class CrdSchemaRegistry {
  private readonly ajv = new Ajv({
    allErrors: true,
    // CRD schemas carry OpenAPI keywords (format int32, ...) that are not JSON Schema.
    strict: false,
    validateFormats: false,
  });
  /** API group -> its schema file, from index.json. */
  private readonly groups: ReadonlyMap<string, string>;
  /** `${group}.json` -> (apiVersion kind -> raw openAPIV3Schema), for files read so far. */
  private readonly files = new Map<string, Map<string, Schema>>();
  private readonly validators = new Map<string, ValidateFunction | null>();

  /** Reads the folder's index.json now, so that a folder never generated fails at once. */
  constructor(public readonly dir: string = SCHEMA_DIR) {
    const index = readGeneratedJson(join(dir, 'index.json')) as SchemaIndex;
    this.groups = new Map(Object.entries(index.groups));
  }

  /** Every served (apiVersion, kind) of every group in the folder (reads all files). */
  public servedKinds(): ServedCrdKind[] {
    const out: ServedCrdKind[] = [];
    for (const file of [...this.groups.values()].sort()) {
      for (const k of this.load(file).keys()) {
        const [apiVersion, kind] = k.split(' ');
        out.push({ apiVersion, kind, file });
      }
    }
    return out;
  }

  /** Where the schema of (apiVersion, kind) comes from, or undefined when none covers it. */
  public sourceOf(apiVersion: string, kind: string): SchemaSource | undefined {
    if (this.crdSchema(apiVersion, kind) !== undefined) return 'crd';
    if (this.derivedSchema(apiVersion, kind) !== undefined) return 'derived';
    return CORE_SCHEMAS.has(key(apiVersion, kind)) ? 'core' : undefined;
  }

  /**
   * Validates one Kubernetes object.
   * @returns `path: message` lines ([] when valid); undefined when no schema covers its kind
   */
  public validate(obj: unknown, options: ObjectValidationOptions = {}): string[] | undefined {
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return [`(root): a Kubernetes object must be a mapping (got ${JSON.stringify(obj)})`];
    const { apiVersion, kind } = obj as { apiVersion?: unknown; kind?: unknown };
    if (typeof apiVersion !== 'string' || typeof kind !== 'string') return ['(root): apiVersion and kind must both be strings'];
    const validate = this.validator(apiVersion, kind);
    if (validate === undefined) return undefined;
    if (validate(obj)) return [];
    const errors = (validate.errors ?? []).filter((e) => {
      if (options.strictTemplates || !DEFERRED_ON_TEMPLATES.has(e.keyword)) return true;
      const v = valueAt(obj, pointerSegments(e.instancePath));
      return !(typeof v === 'string' && TEMPLATE.test(v));
    });
    return formatAjvErrors(errors, obj);
  }

  /** The compiled validator of (apiVersion, kind); compiles on first use. */
  public validator(apiVersion: string, kind: string): ValidateFunction | undefined {
    const k = key(apiVersion, kind);
    if (!this.validators.has(k)) {
      const crd = this.crdSchema(apiVersion, kind) ?? this.derivedSchema(apiVersion, kind);
      const schema = crd !== undefined ? crdToJsonSchema(crd) : CORE_SCHEMAS.get(k);
      this.validators.set(k, schema === undefined ? null : this.ajv.compile(schema));
    }
    return this.validators.get(k) ?? undefined;
  }

  /** The raw CRD-style schema of a DERIVED_KINDS kind; undefined when its base CRD is missing. */
  private derivedSchema(apiVersion: string, kind: string): Schema | undefined {
    const derived = DERIVED_KINDS.get(key(apiVersion, kind));
    if (derived === undefined) return undefined;
    const base = this.crdSchema(derived.base.apiVersion, derived.base.kind);
    return base === undefined ? undefined : derived.derive(base);
  }

  private crdSchema(apiVersion: string, kind: string): Schema | undefined {
    const slash = apiVersion.indexOf('/');
    if (slash < 0) return undefined; // core group: no CRD
    const file = this.groups.get(apiVersion.slice(0, slash));
    return file === undefined ? undefined : this.load(file).get(key(apiVersion, kind));
  }

  /** The served kinds of one schema file; a file the index lists but that is missing throws. */
  private load(file: string): Map<string, Schema> {
    let kinds = this.files.get(file);
    if (kinds === undefined) {
      kinds = new Map();
      const data = readGeneratedJson(join(this.dir, file)) as GroupSchemaFile;
      for (const k of data.kinds) if (k.served) kinds.set(key(k.apiVersion, k.kind), k.openAPIV3Schema);
      this.files.set(file, kinds);
    }
    return kinds;
  }
}

/** The registry over imports/schemas, shared by all tests of a jest worker. */
export const crdSchemas = new CrdSchemaRegistry();

/**
 * Validates a Kubernetes object against its CRD (imports/schemas), a schema derived from one
 * (DERIVED_KINDS) or, for core kinds, CORE_SCHEMAS.
 * @returns `path: message` lines ([] when valid); undefined when no schema covers the kind
 */
export function validateObject(obj: unknown, options?: ObjectValidationOptions): string[] | undefined {
  return crdSchemas.validate(obj, options);
}
