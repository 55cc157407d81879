import * as ipaddr from 'ipaddr.js';
import { parseIpv4Cidr } from './ipv4-block';

/*
 * IP address and CIDR syntax for the places that also take IPv6 (MetalLB pools and BGP
 * peers, Palette's ipv6 variables). IPv4 is accepted only in its four-part decimal form
 * (ipaddr.js alone would also read `10.1` or `0x0a.0.0.1`). With ipv4-block.ts and
 * ipv4-cidr.ts this is the only code that parses addresses (test/quality/knowledge.test.ts).
 */

/** An IP address family. */
export type IpFamily = 'ipv4' | 'ipv6';

/** A strict IPv4 address: four decimal octets. */
export function isIpv4Address(text: unknown): text is string {
  return typeof text === 'string' && ipaddr.IPv4.isValidFourPartDecimal(text);
}

/** An IPv6 address. */
export function isIpv6Address(text: unknown): text is string {
  return typeof text === 'string' && text.includes(':') && ipaddr.IPv6.isValid(text);
}

/** The family of a strict address, or undefined when the text is neither. */
export function ipFamily(text: unknown): IpFamily | undefined {
  if (isIpv4Address(text)) return 'ipv4';
  if (isIpv6Address(text)) return 'ipv6';
  return undefined;
}

/** An IPv4 (strict) or IPv6 address. */
export function isIpAddress(text: unknown): text is string {
  return ipFamily(text) !== undefined;
}

/** A CIDR of either family, as written. */
export interface IpCidr {
  readonly family: IpFamily;
  readonly prefix: number;
  /** The address written differs from the network address. */
  readonly hostBitsSet: boolean;
  /** `network/prefix`. */
  readonly canonical: string;
}

/** Parses an IPv4 (four decimal octets) or IPv6 CIDR; host bits may be set (see `hostBitsSet`); undefined when it is neither. */
export function parseIpCidr(text: unknown): IpCidr | undefined {
  if (typeof text !== 'string') return undefined;
  const v4 = parseIpv4Cidr(text);
  if (v4) return { family: 'ipv4', prefix: v4.prefix ?? 32, hostBitsSet: v4.hostBitsSet, canonical: v4.canonical };
  if (!text.includes(':') || !ipaddr.IPv6.isValidCIDR(text)) return undefined;
  const [address, prefix] = ipaddr.IPv6.parseCIDR(text);
  const network = ipaddr.IPv6.networkAddressFromCIDR(text);
  return { family: 'ipv6', prefix, hostBitsSet: network.toNormalizedString() !== address.toNormalizedString(), canonical: `${network.toString()}/${prefix}` };
}

/** Orders two addresses of one family (negative when `a` is lower); undefined when either is not an address or the families differ. */
export function compareIpAddresses(a: string, b: string): number | undefined {
  const family = ipFamily(a);
  if (family === undefined || ipFamily(b) !== family) return undefined;
  const x = ipaddr.parse(a).toByteArray();
  const y = ipaddr.parse(b).toByteArray();
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}
