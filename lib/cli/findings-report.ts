import { extname, relative } from 'path';
import { Finding, formatFindings, isBlocking } from '../palette/finding';
import { settingPosition } from './setting-position';

/** A finding's site and the rest of its location (`site lab: kubernetes.podCidr`). */
export function splitLocation(f: Finding): { site?: string; where: string } {
  const m = /^site ([^:]+): (.*)$/.exec(f.location);
  return m ? { site: m[1], where: m[2] } : { where: f.location };
}

/** True when a location is a site setting path (`network.data.cidr`, `templates.networks[0]`). */
function isSettingPath(where: string): boolean {
  return /^[A-Za-z][\w-]*(\.[A-Za-z][\w-]*|\[\d+\])*$/.test(where);
}

/** A finding that fails the run: an error, or with --strict a warning (not suppressed either way). */
export function failsRun(f: Finding, strict: boolean): boolean {
  return isBlocking(f) || (strict && f.level === 'warning' && f.suppressedReason === undefined);
}

/** Each site's findings as a table: `site <name>: N error(s)[, N warning(s) fail with --strict]`, then the rows. */
export function findingsText(sites: readonly string[], findings: readonly Finding[], strict: boolean): string[] {
  const lines: string[] = [];
  const bySite = new Map<string, Finding[]>();
  for (const f of findings) {
    const site = splitLocation(f).site;
    if (site === undefined) continue;
    const own = bySite.get(site);
    if (own) own.push(f);
    else bySite.set(site, [f]);
  }
  for (const site of sites) {
    const own = bySite.get(site) ?? [];
    const errors = own.filter(isBlocking).length;
    const strictWarnings = strict ? own.filter((f) => failsRun(f, true) && !isBlocking(f)).length : 0;
    lines.push(`site ${site}: ${errors} error(s)${strictWarnings ? `, ${strictWarnings} warning(s) (--strict: warnings fail)` : ''}`);
    lines.push(own.length ? formatFindings(own) : 'no findings');
  }
  const listed = new Set(sites);
  const other = findings.filter((f) => {
    const s = splitLocation(f).site;
    return s === undefined || !listed.has(s);
  });
  if (other.length) lines.push(formatFindings(other));
  return lines;
}

/**
 * The warnings of a successful run, each distinct one once: a warning several sites share (the
 * same pack version without published defaults, say) is one line naming the sites, so a fleet
 * run prints what to act on, not the same line per site. `checks.json` keeps every finding.
 */
export function warningSummary(findings: readonly Finding[]): string[] {
  const groups = new Map<string, { finding: Finding; wheres: string[] }>();
  for (const f of findings) {
    const { site, where } = splitLocation(f);
    const key = `${f.level}\u0000${f.ruleId}\u0000${f.message}`;
    const group = groups.get(key) ?? { finding: f, wheres: [] };
    const name = site ?? where;
    if (!group.wheres.includes(name)) group.wheres.push(name);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ finding: f, wheres }) => {
    if (wheres.length === 1) return `${f.level}  ${f.ruleId}  ${f.location}: ${f.message}`;
    const shown = wheres.length > 3 ? `${wheres.slice(0, 3).join(', ')} and ${wheres.length - 3} more` : wheres.join(', ');
    return `${f.level}  ${f.ruleId}  ${wheres.length} sites (${shown}): ${f.message}`;
  });
}

/** One finding for `--json`: where (file, setting, line) for CI annotations, what, and why. */
export interface FindingJson {
  readonly ruleId: string;
  readonly level: 'error' | 'warning' | 'info';
  /** True when it fails the run (an error; a warning with --strict). */
  readonly fails: boolean;
  readonly site?: string;
  /** The site file or app program, relative to the working folder. */
  readonly file?: string;
  /** The site setting path, when the finding is about one. */
  readonly setting?: string;
  /** Where the setting is written in a site YAML file (1-based). */
  readonly line?: number;
  readonly column?: number;
  readonly location: string;
  readonly message: string;
  /** Where the rule comes from (RA section, seed). */
  readonly source: string;
  readonly suppressedReason?: string;
}

/** Where a finding is written: its site, the file that defines the site, the setting and, in a site file, its line. */
function findingPlace(f: Finding, siteSources: ReadonlyMap<string, string>) {
  const { site, where } = splitLocation(f);
  const file = site !== undefined ? siteSources.get(site) : undefined;
  const setting = isSettingPath(where) ? where : undefined;
  const position = file && setting && /^\.ya?ml$/.test(extname(file)) ? settingPosition(file, setting) : undefined;
  return { site, file, setting, position };
}

/** The findings with ` (file:line:column)` after each message whose setting a site file writes, for the text tables. */
export function withFilePositions(findings: readonly Finding[], siteSources: ReadonlyMap<string, string>, cwd: string): Finding[] {
  return findings.map((f) => {
    const { file, position } = findingPlace(f, siteSources);
    return file && position ? { ...f, message: `${f.message} (${relative(cwd, file)}:${position.line}:${position.column})` } : f;
  });
}

export function findingsJson(findings: readonly Finding[], siteSources: ReadonlyMap<string, string>, strict: boolean, cwd: string): FindingJson[] {
  return findings.map((f) => {
    const { site, file, setting, position } = findingPlace(f, siteSources);
    return {
      ruleId: f.ruleId,
      level: f.level,
      fails: failsRun(f, strict),
      ...(site !== undefined ? { site } : {}),
      ...(file !== undefined ? { file: relative(cwd, file) } : {}),
      ...(setting !== undefined ? { setting } : {}),
      ...(position ? { line: position.line, column: position.column } : {}),
      location: f.location,
      message: f.message,
      source: f.source,
      ...(f.suppressedReason !== undefined ? { suppressedReason: f.suppressedReason } : {}),
    };
  });
}
