import { App, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { ValidationError } from '../common/errors';
import { PAL_007 } from './checks/pal-007-profile-identity';
import { ClusterProfile } from './cluster-profile';
import { Finding, formatFindings, isBlocking, SynthError } from './finding';
import { OutputResult, OutputRunProps, writeSitesAtomically } from './output-writer';
import { IPackCatalogScope, PackCatalog } from './pack-catalog';
import { PaletteSite, SiteFiles, validationFindings } from './palette-site';
import { ProfileLayer } from './profile-layer';
import { RenderContext, RenderedSite } from './rendered';
import { CON_001 } from './rule-validation';

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
}

/** What `synth()` rendered and wrote. */
export interface SynthResult extends RenderResult {
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

/**
 * The root of a program that defines Palette sites. As cdk8s `App.synth` does, `render()`
 * runs the validations of every construct in the tree, then renders and checks every site;
 * any blocking finding stops it before anything is written. `synth()` then swaps the new
 * output in atomically.
 */
export class PaletteApp extends App implements IPackCatalogScope {
  public readonly packCatalog?: PackCatalog;
  private readonly replaceAll: boolean;

  constructor(props: PaletteAppProps = {}) {
    super({ outdir: props.outdir ?? 'dist' });
    this.replaceAll = props.replaceAll ?? false;
    if (props.packCatalog) this.packCatalog = PackCatalog.layered(props.packCatalog, PackCatalog.builtIn());
  }

  public get sites(): PaletteSite[] {
    return this.node.findAll().filter((c): c is PaletteSite => c instanceof PaletteSite);
  }

  /** Checks and renders every site in memory. Throws SynthError on blocking findings. */
  public render(options: RenderOptions = {}): RenderResult {
    const sites = this.sites;
    refuseStrayCharts(this, sites);
    refuseUnattachedLayers(this);
    const findings: Finding[] = validationFindings(this, [CON_001], []).filter((f) => !sites.some((s) => f.location.startsWith(`${s.node.path}/`) || f.location === s.node.path));
    const rendered = new Map<string, RenderedSite>();
    const names = new Map<string, PaletteSite>();
    for (const site of sites) {
      const other = names.get(site.siteName);
      if (other) {
        throw new ValidationError(`sites '${other.node.path}' and '${site.node.path}' are both named '${site.siteName}': each site needs its own output folder name`);
      }
      names.set(site.siteName, site);
      options.onSite?.(site.siteName, rendered.size, sites.length);
      const r = site.render(new RenderContext());
      rendered.set(site.siteName, r);
      findings.push(...site.check(r));
    }
    findings.push(...profileIdentity(rendered));
    if (findings.some(isBlocking)) throw new SynthError(findings);
    const files = new Map<string, SiteFiles>();
    for (const site of sites) {
      const r = rendered.get(site.siteName) as RenderedSite;
      files.set(site.siteName, site.renderFiles(r, findings.filter((f) => f.location.startsWith(`site ${site.siteName}:`))));
    }
    return { sites: files, rendered, findings };
  }

  /**
   * Checks, renders and writes every site: all of them are swapped into `outdir` together, a
   * folder palette-vmo did not write is never replaced (see writeSitesAtomically). Warnings
   * go to stderr unless `quiet`.
   */
  public synth(options: SynthOptions = {}): SynthResult {
    const result = this.render();
    const { quiet, ...output } = options;
    const written = writeSitesAtomically(this.outdir, result.sites, { ...output, pruneAll: this.replaceAll });
    const notable = result.findings.filter((f) => f.level === 'warning' && f.suppressedReason === undefined);
    if (notable.length && !quiet) process.stderr.write(formatFindings(notable) + '\n');
    return { ...result, output: written };
  }
}

/** A cdk8s chart outside every profile layer would be silently dropped: refuse it. */
function refuseStrayCharts(app: IConstruct, sites: readonly PaletteSite[]): void {
  for (const c of app.node.findAll()) {
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

/** A layer no profile lists would be rendered by nobody and silently not written: refuse it. */
function refuseUnattachedLayers(app: IConstruct): void {
  const all = app.node.findAll();
  const attached = new Set<IConstruct>(all.filter((c): c is ClusterProfile => c instanceof ClusterProfile).flatMap((p) => p.layers));
  for (const c of all) {
    if (!(c instanceof ProfileLayer) || attached.has(c)) continue;
    throw new ValidationError(
      `layer '${c.node.path}' is in no profile, so it would not be written: add it to a profile (e.g. site.addAddOn(layer), or the layers of a ClusterProfile), or remove it`,
    );
  }
}

/** PAL-007 across sites: a profile name+version written by two sites must have one content. */
function profileIdentity(rendered: ReadonlyMap<string, RenderedSite>): Finding[] {
  const out: Finding[] = [];
  const byKey = new Map<string, { site: string; content: string }>();
  for (const [site, r] of rendered) {
    for (const { json } of r.profiles) {
      const key = `${json.metadata.name}@${json.spec.version}`;
      const content = JSON.stringify(json);
      const known = byKey.get(key);
      if (!known) {
        byKey.set(key, { site, content });
      } else if (known.content !== content) {
        out.push({
          ruleId: PAL_007.id,
          level: 'error',
          location: `site ${site}: profile ${json.metadata.name}`,
          source: PAL_007.source,
          message:
            `sites ${known.site} and ${site} both write profile ${json.metadata.name} version ${json.spec.version} with different content, ` +
            `and Palette keeps one content per name and version: use profile variables for what differs, put the site name in the profile name, or give each site its own version`,
        });
      }
    }
  }
  return out;
}
