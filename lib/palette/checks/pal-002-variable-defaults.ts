import { isIpv4Address, isIpv6Address } from '../../common/ip-address';
import { parseIpv4Cidr } from '../../common/ipv4-block';
import { FindingLevel, Rule, RuleViolation } from '../finding';
import { ProfileJson } from '../cluster-profile';
import { VariableJson } from '../profile-variable';

const SEMVER = /^v?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Why a value does not fit a variable format, or undefined when it fits. */
export function formatProblem(format: string, value: string): string | undefined {
  switch (format) {
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(value) ? undefined : 'is not a number';
    case 'boolean':
      return value === 'true' || value === 'false' ? undefined : "is not 'true' or 'false'";
    case 'ipv4':
      return isIpv4Address(value) ? undefined : 'is not an IPv4 address (a.b.c.d)';
    case 'ipv4cidr':
      return parseIpv4Cidr(value) ? undefined : 'is not an IPv4 CIDR (a.b.c.d/n)';
    case 'ipv6':
      return isIpv6Address(value) ? undefined : 'is not an IPv6 address';
    case 'version':
      return SEMVER.test(value) ? undefined : 'is not a semantic version (e.g. 1.2.3)';
    case 'base64':
      return BASE64.test(value) ? undefined : 'is not base64';
    default:
      return undefined;
  }
}

/** PAL-002: variable defaults match their format, regex and dropdown options. */
export const PAL_002: Rule<ProfileJson> = {
  id: 'PAL-002',
  level: FindingLevel.ERROR,
  description: 'variable defaults match their format (ipv4cidr parses, number is numeric, boolean is true/false) and regex',
  source: 'palette-profile-format.md §3.1',
  check(profile) {
    const out: RuleViolation[] = [];
    const location = (v: VariableJson) => `profile ${profile.metadata.name}, variable ${v.name}`;
    for (const v of profile.spec.variables) {
      let regex: RegExp | undefined;
      if (v.regex !== undefined) {
        try {
          regex = new RegExp(v.regex);
        } catch {
          out.push({ location: location(v), message: `regex '${v.regex}' does not compile: fix the expression` });
        }
      }
      if (v.defaultValue === undefined) {
        if ((v.immutable || (v.hidden && v.required)) && !v.isSensitive) {
          out.push({
            location: location(v),
            message: `a ${v.immutable ? 'read-only' : 'hidden and required'} variable needs a default, and '${v.name}' has none: give it a defaultValue`,
          });
        }
        continue;
      }
      // A sensitive default is a secret (SEC-001 reports it): never repeat it in a message.
      const shown = v.isSensitive ? `(${v.defaultValue.length} characters, not shown)` : `'${v.defaultValue}'`;
      const problem = formatProblem(v.format, v.defaultValue);
      if (problem) {
        out.push({ location: location(v), message: `default ${shown} ${problem}, but the format is '${v.format}': fix the default or the format` });
      }
      if (regex && !regex.test(v.defaultValue)) {
        out.push({ location: location(v), message: `default ${shown} does not match the regex '${v.regex}': fix the default or the regex` });
      }
      if (v.options?.length && !v.options.some((o) => o.value === v.defaultValue)) {
        out.push({
          location: location(v),
          message: `default ${shown} is not one of the dropdown options (${v.options.map((o) => o.value).join(', ')}): pick one of them`,
        });
      }
    }
    return out;
  },
};
