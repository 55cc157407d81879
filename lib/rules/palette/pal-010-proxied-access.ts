import { isProxyLayer, isVmoLayer } from '../../packs/facts';
import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { LayerRole } from '../../palette/layer-role';
import { VmoSiteModel } from '../site-model';

/**
 * PAL-010: a profile whose VMO layer uses "Proxied" access also stacks the Spectro Proxy layer
 * with the VM dashboard integration on. Seed 002 VMO layer: Proxied "will leverage the Spectro
 * Proxy to ensure access to the Virtual Machines tab, as well as VM remote consoles"; the VMO
 * pack's template makes spectro-proxy a required dependency of Proxied, which Palette's UI adds
 * and an imported profile does not.
 */
export const PAL_010: Rule<VmoSiteModel> = {
  id: 'PAL-010',
  level: FindingLevel.ERROR,
  description: 'a profile with VMO in Proxied access stacks the Spectro Proxy layer with vmDashboardIntegration enabled',
  source: 'seed 002 (RA rev 1.7), VMO layer "Access"; VMO pack template/parameters.yaml (Proxied: "Spectro Proxy is required")',
  check(site) {
    const out: RuleViolation[] = [];
    for (const profile of site.rendered.profiles) {
      for (const vmo of profile.layers.filter((l) => l.role === LayerRole.VMO)) {
        if (!isVmoLayer(vmo.layer) || vmo.layer.vmoFacts(vmo).access !== 'proxied') continue;
        const proxies = profile.layers.filter((l) => l.role === LayerRole.PROXY);
        const location = `profile ${profile.json.metadata.name}, layer ${vmo.pack.name}`;
        if (!proxies.length) {
          out.push({
            location,
            message: `VMO uses Proxied access but profile ${profile.json.metadata.name} has no Spectro Proxy layer, so the Virtual Machines tab and VM consoles have no path to the dashboard: add the spectro-proxy layer (Palette's UI adds it for Proxied), or use Direct access`,
          });
        } else if (!proxies.some((p) => isProxyLayer(p.layer) && p.layer.proxyFacts(p).vmDashboardIntegration)) {
          out.push({
            location,
            message: `VMO uses Proxied access but the Spectro Proxy layer of profile ${profile.json.metadata.name} does not route the VM dashboard: set manifests.spectro-proxy.vmDashboardIntegration.enabled to true`,
          });
        }
      }
    }
    return out;
  },
};
