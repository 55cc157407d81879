import * as ipaddr from 'ipaddr.js';
import { ValidationError } from './errors';

/**
 * An IPv4 network in CIDR notation whose host bits are zero (`100.64.0.0/18`), as
 * Kubernetes and Cilium take their pod and service ranges. Parsed with ipaddr.js only.
 */
export class Ipv4Cidr {
  /**
   * Parses `text`; `what` names the setting in error messages (e.g. `pod CIDR`).
   * Accepts only the canonical form: four decimal octets, a prefix 0..32, no host bits.
   */
  public static parse(text: string, what: string): Ipv4Cidr {
    // isValidCIDRFourPartDecimal rejects the legacy forms ipaddr.js would otherwise accept ('10.1/8', '0x0a.0.0.0/8').
    if (typeof text !== 'string' || !ipaddr.IPv4.isValidCIDRFourPartDecimal(text)) {
      throw new ValidationError(`${what} '${text}' is not an IPv4 CIDR: write four decimal octets and a prefix of 0-32, e.g. '100.64.0.0/18'`);
    }
    const [address, prefix] = ipaddr.IPv4.parseCIDR(text);
    const network = ipaddr.IPv4.networkAddressFromCIDR(text);
    const canonical = `${network.toString()}/${prefix}`;
    if (network.toString() !== address.toString()) {
      throw new ValidationError(`${what} '${text}' has host bits set: use '${canonical}'`);
    }
    if (canonical !== text) {
      throw new ValidationError(`${what} '${text}' is not in canonical form: write '${canonical}'`);
    }
    return new Ipv4Cidr(network, prefix);
  }

  private constructor(private readonly network: ipaddr.IPv4, public readonly prefixLength: number) {}

  /** True when the two networks share at least one address. */
  public overlaps(other: Ipv4Cidr): boolean {
    return this.network.match(other.network, Math.min(this.prefixLength, other.prefixLength));
  }

  /** True when every address of `other` lies inside this network. */
  public contains(other: Ipv4Cidr): boolean {
    return this.prefixLength <= other.prefixLength && other.network.match(this.network, this.prefixLength);
  }

  public toString(): string {
    return `${this.network.toString()}/${this.prefixLength}`;
  }
}
