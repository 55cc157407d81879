import { isDnsLabel, isDnsSubdomain } from './dns-names';
import { ValidationError } from './errors';

/** The DNS-1123 label rule in operator words, for messages. */
export const DNS_LABEL_RULE = 'use at most 63 lowercase letters, digits and dashes, starting and ending with a letter or digit';
/** The DNS-1123 subdomain rule in operator words, for messages. */
export const DNS_SUBDOMAIN_RULE = "use lowercase letters, digits, '-' and '.', starting and ending with a letter or digit";

/**
 * Checks a Kubernetes name that must be an RFC 1123 label (namespaces, NAD names): lowercase
 * letters, digits and dashes, at most 63 characters.
 */
export function checkDnsLabel(value: string, what: string, example: string): void {
  if (!isDnsLabel(value)) {
    throw new ValidationError(`${what} '${value}' is invalid: ${DNS_LABEL_RULE} (e.g. '${example}')`);
  }
}

/** Checks a Kubernetes object name that must be an RFC 1123 subdomain (dots allowed, at most 253 characters). */
export function checkDnsSubdomain(value: string, what: string, example: string): void {
  if (!isDnsSubdomain(value)) {
    throw new ValidationError(
      `${what} '${value}' is invalid: ${DNS_SUBDOMAIN_RULE} (e.g. '${example}')`,
    );
  }
}

/** Checks a list of namespaces: not empty, each a valid name, no repeats. */
export function checkNamespaces(namespaces: readonly string[], what: string): void {
  if (namespaces.length === 0) {
    throw new ValidationError(`${what} has no namespaces: give at least one (e.g. ['default'])`);
  }
  const seen = new Set<string>();
  for (const ns of namespaces) {
    if (!isDnsLabel(ns)) {
      throw new ValidationError(`namespace '${ns}' of ${what} is invalid: ${DNS_LABEL_RULE} (e.g. 'virtual-machines')`);
    }
    if (seen.has(ns)) throw new ValidationError(`namespace '${ns}' is listed twice for ${what}: list each namespace once`);
    seen.add(ns);
  }
}

/** Checks a size in GiB: a whole number of at least 1. */
export function checkSizeGiB(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new ValidationError(`${what} ${value} GiB is invalid: give a whole number of GiB, at least 1 (e.g. 50)`);
  }
}
