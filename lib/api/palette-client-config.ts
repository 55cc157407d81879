import { inspect } from 'util';
import { ValidationError } from '../common/errors';

/** Where profiles go: a project (header `ProjectUid`) or the tenant (no header), palette-api.md §6.1. */
export type PaletteScope = 'project' | 'tenant';

/** Command-line flags that override the environment (`--host`, `--api-key`, `--project-uid`). */
export interface PaletteConfigFlags {
  readonly host?: string;
  readonly apiKey?: string;
  readonly projectUid?: string;
}

export interface PaletteClientConfigProps {
  /** Palette's API address; a bare host name means https. @default PaletteClientConfig.DEFAULT_HOST */
  readonly host?: string;
  /** Sent as the `ApiKey` header; never printed. */
  readonly apiKey: string;
  /** Sent as the `ProjectUid` header. @default tenant scope (no header) */
  readonly projectUid?: string;
}

/** The environment variables the commands read (flags of the same meaning win). */
export const PALETTE_ENV = {
  HOST: 'PALETTE_HOST',
  API_KEY: 'PALETTE_API_KEY',
  PROJECT_UID: 'PALETTE_PROJECT_UID',
} as const;

/**
 * How to reach Palette. The API key lives in a private field: it is not enumerable, not
 * shown by `console.log`/`util.inspect`, and not in `JSON.stringify` of this object.
 */
export class PaletteClientConfig {
  /** Palette SaaS (palette-api.md §6.1). */
  public static readonly DEFAULT_HOST = 'https://api.spectrocloud.com';

  /**
   * Reads `PALETTE_HOST`, `PALETTE_API_KEY` and `PALETTE_PROJECT_UID`; a flag wins over its
   * variable, and an empty value counts as unset.
   */
  public static fromEnv(env: Readonly<Record<string, string | undefined>>, flags: PaletteConfigFlags = {}): PaletteClientConfig {
    const pick = (flag: string | undefined, name: string): string | undefined => nonEmpty(flag) ?? nonEmpty(env[name]);
    const apiKey = pick(flags.apiKey, PALETTE_ENV.API_KEY);
    if (apiKey === undefined) {
      throw new ValidationError(
        `${PALETTE_ENV.API_KEY} is not set: create an API key in Palette (Tenant Settings > API Keys) and export it as ${PALETTE_ENV.API_KEY}`,
      );
    }
    return new PaletteClientConfig({
      host: pick(flags.host, PALETTE_ENV.HOST),
      apiKey,
      projectUid: pick(flags.projectUid, PALETTE_ENV.PROJECT_UID),
    });
  }

  /** Without trailing slash, e.g. `https://api.spectrocloud.com`. */
  public readonly baseUrl: string;
  public readonly projectUid?: string;
  readonly #apiKey: string;

  constructor(props: PaletteClientConfigProps) {
    this.baseUrl = toBaseUrl(props.host ?? PaletteClientConfig.DEFAULT_HOST);
    const apiKey = props.apiKey.trim();
    // Header values cannot hold control characters or inner spaces; say so without echoing the key.
    if (!apiKey || /[\s\x00-\x1f\x7f]/.test(apiKey)) {
      throw new ValidationError(`${PALETTE_ENV.API_KEY} is empty or holds spaces or control characters: copy the key from Palette again`);
    }
    this.#apiKey = apiKey;
    const projectUid = props.projectUid?.trim();
    if (projectUid !== undefined && !/^[A-Za-z0-9-]+$/.test(projectUid)) {
      throw new ValidationError(
        `${PALETTE_ENV.PROJECT_UID} '${projectUid}' is not a project uid: copy the uid from Palette (Project Settings), or unset it for tenant scope`,
      );
    }
    this.projectUid = projectUid || undefined;
  }

  public get scope(): PaletteScope {
    return this.projectUid ? 'project' : 'tenant';
  }

  /** The `ApiKey` and `ProjectUid` headers of every request (palette-api.md §6.1). */
  public authHeaders(): Record<string, string> {
    return { ApiKey: this.#apiKey, ...(this.projectUid ? { ProjectUid: this.projectUid } : {}) };
  }

  /** `text` with every occurrence of the API key replaced, for text that came from elsewhere. */
  public redact(text: string): string {
    return text.split(this.#apiKey).join('[PALETTE_API_KEY]');
  }

  public toJSON(): object {
    return { baseUrl: this.baseUrl, projectUid: this.projectUid, apiKey: '[redacted]' };
  }

  public [inspect.custom](): string {
    return `PaletteClientConfig(${this.baseUrl}, ${this.scope}${this.projectUid ? ` ${this.projectUid}` : ''})`;
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function toBaseUrl(host: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(host) ? host : `https://${host}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ValidationError(`${PALETTE_ENV.HOST} '${host}' is not a URL: use e.g. https://palette.example.com`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ValidationError(`${PALETTE_ENV.HOST} '${host}' is not an http(s) URL: use e.g. https://palette.example.com`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new ValidationError(`${PALETTE_ENV.HOST} must be a plain address such as https://palette.example.com (no credentials, query or fragment)`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
