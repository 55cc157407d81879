import { IpAddressPoolSpec, toJson_IpAddressPoolSpec } from '../../../imports/metallb.io';
import { isDnsSubdomain } from '../../common/dns-names';
import { ValidationError } from '../../common/errors';
import { compareIpAddresses, isIpAddress, parseIpCidr } from '../../common/ip-address';
import { ProfileVariable } from '../../palette/profile-variable';
import { Values } from '../../palette/values';

/**
 * One MetalLB `IPAddressPool`, as the pack's configuration generator takes it under
 * `charts.metallb-full.configuration.ipaddresspools.<name>.spec`. The spec fields are the
 * imported CRD's; only `addresses` is widened so that an entry can be a profile variable.
 */
export interface MetalLbAddressPool extends Omit<IpAddressPoolSpec, 'addresses'> {
  /** The pool name (the key under `ipaddresspools`), e.g. `first-pool`. */
  readonly name: string;
  /**
   * The addresses MetalLB hands out: CIDRs (`10.20.30.0/24`) or ranges
   * (`10.20.30.100-10.20.30.200`). RA rev 1.7 makes the pool addresses a profile variable
   * ("set to a cluster profile variable for easy configuration"), so an entry may be one;
   * a variable is checked by Palette at deploy time, not here.
   */
  readonly addresses: readonly (string | ProfileVariable)[];
}

/** The RA's pool: seed 001 MetalLB layer; rev 1.7 keeps it as the variable's default ("a block of addresses in the bond_data.20 network"). */
export const RA_ADDRESS_POOL: MetalLbAddressPool = {
  name: 'first-pool',
  addresses: ['10.20.30.100-10.20.30.200'],
  avoidBuggyIPs: true,
  autoAssign: true,
};

/** Checks a Kubernetes object name (RFC 1123 subdomain) used as a MetalLB resource name. */
export function checkMetalLbName(kind: string, name: string): void {
  if (!isDnsSubdomain(name)) {
    throw new ValidationError(
      `MetalLB ${kind} name '${name}' is invalid: use lowercase letters, digits, '-' and '.', starting and ending with a letter or digit (e.g. 'first-pool')`,
    );
  }
}

/** Validates a pool: a valid name, at least one address, and every literal address a CIDR or a range. */
export function checkAddressPool(pool: MetalLbAddressPool): void {
  checkMetalLbName('address pool', pool.name);
  if (pool.addresses.length === 0) {
    throw new ValidationError(`MetalLB address pool '${pool.name}' has no addresses: give at least one CIDR or range (e.g. '10.20.30.100-10.20.30.200')`);
  }
}

/** NET-001's form check of a pool's literal entries: each a CIDR without host bits or an address range. */
export function poolAddressProblems(pool: MetalLbAddressPool): string[] {
  const out: string[] = [];
  for (const a of pool.addresses) {
    if (typeof a !== 'string') continue;
    try {
      checkPoolAddress(pool.name, a);
    } catch (e) {
      out.push((e as Error).message);
    }
  }
  return out;
}

/** The pool's `spec` in the key order of the RA's YAML (addresses, avoidBuggyIPs, autoAssign). */
export function renderAddressPool(pool: MetalLbAddressPool): Values {
  const { name: _name, addresses, ...rest } = pool;
  const spec: Values = toJson_IpAddressPoolSpec({ ...rest, addresses: [] }) ?? {};
  const { addresses: _empty, avoidBuggyIPs, autoAssign, ...others } = spec;
  return {
    addresses,
    ...(avoidBuggyIPs !== undefined ? { avoidBuggyIPs } : {}),
    ...(autoAssign !== undefined ? { autoAssign } : {}),
    ...others,
  };
}

/** One `addresses` entry: a CIDR without host bits, or a `first-last` range of one address family. */
function checkPoolAddress(pool: string, text: string): void {
  const hint = `write a CIDR ('10.20.30.0/24') or a range ('10.20.30.100-10.20.30.200')`;
  if (text.includes('/')) {
    const cidr = parseIpCidr(text);
    if (!cidr) throw new ValidationError(`MetalLB address pool '${pool}' has an invalid CIDR '${text}': ${hint}`);
    if (cidr.hostBitsSet) throw new ValidationError(`MetalLB address pool '${pool}' CIDR '${text}' has host bits set: use '${cidr.canonical}'`);
    return;
  }
  const parts = text.split('-');
  if (parts.length !== 2 || !isIpAddress(parts[0]) || !isIpAddress(parts[1])) {
    throw new ValidationError(`MetalLB address pool '${pool}' has an invalid entry '${text}': ${hint}`);
  }
  const order = compareIpAddresses(parts[0], parts[1]);
  if (order === undefined) {
    throw new ValidationError(`MetalLB address pool '${pool}' range '${text}' mixes IPv4 and IPv6: use two addresses of the same family`);
  }
  if (order > 0) {
    throw new ValidationError(`MetalLB address pool '${pool}' range '${text}' runs backwards: write the lower address first ('${parts[1]}-${parts[0]}')`);
  }
}
