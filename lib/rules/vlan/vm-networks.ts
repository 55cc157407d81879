import { VmoSiteModel, VmNetworkFacts } from '../site-model';

/**
 * The tagged VM networks the site writes, one per network name (a network offered in several
 * namespaces is one NAD per namespace), with the location rules report them at: the site
 * setting `templates.networks[<name>]`.
 */
export function taggedNetworks(site: VmoSiteModel): (VmNetworkFacts & { readonly vlan: number; readonly setting: string })[] {
  const byName = new Map<string, VmNetworkFacts & { readonly vlan: number; readonly setting: string }>();
  for (const n of site.vmNetworks) {
    if (n.vlan === undefined || byName.has(n.name)) continue;
    byName.set(n.name, { ...n, vlan: n.vlan, setting: `templates.networks[${n.name}]` });
  }
  return [...byName.values()];
}

/** The VM VLANs as the VMO layer writes them (`allowedVlans`), shown as the site's `vmVlans`. */
export function vmVlansText(site: VmoSiteModel): string | undefined {
  return site.vmo?.vmVlans;
}
