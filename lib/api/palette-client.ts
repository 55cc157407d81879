import { Agent, Dispatcher, request, RetryAgent } from 'undici';
import { ValidationError } from '../common/errors';
import { ClusterValidation, decodeClusterValidation, decodeNamedItems, NamedResource } from './cluster-types';
import { decodeImportEntity, ClusterProfileImportEntity } from './import-entity';
import { arrayAt, isRecord, parseJson, stringAt } from './json-shape';
import { encodeImportFile } from './multipart';
import { PaletteApiError, decodeV1Error } from './palette-api-error';
import { PaletteClientConfig, PaletteScope } from './palette-client-config';
import {
  ClusterProfileInfo,
  decodeClusterProfileInfo,
  decodeContinueToken,
  decodeMacros,
  decodeProfileMetadataItems,
  decodeProfileSummaries,
  decodeRegistries,
  decodeRegistryPack,
  Macro,
  PackValuesEntry,
  ProfileMetadataItem,
  ProfileSummary,
  RegistryInfo,
  RegistryPack,
} from './palette-types';
import { resolveRetryPolicy, RetryPolicy, toRetryOptions } from './retry-policy';
import { structuredText } from './structured-text';

export interface PaletteClientOptions {
  /** Retries with backoff on 429 and 5xx. @default see RetryPolicy */
  readonly retry?: RetryPolicy;
  /** Time to wait for a connection. @default 30000 */
  readonly connectTimeoutMs?: number;
  /** Time to wait for response headers, and between body chunks. @default 120000 */
  readonly responseTimeoutMs?: number;
}

/** An exported profile: the text Palette served and the document read from it. */
export interface ExportedProfile {
  readonly uid: string;
  readonly text: string;
  readonly entity: ClusterProfileImportEntity;
}

/** One pack version of a registry, with its complete defaults (palette-api.md §6.2). */
export interface PackVersion {
  readonly name: string;
  readonly tag: string;
  readonly version: string;
  readonly packUid: string;
  readonly registryUid: string;
  /** values.yaml exactly as served, comments kept. */
  readonly values: string;
  /** The presets as YAML text; '' when the pack has none. */
  readonly presets: string;
  /** The schema as YAML text; '' when the pack has none. */
  readonly schema: string;
}

/** Optional query of `GET /v1/packs/{name}/registries/{uid}`. */
export interface PackLookup {
  readonly cloudType?: string;
  readonly layer?: string;
}

interface Answer {
  readonly status: number;
  readonly text: string;
}

interface Call {
  readonly query?: Readonly<Record<string, string | undefined>>;
  /** Sent as `application/json`. */
  readonly json?: unknown;
  readonly body?: Buffer;
  readonly contentType?: string;
  /** Statuses that count as success. @default [200] */
  readonly ok?: readonly number[];
}

const PAGE_LIMIT = '50';
const MAX_PAGES = 200;

/**
 * A small typed client for the Palette endpoints that importing, comparing and pulling
 * packs need (palette-api.md §6.2). Every failure is a one-line PaletteApiError that names
 * the endpoint; the API key is sent as a header and appears in no message.
 */
export class PaletteClient {
  private readonly dispatcher: Dispatcher;
  private readonly maxRetries: number;

  constructor(public readonly config: PaletteClientConfig, options: PaletteClientOptions = {}) {
    const policy = resolveRetryPolicy(options.retry);
    this.maxRetries = policy.maxRetries;
    const agent = new Agent({
      connect: { timeout: options.connectTimeoutMs ?? 30_000 },
      headersTimeout: options.responseTimeoutMs ?? 120_000,
      bodyTimeout: options.responseTimeoutMs ?? 120_000,
    });
    this.dispatcher = new RetryAgent(agent, toRetryOptions(policy));
  }

  public get scope(): PaletteScope {
    return this.config.scope;
  }

  /** `POST /v1/clusterprofiles/import/validate`: the document back, packs with `matchingRegistries`. */
  public async validateImport(document: unknown): Promise<ClusterProfileImportEntity> {
    const answer = await this.send('POST', '/v1/clusterprofiles/import/validate', { json: document });
    return decodeImportEntity(parseJson(answer.text), 'palette import/validate answer');
  }

  /** `POST /v1/clusterprofiles/import/file?publish=true`, multipart part `importFile`; the new uid. */
  public async importFile(bytes: Uint8Array, fileName: string): Promise<string> {
    const form = await encodeImportFile(bytes, fileName);
    const answer = await this.send('POST', '/v1/clusterprofiles/import/file', {
      query: { publish: 'true', format: 'json' },
      body: form.body,
      contentType: form.contentType,
      ok: [200, 201],
    });
    return this.uidOf(answer, 'POST /v1/clusterprofiles/import/file');
  }

