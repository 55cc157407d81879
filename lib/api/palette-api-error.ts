import { ValidationError } from '../common/errors';
import { isRecord, parseJson } from './json-shape';

/** Palette's error body (`V1Error`, palette-api.md §6.1); `details` is an object or a string. */
export interface V1Error {
  readonly code: string;
  readonly message: string;
  readonly details?: unknown;
  readonly ref?: string;
}

export interface PaletteApiErrorProps {
  /** The HTTP status; 0 when no response arrived (connection refused, DNS, TLS). */
  readonly status: number;
  /** `V1Error.code`, or the transport error code (`ECONNREFUSED`). */
  readonly code: string;
  readonly message: string;
  /** `METHOD /path?query` of the request; never carries headers, so never the API key. */
  readonly endpoint: string;
  readonly ref?: string;
  readonly details?: unknown;
  /** How many times the request was retried before this answer. @default 0 */
  readonly retries?: number;
  /** Overrides the fix hint derived from the status. @default by status */
  readonly hint?: string;
}

const MAX_TEXT = 300;

/**
 * A failed Palette API call, as one line: the endpoint, the status and code, Palette's
 * message and ref, and what to do about it. A ValidationError, so the command line prints
 * the line without a stack trace. Callers pass text that is already free of the API key
 * (the client redacts it); nothing here stores request headers.
 */
export class PaletteApiError extends ValidationError {
  public readonly status: number;
  public readonly code: string;
  public readonly endpoint: string;
  public readonly ref?: string;
  public readonly hint: string;
  /** Palette's own message (without the endpoint and hint). */
  public readonly paletteMessage: string;

  constructor(props: PaletteApiErrorProps) {
    const paletteMessage = oneLine(props.message || describeDetails(props.details));
    const hint = props.hint ?? hintFor(props.status, props.retries ?? 0);
    const answer = props.status === 0 ? `could not reach Palette (${props.code})` : `answered ${props.status} ${props.code}`;
    const ref = props.ref ? ` (ref ${props.ref})` : '';
    super(`palette ${props.endpoint} ${answer}${paletteMessage ? `: ${paletteMessage}` : ''}${ref}: ${hint}`);
    this.name = 'PaletteApiError';
    this.status = props.status;
    this.code = props.code;
    this.endpoint = props.endpoint;
    this.ref = props.ref;
    this.hint = hint;
    this.paletteMessage = paletteMessage;
  }

  /** 401 or 403: the key or the project is wrong (exit 3, palette-api.md §6.4 step 8). */
  public get isAuthFailure(): boolean {
    return this.status === 401 || this.status === 403;
  }

  /** No answer, or 429/5xx still failing after the retries (exit 4, §6.4 step 8). */
  public get isTransportFailure(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

/**
 * Decodes an error body. Like sdk-go (palette-api.md §6.1): a body that is not a V1Error
 * becomes `{code: <status text>, details: <raw body>}`, so an HTML 502 page still reads.
 */
export function decodeV1Error(status: number, body: string): V1Error {
  const json = parseJson(body);
  if (isRecord(json) && (typeof json.code === 'string' || typeof json.message === 'string')) {
    return {
      code: typeof json.code === 'string' && json.code ? json.code : statusText(status),
      message: typeof json.message === 'string' ? json.message : '',
      details: json.details,
      ref: typeof json.ref === 'string' && json.ref ? json.ref : undefined,
    };
  }
  return { code: statusText(status), message: '', details: body };
}

function hintFor(status: number, retries: number): string {
  if (status === 401 || status === 403) return 'check PALETTE_API_KEY (and PALETTE_PROJECT_UID)';
  if (status === 0) return 'check PALETTE_HOST and the network, then run again';
  if (status === 429) return `Palette kept rate-limiting after ${retries} retries: wait a minute and run again`;
  if (status >= 500) return `Palette kept failing after ${retries} retries: run again later`;
  if (status === 404) return 'check the uid, name and version';
  if (status === 409) return 'a profile with this name and version exists: bump spec.version';
  return "fix what Palette's message names, then run again";
}

function describeDetails(details: unknown): string {
  if (details === undefined || details === null) return '';
  if (typeof details === 'string') return details;
  const text = JSON.stringify(details);
  return text === '{}' || text === '[]' ? '' : text;
}

/** Collapses whitespace and cuts long text, so the error stays one readable line. */
function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_TEXT ? `${flat.slice(0, MAX_TEXT - 3)}...` : flat;
}

function statusText(status: number): string {
  const known: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    409: 'Conflict',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
  };
  return known[status] ?? `HTTP ${status}`;
}
