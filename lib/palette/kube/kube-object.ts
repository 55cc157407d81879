import { ApiObject } from 'cdk8s';

/**
 * A core Kubernetes object (ConfigMap, Secret, StorageClass) on cdk8s's ApiObject, written
 * the way cdk8s's generated `k8s` classes write it: `apiVersion`, `kind`, `metadata`, then the
 * other fields in key order. The library needs three kinds; the generated module of every
 * kind (cdk8s-plus-30's `k8s`) costs a quarter of a second to load at every start of the CLI.
 */
export abstract class KubeObject extends ApiObject {
  public toJson(): Record<string, unknown> {
    const { apiVersion, kind, metadata, ...fields } = super.toJson() as Record<string, unknown>;
    return { apiVersion, kind, ...(metadata !== undefined ? { metadata } : {}), ...fields };
  }
}
