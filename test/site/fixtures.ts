import { Finding, PaletteApp, SiteFiles, SynthError, VmoSite, VmoSiteLayers, VmoSiteProps } from '../../lib';
import { renderLayer } from '../helpers';

/** The RA rev 1.7 reference site, as apps/ra-reference.ts describes it. */
export const RA_SITE: VmoSiteProps = {
  name: 'ra',
  network: {
    layout: 'four-nic',
    mgmt: { vlan: 10, cidr: '172.16.0.0/22' },
    data: { vlan: 20, cidr: '10.20.0.0/16', gateway: '10.20.30.1' },
  },
};

export function buildSite(props: VmoSiteProps = RA_SITE): VmoSite {
  return new VmoSite(new PaletteApp({ outdir: '/nonexistent' }), props.name ?? 'site', props);
}

/** Every byte the site would write, as one string, for "appears nowhere" assertions. */
export function allOutput(site: VmoSite): string {
  return site.profiles.map((p) => JSON.stringify(p.toJson())).join('\n');
}

/** A layer the site built (a refused layer fails the test with the site's findings). */
export function layerOf<K extends keyof VmoSiteLayers>(site: VmoSite, key: K): NonNullable<VmoSiteLayers[K]> {
  const layer = site.layers[key];
  if (!layer) throw new Error(`layer ${String(key)} was refused: ${JSON.stringify(site.check().filter((f) => f.ruleId === 'SITE-001'))}`);
  return layer as NonNullable<VmoSiteLayers[K]>;
}

export function layerValues(site: VmoSite, layer: keyof VmoSiteLayers) {
  return renderLayer(layerOf(site, layer));
}

/** What a site writes, rendered and checked in memory as synth would: its files, or the unsuppressed errors that refuse it. */
export function renderSite(props: VmoSiteProps): { files: SiteFiles; errors: Finding[] } {
  const app = new PaletteApp({ outdir: '/nonexistent' });
  new VmoSite(app, props.name ?? 'site', props);
  try {
    return { files: app.render().sites.get(props.name ?? 'site') ?? new Map(), errors: [] };
  } catch (e) {
    if (!(e instanceof SynthError)) throw e;
    return { files: new Map(), errors: e.findings.filter((f) => f.level === 'error' && f.suppressedReason === undefined) };
  }
}

/** The error findings the app reports for a site (rendered and checked as synth would), as `RULE: message`. */
export function errorIds(props: VmoSiteProps): string[] {
  return renderSite(props).errors.map((f) => `${f.ruleId}: ${f.message}`);
}

/** A finding's location without its `site <name>: ` prefix. */
export const siteLocation = (f: Finding): string => f.location.replace(/^site [^:]+: /, '');
