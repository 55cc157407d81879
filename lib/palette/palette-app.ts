import { App, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { ValidationError } from '../common/errors';
import { ClusterProfile } from './cluster-profile';
import { Finding, FindingTexts, formatFindings, isBlocking, SynthError } from './finding';
import { OutputResult, OutputRun, OutputRunProps } from './output-writer';
import { IPackCatalogScope, PackCatalog } from './pack-catalog';
import { ISiteRegistry, PaletteSite, profileFileText, SiteFiles, validationFindings } from './palette-site';
import { ProfileLayer } from './profile-layer';
import { RenderContext, RenderedSite } from './rendered';
import { CON_001 } from './rule-validation';
import { keptSiteFindings, ProfileIdentityCheck, profileContentHash, SiteOutcome } from './site-outcome';

export interface PaletteAppProps {
  /** Where sites are written, one folder each. @default 'dist' */
  readonly outdir?: string;
  /**
   * Remove the site folders of `outdir` that palette-vmo wrote (they hold its marker) and this
   * app did not produce. Other files and folders are never touched. Off by default, so several
   * apps can share one output folder.
   * @default false
   */
  readonly replaceAll?: boolean;
  /**
   * Pack defaults of your own (exported from your Palette), asked before the built-in catalog
   * for every site's layers.
   * @default the built-in catalog
   */
  readonly packCatalog?: PackCatalog;
}

export interface SynthOptions extends Pick<OutputRunProps, 'sources' | 'timeoutMs' | 'onWait'> {
  /** Print no warnings to stderr. @default false */
  readonly quiet?: boolean;
  /** The file that defines each site, recorded in its marker so that its folder is pruned when the file no longer defines it. @default not recorded */
  readonly siteSources?: ReadonlyMap<string, string>;
  /** Called after each site is rendered and checked, for a progress line. @default nothing */
  readonly onSite?: (site: string, index: number, total: number) => void;
}

/** What `synth()` checked and wrote. */
export interface SynthResult {
  /** Every finding of every site (none blocks: a blocking one throws SynthError). */
  readonly findings: Finding[];
  /** The sites written (`output.sites`), files, and sites pruned. */
  readonly output: OutputResult;
}

export interface RenderOptions {
  /** Called before each site renders, for a progress line. @default nothing */
  readonly onSite?: (site: string, index: number, total: number) => void;
}

/** The result of rendering an app: every site's files and rendered profiles, and every finding. */
export interface RenderResult {
  readonly sites: Map<string, SiteFiles>;
  /** Each site's profiles as data, as the checks saw them. */
  readonly rendered: Map<string, RenderedSite>;
  readonly findings: Finding[];
}

/** Builds one site in the app it is given, and returns it. */
export type SiteBuilder = (app: PaletteApp) => PaletteSite;

/** How `renderSite` treats the site. */
export interface RenderSiteOptions {
  /** Render the site's files when none of its findings blocks. @default true */
  readonly files?: boolean;
}

/** A site of the app, in definition order: built already, or built when its turn comes. */
interface SiteSlot {
  site?: PaletteSite;
  readonly build?: SiteBuilder;
}

/**
 * The root of a program that defines Palette sites. As cdk8s `App.synth` does, `render()`
 * runs the validations of every construct in the tree, then renders and checks every site;
 * any blocking finding stops it before anything is written. `synth()` does the same one site
 * at a time and streams each site's files into the output run, then swaps them all in
 * atomically, or writes nothing.
 *
 * A site is defined either by constructing it (`new VmoSite(app, ...)`), or with
 * `defineSite(app => new VmoSite(app, ...))`, which builds it only when its turn comes and
 * releases its constructs once it is written: a fleet of thousands of sites then needs the
 * memory of one site at a time.
 */
export class PaletteApp extends App implements IPackCatalogScope, ISiteRegistry {
  public readonly packCatalog?: PackCatalog;
  private readonly replaceAll: boolean;
  private readonly slots: SiteSlot[] = [];
  /** The slot whose site is being built: the site it constructs belongs there. */
  private building?: SiteSlot;

  constructor(props: PaletteAppProps = {}) {
    super({ outdir: props.outdir ?? 'dist' });
    this.replaceAll = props.replaceAll ?? false;
    if (props.packCatalog) this.packCatalog = PackCatalog.layered(props.packCatalog, PackCatalog.builtIn());
  }

  /** The sites constructed so far (a site defined with `defineSite` appears once built). */
  public get sites(): PaletteSite[] {
    return this.node.findAll().filter((c): c is PaletteSite => c instanceof PaletteSite);
  }

  /** How many sites the app defines, built or not. */
  public get siteCount(): number {
    return this.liveSlots().length;
  }

  /**
   * Defines a site that is built only when it is rendered (`render`, `synth`, `renderSite`):
   * `build` constructs exactly one site in the app and returns it. `synth()` releases the
   * site's constructs after writing it, so a fleet's memory stays that of one site. `build`
   * may run more than once (each `synth` builds anew), so it must build the same site each time.
   */
  public defineSite(build: SiteBuilder): void {
    this.slots.push({ build });
  }

  /** @internal A site's constructor registers it here, in definition order. */
  public registerSite(site: PaletteSite): void {
    const slot = this.building;
    if (slot) {
      if (slot.site) throw new ValidationError(`a site definition (defineSite) built two sites, '${slot.site.node.path}' and '${site.node.path}': build exactly one site in each definition`);
      slot.site = site;
      return;
    }
    this.slots.push({ site });
  }

  /** Checks and renders every site in memory. Throws SynthError on blocking findings. */
  public render(options: RenderOptions = {}): RenderResult {
    const sites = this.liveSlots().map((slot) => this.build(slot));
    for (const site of sites) {
      refuseStrayCharts(site, [site]);
      refuseUnattachedLayers(site);
    }
    // The charts and layers outside every site: appFindings refuses them.
    const findings: Finding[] = this.appFindings();
    const rendered = new Map<string, RenderedSite>();
    const names = new Map<string, PaletteSite>();
    for (const site of sites) {
      const other = names.get(site.siteName);
      if (other) throw duplicateSiteName(other.node.path, site.node.path, site.siteName);
      names.set(site.siteName, site);
      options.onSite?.(site.siteName, rendered.size, sites.length);
      const r = site.render(new RenderContext());
      rendered.set(site.siteName, r);
      findings.push(...site.check(r));
    }
    const identity = new ProfileIdentityCheck();
    for (const [name, r] of rendered) findings.push(...identity.add(name, profileIdentities(r)));
    if (findings.some(isBlocking)) throw new SynthError(findings);
    const files = new Map<string, SiteFiles>();
    for (const site of sites) {
      const r = rendered.get(site.siteName) as RenderedSite;
      files.set(site.siteName, site.renderFiles(r, findings.filter((f) => f.location.startsWith(`site ${site.siteName}:`))));
    }
    return { sites: files, rendered, findings };
  }

  /**
   * The findings of the constructs outside every site (validations of the app's own
   * constructs); refuses a chart outside every site. Part of `render` and `synth`, for runs
   * that render site by site (`renderSite`).
   */
  public appFindings(): Finding[] {
    refuseChartsOutsideSites(this);
    return validationFindings(this, [CON_001], [], (c) => c instanceof PaletteSite);
  }

  /**
   * Renders and checks the site at `index` (definition order), and its files unless a finding
   * of its own blocks. A site defined with `defineSite` is built for this and released after,
   * so only the outcome stays in memory. Cross-site checks (PAL-007 between sites, one name per
   * site) are the caller's: see `ProfileIdentityCheck`.
   */
  public renderSite(index: number, options: RenderSiteOptions = {}): SiteOutcome {
    const slot = this.liveSlots()[index];
    if (!slot) throw new RangeError(`the app has ${this.siteCount} site(s), no site ${index}`);
    const site = this.build(slot);
    try {
      refuseStrayCharts(site, [site]);
      refuseUnattachedLayers(site);
      const rendered = site.render(new RenderContext());
      const findings = site.check(rendered);
      const blocked = findings.some(isBlocking);
      const files = options.files !== false && !blocked ? site.renderFiles(rendered, findings) : undefined;
      return { index, name: site.siteName, path: site.node.path, findings, profiles: profileIdentities(rendered), ...(files ? { files } : {}) };
    } finally {
      if (slot.build) this.release(slot);
    }
  }

  /**
   * Checks, renders and writes every site, one at a time: each site's files go into the output
   * run's temporary folder as soon as it passes, and a site defined with `defineSite` is
   * released right after. When every site passed, all are swapped into `outdir` together (a
   * folder palette-vmo did not write is never replaced, see OutputRun); one blocking finding
   * anywhere and nothing is written (SynthError, with every site's findings). Warnings go to
   * stderr unless `quiet`.
   */
  public synth(options: SynthOptions = {}): SynthResult {
    const { quiet, siteSources, onSite, ...output } = options;
    const findings: Finding[] = this.appFindings();
    const crossSite: Finding[] = [];
    const identity = new ProfileIdentityCheck();
    const texts = new FindingTexts();
    const names = new Map<string, string>();
    let blocked = findings.some(isBlocking);
    let run: OutputRun | undefined;
    try {
      const total = this.siteCount;
      for (let i = 0; i < total; i++) {
        const outcome = this.renderSite(i, { files: !blocked });
        const other = names.get(outcome.name);
        if (other !== undefined) throw duplicateSiteName(other, outcome.path, outcome.name);
        names.set(outcome.name, outcome.path);
        for (const f of outcome.findings) findings.push(texts.intern(f));
        crossSite.push(...identity.add(outcome.name, outcome.profiles));
        onSite?.(outcome.name, i, total);
        if (outcome.findings.some(isBlocking) || crossSite.some(isBlocking)) blocked = true;
        if (blocked || !outcome.files) continue;
        run ??= OutputRun.begin(this.outdir, { ...output, pruneAll: this.replaceAll });
        run.addSite(outcome.name, outcome.files, { source: siteSources?.get(outcome.name) });
      }
      findings.push(...crossSite);
      if (blocked) throw new SynthError(findings);
      run ??= OutputRun.begin(this.outdir, { ...output, pruneAll: this.replaceAll });
      // PAL-007 also against the site folders earlier runs left in the output folder beside these.
      const kept = keptSiteFindings(this.outdir, run.keptSites(), identity);
      if (kept.length) throw new SynthError([...findings, ...kept]);
      const written = run.commit();
      const notable = findings.filter((f) => f.level === 'warning' && f.suppressedReason === undefined);
      if (notable.length && !quiet) process.stderr.write(formatFindings(notable) + '\n');
      return { findings, output: written };
    } finally {
      run?.abort();
    }
  }

  /** The slots whose sites are still in the tree (a constructed site can be removed again). */
  private liveSlots(): SiteSlot[] {
    return this.slots.filter((s) => s.build !== undefined || (s.site !== undefined && s.site.node.scope?.node.tryFindChild(s.site.node.id) === s.site));
  }

  private build(slot: SiteSlot): PaletteSite {
    if (slot.site) return slot.site;
    const build = slot.build as SiteBuilder;
    this.building = slot;
    let returned: PaletteSite;
    try {
      returned = build(this);
    } catch (e) {
      this.release(slot);
      throw e;
    } finally {
      this.building = undefined;
    }
    if (!slot.site || returned !== slot.site) {
      this.release(slot);
      throw new ValidationError('a site definition (defineSite) must construct one site in the app it is given and return it: app.defineSite((app) => new VmoSite(app, ...))');
    }
    return slot.site;
  }

  /** Removes a defined site's constructs from the tree, so they can be collected. */
  private release(slot: SiteSlot): void {
    const site = slot.site;
    slot.site = undefined;
    if (!site) return;
    let top: IConstruct = site;
    while (top.node.scope && top.node.scope !== this) top = top.node.scope;
    if (top.node.scope === this) this.node.tryRemoveChild(top.node.id);
  }
}

/** Two sites of one run write one folder. */
export function duplicateSiteName(otherPath: string, path: string, name: string): ValidationError {
  return new ValidationError(`sites '${otherPath}' and '${path}' are both named '${name}': each site needs its own output folder name`);
}

/** What PAL-007 compares across sites, of each profile a site writes. */
function profileIdentities(site: RenderedSite): SiteOutcome['profiles'] {
  return site.profiles.map(({ json }) => ({ name: json.metadata.name, version: json.spec.version, contentHash: profileContentHash(profileFileText(json)) }));
}

/** A cdk8s chart outside every profile layer would be silently dropped: refuse it. */
function refuseStrayCharts(scope: IConstruct, sites: readonly PaletteSite[]): void {
  for (const c of scope.node.findAll()) {
    if (!(c instanceof Chart)) continue;
    let inLayer = false;
    for (let s: IConstruct | undefined = c.node.scope; s; s = s.node.scope) if (s instanceof ProfileLayer) inLayer = true;
    if (!inLayer) {
      const where = sites.some((s) => c.node.path.startsWith(`${s.node.path}/`)) ? 'inside a site but outside its layers' : 'outside every site';
      throw new ValidationError(
        `chart '${c.node.path}' is ${where}, so it would not be written: create it inside a ManifestLayer (or a pack layer) of a site's profile, where it becomes a manifest`,
      );
    }
  }
}

/** A layer no profile of its site lists would be rendered by nobody and silently not written: refuse it. */
function refuseUnattachedLayers(scope: IConstruct): void {
  const all = scope.node.findAll();
  const attached = new Set<IConstruct>(all.filter((c): c is ClusterProfile => c instanceof ClusterProfile).flatMap((p) => p.layers));
  for (const c of all) if (c instanceof ProfileLayer && !attached.has(c)) throw unattachedLayer(c);
}

function unattachedLayer(layer: ProfileLayer): ValidationError {
  return new ValidationError(
    `layer '${layer.node.path}' is in no profile, so it would not be written: add it to a profile (e.g. site.addAddOn(layer), or the layers of a ClusterProfile), or remove it`,
  );
}

/** The charts and layers outside every site (the sites' own are checked as each site renders). */
function refuseChartsOutsideSites(app: IConstruct): void {
  const visit = (c: IConstruct): void => {
    if (c instanceof PaletteSite) return;
    if (c instanceof ProfileLayer) throw unattachedLayer(c);
    if (c instanceof Chart) refuseStrayCharts(c, []);
    else for (const child of c.node.children) visit(child);
  };
  for (const child of app.node.children) visit(child);
}
