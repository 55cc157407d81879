import { FindingLevel, Rule, RuleViolation } from '../finding';
import { PackLayer } from '../pack-layer';
import { RenderedSite } from '../rendered';

/**
 * PAL-008: a registry pack's values are its complete default values for that exact version
 * with the changes on top, as Palette's UI holds them (RA rev 1.7: every layer is "Modified
 * from default"). Where the pack catalog lacks the exact version, the values are only an
 * overlay of the settings made here: a warning naming the pack, the version and the fix. Some
 * charts take all their values from the pack (Portworx 3.3.1 ships no chart values), so an
 * overlay can leave a chart without settings it needs.
 */
export const PAL_008: Rule<RenderedSite> = {
  id: 'PAL-008',
  level: FindingLevel.WARNING,
  description: "a registry pack's values are its complete published defaults for the exact version, with the changes on top (the pack catalog has them)",
  source: 'fidelity.md D1; seed 002 (RA rev 1.7) "Values: Modified from default"; palette-profile-format.md §0',
  check(site) {
    const out: RuleViolation[] = [];
    for (const layer of site.layers) {
      if (layer.pack.type === 'manifest' || layer.defaults) continue;
      const held = layer.layer instanceof PackLayer ? layer.layer.catalogVersions : [];
      const name = layer.pack.name;
      const version = layer.pack.version;
      out.push({
        location: site.locate(layer),
        message:
          `pack ${name} ${version} has no published defaults in the pack catalog (versions held: ${held.join(', ') || 'none'}), ` +
          `so its values hold only the settings made here, not the complete values Palette's UI would hold: ` +
          `pull them with 'palette-vmo packs pull', or export them from Palette into <catalog>/${name}/${version}/values.yaml and give the site that catalog (packCatalog)`,
      });
    }
    return out;
  },
};
