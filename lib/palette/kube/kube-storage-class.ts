import { ApiObjectMetadata } from 'cdk8s';
import { Construct } from 'constructs';
import { KubeObject } from './kube-object';

export interface KubeStorageClassProps {
  readonly metadata: ApiObjectMetadata;
  /** The CSI driver, e.g. `driver.longhorn.io`. */
  readonly provisioner: string;
  /** @default none */
  readonly parameters?: { readonly [key: string]: string };
  /** `Delete` or `Retain`. @default not set (Kubernetes: Delete) */
  readonly reclaimPolicy?: string;
  /** @default not set */
  readonly allowVolumeExpansion?: boolean;
  /** `Immediate` or `WaitForFirstConsumer`. @default not set (Kubernetes: Immediate) */
  readonly volumeBindingMode?: string;
  /** @default none */
  readonly mountOptions?: readonly string[];
}

/** A `storage.k8s.io/v1` StorageClass. */
export class KubeStorageClass extends KubeObject {
  constructor(scope: Construct, id: string, props: KubeStorageClassProps) {
    super(scope, id, { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', ...props });
  }
}
