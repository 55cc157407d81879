import { PaletteApp, VmoSite, VmoSiteProps } from '../../lib';
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

export function layerValues(site: VmoSite, layer: keyof VmoSite['layers']) {
  return renderLayer(site.layers[layer]);
}
