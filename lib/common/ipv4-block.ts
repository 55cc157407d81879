import * as ipaddr from 'ipaddr.js';

/**
 * A contiguous block of IPv4 addresses (a CIDR or an `a.b.c.d-e.f.g.h` range), as the rules
 * compare them. Parsing is ipaddr.js only; these helpers never throw, they return undefined
 * for text NET-001 reports.
 */
export interface Ipv4Block {
  /** The text as written. */
  readonly text: string;
  /** First and last address as unsigned 32-bit numbers (for overlap arithmetic). */
  readonly first: number;
  readonly last: number;
  /** The prefix length, for CIDRs. */
  readonly prefix?: number;
  /** For CIDRs: the network address differs from the address written. */
  readonly hostBitsSet: boolean;
  /** For CIDRs: the canonical form `network/prefix`; for ranges: the text. */
  readonly canonical: string;
}

const toNumber = (a: ipaddr.IPv4): number => a.toByteArray().reduce((n, b) => n * 256 + b, 0);

/** The dotted form of an address number. */
export function ipv4ToString(n: number): string {
  const bytes = [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256);
  return ipaddr.fromByteArray(bytes).toString();
}

/** Parses a strict four-part decimal IPv4 address, or undefined. */
export function parseIpv4Address(text: unknown): number | undefined {
  if (typeof text !== 'string' || !ipaddr.IPv4.isValidFourPartDecimal(text)) return undefined;
  try {
    return toNumber(ipaddr.IPv4.parse(text));
  } catch {
    return undefined;
  }
}

/** Parses `a.b.c.d/n` (four decimal octets, prefix 0..32), or undefined. Host bits may be set; see `hostBitsSet`. */
export function parseIpv4Cidr(text: unknown): Ipv4Block | undefined {
  if (typeof text !== 'string' || !ipaddr.IPv4.isValidCIDRFourPartDecimal(text)) return undefined;
  try {
    const [address, prefix] = ipaddr.IPv4.parseCIDR(text);
    const network = ipaddr.IPv4.networkAddressFromCIDR(text);
    const broadcast = ipaddr.IPv4.broadcastAddressFromCIDR(text);
    return {
      text,
      first: toNumber(network),
      last: toNumber(broadcast),
      prefix,
      hostBitsSet: toNumber(network) !== toNumber(address),
      canonical: `${network.toString()}/${prefix}`,
    };
  } catch {
    return undefined;
  }
}

/** Parses a MetalLB address entry: a CIDR or `first-last` (blanks around the dash allowed), or undefined. */
export function parseIpv4Pool(text: unknown): Ipv4Block | undefined {
  if (typeof text !== 'string') return undefined;
  if (text.includes('/')) return parseIpv4Cidr(text);
  const ends = text.split('-').map((s) => s.trim());
  if (ends.length !== 2) return undefined;
  const first = parseIpv4Address(ends[0]);
  const last = parseIpv4Address(ends[1]);
  if (first === undefined || last === undefined || last < first) return undefined;
  return { text, first, last, hostBitsSet: false, canonical: text };
}

/** The range the block covers, `a.b.c.d-e.f.g.h`. */
export function describeRange(b: { first: number; last: number }): string {
  return `${ipv4ToString(b.first)}-${ipv4ToString(b.last)}`;
}

export function overlaps(a: { first: number; last: number }, b: { first: number; last: number }): boolean {
  return a.first <= b.last && b.first <= a.last;
}

export function contains(outer: { first: number; last: number }, inner: { first: number; last: number }): boolean {
  return outer.first <= inner.first && inner.last <= outer.last;
}

/** The aligned CIDR of `prefix` that contains `address`. */
export function blockContaining(address: number, prefix: number): Ipv4Block | undefined {
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > 32) return undefined;
  const size = 2 ** (32 - prefix);
  const first = Math.floor(address / size) * size;
  return parseIpv4Cidr(`${ipv4ToString(first)}/${prefix}`);
}

/**
 * The first aligned block of `prefix`, at or after `from`, that overlaps none of `taken`;
 * undefined when none fits below 255.255.255.255 within a bounded search.
 */
export function freeBlockAfter(from: number, prefix: number, taken: readonly { first: number; last: number }[]): Ipv4Block | undefined {
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > 32) return undefined;
  const size = 2 ** (32 - prefix);
  let start = Math.ceil(from / size) * size;
  for (let i = 0; i < 4096 && start + size - 1 <= 0xffffffff; i++) {
    const candidate = { first: start, last: start + size - 1 };
    const clash = taken.find((t) => overlaps(t, candidate));
    if (!clash) return blockContaining(start, prefix);
    start = Math.ceil((clash.last + 1) / size) * size;
  }
  return undefined;
}

/** A network setting as the checks name it: what it is in operator words, and its text. */
export interface NamedCidr {
  readonly label: string;
  readonly text: string;
}

/**
 * Why `text` is not a canonical IPv4 CIDR, or undefined when it is (NET-001). The one check of
 * CIDR syntax: the pack constructs and the site rules both use it.
 */
export function cidrProblem(c: NamedCidr, example: string): string | undefined {
  const block = parseIpv4Cidr(c.text);
  if (!block) return `${c.label} '${c.text}' is not an IPv4 CIDR: write four decimal octets and a prefix of 0-32, e.g. ${example}`;
  if (block.hostBitsSet) return `${c.label} ${c.text} has host bits set: use ${block.canonical}`;
  if (block.canonical !== c.text) return `${c.label} '${c.text}' is not in canonical form: write ${block.canonical}`;
  return undefined;
}

/** Why two networks collide, or undefined when they are disjoint or do not parse (NET-002). */
export function cidrOverlapProblem(a: NamedCidr, b: NamedCidr): string | undefined {
  const x = parseIpv4Cidr(a.text);
  const y = parseIpv4Cidr(b.text);
  if (!x || !y || !overlaps(x, y)) return undefined;
  return `${b.label} ${b.text} overlaps the ${a.label} ${a.text}: every network needs its own addresses; move the ${b.label} to a range no other network uses`;
}
