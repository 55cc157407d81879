import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { LayerRole } from '../../palette/layer-role';
import { VmoSiteModel } from '../site-model';
import { storageClasses } from './storage-classes';

/** The LINSTOR CSI driver Piraeus installs. */
const LINSTOR_PROVISIONER = 'linstor.csi.linbit.com';

/**
 * STO-012: Piraeus (LINSTOR/DRBD) on MAAS. Seed 000: "Piraeus/LINSTOR does NOT support automatic
 * pool rebuilding or rebalancing when nodes are replaced via CAPI repave ... Storage pools must
 * be manually recreated on the new node"; storage-backends.md §2.4: "at least a warning when
 * Piraeus is chosen for a MAAS site". The library builds no Piraeus layer; this catches one a
 * program brings as its CSI layer, or a LINSTOR class in any layer.
 */
export const STO_012: Rule<VmoSiteModel> = {
  id: 'STO-012',
  level: FindingLevel.WARNING,
  description: 'Piraeus (LINSTOR) on a MAAS site: a CAPI repave replaces the node, and LINSTOR does not rebuild its storage pool on the new one',
  source: 'seed 000 "Piraeus (LINSTOR/DRBD)"; storage-backends.md §2.4',
  check(site) {
    const maas = site.rendered.profiles.some((p) => p.json.spec.template.cloudType === 'maas');
    const linstor = [...storageClasses(site).values()].filter((sc) => sc.provisioner === LINSTOR_PROVISIONER).map((sc) => sc.name);
    if (!maas || (site.storage?.provisioner !== LINSTOR_PROVISIONER && !linstor.length)) return [];
    const csi = site.rendered.layerWith(LayerRole.CSI);
    const out: RuleViolation[] = [
      {
        location: csi ? site.rendered.locate(csi) : 'storage',
        message:
          `Piraeus (LINSTOR${linstor.length ? `, storage class ${linstor.join(', ')}` : ''}) on MAAS: a CAPI repave gives the node a new hostname and no storage pool, and LINSTOR neither recreates the pool nor rebalances; ` +
          `each repave needs 'linstor storage-pool create' by hand. Prefer Portworx, Longhorn or Rook-Ceph (storage.backend), or keep storage nodes out of repaves`,
      },
    ];
    return out;
  },
};