  /** `POST /v1/clusterprofiles/import?publish=true` with a JSON body; the new uid. */
  public async importJson(document: unknown): Promise<string> {
    const answer = await this.send('POST', '/v1/clusterprofiles/import', { query: { publish: 'true' }, json: document, ok: [200, 201] });
    return this.uidOf(answer, 'POST /v1/clusterprofiles/import');
  }

  /** `GET /v1/clusterprofiles/{uid}/export?format=json`. */
  public async exportProfile(uid: string): Promise<ExportedProfile> {
    const answer = await this.send('GET', `/v1/clusterprofiles/${encodeURIComponent(uid)}/export`, { query: { format: 'json' } });
    return { uid, text: answer.text, entity: decodeImportEntity(parseJson(answer.text), `palette export of profile ${uid}`) };
  }

  /** `GET /v1/dashboard/clusterprofiles/metadata`: every profile version visible in the scope. */
  public async listProfileMetadata(): Promise<ProfileMetadataItem[]> {
    const answer = await this.send('GET', '/v1/dashboard/clusterprofiles/metadata');
    return decodeProfileMetadataItems(parseJson(answer.text));
  }

  /** The profile with exactly this name and version, as sdk-go `GetClusterProfileUID` finds it. */
  public async findProfile(name: string, version: string): Promise<ProfileMetadataItem | undefined> {
    return (await this.listProfileMetadata()).find((p) => p.name === name && p.version === version);
  }

