import { VmoSiteModel } from '../site-model';

/** The MAAS rules apply to a site with `maas:`, the one that writes a cluster definition (deploy/). */
export function hasMaas(site: VmoSiteModel): boolean {
  return site.maas !== undefined;
}
