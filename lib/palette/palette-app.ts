import { App } from 'cdk8s';
import { ValidationError } from '../common/errors';
import { Finding, formatFindings, isBlocking, SynthError } from './finding';
import { writeSitesAtomically } from './output-writer';
import { PaletteSite, SiteFiles } from './palette-site';

export interface PaletteAppProps {
  /** Where sites are written, one folder each. @default $CDK8S_OUTDIR or 'dist' */
  readonly outdir?: string;
  /**
   * Remove site folders of `outdir` this app did not produce. Off by default, so several
   * apps can share one output folder.
   * @default false
   */
  readonly replaceAll?: boolean;
}

/** The result of rendering an app: every site's files, and every finding. */
export interface RenderResult {
  readonly sites: Map<string, SiteFiles>;
  readonly findings: Finding[];
}

/**
 * The root of a program that defines Palette sites. `synth()` checks every site first and
 * writes nothing if any check fails; otherwise it swaps the new output in atomically.
 */
export class PaletteApp extends App {
  /**
   * Apps whose synth() was deferred by `PALETTE_VMO_DEFER_SYNTH=1`: the command line runs an
   * app program that way, then checks or writes its sites itself.
   */
  public static readonly deferred: PaletteApp[] = [];

  private readonly replaceAll: boolean;

  constructor(props: PaletteAppProps = {}) {
    super({ outdir: props.outdir ?? process.env.CDK8S_OUTDIR ?? 'dist' });
    this.replaceAll = props.replaceAll ?? false;
  }

  public get sites(): PaletteSite[] {
    return this.node.findAll().filter((c): c is PaletteSite => c instanceof PaletteSite);
  }

  /** Checks and renders every site in memory. Throws SynthError on blocking findings. */
  public render(): RenderResult {
    const sites = new Map<string, SiteFiles>();
    const findings: Finding[] = [];
    const names = new Set<string>();
    const rendered = this.sites.map((site) => {
      if (names.has(site.siteName)) {
        throw new ValidationError(`two sites are named '${site.siteName}': each site needs its own output folder name`);
      }
      names.add(site.siteName);
      const profiles = site.profiles.map((p) => p.toJson());
      const siteFindings = site.check(profiles).map((f) => ({ ...f, location: `site ${site.siteName}: ${f.location}` }));
      findings.push(...siteFindings);
      return { site, profiles, siteFindings };
    });
    if (findings.some(isBlocking)) throw new SynthError(findings);
    for (const { site, profiles, siteFindings } of rendered) sites.set(site.siteName, site.renderFiles(profiles, siteFindings));
    return { sites, findings };
  }

  /** Checks, renders and writes every site. Warnings go to stderr. */
  public synth(): RenderResult {
    if (process.env.PALETTE_VMO_DEFER_SYNTH === '1') {
      PaletteApp.deferred.push(this);
      return { sites: new Map(), findings: [] };
    }
    const result = this.render();
    writeSitesAtomically(this.outdir, result.sites, this.replaceAll);
    const notable = result.findings.filter((f) => f.level === 'warning' && f.suppressedReason === undefined);
    if (notable.length && !process.env.PALETTE_VMO_QUIET) process.stderr.write(formatFindings(notable) + '\n');
    return result;
  }
}
