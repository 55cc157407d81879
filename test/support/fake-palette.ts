import { createServer, IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'http';
import { AddressInfo } from 'net';
import { Request } from 'undici';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import { arrayAt, isRecord, JsonRecord, parseJson, recordAt, stringAt } from '../../lib/api/json-shape';

/**
 * An in-process Palette for tests (palette-api.md §6.5): `http.createServer` on 127.0.0.1 with
 * an ephemeral port, the endpoints push/validate/diff/pull-packs use with the documented
 * request and error shapes, every request recorded, and scriptable failures. It talks to no
 * other address.
 */

export interface FakeRegistry {
  readonly uid: string;
  readonly name: string;
  /** `pack`, `oci` or `helm`. */
  readonly kind: string;
  readonly isPrivate?: boolean;
  readonly isDefault?: boolean;
}

/** One pack version in one registry of the fake's catalog. */
export interface FakePackVersion {
  readonly registryUid: string;
  readonly name: string;
  readonly version: string;
  /** @default version */
  readonly tag?: string;
  /** @default derived from name and version */
  readonly packUid?: string;
  readonly values: string;
  /** Served as given (YAML text or structured). @default none */
  readonly presets?: unknown;
  readonly schema?: unknown;
}

/** The import rules of palette-api.md §6.5, each switchable to model a lenient Palette. */
export interface ImportRules {
  duplicate: boolean;
  maskedDefault: boolean;
  undeclaredVariable: boolean;
  packType: boolean;
  packNotFound: boolean;
  yaml: boolean;
}

export interface RecordedPart {
  readonly name: string;
  readonly fileName?: string;
  readonly type?: string;
  readonly bytes: Buffer;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  /** The multipart parts, for multipart requests. */
  readonly parts?: RecordedPart[];
}

/** A scripted answer that replaces the real one for matching requests. */
export interface ScriptedFailure {
  readonly method?: string;
  /** Exact path, or a pattern. */
  readonly path: string | RegExp;
  readonly status: number;
  /** @default a V1Error for the status */
  readonly body?: string;
  /** @default application/json */
  readonly contentType?: string;
  readonly retryAfter?: string;
  /** How many matching requests fail. @default 1 */
  times?: number;
  /** Handle the request as usual first (e.g. store the profile), then answer with the failure. @default false */
  readonly afterHandling?: boolean;
  /** Runs when the failure is answered, e.g. to model another client's change in a race. @default nothing */
  readonly onAnswer?: () => void;
}

export interface StoredProfile {
  readonly uid: string;
  readonly scope: 'project' | 'tenant';
  readonly projectUid?: string;
  readonly document: JsonRecord;
  readonly published: boolean;
  inUseClusters: string[];
}

export interface FakePaletteOptions {
  /** The key the fake accepts. @default 'fake-palette-key' */
  readonly apiKey?: string;
  /** @default one "Public Repo" (kind pack) with the SaaS uid */
  readonly registries?: FakeRegistry[];
  readonly packs?: FakePackVersion[];
  readonly macros?: { name: string; value: string }[];
  /** Dashboard list page size when the client asks for more. @default the client's limit */
  readonly pageSize?: number;
  /** A 401 message that repeats the key it got, to prove the client redacts it. @default false */
  readonly echoKeyInAuthError?: boolean;
  /** Values keys whose values the export masks as `********` (schema `${password}` fields). @default none */
  readonly maskedValueKeys?: string[];
  /** Leave `packValues` out of the registry pack answer (clients then read `GET /v1/packs/{uid}`). @default false */
  readonly omitRegistryPackValues?: boolean;
  /** `import/validate` answers without `matchingRegistries`. @default false */
  readonly omitMatchingRegistries?: boolean;
  /** The MAAS cloud accounts (`GET /v1/cloudaccounts/maas`). @default none */
  readonly maasCloudAccounts?: { name: string; uid: string }[];
  /** The backup locations (`GET /v1/users/assets/locations`). @default none */
  readonly backupLocations?: { name: string; uid: string }[];
}

export const PUBLIC_REPO: FakeRegistry = { uid: '5eecc89d0b150045ae661cef', name: 'Public Repo', kind: 'pack', isPrivate: false, isDefault: true };

class HttpFailure extends Error {
  constructor(public readonly status: number, public readonly code: string, message: string) {
    super(message);
  }
}

const KIND_TYPE: Record<string, string> = { pack: 'spectro', oci: 'oci', helm: 'helm' };

export class FakePalette {
  /** Starts a fake on 127.0.0.1 with an ephemeral port. */
  public static async start(options: FakePaletteOptions = {}): Promise<FakePalette> {
    const fake = new FakePalette(options);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  public readonly apiKey: string;
  public readonly requests: RecordedRequest[] = [];
  public readonly registries: FakeRegistry[];
  public readonly packs: FakePackVersion[];
  public readonly macros: { name: string; value: string }[];
  public readonly profiles = new Map<string, StoredProfile>();
  public readonly rules: ImportRules = { duplicate: true, maskedDefault: true, undeclaredVariable: true, packType: true, packNotFound: true, yaml: true };
  private readonly failures: ScriptedFailure[] = [];
  private readonly server: Server;
  private nextUid = 1;
  private refs = 0;

  private constructor(private readonly options: FakePaletteOptions) {
    this.apiKey = options.apiKey ?? 'fake-palette-key';
    this.registries = [...(options.registries ?? [PUBLIC_REPO])];
    this.packs = [...(options.packs ?? [])];
    this.macros = [...(options.macros ?? [])];
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((e: unknown) => this.send(res, 500, { code: 'InternalError', message: String(e), ref: 'r-fake' }));
    });
  }

  /** `http://127.0.0.1:<port>`. */
  public get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** The next `times` requests matching method and path get this answer instead. */
  public failNext(failure: ScriptedFailure): void {
    this.failures.push({ ...failure, times: failure.times ?? 1 });
  }

  /** Stores a profile as if it had been imported; returns its uid. */
  public seedProfile(document: unknown, opts: { projectUid?: string; inUseClusters?: string[] } = {}): string {
    if (!isRecord(document)) throw new Error('seed a profile object');
    const uid = this.newUid();
    this.profiles.set(uid, {
      uid,
      scope: opts.projectUid ? 'project' : 'tenant',
      ...(opts.projectUid ? { projectUid: opts.projectUid } : {}),
      document: structuredClone(document),
      published: true,
      inUseClusters: opts.inUseClusters ?? [],
    });
    return uid;
  }

  /** Requests to a path (and method), in order. */
  public requestsTo(method: string, path: string | RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path)));
  }

  public async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const contentType = req.headers['content-type'] ?? '';
    const parts = contentType.startsWith('multipart/form-data') ? await multipartParts(contentType, body) : undefined;
    const recorded: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body,
      ...(parts ? { parts } : {}),
    };
    this.requests.push(recorded);

    const scripted = this.failures.find((f) => (f.times ?? 0) > 0 && (!f.method || f.method === method) && matches(f.path, url.pathname));
    if (scripted) {
      scripted.times = (scripted.times ?? 1) - 1;
      if (scripted.afterHandling) {
        const projectUid = typeof req.headers.projectuid === 'string' ? req.headers.projectuid : undefined;
        // The real answer goes to a response nobody reads.
        this.route(method, url, recorded, projectUid, new ServerResponse(req));
      }
      scripted.onAnswer?.();
      res.writeHead(scripted.status, {
        'content-type': scripted.contentType ?? 'application/json',
        ...(scripted.retryAfter ? { 'retry-after': scripted.retryAfter } : {}),
      });
      res.end(scripted.body ?? JSON.stringify({ code: scripted.status === 429 ? 'TooManyRequests' : 'InternalError', message: `scripted ${scripted.status}`, ref: this.ref() }));
      return;
    }
    const key = req.headers.apikey;
    if (key !== this.apiKey) {
      const shown = this.options.echoKeyInAuthError ? ` '${String(key)}'` : '';
      this.send(res, 401, { code: 'Unauthorized', message: `invalid api key${shown}`, ref: this.ref() });
      return;
    }
    const projectUid = typeof req.headers.projectuid === 'string' ? req.headers.projectuid : undefined;
    try {
      this.route(method, url, recorded, projectUid, res);
    } catch (e) {
      if (!(e instanceof HttpFailure)) throw e;
      this.send(res, e.status, { code: e.code, message: e.message, details: {}, ref: this.ref() });
    }
  }

  private route(method: string, url: URL, req: RecordedRequest, projectUid: string | undefined, res: ServerResponse): void {
    const p = url.pathname;
    const q = url.searchParams;
    let m: RegExpMatchArray | null;
    if (method === 'POST' && p === '/v1/clusterprofiles/import/validate') return this.validate(json(req.body), projectUid, res);
    if (method === 'POST' && p === '/v1/clusterprofiles/import/file') {
      const part = req.parts?.find((x) => x.name === 'importFile');
      if (!part) throw new HttpFailure(400, 'InvalidParameter', "multipart part 'importFile' is required");
      const text = part.bytes.toString('utf8');
      const doc = q.get('format') === 'yaml' ? parseYaml(text) : parseJson(text);
      return this.importDocument(doc, projectUid, q.get('publish') === 'true', res);
    }
    if (method === 'POST' && p === '/v1/clusterprofiles/import') return this.importDocument(json(req.body), projectUid, q.get('publish') === 'true', res);
    if (method === 'GET' && p === '/v1/clusterprofiles/macros') return this.send(res, 200, { macros: this.macros });
    if (method === 'GET' && p === '/v1/clusterprofiles/validate/name') {
      const taken = this.visible(projectUid).some((s) => nameOf(s) === q.get('name') && versionOf(s) === q.get('version'));
      if (taken) throw new HttpFailure(409, 'ClusterProfileAlreadyExists', `profile ${q.get('name')} ${q.get('version')} exists`);
      return this.send(res, 204);
    }
    if (method === 'GET' && (m = p.match(/^\/v1\/clusterprofiles\/([^/]+)\/export$/))) return this.export(this.profile(m[1], projectUid), res);
    if ((m = p.match(/^\/v1\/clusterprofiles\/([^/]+)$/))) {
      const stored = this.profile(m[1], projectUid);
      if (method === 'DELETE') {
        this.profiles.delete(stored.uid);
        return this.send(res, 204);
      }
      if (method === 'GET') {
        return this.send(res, 200, {
          metadata: { uid: stored.uid, name: nameOf(stored), annotations: { scope: stored.scope } },
          spec: { version: versionOf(stored), published: { profileVersion: versionOf(stored) } },
        });
      }
    }
    if (method === 'GET' && p === '/v1/dashboard/clusterprofiles/metadata') {
      const items = this.visible(projectUid).map((s) => ({
        metadata: { name: nameOf(s), uid: s.uid },
        spec: { cloudType: stringAt(recordAt(recordAt(s.document, 'spec'), 'template'), 'cloudType') ?? '', version: versionOf(s) },
      }));
      return this.send(res, 200, { items });
    }
    if (method === 'POST' && p === '/v1/dashboard/clusterprofiles') return this.dashboard(json(req.body), q, projectUid, res);
    if (method === 'GET' && p === '/v1/cloudaccounts/maas') {
      return this.send(res, 200, { items: (this.options.maasCloudAccounts ?? []).map((a) => ({ metadata: { name: a.name, uid: a.uid }, spec: {} })), listmeta: {} });
    }
    if (method === 'GET' && p === '/v1/users/assets/locations') {
      return this.send(res, 200, { items: (this.options.backupLocations ?? []).map((l) => ({ metadata: { name: l.name, uid: l.uid }, spec: { type: 's3' } })) });
    }
    if (method === 'POST' && p === '/v1/spectroclusters/maas/validate') return this.validateMaasCluster(json(req.body), projectUid, res);
    if (method === 'GET' && p === '/v1/registries/metadata') {
      return this.send(res, 200, { items: this.registries.map((r) => ({ isPrivate: false, isDefault: false, scope: 'system', ...r })) });
    }
    if (method === 'GET' && (m = p.match(/^\/v1\/packs\/([^/]+)\/registries\/([^/]+)$/))) return this.registryPack(decodeURIComponent(m[1]), decodeURIComponent(m[2]), res);
    if (method === 'GET' && (m = p.match(/^\/v1\/packs\/([^/]+)$/))) {
      const pack = this.packs.find((x) => packUidOf(x) === decodeURIComponent(m?.[1] ?? ''));
      if (!pack) throw new HttpFailure(404, 'ResourceNotFound', 'pack not found');
      return this.send(res, 200, { packValues: [{ packUid: packUidOf(pack), values: pack.values, presets: pack.presets, schema: pack.schema }] });
    }
    throw new HttpFailure(404, 'ResourceNotFound', `no route ${method} ${p}`);
  }

  private validate(doc: unknown, projectUid: string | undefined, res: ServerResponse): void {
    const checked = this.checkImport(doc, projectUid);
    const echoed: JsonRecord = structuredClone(checked);
    if (!this.options.omitMatchingRegistries) {
      for (const pack of arrayAt(recordAt(recordAt(echoed, 'spec'), 'template'), 'packs')) {
        if (!isRecord(pack) || stringAt(pack, 'type') === 'manifest') continue;
        const matching = this.registries
          .filter((r) => this.packs.some((x) => x.registryUid === r.uid && x.name === stringAt(pack, 'name') && x.version === stringAt(pack, 'version')))
          .map((r) => registryMetadata(r));
        pack.registry = { ...recordAt(pack, 'registry'), matchingRegistries: matching };
      }
    }
    this.send(res, 200, echoed);
  }

  /**
   * `POST /v1/spectroclusters/maas/validate` (deploy.md §1.1): 400 for a body without the
   * model's required fields, 404 for an unknown cloud account or profile uid, else 200 with
   * constraint errors per pool (no AZ since Palette 4.7.13; an even control plane) and per
   * profile (a variable the profile does not declare; a required or sensitive one without a value).
   */
  private validateMaasCluster(body: unknown, projectUid: string | undefined, res: ServerResponse): void {
    const spec = recordAt(body, 'spec');
    const pools = arrayAt(spec, 'machinepoolconfig');
    const required: [string, unknown][] = [
      ['metadata.name', stringAt(recordAt(body, 'metadata'), 'name')],
      ['spec.cloudAccountUid', stringAt(spec, 'cloudAccountUid')],
      ['spec.cloudConfig.domain', stringAt(recordAt(spec, 'cloudConfig'), 'domain')],
      ...pools.flatMap((mp, i): [string, unknown][] => [
        [`machinepoolconfig[${i}].cloudConfig.resourcePool`, stringAt(recordAt(mp, 'cloudConfig'), 'resourcePool')],
        [`machinepoolconfig[${i}].cloudConfig.instanceType`, recordAt(mp, 'cloudConfig').instanceType],
        [`machinepoolconfig[${i}].poolConfig.name`, stringAt(recordAt(mp, 'poolConfig'), 'name')],
        [`machinepoolconfig[${i}].poolConfig.size`, recordAt(mp, 'poolConfig').size],
        [`machinepoolconfig[${i}].poolConfig.labels`, recordAt(mp, 'poolConfig').labels],
      ]),
    ];
    const missing = required.filter(([, v]) => v === undefined).map(([k]) => k);
    if (missing.length) throw new HttpFailure(400, 'InvalidParameter', `${missing.join(', ')} in body is required`);
    const account = stringAt(spec, 'cloudAccountUid');
    if (!(this.options.maasCloudAccounts ?? []).some((a) => a.uid === account)) throw new HttpFailure(404, 'ResourceNotFound', `cloud account '${account}' not found`);
    const machinePools = pools.map((mp) => {
      const pool = recordAt(mp, 'poolConfig');
      const errors: { code: string; message: string }[] = [];
      if (!arrayAt(recordAt(mp, 'cloudConfig'), 'azs').length) errors.push({ code: 'AzsRequired', message: 'availability zones are required for MAAS machine pools' });
      if (pool.isControlPlane === true && typeof pool.size === 'number' && pool.size % 2 === 0) errors.push({ code: 'InvalidSize', message: 'control plane size must be odd' });
      return { name: stringAt(pool, 'name'), displayName: stringAt(pool, 'name'), errors };
    });
    const profiles = arrayAt(spec, 'profiles').map((entry) => {
      const uid = stringAt(entry, 'uid') ?? '';
      const stored = this.profile(uid, projectUid);
      const declared = arrayAt(recordAt(stored.document, 'spec'), 'variables').filter(isRecord);
      const given = new Map(arrayAt(entry, 'variables').map((v) => [stringAt(v, 'name') ?? '', stringAt(v, 'value')]));
      const errors: { code: string; message: string }[] = [];
      for (const name of given.keys()) {
        if (!declared.some((d) => stringAt(d, 'name') === name)) errors.push({ code: 'VariableNotDefined', message: `variable '${name}' is not defined in the profile` });
      }
      for (const d of declared) {
        const name = stringAt(d, 'name') ?? '';
        const value = given.get(name) ?? stringAt(d, 'defaultValue');
        if ((d.required === true || d.isSensitive === true) && !value) errors.push({ code: 'VariableValueRequired', message: `variable '${name}' requires a value` });
      }
      return { uid, packs: { results: errors.length ? [{ name: 'variables', displayName: 'profile variables', errors }] : [] } };
    });
    this.send(res, 200, { machinePools: { results: machinePools }, profiles });
  }

  private importDocument(doc: unknown, projectUid: string | undefined, publish: boolean, res: ServerResponse): void {
    const checked = this.checkImport(doc, projectUid);
    const uid = this.newUid();
    this.profiles.set(uid, {
      uid,
      scope: projectUid ? 'project' : 'tenant',
      ...(projectUid ? { projectUid } : {}),
      document: checked,
      published: publish,
      inUseClusters: [],
    });
    res.writeHead(201, { 'content-type': 'application/json', AuditUid: `audit-${uid}` });
    res.end(JSON.stringify({ uid }));
  }

  /** The import checks of palette-api.md §6.5, in its order. */
  private checkImport(doc: unknown, projectUid: string | undefined): JsonRecord {
    if (!isRecord(doc)) throw new HttpFailure(400, 'InvalidParameter', 'the body is not a profile document');
    const name = stringAt(recordAt(doc, 'metadata'), 'name');
    const version = stringAt(recordAt(doc, 'spec'), 'version');
    if (!name || !version) throw new HttpFailure(400, 'InvalidParameter', 'metadata.name and spec.version are required');
    const spec = recordAt(doc, 'spec');
    const packs = arrayAt(recordAt(spec, 'template'), 'packs');
    const variables = arrayAt(spec, 'variables');
    if (this.rules.duplicate && this.visible(projectUid).some((s) => s.scope === (projectUid ? 'project' : 'tenant') && nameOf(s) === name && versionOf(s) === version)) {
      throw new HttpFailure(409, 'ClusterProfileAlreadyExists', `cluster profile ${name} ${version} already exists`);
    }
    if (this.rules.maskedDefault) {
      for (const v of variables) {
        const d = stringAt(v, 'defaultValue');
        if (isRecord(v) && v.isSensitive === true && d !== undefined && /^\*+$/.test(d)) {
          throw new HttpFailure(400, 'InvalidParameter', `Variable '${stringAt(v, 'name')}' default value should not be masked`);
        }
      }
    }
    const texts = packs.flatMap((pk) => [stringAt(pk, 'values') ?? '', ...arrayAt(pk, 'manifests').map((mf) => stringAt(mf, 'content') ?? '')]);
    if (this.rules.undeclaredVariable) {
      const declared = new Set(variables.map((v) => stringAt(v, 'name')));
      for (const t of texts) {
        for (const ref of t.matchAll(/\{\{\s*\.spectro\.var\.([A-Za-z0-9_]+)\s*\}\}/g)) {
          if (!declared.has(ref[1])) throw new HttpFailure(400, 'PackVariablesUndefined', `variable '${ref[1]}' is not defined`);
        }
      }
    }
    for (const pk of packs) {
      const type = stringAt(pk, 'type');
      if (type === 'manifest') continue;
      const meta = recordAt(recordAt(pk, 'registry'), 'metadata');
      const kind = stringAt(meta, 'kind') ?? '';
      if (this.rules.packType && KIND_TYPE[kind] !== type) {
        throw new HttpFailure(400, 'InvalidParameter', `PackType '${type}' is not matching with registry type '${kind}'`);
      }
      const registry = this.registries.find((r) => r.uid === stringAt(meta, 'uid'));
      const tag = stringAt(pk, 'tag') ?? stringAt(pk, 'version');
      const known = registry && this.packs.some((x) => x.registryUid === registry.uid && x.name === stringAt(pk, 'name') && (x.tag ?? x.version) === tag);
      if (this.rules.packNotFound && !known) {
        throw new HttpFailure(400, 'PackNotFound', `pack '${stringAt(pk, 'name')}' tag '${tag}' not found in registry '${stringAt(meta, 'uid')}'`);
      }
    }
    if (this.rules.yaml) {
      for (const t of texts) {
        const substituted = t.replace(/\{\{[^}]*\}\}/g, 'x');
        if (parseAllDocuments(substituted).some((d) => d.errors.length)) throw new HttpFailure(400, 'InvalidParameter', 'values or manifest YAML does not parse');
      }
    }
    return structuredClone(doc);
  }

  /** The stored document as a real export (palette-api.md §6.5): order, masks, 6-key registries, one newline less. */
  private export(stored: StoredProfile, res: ServerResponse): void {
    const doc: JsonRecord = structuredClone(stored.document);
    const spec = recordAt(doc, 'spec');
    arrayAt(spec, 'variables').forEach((v, i) => {
      if (!isRecord(v)) return;
      v.order = String(1_700_000_000_000 + i);
      if (v.isSensitive === true && typeof v.defaultValue === 'string' && v.defaultValue !== '') v.defaultValue = '********';
    });
    for (const pk of arrayAt(recordAt(spec, 'template'), 'packs')) {
      if (!isRecord(pk)) continue;
      const registry = recordAt(pk, 'registry');
      const meta = recordAt(registry, 'metadata');
      pk.registry = { metadata: { uid: '', name: '', kind: '', isPrivate: false, providerType: '', isSyncSupported: false, ...meta } };
      if (typeof pk.values === 'string') {
        let values = pk.values.replace(/\n$/, '');
        for (const key of this.options.maskedValueKeys ?? []) values = values.replace(new RegExp(`^(\\s*${key}:).*$`, 'gm'), "$1 '********'");
        pk.values = values;
      }
      for (const mf of arrayAt(pk, 'manifests')) {
        // Real exports re-quote some scalars (palette-api.md §6.6).
        if (isRecord(mf) && typeof mf.content === 'string') mf.content = mf.content.replace(/^apiVersion: ([^"\n]+)$/gm, 'apiVersion: "$1"');
      }
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-disposition': `attachment; filename="${nameOf(stored)}.json"` });
    res.end(JSON.stringify(doc));
  }

  private dashboard(body: unknown, q: URLSearchParams, projectUid: string | undefined, res: ServerResponse): void {
    const filter = recordAt(body, 'filter');
    const name = stringAt(recordAt(filter, 'profileName'), 'eq');
    const version = stringAt(recordAt(filter, 'version'), 'eq');
    const all = this.visible(projectUid).filter((s) => (name === undefined || nameOf(s) === name) && (version === undefined || versionOf(s) === version));
    const limit = Math.min(Number(q.get('limit') ?? 50), this.options.pageSize ?? Infinity);
    const offset = Number(q.get('continue') ?? 0);
    const page = all.slice(offset, offset + limit);
    const next = offset + limit < all.length ? String(offset + limit) : '';
    this.send(res, 200, {
      items: page.map((s) => ({
        metadata: { uid: s.uid, name: nameOf(s), annotations: { scope: s.scope } },
        specSummary: { version: versionOf(s), versions: [{ uid: s.uid, version: versionOf(s) }] },
        status: { isPublished: s.published, inUseClusters: s.inUseClusters.map((c) => ({ name: c, uid: `cluster-${c}` })) },
      })),
      listmeta: { continue: next, count: page.length, limit, offset },
    });
  }

  private registryPack(name: string, registryUid: string, res: ServerResponse): void {
    const versions = this.packs.filter((x) => x.name === name && x.registryUid === registryUid);
    if (!versions.length) throw new HttpFailure(404, 'ResourceNotFound', `pack ${name} not found in registry ${registryUid}`);
    this.send(res, 200, {
      name,
      registryUid,
      tags: versions.map((x) => ({ tag: x.tag ?? x.version, version: x.version, packUid: packUidOf(x), parentTags: [] })),
      ...(this.options.omitRegistryPackValues
        ? {}
        : { packValues: versions.map((x) => ({ packUid: packUidOf(x), values: x.values, presets: x.presets, schema: x.schema })) }),
    });
  }

  /** Profiles a request sees: its project's and the tenant's in project scope; the tenant's otherwise. */
  private visible(projectUid: string | undefined): StoredProfile[] {
    return [...this.profiles.values()].filter((s) => s.scope === 'tenant' || (projectUid !== undefined && s.projectUid === projectUid));
  }

  private profile(uid: string, projectUid: string | undefined): StoredProfile {
    const stored = this.visible(projectUid).find((s) => s.uid === uid);
    if (!stored) throw new HttpFailure(404, 'ResourceNotFound', `cluster profile ${uid} not found`);
    return stored;
  }

  private send(res: ServerResponse, status: number, body?: unknown): void {
    res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  }

  private newUid(): string {
    return (0x64f0000000 + this.nextUid++).toString(16).padStart(24, '0');
  }

  private ref(): string {
    return `r-${++this.refs}`;
  }
}

function nameOf(s: StoredProfile): string {
  return stringAt(recordAt(s.document, 'metadata'), 'name') ?? '';
}

function versionOf(s: StoredProfile): string {
  return stringAt(recordAt(s.document, 'spec'), 'version') ?? '';
}

function packUidOf(p: FakePackVersion): string {
  return p.packUid ?? `pack-${p.name}-${p.version}`;
}

function registryMetadata(r: FakeRegistry): JsonRecord {
  return { uid: r.uid, name: r.name, kind: r.kind, isPrivate: r.isPrivate ?? false, providerType: r.kind === 'oci' ? 'pack' : '', isSyncSupported: true };
}

function matches(pattern: string | RegExp, path: string): boolean {
  return typeof pattern === 'string' ? pattern === path : pattern.test(path);
}

function json(body: Buffer): unknown {
  const parsed = parseJson(body.toString('utf8'));
  if (parsed === undefined) throw new HttpFailure(400, 'InvalidParameter', 'the body is not JSON');
  return parsed;
}

/** Multipart parts, parsed by the platform's form decoder. */
async function multipartParts(contentType: string, body: Buffer): Promise<RecordedPart[]> {
  const form = await new Request('http://127.0.0.1/', { method: 'POST', headers: { 'content-type': contentType }, body }).formData();
  const parts: RecordedPart[] = [];
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') parts.push({ name, bytes: Buffer.from(value) });
    else parts.push({ name, fileName: value.name, type: value.type, bytes: Buffer.from(await value.arrayBuffer()) });
  }
  return parts;
}
