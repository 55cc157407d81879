import type { ProfileJson } from '../cluster-profile';
import type { RenderedProfile, RenderedSite } from '../rendered';

/**
 * A Palette MAAS cluster as data: what `spectrocloud_cluster_maas` and
 * `POST /v1/spectroclusters/maas` both describe (deploy.md §1.1). The Terraform and API
 * writers in this folder render it; the site rules check it.
 */
export interface MaasClusterDefinition {
  /** `metadata.name`: the cluster name in Palette. */
  readonly name: string;
  readonly description: string;
  /** `key:value` or bare `key` (Palette labels). */
  readonly tags: readonly string[];
  /** The name of the MAAS cloud account in Palette; its uid is looked up at deploy time. */
  readonly cloudAccount: string;
  /** The MAAS DNS domain. */
  readonly domain: string;
  readonly ntpServers: readonly string[];
  readonly sshKeys: readonly string[];
  /** IANA time zone; undefined leaves Palette's. */
  readonly timeZone?: string;
  /** Control plane first, then the worker pools. */
  readonly pools: readonly MaasMachinePool[];
  /** The profiles the cluster is built from, in dependency order (infra or full first). */
  readonly profiles: readonly ClusterProfileUse[];
  readonly backup?: ClusterBackupPolicy;
  readonly scans?: ClusterScanPolicy;
  /**
   * The subnets the private cloud gateway prefers for node DNS records (ConfigMap
   * `maas-preferred-subnet` in `jet-system`), for hosts with more than one NIC. @default none
   */
  readonly preferredSubnets?: readonly string[];
}

/** A MAAS machine pool (`machine_pool`, API `machinepoolconfig[]`). */
export interface MaasMachinePool {
  readonly name: string;
  readonly controlPlane: boolean;
  readonly count: number;
  readonly azs: readonly string[];
  readonly resourcePool: string;
  readonly minCpu: number;
  /** MiB (`min_memory_mb`, API `minMemInMB`). */
  readonly minMemoryMiB: number;
  readonly nodeTags: readonly string[];
}

/** A profile a cluster uses, with the cluster's value for each of its variables. */
export interface ClusterProfileUse {
  readonly name: string;
  readonly version: string;
  /** The import document, as the site writes it to `profiles/<name>.json`. */
  readonly json: ProfileJson;
  readonly variables: readonly ClusterVariable[];
}

/**
 * A profile variable as a cluster sets it: the site's value, or an input given at deploy
 * time (every sensitive variable, and any variable without a value).
 */
export type ClusterVariable =
  | { readonly name: string; readonly value: string }
  | { readonly name: string; readonly input: { readonly sensitive: boolean; readonly description: string } };

export function isClusterInput(v: ClusterVariable): v is Extract<ClusterVariable, { input: unknown }> {
  return 'input' in v;
}

/** `backup_policy` (API `spec.policies.backupPolicy`). */
export interface ClusterBackupPolicy {
  /** The backup location's name in Palette; its uid is looked up at deploy time. */
  readonly location: string;
  /** Five-field cron. */
  readonly schedule: string;
  readonly expiryHours: number;
  readonly prefix: string;
  readonly includeDisks: boolean;
}

/** `scan_policy` (API `spec.policies.scanPolicy`), five-field cron each. */
export interface ClusterScanPolicy {
  readonly configuration: string;
  readonly penetration: string;
  readonly conformance: string;
}

/**
 * The profiles a cluster is built from, in dependency order: the infra profile and the add-on
 * profiles after it when the site writes an infra profile (the RA's split), else the full
 * profile; add-ons follow in the order the site defines them (Core before Templates).
 */
export function clusterProfileStack(rendered: RenderedSite): RenderedProfile[] {
  const ofType = (type: string) => rendered.profiles.filter((p) => p.json.spec.template.type === type);
  const infra = ofType('infra');
  const addOns = ofType('add-on');
  if (infra.length) return [infra[0], ...addOns];
  const full = ofType('cluster');
  if (!full.length) return addOns;
  // Add-ons whose every layer the full profile already stacks would deploy twice.
  const inFull = new Set(full[0].layers.map((l) => l.layer));
  return [full[0], ...addOns.filter((p) => p.layers.some((l) => !inFull.has(l.layer)))];
}

/**
 * The cluster's value of each variable of a profile, in the profile's order: a variable with a
 * default takes it (the site's value, as variables.yaml lists it); a sensitive one, or one
 * without a default, is an input.
 */
export function clusterVariables(json: ProfileJson): ClusterVariable[] {
  return json.spec.variables.map((v) => {
    if (!v.isSensitive && v.defaultValue !== undefined) return { name: v.name, value: v.defaultValue };
    const what = v.description || v.displayName || v.name;
    return { name: v.name, input: { sensitive: v.isSensitive, description: `${what} (profile ${json.metadata.name} ${json.spec.version})` } };
  });
}

/** A profile the cluster uses, with its variables. */
export function clusterProfileUse(profile: RenderedProfile): ClusterProfileUse {
  return { name: profile.json.metadata.name, version: profile.json.spec.version, json: profile.json, variables: clusterVariables(profile.json) };
}
