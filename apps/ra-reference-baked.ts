/**
 * The RA reference site of apps/ra-reference.ts with every value written into the profiles
 * (no cluster profile variables beyond the secrets and the Windows image): the form for a
 * GitOps repository that keeps one profile per cluster. Its values are baked, so its profiles
 * have names of their own (a profile name and version has one content in Palette).
 */
import { PaletteApp, VmoSite } from '../lib';
import { RA_REFERENCE_SITE } from './ra-reference';

export default function raReferenceBaked(app: PaletteApp): void {
  new VmoSite(app, 'ra-reference-baked', {
    ...RA_REFERENCE_SITE,
    name: 'ra-reference-baked',
    profileNamePrefix: 'VMO-RA-Baked',
    profiles: { layout: 'split', variables: false },
  });
}
