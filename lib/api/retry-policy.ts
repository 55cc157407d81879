import type { Dispatcher, RetryHandler } from 'undici';

/**
 * How the client retries: with backoff on 429 (honouring `Retry-After`) and on 500/502/503/504,
 * never on other statuses. sdk-go does the same with a 2 s backoff (palette-api.md §6.1).
 * The retries themselves are undici's RetryAgent, not a loop of ours.
 */
export interface RetryPolicy {
  /** Retries after the first attempt. @default 4 */
  readonly maxRetries?: number;
  /** The first wait; each further wait doubles. @default 2000 (sdk-go's 2 s) */
  readonly minDelayMs?: number;
  /** The longest wait, also for a `Retry-After` that asks for more. @default 60000 */
  readonly maxDelayMs?: number;
}

/** The statuses that are retried (palette-api.md §6.1; 501 is not transient). */
export const RETRIED_STATUS_CODES: readonly number[] = [429, 500, 502, 503, 504];

/**
 * Every method is retried, POST included, as sdk-go does: an import that failed after
 * Palette stored it is adopted by `push` (palette-api.md §6.4 step 5).
 */
const RETRIED_METHODS: readonly Dispatcher.HttpMethod[] = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'];

export function resolveRetryPolicy(policy: RetryPolicy = {}): Required<RetryPolicy> {
  return {
    maxRetries: policy.maxRetries ?? 4,
    minDelayMs: policy.minDelayMs ?? 2000,
    maxDelayMs: policy.maxDelayMs ?? 60_000,
  };
}

/** The policy as undici RetryAgent options. */
export function toRetryOptions(policy: Required<RetryPolicy>): RetryHandler.RetryOptions {
  return {
    maxRetries: policy.maxRetries,
    minTimeout: policy.minDelayMs,
    maxTimeout: policy.maxDelayMs,
    timeoutFactor: 2,
    retryAfter: true,
    methods: [...RETRIED_METHODS],
    statusCodes: [...RETRIED_STATUS_CODES],
    // Hand the last answer to the caller instead of an undici error, so its V1Error body is decoded.
    throwOnError: false,
  };
}
