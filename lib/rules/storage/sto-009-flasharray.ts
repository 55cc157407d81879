import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { LayerRole } from '../../palette/layer-role';
import { VmoSiteModel } from '../site-model';

/** Seed 002: "Increasing the deviceSpecs from the minimum 150 GB to 1024 GB"; seed 000 "LUN sizing ≥1 TB per worker". */
const RA_DEVICE_SIZE_GIB = 1024;
const SAN_TYPES = ['FC', 'ISCSI'];
const SECRET_NAME = 'px-pure-secret';

/**
 * STO-009: FlashArray settings as the CSI layer writes them: a LUN of at least 1024 GiB per
 * worker, SAN type FC or ISCSI, at least one array, and the `px-pure-secret` in the
 * StorageCluster's namespace (Portworx reads it there; seed 002 Portworx layer).
 */
export const STO_009: Rule<VmoSiteModel> = {
  id: 'STO-009',
  level: FindingLevel.INFO,
  description: 'FlashArray: deviceSpecs size >= 1024 GiB per worker; PURE_FLASHARRAY_SAN_TYPE is FC or ISCSI; px-pure-secret exists in the StorageCluster namespace',
  source: 'seed 000 "FlashArray Integration"; seed 002 (RA rev 1.7), Portworx layer',
  check(site) {
    const fa = site.storage?.flashArray;
    const csi = site.rendered.layerWith(LayerRole.CSI);
    if (!fa || !csi) return [];
    const out: RuleViolation[] = [];
    const { deviceSizeGiB, sanType } = fa;
    if (deviceSizeGiB !== undefined && !(deviceSizeGiB >= RA_DEVICE_SIZE_GIB)) {
      out.push({
        location: 'storage.portworx.deviceSizeGiB',
        message: `each worker contributes a ${deviceSizeGiB} GiB FlashArray LUN, below the RA's ${RA_DEVICE_SIZE_GIB} GiB (1 TB per worker): use at least ${RA_DEVICE_SIZE_GIB} unless the pool is sized on purpose`,
      });
    }
    if (sanType !== undefined && !SAN_TYPES.includes(sanType)) {
      out.push({ level: FindingLevel.ERROR, location: 'storage.portworx.sanType', message: `PURE_FLASHARRAY_SAN_TYPE '${sanType}' is not FC or ISCSI: use FC (RA rev 1.7) or ISCSI` });
    }
    if (!fa.mgmtEndpoints.length) {
      out.push({ location: 'storage.portworx.flashArrays', message: `no FlashArray is listed: ${SECRET_NAME} needs at least one management endpoint, e.g. 172.16.200.50` });
    }
    const namespace = fa.storageClusterNamespace ?? 'portworx';
    if (!fa.secretNamespaces.includes(namespace)) {
      const found = fa.secretNamespaces.map((n) => `namespace ${n}`).join(', ');
      out.push({
        location: site.rendered.locate(csi),
        message: `no ${SECRET_NAME} in the StorageCluster namespace ${namespace}${found ? ` (found in ${found})` : ''}: Portworx reads the FlashArray credentials there; add the secret to that namespace`,
      });
    }
    return out;
  },
};
