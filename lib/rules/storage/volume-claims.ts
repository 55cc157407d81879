import { ProfileJson } from '../../palette/cluster-profile';
import { isMap, manifestObjects, metadataName, pathGet } from '../profile-scan';

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

function dataVolumeClaim(location: string, what: string, spec: unknown): VolumeClaim | undefined {
  for (const form of ['storage', 'pvc']) {
    const s = pathGet(spec, form);
    if (!isMap(s)) continue;
    const className = pathGet(s, 'storageClassName');
    const volumeMode = pathGet(s, 'volumeMode');
    const accessModes = strings(pathGet(s, 'accessModes'));
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

/** Every StorageProfile claim set and every DataVolume (standalone or a VM's dataVolumeTemplates) of the profiles. */
export function volumeClaims(profiles: readonly ProfileJson[]): VolumeClaim[] {
  const out: VolumeClaim[] = [];
  for (const { object, location } of manifestObjects(profiles)) {
    const kind = object.kind;
    const name = metadataName(object);
    if (kind === 'StorageProfile') {
      const sets = pathGet(object, 'spec', 'claimPropertySets');
      (Array.isArray(sets) ? sets : []).forEach((set: unknown, i) => {
        const volumeMode = pathGet(set, 'volumeMode');
        const accessModes = strings(pathGet(set, 'accessModes'));
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
      const claim = dataVolumeClaim(location, `DataVolume ${name}`, pathGet(object, 'spec'));
      if (claim) out.push(claim);
    } else {
      const templates = pathGet(object, 'spec', 'dataVolumeTemplates');
      for (const t of Array.isArray(templates) ? templates : []) {
        const claim = dataVolumeClaim(location, `${String(kind)} ${name} dataVolumeTemplate ${metadataName(t)}`, pathGet(t, 'spec'));
        if (claim) out.push(claim);
      }
    }
  }
  return out;
}
