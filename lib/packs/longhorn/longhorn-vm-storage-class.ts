import { KubeStorageClass } from '../../palette/kube';
import { Construct } from 'constructs';
import { checkDnsSubdomain } from '../../common/k8s-names';
import { ManifestChart } from '../../palette/manifest-layer';
import { KUBEVIRT_DEFAULT_VIRT_CLASS_ANNOTATION } from '../kubevirt-storage-class';

/** Longhorn's CSI driver (the provisioner of its storage classes). */
export const LONGHORN_PROVISIONER = 'driver.longhorn.io';
/** The dedicated VM class's name. */
export const LONGHORN_VM_STORAGE_CLASS = 'longhorn-vm';

export interface LonghornVmStorageClassProps {
  /** @default 'longhorn-vm' */
  readonly name?: string;
  /** `numberOfReplicas`. */
  readonly replicas: number;
}

/**
 * Longhorn's class for VM disks: `migratable: "true"`, so RWX Block volumes live-migrate
 * (Longhorn starts a second engine on the target node). The parameters are those of Longhorn's
 * example (longhorn/longhorn examples/rwx/storageclass-migratable.yaml). It is KubeVirt's
 * default-virt class and never the cluster default: a migratable volume is supported only with
 * volumeMode Block, so ordinary RWX Filesystem claims on it would fail (storage-backends.md §2.2).
 */
export class LonghornVmStorageClass extends ManifestChart {
  public readonly storageClassName: string;

  constructor(scope: Construct, id: string, props: LonghornVmStorageClassProps) {
    super(scope, id);
    this.storageClassName = props.name ?? LONGHORN_VM_STORAGE_CLASS;
    checkDnsSubdomain(this.storageClassName, 'Longhorn VM storage class name', LONGHORN_VM_STORAGE_CLASS);
    new KubeStorageClass(this, 'storage-class', {
      metadata: { name: this.storageClassName, annotations: { [KUBEVIRT_DEFAULT_VIRT_CLASS_ANNOTATION]: 'true' } },
      provisioner: LONGHORN_PROVISIONER,
      allowVolumeExpansion: true,
      reclaimPolicy: 'Delete',
      // Longhorn's own classes bind at once (the chart's default class too).
      volumeBindingMode: 'Immediate',
      parameters: {
        numberOfReplicas: String(props.replicas),
        staleReplicaTimeout: '2880',
        fromBackup: '',
        migratable: 'true',
      },
    });
  }
}
