/*
 * The one place DNS names are checked: Kubernetes object names (RFC 1123 labels and
 * subdomains, lowercase, as apimachinery's IsDNS1123Label / IsDNS1123Subdomain), host names
 * (an Ingress host: a subdomain of labels of at most 63 characters, optionally `*.` first) and
 * DNS domains as a resolver takes them (any case).
 */

/** An RFC 1123 label of any length: lowercase letters, digits and '-', starting and ending with a letter or digit. */
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A DNS-1123 label of at most 63 characters, as one regular expression (a site's name, `SITE_NAME_PATTERN`). */
export const DNS_LABEL_PATTERN = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
/** The longest DNS name and Kubernetes subdomain name. */
export const MAX_DNS_NAME = 253;

/** A Kubernetes DNS-1123 label (namespaces, many object names): at most 63 characters. */
export function isDnsLabel(value: unknown): boolean {
  return typeof value === 'string' && DNS_LABEL_PATTERN.test(value);
}

/** A Kubernetes DNS-1123 subdomain (most object names): labels joined by dots, at most 253 characters. */
export function isDnsSubdomain(value: unknown): boolean {
  return typeof value === 'string' && value.length <= MAX_DNS_NAME && value.split('.').every((l) => LABEL.test(l));
}

/** A host name as an Ingress takes it: lowercase labels of at most 63 characters; with `wildcard`, `*.` may come first. */
export function isDnsHostName(value: unknown, options: { readonly wildcard?: boolean } = {}): boolean {
  if (typeof value !== 'string' || value.length > MAX_DNS_NAME) return false;
  const rest = options.wildcard && value.startsWith('*.') ? value.slice(2) : value;
  return rest.split('.').every((l) => isDnsLabel(l));
}

/** A DNS domain as a resolver takes it (`metal.example.com`): a host name in any case. */
export function isDnsDomainName(value: unknown): boolean {
  return typeof value === 'string' && isDnsHostName(value.toLowerCase());
}

/**
 * The host-name rule as a regular expression source, for a Palette profile variable's `regex`
 * (which cannot count label lengths): lowercase labels, optionally `*.` first.
 */
export const WILDCARD_HOST_NAME_REGEX = `^(\\*\\.)?${LABEL.source.slice(1, -1)}(\\.${LABEL.source.slice(1, -1)})*$`;
