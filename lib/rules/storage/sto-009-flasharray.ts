import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { layerLocation, manifestObjects, packValues, pathGet, safeProfiles } from '../profile-scan';
import { VmoSiteModel } from '../site-model';

/** Seed 002: "Increasing the deviceSpecs from the minimum 150 GB to 1024 GB"; seed 000 "LUN sizing ≥1 TB per worker". */
const RA_DEVICE_SIZE_GIB = 1024;
const SAN_TYPES = ['FC', 'ISCSI'];
const SECRET_NAME = 'px-pure-secret';
/** The StorageCluster namespace of the Portworx 3.3.1 pack (pack-values.md §5). */
const DEFAULT_STORAGE_CLUSTER_NAMESPACE = 'portworx';

/**
 * STO-009: FlashArray settings: a LUN of at least 1024 GiB per worker, SAN type FC or ISCSI,
 * at least one array, and the `px-pure-secret` in the StorageCluster's namespace (Portworx
 * reads it there; seed 002 Portworx layer).
 */
export const STO_009: Rule<VmoSiteModel> = {
  id: 'STO-009',
  level: FindingLevel.INFO,
  description: 'FlashArray: deviceSpecs size >= 1024 GiB per worker; PURE_FLASHARRAY_SAN_TYPE is FC or ISCSI; px-pure-secret exists in the StorageCluster namespace',
  source: 'seed 000 "FlashArray Integration"; seed 002 (RA rev 1.7), Portworx layer',
  check({ plan, profiles }) {
    const out: RuleViolation[] = [];
    const { deviceSizeGiB, sanType, flashArrays } = plan.storage;
    if (!(typeof deviceSizeGiB === 'number' && deviceSizeGiB >= RA_DEVICE_SIZE_GIB)) {
      out.push({
        location: 'storage.portworx.deviceSizeGiB',
        message: `each worker contributes a ${deviceSizeGiB} GiB FlashArray LUN, below the RA's ${RA_DEVICE_SIZE_GIB} GiB (1 TB per worker): use at least ${RA_DEVICE_SIZE_GIB} unless the pool is sized on purpose`,
      });
    }
    if (!SAN_TYPES.includes(sanType)) {
      out.push({ location: 'storage.portworx.sanType', message: `PURE_FLASHARRAY_SAN_TYPE '${sanType}' is not FC or ISCSI: use FC (RA rev 1.7) or ISCSI` });
    }
    if (!flashArrays.length) {
      out.push({ location: 'storage.portworx.flashArrays', message: `no FlashArray is listed: px-pure-secret needs at least one management endpoint, e.g. 172.16.200.50` });
    }
    const rendered = safeProfiles(profiles);
    const secrets = manifestObjects(rendered).filter((o) => o.object.kind === 'Secret' && pathGet(o.object, 'metadata', 'name') === SECRET_NAME);
    for (const profile of rendered) {
      for (const pack of profile.spec.template.packs.filter((p) => p.name.includes('portworx'))) {
        const ns = pathGet(packValues(pack), 'charts', 'portworx-generic', 'storageCluster', 'namespace');
        const namespace = typeof ns === 'string' ? ns : DEFAULT_STORAGE_CLUSTER_NAMESPACE;
        const inProfile = secrets.filter((s) => s.profile === profile);
        if (!inProfile.some((s) => (pathGet(s.object, 'metadata', 'namespace') ?? 'default') === namespace)) {
          const found = inProfile.map((s) => `namespace ${String(pathGet(s.object, 'metadata', 'namespace') ?? 'default')}`).join(', ');
          out.push({
            location: layerLocation(profile, pack),
            message: `no ${SECRET_NAME} in the StorageCluster namespace ${namespace}${found ? ` (found in ${found})` : ''}: Portworx reads the FlashArray credentials there; add the secret to that namespace`,
          });
        }
      }
    }
    return out;
  },
};