  /**
   * `POST /v1/dashboard/clusterprofiles`, filtered by name (and version), all pages. The
   * filter leaves out the `scope` key of palette-api.md §6.2's example, so a profile of the
   * tenant is found from a project too; callers pick by uid.
   */
  public async searchProfiles(name: string, version?: string): Promise<ProfileSummary[]> {
    const out: ProfileSummary[] = [];
    const filter = { profileName: { eq: name, ignoreCase: false }, ...(version !== undefined ? { version: { eq: version } } : {}) };
    let token = '';
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = await this.send('POST', '/v1/dashboard/clusterprofiles', {
        query: { limit: PAGE_LIMIT, continue: token || undefined },
        json: { filter, sort: [] },
      });
      const body = parseJson(answer.text);
      out.push(...decodeProfileSummaries(body));
      const next = decodeContinueToken(body);
      if (!next || next === token) break;
      token = next;
    }
    return out;
  }

  /** `GET /v1/clusterprofiles/validate/name`: true when the name and version are free (204). */
  public async isNameVersionFree(name: string, version: string): Promise<boolean> {
    try {
      await this.send('GET', '/v1/clusterprofiles/validate/name', { query: { name, version }, ok: [200, 204] });
      return true;
    } catch (e) {
      // "any error means taken or invalid" (palette-api.md §6.2), except auth and transport.
      if (e instanceof PaletteApiError && !e.isAuthFailure && !e.isTransportFailure) return false;
      throw e;
    }
  }

  /** `GET /v1/clusterprofiles/{uid}`. */
  public async getProfile(uid: string): Promise<ClusterProfileInfo> {
    const answer = await this.send('GET', `/v1/clusterprofiles/${encodeURIComponent(uid)}`);
    return decodeClusterProfileInfo(parseJson(answer.text), uid);
  }

  /** `DELETE /v1/clusterprofiles/{uid}`. */
  public async deleteProfile(uid: string): Promise<void> {
    await this.send('DELETE', `/v1/clusterprofiles/${encodeURIComponent(uid)}`, { ok: [200, 204] });
  }

  /** `GET /v1/registries/metadata?scope=all`. */
  public async listRegistries(): Promise<RegistryInfo[]> {
    const answer = await this.send('GET', '/v1/registries/metadata', { query: { scope: 'all' } });
    return decodeRegistries(parseJson(answer.text));
  }

  /** `GET /v1/packs/{name}/registries/{registryUid}`: the pack's tags and values in one registry. */
  public async getRegistryPack(name: string, registryUid: string, lookup: PackLookup = {}): Promise<RegistryPack> {
    const answer = await this.send('GET', `/v1/packs/${encodeURIComponent(name)}/registries/${encodeURIComponent(registryUid)}`, {
      query: { cloudType: lookup.cloudType, layer: lookup.layer },
    });
    return decodeRegistryPack(parseJson(answer.text), name, registryUid);
  }

  /**
   * One version of a registry pack with its complete defaults. When the registry answer
   * lacks that version's `packValues`, they are read from
   * `GET /v1/packs/{packUid}?includePackValues=true` (palette-profile-format.md §2.3).
   * Fails with one line when the registry does not hold the pack or the version.
   */
  public async findPackVersion(name: string, version: string, registryUid: string, lookup: PackLookup = {}): Promise<PackVersion> {
    let pack: RegistryPack;
    try {
      pack = await this.getRegistryPack(name, registryUid, lookup);
    } catch (e) {
      if (e instanceof PaletteApiError && e.status === 404) {
        throw new ValidationError(`pack ${name} is not in registry ${registryUid}: check the pack name and the registry`);
      }
      throw e;
    }
    const tag = pack.tags.find((t) => t.version === version) ?? pack.tags.find((t) => t.tag === version);
    if (!tag) {
      const there = pack.tags.map((t) => t.version).join(', ') || 'none';
      throw new ValidationError(`pack ${name} ${version} is not in registry ${registryUid} (versions there: ${there}): pick one of those versions`);
    }
    const entry = pack.packValues.find((v) => v.packUid === tag.packUid) ?? (await this.getPackValues(tag.packUid));
    if (!entry) throw new ValidationError(`Palette served no values for pack ${name} ${version} (pack uid ${tag.packUid}): pull it again later or export it from the UI`);
    return {
      name,
      tag: tag.tag,
      version: tag.version,
      packUid: tag.packUid,
      registryUid,
      values: entry.values,
      presets: structuredText(entry.presets),
      schema: structuredText(entry.schema),
    };
  }

  /** `GET /v1/packs/{packUid}?includePackValues=true`: `packValues[0]`, or undefined without values. */
  public async getPackValues(packUid: string): Promise<PackValuesEntry | undefined> {
    const answer = await this.send('GET', `/v1/packs/${encodeURIComponent(packUid)}`, { query: { includePackValues: 'true' } });
    const first = arrayAt(parseJson(answer.text), 'packValues')[0];
    const values = stringAt(first, 'values');
    if (values === undefined) return undefined;
    return { packUid, values, presets: isRecord(first) ? first.presets : undefined, schema: isRecord(first) ? first.schema : undefined };
  }

  /** `GET /v1/clusterprofiles/macros`: the macros visible in the scope. */
  public async listMacros(): Promise<Macro[]> {
    const answer = await this.send('GET', '/v1/clusterprofiles/macros');
    return decodeMacros(parseJson(answer.text));
  }

  /** `GET /v1/cloudaccounts/maas`: the MAAS cloud accounts the scope sees, by name and uid. */
  public async listMaasCloudAccounts(): Promise<NamedResource[]> {
    const answer = await this.send('GET', '/v1/cloudaccounts/maas');
    return decodeNamedItems(parseJson(answer.text));
  }

  /** `GET /v1/users/assets/locations`: the backup locations, by name and uid. */
  public async listBackupLocations(): Promise<NamedResource[]> {
    const answer = await this.send('GET', '/v1/users/assets/locations');
    return decodeNamedItems(parseJson(answer.text));
  }

  /**
   * `POST /v1/spectroclusters/maas/validate` with a `v1SpectroMaasClusterEntity` (deploy.md
   * §1.1): Palette's checks of the machine pools and profiles, without creating the cluster.
   */
  public async validateMaasCluster(entity: unknown): Promise<ClusterValidation> {
    const answer = await this.send('POST', '/v1/spectroclusters/maas/validate', { json: entity });
    return decodeClusterValidation(parseJson(answer.text));
  }

  /** Closes the connections; call it when done so the process can exit. */
  public async close(): Promise<void> {
    await this.dispatcher.close();
  }

  private uidOf(answer: Answer, endpoint: string): string {
    const uid = stringAt(parseJson(answer.text), 'uid');
    if (!uid) {
      throw new PaletteApiError({ status: answer.status, code: 'UnexpectedResponse', message: 'the answer carries no uid', endpoint, hint: 'report this with the ref' });
    }
    return uid;
  }

  private async send(method: Dispatcher.HttpMethod, path: string, call: Call = {}): Promise<Answer> {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(call.query ?? {})) if (v !== undefined) query.set(k, v);
    const search = query.toString();
    const pathAndQuery = search ? `${path}?${search}` : path;
    const endpoint = `${method} ${pathAndQuery}`;
    const headers: Record<string, string> = { Accept: 'application/json', ...this.config.authHeaders() };
    let body: Buffer | string | undefined = call.body;
    if (call.json !== undefined) {
      body = JSON.stringify(call.json);
      headers['Content-Type'] = 'application/json';
    } else if (call.contentType) {
      headers['Content-Type'] = call.contentType;
    }
    let status: number;
    let text: string;
    try {
      const res = await request(`${this.config.baseUrl}${pathAndQuery}`, { method, headers, body, dispatcher: this.dispatcher });
      status = res.statusCode;
      text = await res.body.text();
    } catch (e) {
      // Transport failures (refused, reset, DNS, TLS, timeouts) carry a code and a message, never our headers.
      throw new PaletteApiError({
        status: 0,
        code: stringAt(e, 'code') ?? 'TransportError',
        message: this.config.redact(e instanceof Error ? e.message : String(e)),
        endpoint,
        retries: this.maxRetries,
      });
    }
    if ((call.ok ?? [200]).includes(status)) return { status, text };
    const v1 = decodeV1Error(status, this.config.redact(text));
    throw new PaletteApiError({ status, code: v1.code, message: v1.message, details: v1.details, ref: v1.ref, endpoint, retries: this.maxRetries });
  }
}
