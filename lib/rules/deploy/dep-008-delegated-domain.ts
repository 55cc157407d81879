import { FindingLevel, Rule } from '../../palette/finding';
import { VmoSiteModel } from '../site-model';
import { hasMaas } from './has-maas';

/**
 * DEP-008: the MAAS domain is a delegated subzone of the company's DNS (seed 002 MAAS settings:
 * "DNS: metal.[company DNS zone] ... delegating the subzone to MAAS"), not MAAS's bare `maas`
 * default, which the Sheldonwl guide warns against ("Use a proper subdomain").
 */
export const DEP_008: Rule<VmoSiteModel> = {
  id: 'DEP-008',
  level: FindingLevel.WARNING,
  description: "the MAAS domain is a delegated subzone (metal.<company zone>), not MAAS's bare .maas",
  source: 'seed 002 (RA rev 1.7) MAAS settings "DNS"; deploy.md §1.1 (Sheldonwl/spectro-guides "Use a proper subdomain")',
  appliesTo: hasMaas,
  check(site) {
    const domain = site.maas?.domain;
    if (domain === undefined) return [];
    const lower = domain.toLowerCase();
    if (lower !== 'maas' && !lower.endsWith('.maas') && lower.includes('.')) return [];
    return [
      {
        location: 'maas.domain',
        message: `'${domain}' is not a subzone of the company's DNS: delegate a subzone such as metal.example.com to MAAS and use it (RA), so node names resolve outside MAAS`,
      },
    ];
  },
};
