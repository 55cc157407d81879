import { Construct } from 'constructs';
import { StorageProfile } from '../../imports/cdi.kubevirt.io';
import { ManifestChart } from '../palette/manifest-layer';
import { CdiCloneStrategy } from './cdi-clone-strategy';
import { ValidationError } from '../common/errors';
import { checkDnsSubdomain } from '../common/k8s-names';
import { VM_STORAGE_CLASS } from './ra-defaults';
import { VolumeMode } from './volume-mode';

export interface CdiStorageProfileProps {
  /**
   * The storage class the profile describes; CDI matches StorageProfiles to classes by name.
   * @default 'spectro-storage-class' (the RA's Portworx class for VMs)
   */
  readonly storageClassName?: string;
  /**
   * The volume mode in which the driver serves RWX volumes (rule STO-006).
   * @default VolumeMode.BLOCK (Portworx 3.3+, RA rev 1.7)
   */
  readonly volumeMode?: VolumeMode;
  /** @default CdiCloneStrategy.CSI_CLONE */
  readonly cloneStrategy?: CdiCloneStrategy;
  /**
   * The claim property sets, in order: CDI takes the first one a DataVolume fits. Follow CDI's
   * capability table for the class, RWX first (rule STO-005).
   * @default one set: ReadWriteMany in `volumeMode`
   */
  readonly claimPropertySets?: readonly CdiClaimPropertySet[];
}

/** One StorageProfile claim property set: access modes and a volume mode. */
export interface CdiClaimPropertySet {
  readonly accessModes: readonly ('ReadWriteMany' | 'ReadWriteOnce' | 'ReadOnlyMany')[];
  readonly volumeMode: VolumeMode;
}

/**
 * The CDI StorageProfile of the VM storage class: "informs [CDI] to use RWX volumes for uploaded
 * images and use fast CSI cloning for cloning volumes" (seed 002, VMO-Storage layer). DataVolumes
 * that leave access and volume mode open get them from here (rule STO-007).
 */
export class CdiStorageProfile extends ManifestChart {
  public readonly storageClassName: string;
  public readonly volumeMode: VolumeMode;
  public readonly cloneStrategy: CdiCloneStrategy;

  constructor(scope: Construct, id: string, props: CdiStorageProfileProps = {}) {
    super(scope, id);
    this.storageClassName = props.storageClassName ?? VM_STORAGE_CLASS;
    checkDnsSubdomain(this.storageClassName, 'storage class name', VM_STORAGE_CLASS);
    this.volumeMode = props.volumeMode ?? props.claimPropertySets?.[0]?.volumeMode ?? VolumeMode.BLOCK;
    this.cloneStrategy = props.cloneStrategy ?? CdiCloneStrategy.CSI_CLONE;
    // RWX so that every VM disk can live-migrate (rule STO-005).
    const sets = props.claimPropertySets ?? [{ accessModes: ['ReadWriteMany'], volumeMode: this.volumeMode }];
    if (!sets.length || sets.some((s) => !s.accessModes.length)) {
      throw new ValidationError(`StorageProfile ${this.storageClassName} needs at least one claim property set, each with an access mode: list ReadWriteMany first`);
    }

    new StorageProfile(this, 'storage-profile', {
      metadata: { name: this.storageClassName },
      spec: {
        claimPropertySets: sets.map((s) => ({ accessModes: [...s.accessModes], volumeMode: s.volumeMode.value })),
        cloneStrategy: this.cloneStrategy.value,
      },
    });
  }
}
