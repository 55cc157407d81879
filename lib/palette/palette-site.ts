import { Construct } from 'constructs';
import { PROFILE_CHECKS } from './checks';
import { ClusterProfile, ProfileJson } from './cluster-profile';
import { ValidationError } from '../common/errors';
import { Finding, Rule, runRules, Suppression, validateSuppression } from './finding';
import { toYaml } from './yaml-format';

export interface PaletteSiteProps {
  /** The output folder name, `dist/<name>/`. @default the construct id */
  readonly name?: string;
  /** Rules turned off for this site, each with a reason; recorded in checks.json. @default none */
  readonly suppressions?: readonly Suppression[];
}

/** The files of one site, keyed by path relative to the site folder. */
export type SiteFiles = Map<string, string>;

/**
 * A set of profiles synthesized together into `dist/<name>/`: the profile JSON, each
 * pack's values, each manifest layer's documents, the variables and the check results.
 */
export class PaletteSite extends Construct {
  public readonly siteName: string;
  private readonly suppressionList: Suppression[] = [];
  private readonly ruleSets: (() => Finding[])[] = [];

  constructor(scope: Construct, id: string, props: PaletteSiteProps = {}) {
    super(scope, id);
    this.siteName = props.name ?? id;
    if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(this.siteName)) {
      throw new ValidationError(`site name '${this.siteName}' is invalid: use lowercase letters, digits and dashes (it names the output folder)`);
    }
    for (const s of props.suppressions ?? []) this.suppress(s.ruleId, s.reason);
  }

  /** Turns a rule off for this site. The reason (>= 10 characters) is recorded in checks.json. */
  public suppress(ruleId: string, reason: string): void {
    this.suppressionList.push(validateSuppression({ ruleId, reason }));
  }

  public get suppressions(): readonly Suppression[] {
    return this.suppressionList;
  }

  /** Registers rules to run against `subject` when the site is checked. */
  public addRules<T>(rules: readonly Rule<T>[], subject: T): void {
    this.ruleSets.push(() => runRules(rules, subject, this.suppressionList, `site ${this.siteName}`));
  }

  /** The profiles of this site, in the order they were defined. */
  public get profiles(): ClusterProfile[] {
    return this.node.findAll().filter((c): c is ClusterProfile => c instanceof ClusterProfile);
  }

  /** Runs the profile checks and every registered rule set. */
  public check(rendered: readonly ProfileJson[] = this.profiles.map((p) => p.toJson())): Finding[] {
    const findings = rendered.flatMap((json) => runRules(PROFILE_CHECKS, json, this.suppressionList, `profile ${json.metadata.name}`));
    for (const rules of this.ruleSets) findings.push(...rules());
    const names = new Set<string>();
    for (const json of rendered) {
      if (names.has(json.metadata.name)) {
        throw new ValidationError(`site '${this.siteName}' has two profiles named '${json.metadata.name}': give each profile a unique name`);
      }
      names.add(json.metadata.name);
    }
    return findings;
  }

  /** Renders the site's files. */
  public renderFiles(rendered: readonly ProfileJson[], findings: readonly Finding[]): SiteFiles {
    const files: SiteFiles = new Map();
    const variables: Record<string, Record<string, Record<string, string | boolean>>> = {};
    for (const json of rendered) {
      const name = json.metadata.name;
      files.set(`profiles/${name}.json`, JSON.stringify(json, null, 2) + '\n');
      for (const pack of json.spec.template.packs) {
        if (pack.type !== 'manifest') files.set(`profiles/${name}/${pack.name}.values.yaml`, pack.values + '\n');
        if (pack.manifests?.length) {
          const stream = pack.manifests.map((m) => `# manifest: ${m.name}\n${m.content}`).join('---\n');
          files.set(`manifests/${name}/${pack.name}.yaml`, stream);
        }
      }
      if (json.spec.variables.length) {
        variables[name] = {};
        for (const v of json.spec.variables) {
          variables[name][v.name] = {
            format: v.format,
            ...(v.isSensitive ? { sensitive: true, value: '(enter at deploy time)' } : v.defaultValue !== undefined ? { value: v.defaultValue } : {}),
            ...(v.immutable ? { readOnly: true } : {}),
          };
        }
      }
    }
    const header = `# Profile variables of site ${this.siteName}: for each profile, each variable and the value this site gives it.\n`;
    files.set('variables.yaml', header + (Object.keys(variables).length ? toYaml(variables) : '{}\n'));
    const checks = { site: this.siteName, suppressions: this.suppressionList, findings: findings };
    files.set('checks.json', JSON.stringify(checks, null, 2) + '\n');
    return files;
  }
}
