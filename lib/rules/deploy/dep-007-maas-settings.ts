import { isDnsDomainName, isDnsLabel } from '../../common/dns-names';
import { PRIVATE_KEY_PEM } from '../../palette/checks/sec-001-no-secret';
import { DNS_LABEL_RULE } from '../../common/k8s-names';
import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { VmoSiteModel } from '../site-model';
import { hasMaas } from './has-maas';

/** OpenSSH public key types (`ssh-keygen -t`), then the base64 key and an optional comment. */
const SSH_PUBLIC_KEY = /^(ssh-(rsa|ed25519|dss)|ecdsa-sha2-nistp(256|384|521)|sk-(ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com) [A-Za-z0-9+/]+={0,3}( [^\n]*)?$/;
/** A cron field: numbers, names, ranges, lists and steps. */
const CRON_FIELD = /^[0-9A-Za-z*?,\/-]+$/;

/** Five-field cron, as Palette's schedules take it (`0 1 * * *`). */
export function isCron(text: string): boolean {
  const fields = text.trim().split(/\s+/);
  return fields.length === 5 && fields.every((f) => CRON_FIELD.test(f));
}

/**
 * The IANA zone a time zone is, or why not: the Terraform provider checks it with Go's
 * `time.LoadLocation`, which is case-sensitive, so a zone ICU accepts in other case is refused.
 */
export function ianaTimeZoneProblem(zone: string): string | undefined {
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return 'is not an IANA time zone: use one such as Europe/Amsterdam or UTC';
  }
  return resolved !== zone && resolved.toLowerCase() === zone.toLowerCase() ? `is written in the wrong case: write '${resolved}'` : undefined;
}

/**
 * DEP-007: the MAAS settings are well formed, so Terraform and Palette accept the cluster
 * definition: a DNS domain, named cloud account and backup location, an IANA time zone,
 * five-field cron schedules, OpenSSH public keys (never a private key), unique pool names, and
 * non-empty zones, resource pools and tags.
 */
export const DEP_007: Rule<VmoSiteModel> = {
  id: 'DEP-007',
  level: FindingLevel.ERROR,
  // A site that breaks it cannot work (malformed or contradictory input): no suppression lets it through.
  suppressible: false,
  description: 'the MAAS settings are well formed: DNS domain, IANA time zone, five-field cron schedules, OpenSSH public keys, unique pool names, non-empty names',
  source: 'deploy.md §1.1 (terraform-provider-spectrocloud resource_cluster_maas.go: validateTimezone, the cloud_config and machine_pool schemas)',
  appliesTo: hasMaas,
  check(site) {
    const m = site.maas;
    if (!m) return [];
    const out: RuleViolation[] = [];
    const bad = (location: string, message: string) => out.push({ location, message });
    if (!isDnsDomainName(m.domain)) bad('maas.domain', `'${m.domain}' is not a DNS domain: give the MAAS DNS domain the nodes are deployed in, e.g. metal.example.com`);
    const named = (location: string, what: string, name: string) => {
      if (!name.trim() || /[<>]/.test(name)) bad(location, `${what} '${name}' is empty or holds '<' or '>': give its name as Palette shows it`);
    };
    named('maas.cloudAccount', 'the MAAS cloud account name', m.cloudAccount);
    if (m.timeZone !== undefined) {
      const problem = ianaTimeZoneProblem(m.timeZone);
      if (problem) bad('maas.timeZone', `time zone '${m.timeZone}' ${problem}`);
    }
    m.ntpServers.forEach((s, i) => {
      if (!s.trim() || /\s/.test(s)) bad(`maas.ntpServers[${i}]`, `NTP server '${s}' is empty or holds spaces: give a host name or address`);
    });
    m.sshKeys.forEach((k, i) => {
      // The key is never echoed: a private key pasted here is a secret.
      if (PRIVATE_KEY_PEM.test(k)) bad(`maas.sshKeys[${i}]`, 'this is a private key: give the public key (the .pub file), and rotate the private key if it was committed');
      else if (!SSH_PUBLIC_KEY.test(k.trim())) bad(`maas.sshKeys[${i}]`, 'is not an OpenSSH public key: paste one line of a .pub file, e.g. ssh-ed25519 AAAA... user@host');
    });
    if (m.backup) {
      named('maas.backup.location', 'the backup location name', m.backup.location);
      if (!isCron(m.backup.schedule)) bad('maas.backup.schedule', `'${m.backup.schedule}' is not a five-field cron schedule: e.g. '0 1 * * *' (01:00 daily)`);
      if (!(Number.isInteger(m.backup.expiryHours) && m.backup.expiryHours >= 1)) bad('maas.backup.expiryHours', `'${String(m.backup.expiryHours)}' is not a whole number of hours of at least 1`);
      if (!m.backup.prefix.trim()) bad('maas.backup.prefix', 'the backup prefix is empty: give one, or leave it out for the site name');
    }
    for (const [key, cron] of Object.entries(m.scans ?? {})) {
      if (!isCron(cron)) bad(`maas.scans.${key}`, `'${cron}' is not a five-field cron schedule: e.g. '0 0 * * SUN'`);
    }
    const names = new Set<string>();
    for (const p of m.pools) {
      if (!isDnsLabel(p.name)) bad(`${p.setting}.name`, `machine pool name '${p.name}' is invalid: ${DNS_LABEL_RULE}`);
      else if (names.has(p.name)) bad(`${p.setting}.name`, `machine pool name '${p.name}' is used twice: give each pool its own name`);
      names.add(p.name);
      if (!p.resourcePool.trim()) bad(`${p.setting}.resourcePool`, `machine pool ${p.name} has an empty resource pool: name the MAAS resource pool (the RA's are control-plane and worker-pool)`);
      if (p.azs.some((z) => !z.trim()) || new Set(p.azs).size !== p.azs.length) bad(p.azsSetting, `machine pool ${p.name} lists an empty or repeated availability zone: list each MAAS zone once`);
      if (p.nodeTags.some((t) => !t.trim())) bad(`${p.setting}.nodeTags`, `machine pool ${p.name} lists an empty node tag: give MAAS tag names`);
      if (!(Number.isInteger(p.minCpu) && p.minCpu >= 1)) bad(`${p.setting}.minCpu`, `machine pool ${p.name} minCpu '${String(p.minCpu)}' is not a whole number of cores of at least 1`);
      if (!(Number.isInteger(p.minMemoryMiB) && p.minMemoryMiB >= 1024)) bad(`${p.setting}.minMemoryMiB`, `machine pool ${p.name} minMemoryMiB '${String(p.minMemoryMiB)}' is not a whole number of MiB of at least 1024`);
    }
    return out;
  },
};
