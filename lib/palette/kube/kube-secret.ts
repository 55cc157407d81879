import { ApiObjectMetadata } from 'cdk8s';
import { Construct } from 'constructs';
import { KubeObject } from './kube-object';

export interface KubeSecretProps {
  readonly metadata: ApiObjectMetadata;
  /** e.g. `Opaque`. @default not set (Kubernetes: Opaque) */
  readonly type?: string;
  /** Text entries, encoded by the API server. @default none */
  readonly stringData?: { readonly [key: string]: string };
  /** Base64 entries. @default none */
  readonly data?: { readonly [key: string]: string };
  /** @default not set */
  readonly immutable?: boolean;
}

/** A `v1` Secret. */
export class KubeSecret extends KubeObject {
  constructor(scope: Construct, id: string, props: KubeSecretProps) {
    super(scope, id, { apiVersion: 'v1', kind: 'Secret', ...props });
  }
}
