import { Construct, IConstruct } from 'constructs';
import { ValidationError } from '../common/errors';
import { DNS_LABEL_PATTERN } from '../common/dns-names';
import { PROFILE_CHECKS, SITE_CHECKS } from './checks';
import { ClusterProfile, ProfileJson } from './cluster-profile';
import { Finding, RuleInfo, runRules, Suppression, validateSuppression } from './finding';
import { PAL_007 } from './checks/pal-007-profile-identity';
import { IPackCatalogScope, PackCatalog, packCatalogOf } from './pack-catalog';
import { RenderContext, RenderedSite } from './rendered';
import { CON_001, parseValidationMessage } from './rule-validation';
import { renderValuesChanges, valuesChanges, ValuesChanges } from './values-changes';
import { LruCachesByOwner } from './text-memo';
import { toYaml, unquotedReferences } from './yaml-format';

export interface PaletteSiteProps {
  /** The output folder name, `dist/<name>/`. @default the construct id */
  readonly name?: string;
  /** Rules turned off for this site, each with a reason; recorded in checks.json. @default none */
  readonly suppressions?: readonly Suppression[];
  /**
   * Pack defaults of your own (exported from your Palette, e.g. with `palette-vmo packs pull`),
   * asked before the built-in catalog for this site's layers.
   * @default the app's catalog, else the built-in one
   */
  readonly packCatalog?: PackCatalog;
}

/** What a site's root (the app) does with each site constructed in it: keep the order of sites. */
export interface ISiteRegistry {
  registerSite(site: PaletteSite): void;
}

/** The files of one site, keyed by path relative to the site folder. */
export type SiteFiles = Map<string, string>;

/** The rules every PaletteSite runs, before its own rule pack (`siteRuleInfo`). */
export const PALETTE_SITE_RULES: readonly RuleInfo[] = [...PROFILE_CHECKS, ...SITE_CHECKS, PAL_007, CON_001];

/** Site names name output folders: lowercase, digits and dashes, short enough for every filesystem. */
export const SITE_NAME_PATTERN: RegExp = DNS_LABEL_PATTERN;

/**
 * A set of profiles synthesized together into `dist/<name>/`: the profile JSON, each
 * pack's values, each manifest layer's documents, the variables and the check results.
 * Every site is checked for secrets in its output and for profile consistency, whatever
 * built it; a subclass adds its own rule pack (`siteRules`).
 */
export class PaletteSite extends Construct implements IPackCatalogScope {
  public readonly siteName: string;
  /** The catalog this site's layers take their defaults from (the user's before the built-in one). */
  public readonly packCatalog?: PackCatalog;
  private readonly suppressionList: Suppression[] = [];

