import { SitePlan } from '../model/site-plan';
import { SiteHosts, vmoSiteModel, VmoSiteModel } from '../model/vmo-site-model';
import { Finding, RuleInfo, Suppression } from '../palette/finding';
import { RenderedSite } from '../palette/rendered';
import { VMO_RULES } from '../rules';

/**
 * What the site book is written from: the site as its profiles write it (the same model the
 * VMO rules check), the findings and suppressions of its checks, and the rules it ran. The
 * site description resolved (`plan`) is there for what no profile holds; a section that
 * needs a fact the site does not have leaves it out.
 */
export interface SiteBookInput {
  readonly site: string;
  readonly model: VmoSiteModel;
  /** The resolved site description; undefined for a site composed of layers without one. @default undefined */
  readonly plan?: SitePlan;
  readonly findings: readonly Finding[];
  readonly suppressions: readonly Suppression[];
  /** Every rule the site runs: the ids the checklist links to. */
  readonly rules: readonly RuleInfo[];
}

/** A site that can be written up: its hosts, rules and suppressions (a VmoProfiles or VmoSite). */
export interface BookSite {
  readonly siteName: string;
  readonly hosts: SiteHosts;
  readonly rules: readonly RuleInfo[];
  readonly suppressions: readonly Suppression[];
  readonly plan?: SitePlan;
}

/** The book's input for a site, from what it rendered and its findings. */
export function siteBookInput(site: BookSite, rendered: RenderedSite, findings: readonly Finding[]): SiteBookInput {
  return {
    site: site.siteName,
    model: vmoSiteModel(rendered, site.hosts),
    ...(site.plan ? { plan: site.plan } : {}),
    findings,
    suppressions: site.suppressions,
    rules: site.rules,
  };
}

/**
 * Whether a VMO rule applies to the site (`Rule.appliesTo`: the MAAS rules only to a site with
 * `maas:`); rules of other kinds always do.
 */
export function ruleApplies(input: SiteBookInput, id: string): boolean {
  return VMO_RULES.find((r) => r.id === id)?.appliesTo?.(input.model) ?? true;
}

/** The rule link a checklist item carries: `[VLAN-005](#rule-vlan-005)`, for rules the site runs and that apply to it. */
export function ruleLinks(input: SiteBookInput, ...ids: readonly string[]): string {
  const known = ids.filter((id) => input.rules.some((r) => r.id === id) && ruleApplies(input, id));
  return known.map((id) => `[${id}](#${ruleAnchor(id)})`).join(', ');
}

/** The anchor of a rule's row in the book's rule table. */
export function ruleAnchor(id: string): string {
  return `rule-${id.toLowerCase()}`;
}

/** A finding's location without the `site <name>: ` prefix the checks add. */
export function findingLocation(input: SiteBookInput, f: Finding): string {
  const prefix = `site ${input.site}: `;
  return f.location.startsWith(prefix) ? f.location.slice(prefix.length) : f.location;
}
