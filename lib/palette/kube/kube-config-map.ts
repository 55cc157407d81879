import { ApiObjectMetadata } from 'cdk8s';
import { Construct } from 'constructs';
import { KubeObject } from './kube-object';

export interface KubeConfigMapProps {
  readonly metadata: ApiObjectMetadata;
  /** Text entries. @default none */
  readonly data?: { readonly [key: string]: string };
  /** Base64 entries. @default none */
  readonly binaryData?: { readonly [key: string]: string };
  /** @default not set */
  readonly immutable?: boolean;
}

/** A `v1` ConfigMap. */
export class KubeConfigMap extends KubeObject {
  constructor(scope: Construct, id: string, props: KubeConfigMapProps) {
    super(scope, id, { apiVersion: 'v1', kind: 'ConfigMap', ...props });
  }
}