  constructor(scope: Construct, id: string, props: PaletteSiteProps = {}) {
    super(scope, id);
    this.siteName = props.name ?? id;
    // The app keeps its sites in the order they are defined (PaletteApp.defineSite, or built right away).
    (this.node.root as Partial<ISiteRegistry>).registerSite?.(this);
    // The site's own defaults first, then the app's (which end with the built-in catalog).
    if (props.packCatalog) this.packCatalog = PackCatalog.layered(props.packCatalog, packCatalogOf(scope));
    if (!SITE_NAME_PATTERN.test(this.siteName)) {
      throw new ValidationError(
        `site name '${this.siteName}' is invalid: use 1-63 lowercase letters, digits and dashes, starting and ending with a letter or digit (it names the output folder)`,
      );
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

  /** Every rule this site runs: the ids a suppression may name. */
  public get rules(): readonly RuleInfo[] {
    return [...PALETTE_SITE_RULES, ...this.siteRuleInfo];
  }

  /** The rules of the site's own rule pack (see `siteRules`). @default none */
  protected get siteRuleInfo(): readonly RuleInfo[] {
    return [];
  }

  /** The profiles of this site, in the order they were defined. */
  public get profiles(): ClusterProfile[] {
    return this.node.findAll().filter((c): c is ClusterProfile => c instanceof ClusterProfile);
  }

  /** Renders every profile of the site; each layer once. */
  public render(context: RenderContext = new RenderContext()): RenderedSite {
    return new RenderedSite(
      this.siteName,
      this.profiles.map((p) => p.render(context)),
    );
  }

  /**
   * Runs every check of the site on what it renders: the profile checks, the output checks,
   * the site's own rules and its constructs' validations, with the suppressions applied. A
   * construct check that reports under a rule of the site's own pack is superseded by that
   * rule, which sees the whole site (the two share their predicate), so a problem is reported once.
   */
  public check(rendered: RenderedSite = this.render()): Finding[] {
    for (const s of this.suppressionList) validateSuppression(s, this.rules);
    const where = (f: Finding) => ({ ...f, location: `site ${this.siteName}: ${f.location}` });
    const findings = [
      ...rendered.profiles.flatMap((p) => runRules(PROFILE_CHECKS, p.json, this.suppressionList, `profile ${p.json.metadata.name}`)),
      ...runRules(SITE_CHECKS, rendered, this.suppressionList, 'site'),
      ...runRules([PAL_007], rendered, this.suppressionList, 'site'),
      ...this.siteRules(rendered),
    ];
    const superseded = new Set(this.siteRuleInfo.map((r) => r.id));
    const constructs = this.constructFindings().filter((f) => !superseded.has(f.ruleId));
    return [...findings, ...constructs].map(where);
  }

  /** The site's own rule pack, run on what it renders. @returns findings with suppressions applied */
  protected siteRules(_rendered: RenderedSite): Finding[] {
    return [];
  }

  /** The validations of every construct of this site (`node.addValidation`), as findings. */
  public constructFindings(): Finding[] {
    return validationFindings(this, this.rules, this.suppressionList);
  }

  /** Renders the site's files. */
  public renderFiles(rendered: RenderedSite, findings: readonly Finding[]): SiteFiles {
    const files: SiteFiles = new Map();
    const variables: Record<string, Record<string, Record<string, string | boolean>>> = {};
    for (const { json, layers } of rendered.profiles) {
      const name = json.metadata.name;
      files.set(`profiles/${name}.json`, profileFileText(json));
      for (const layer of layers) {
        const pack = layer.pack;
        if (pack.type !== 'manifest') files.set(`profiles/${name}/${pack.name}.values.yaml`, pack.values + '\n');
        // For review: what this site changes of the pack's published defaults.
        if (pack.type !== 'manifest' && layer.defaults) {
          const changes = changesOf(layer.defaults.values, pack.values, layer.values);
          // Typed (unquoted) references appear as the values write them.
          const subject = { pack: pack.name, version: pack.version, unquoted: unquotedReferences(pack.values) };
          files.set(`profiles/${name}/${pack.name}.changes.yaml`, renderValuesChanges(changes, subject));
        }
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
            ...(v.isSensitive
              ? { sensitive: true, value: '(enter at deploy time)' }
              : v.defaultValue !== undefined
                ? { value: v.defaultValue }
                : v.required
                  ? { value: '(enter at deploy time)' } // a required input the site does not know, e.g. the Windows image
                  : {}),
            ...(v.immutable ? { readOnly: true } : {}),
          };
        }
      }
    }
    const header = `# Profile variables of site ${this.siteName}: for each profile, each variable and the value this site gives it.\n`;
    files.set('variables.yaml', header + (Object.keys(variables).length ? toYaml(variables) : '{}\n'));
    const checks = { site: this.siteName, suppressions: this.suppressionList, findings: findings };
    files.set('checks.json', JSON.stringify(checks, null, 2) + '\n');
    for (const [path, content] of this.siteDocuments(rendered, findings)) files.set(path, content);
    return files;
  }

  /**
   * More files a site writes beside its profiles (a subclass's documents: the cluster
   * definition, the site book), from what it rendered and the findings. @default none
   */
  protected siteDocuments(_rendered: RenderedSite, _findings: readonly Finding[]): SiteFiles {
    return new Map();
  }
}

/**
 * A layer's changes against its defaults, compared once per defaults and values text: the
 * defaults are one shared object per pack version, and most sites of a fleet write the same values.
 */
function changesOf(defaults: object, text: string, values: unknown): ValuesChanges {
  return changesCache.getOrSet(defaults, text, () => valuesChanges(defaults, values));
}

const changesCache = new LruCachesByOwner<ValuesChanges>(64);

/**
 * The text of `profiles/<name>.json`: the import document, two-space indent, final newline.
 * Made once per rendered profile (PAL-007 hashes it, the writer writes it).
 */
export function profileFileText(json: ProfileJson): string {
  let text = profileTexts.get(json);
  if (text === undefined) {
    text = JSON.stringify(json, null, 2) + '\n';
    profileTexts.set(json, text);
  }
  return text;
}

const profileTexts = new WeakMap<ProfileJson, string>();

/**
 * The validations of every construct under `root` as findings: a message tagged `[RULE-ID]`
 * reports under that rule, any other under CON-001. Suppressions apply to suppressible rules.
 * `skip` leaves out a construct and everything under it (the app skips its sites).
 */
export function validationFindings(root: IConstruct, rules: readonly RuleInfo[], suppressions: readonly Suppression[], skip?: (c: IConstruct) => boolean): Finding[] {
  const findings: Finding[] = [];
  const constructs: IConstruct[] = [];
  const collect = (c: IConstruct) => {
    if (c !== root && skip?.(c)) return;
    constructs.push(c);
    for (const child of c.node.children) collect(child);
  };
  collect(root);
  for (const c of constructs) {
    for (const raw of c.node.validate()) {
      const { ruleId, message } = parseValidationMessage(raw);
      const rule = rules.find((r) => r.id === ruleId) ?? CON_001;
      const suppression = rule.suppressible === false ? undefined : suppressions.find((s) => s.ruleId === ruleId);
      findings.push({
        ruleId,
        level: rule.level.value,
        message,
        location: c.node.path,
        source: rule.source,
        ...(suppression ? { suppressedReason: suppression.reason } : {}),
      });
    }
  }
  return findings;
}
