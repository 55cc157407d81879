import { FindingLevel, Rule } from '../../palette/finding';
import { VmoSiteModel } from '../site-model';

/**
 * DEP-004 (checklist): MAAS must not erase disks when it releases a node, or a repave wipes the
 * FlashArray LUNs Portworx moves between nodes. Seed 002 MAAS settings: Settings -> Storage,
 * "Erase nodes' disks prior to releasing" = disabled, "so that LUNs on the FlashArray do not
 * get erased when nodes are repaved". No profile can set it: it is a MAAS setting.
 */
export const DEP_004: Rule<VmoSiteModel> = {
  id: 'DEP-004',
  level: FindingLevel.INFO,
  description: "checklist: MAAS Settings > Storage \"Erase nodes' disks prior to releasing\" stays disabled, so FlashArray LUNs survive a repave",
  source: 'seed 002 (RA rev 1.7), "Canonical MAAS configuration": Settings -> Storage',
  check(site) {
    if (!site.cluster) return [];
    return [
      {
        location: 'maas',
        message:
          `before deploying: in MAAS, Settings > Storage, keep "Erase nodes' disks prior to releasing" disabled; ` +
          `a repave releases each node, and an erase would wipe the FlashArray LUNs Portworx hands to the new node`,
      },
    ];
  },
};
