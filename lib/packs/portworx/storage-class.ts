import { ValidationError } from '../../common/errors';
import { isDnsSubdomain } from '../../common/dns-names';
import { ValueNode } from '../../palette/values';

import { KUBEVIRT_DEFAULT_VIRT_CLASS_ANNOTATION } from '../kubevirt-storage-class';

export { KUBEVIRT_DEFAULT_VIRT_CLASS_ANNOTATION };

/** When a storage class binds and provisions a volume (`volumeBindingMode`). */
export class VolumeBindingMode {
  /** Provision where the first pod using the claim is scheduled (the pack's default). */
  public static readonly WAIT_FOR_FIRST_CONSUMER = new VolumeBindingMode('WaitForFirstConsumer');
  /** Provision as soon as the claim is created. */
  public static readonly IMMEDIATE = new VolumeBindingMode('Immediate');

  private constructor(public readonly value: string) {}
}

/**
 * One entry of the pack's `storageClasses` list (3.3.x; 3.2.x had a single `storageClass`
 * map). The chart turns each entry into a `pxd.portworx.com` StorageClass.
 */
export interface PortworxStorageClass {
  /** The StorageClass name, a DNS-1123 subdomain. */
  readonly name: string;
  /** Mark it the cluster's default storage class. @default false */
  readonly isDefaultStorageClass?: boolean;
  /**
   * Mark it KubeVirt's default class for VM disks
   * (`storageclass.kubevirt.io/is-default-virt-class: "true"`).
   * @default false
   */
  readonly isDefaultVirtClass?: boolean;
  /** More annotations on the StorageClass. @default none */
  readonly annotations?: { readonly [key: string]: string };
  /** `Delete` or `Retain` (cdk8s-plus's PersistentVolumeReclaimPolicy values fit). @default 'Delete' */
  readonly reclaimPolicy?: 'Delete' | 'Retain';
  /** @default VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER */
  readonly volumeBindingMode?: VolumeBindingMode;
  /** @default true */
  readonly allowVolumeExpansion?: boolean;
  /**
   * Portworx StorageClass parameters (`repl`, `io_profile`, `priority_io`, `nodiscard`, ...).
   * Values are strings, as StorageClass parameters are. `repl` must be 1, 2 or 3.
   * @default none
   */
  readonly parameters?: { readonly [key: string]: string };
}

/**
 * The RA's storage class for VM disks (RA rev 1.7, Portworx layer and "Portworx settings"):
 * the pack's default class, made KubeVirt's default, tuned for VM block volumes.
 */
export const RA_VM_STORAGE_CLASS: PortworxStorageClass = {
  name: 'spectro-storage-class',
  isDefaultStorageClass: true,
  // "Setting an annotation to inform Kubevirt that this storageclass should be the default storageclass for VMs"
  isDefaultVirtClass: true,
  reclaimPolicy: 'Delete',
  volumeBindingMode: VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER,
  allowVolumeExpansion: true,
  parameters: {
    // "to enable journaling for better performance"
    io_profile: 'auto_journal',
    // "to match the priority of the FlashArray pool that Portworx will set up"
    priority_io: 'high',
    // "Reducing parameters.repl from 3 to 2 for better performance"
    repl: '2',
    // "to align with recommend settings for VM block volumes"
    nodiscard: 'true',
  },
};

/** Checks the list: names, uniqueness, one default of each kind, `repl`. */
export function checkStorageClasses(classes: readonly PortworxStorageClass[]): void {
  if (classes.length === 0) {
    throw new ValidationError(`portworx needs at least one storage class: give one (e.g. RA_VM_STORAGE_CLASS, named '${RA_VM_STORAGE_CLASS.name}')`);
  }
  const names = new Set<string>();
  for (const sc of classes) {
    if (!isDnsSubdomain(sc.name)) {
      throw new ValidationError(
        `storage class name '${sc.name}' is invalid: use lowercase letters, digits, '-' and '.', starting and ending with a letter or digit (e.g. 'px-vm-block')`,
      );
    }
    if (names.has(sc.name)) throw new ValidationError(`storage class name '${sc.name}' is used twice: give each storage class its own name`);
    names.add(sc.name);
    if (sc.annotations?.[KUBEVIRT_DEFAULT_VIRT_CLASS_ANNOTATION] !== undefined) {
      throw new ValidationError(
        `storage class '${sc.name}' sets the annotation '${KUBEVIRT_DEFAULT_VIRT_CLASS_ANNOTATION}' directly: use isDefaultVirtClass: true instead`,
      );
    }
  }
  for (const [flag, label] of [
    ['isDefaultStorageClass', 'the default storage class'],
    ['isDefaultVirtClass', "KubeVirt's default storage class"],
  ] as const) {
    const marked = classes.filter((sc) => sc[flag]).map((sc) => sc.name);
    if (marked.length > 1) {
      throw new ValidationError(`storage classes ${marked.map((n) => `'${n}'`).join(', ')} are all marked ${label}: mark only one (${flag})`);
    }
  }
}

/** STO-004's form check: Portworx keeps 1, 2 or 3 replicas. */
export function replicationProblem(className: string, repl: string | undefined): string | undefined {
  if (repl === undefined || ['1', '2', '3'].includes(repl)) return undefined;
  return `storage class '${className}' has repl '${repl}': Portworx keeps 1, 2 or 3 replicas, use '2' (the RA's value) or '3'`;
}

/** The class VMs use: KubeVirt's default, else the cluster default, else the first. */
export function vmStorageClass(classes: readonly PortworxStorageClass[]): PortworxStorageClass {
  return classes.find((sc) => sc.isDefaultVirtClass) ?? classes.find((sc) => sc.isDefaultStorageClass) ?? classes[0];
}

/** One `storageClasses` entry, in the key order of the pack's values.yaml. */
export function renderStorageClass(sc: PortworxStorageClass): ValueNode {
  const annotations: { [key: string]: string } = { ...(sc.annotations ?? {}) };
  if (sc.isDefaultVirtClass) annotations[KUBEVIRT_DEFAULT_VIRT_CLASS_ANNOTATION] = 'true';
  return {
    name: sc.name,
    isDefaultStorageClass: sc.isDefaultStorageClass ?? false,
    annotations,
    reclaimPolicy: sc.reclaimPolicy ?? 'Delete',
    volumeBindingMode: (sc.volumeBindingMode ?? VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER).value,
    allowVolumeExpansion: sc.allowVolumeExpansion ?? true,
    parameters: { ...(sc.parameters ?? {}) },
  };
}
