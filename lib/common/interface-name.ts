import { ValidationError } from './errors';

/*
 * The one check of a Linux network interface name (a bond, VLAN, bridge or NIC name such as
 * `bond_mgmt.10` or `br0`). It follows the kernel's own rules rather than a stricter house
 * style, so every name an operator can give an interface is accepted:
 * - `IFNAMSIZ` is 16 bytes including the terminating NUL (include/uapi/linux/if.h), so a name
 *   has at most 15 bytes;
 * - `dev_valid_name()` (net/core/dev.c) refuses an empty name, `.` and `..`, and any name
 *   holding `/`, `:` or whitespace (`isspace`).
 */

/** The longest interface name in bytes: IFNAMSIZ (16) less the terminating NUL. */
export const MAX_INTERFACE_NAME_BYTES = 15;

/** The rule in operator words, for messages. */
export const INTERFACE_NAME_RULE = "use 1-15 characters without '/', ':' or spaces, not '.' or '..' (the Linux kernel's rules)";

/** Why `name` is not a Linux interface name (a few words), or undefined when it is one. */
export function interfaceNameProblem(name: unknown): string | undefined {
  if (typeof name !== 'string' || name === '') return 'is empty';
  if (Buffer.byteLength(name, 'utf8') > MAX_INTERFACE_NAME_BYTES) return `is longer than ${MAX_INTERFACE_NAME_BYTES} bytes`;
  if (name === '.' || name === '..') return `is '${name}'`;
  if (/[/:\s]/.test(name)) return "holds '/', ':' or a space";
  return undefined;
}

/** True for a name Linux accepts for a network interface. */
export function isInterfaceName(name: unknown): boolean {
  return interfaceNameProblem(name) === undefined;
}

/** Throws a ValidationError naming `what`, the name, the rule and an example unless `name` is a Linux interface name. */
export function checkInterfaceName(name: string, what: string, example: string): string {
  const problem = interfaceNameProblem(name);
  if (problem) throw new ValidationError(`${what} '${name}' is not a Linux interface name (it ${problem}): ${INTERFACE_NAME_RULE}, e.g. '${example}'`);
  return name;
}
