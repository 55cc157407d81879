import { StorageFacts } from '../../packs/facts';
import { FindingLevel, Rule } from '../../palette/finding';
import { VmoSiteModel } from '../site-model';
import { hasMaas } from './has-maas';

/** What an erase on release would wipe: what the storage layer keeps on non-OS disks. */
export function nonOsDisksOf(storage: StorageFacts | undefined): string {
  return storage?.nonOsDisks ?? `the non-OS disks ${storage?.product ?? 'the storage layer'} keeps its data on`;
}

/**
 * DEP-004 (checklist): MAAS must not erase disks when it releases a node, or a repave wipes what
 * the storage layer keeps on the non-OS disks: the FlashArray LUNs Portworx moves between nodes
 * (seed 002 MAAS settings: Settings -> Storage, "Erase nodes' disks prior to releasing" =
 * disabled, "so that LUNs on the FlashArray do not get erased when nodes are repaved"), Ceph OSD
 * disks, Longhorn replicas (seed 000 "For MAAS bare-metal specifically": "not wipe non-OS
 * disks"). Each CSI layer names its own (`StorageFacts.nonOsDisks`). No profile can set it: it is
 * a MAAS setting.
 */
export const DEP_004: Rule<VmoSiteModel> = {
  id: 'DEP-004',
  level: FindingLevel.INFO,
  description: 'checklist: MAAS Settings > Storage "Erase nodes\' disks prior to releasing" stays disabled, so the storage on non-OS disks (FlashArray LUNs, Ceph OSD disks, Longhorn replicas) survives a repave',
  source: 'seed 002 (RA rev 1.7), "Canonical MAAS configuration": Settings -> Storage; seed 000 "Recommendations for All Storage Solutions" (MAAS bare-metal)',
  appliesTo: hasMaas,
  check(site) {
    if (!site.cluster) return [];
    const disks = nonOsDisksOf(site.storage);
    return [
      {
        location: 'maas',
        message:
          `before deploying: in MAAS, Settings > Storage, keep "Erase nodes' disks prior to releasing" disabled; ` +
          `a repave releases each node, and an erase would wipe ${disks}`,
      },
    ];
  },
};
