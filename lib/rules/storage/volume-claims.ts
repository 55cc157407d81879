import { isYamlMap, valueAt } from '../../palette/rendered';
import { VmoSiteModel } from '../site-model';

/** A volume request in the rendered manifests: a CDI StorageProfile claim set or a DataVolume spec. */
export interface VolumeClaim {
  /** `profile X, layer Y, manifest Z`. */
  readonly location: string;
  /** Operator words: `StorageProfile spectro-storage-class`, `DataVolume template-ubuntu-2204`. */
  readonly what: string;
  readonly kind: 'StorageProfile' | 'DataVolume';
  /** `storage` or `pvc` for DataVolumes (which spec form they use); `claimPropertySets[i]` for profiles. */
  readonly form: string;
  /** The storage class: the StorageProfile's name, or the DataVolume's storageClassName. */
  readonly className?: string;
  readonly accessModes?: readonly string[];
  readonly volumeMode?: string;
}

const strings = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : undefined);
const nameOf = (o: unknown) => String(valueAt(o, 'metadata', 'name') ?? '(unnamed)');

function dataVolumeClaim(location: string, what: string, spec: unknown): VolumeClaim | undefined {
  for (const form of ['storage', 'pvc']) {
    const s = valueAt(spec, form);
    if (!isYamlMap(s)) continue;
    const className = valueAt(s, 'storageClassName');
    const volumeMode = valueAt(s, 'volumeMode');
    const accessModes = strings(valueAt(s, 'accessModes'));
    return {
      location,
      what,
      kind: 'DataVolume',
      form,
      ...(typeof className === 'string' ? { className } : {}),
      ...(accessModes ? { accessModes } : {}),
      ...(typeof volumeMode === 'string' ? { volumeMode } : {}),
    };
  }
  return undefined;
}

/** Every StorageProfile claim set and every DataVolume (standalone or a VM's dataVolumeTemplates) the site writes. */
export function volumeClaims(site: VmoSiteModel): VolumeClaim[] {
  const out: VolumeClaim[] = [];
  for (const { deployed: object, where: location } of site.objects) {
    const kind = object.kind;
    const name = nameOf(object);
    if (kind === 'StorageProfile') {
      const sets = valueAt(object, 'spec', 'claimPropertySets');
      (Array.isArray(sets) ? sets : []).forEach((set: unknown, i) => {
        const volumeMode = valueAt(set, 'volumeMode');
        const accessModes = strings(valueAt(set, 'accessModes'));
        out.push({
          location,
          what: `StorageProfile ${name}`,
          kind: 'StorageProfile',
          form: `claimPropertySets[${i}]`,
          className: name,
          ...(accessModes ? { accessModes } : {}),
          ...(typeof volumeMode === 'string' ? { volumeMode } : {}),
        });
      });
    } else if (kind === 'DataVolume') {
      const claim = dataVolumeClaim(location, `DataVolume ${name}`, valueAt(object, 'spec'));
      if (claim) out.push(claim);
    } else {
      const templates = valueAt(object, 'spec', 'dataVolumeTemplates');
      for (const t of Array.isArray(templates) ? templates : []) {
        const claim = dataVolumeClaim(location, `${String(kind)} ${name} dataVolumeTemplate ${nameOf(t)}`, valueAt(t, 'spec'));
        if (claim) out.push(claim);
      }
    }
  }
  return out;
}
