/*
 * The shapes the deploy files must have, written from the sources (not from the code under
 * test), as JSON Schema with no unknown fields allowed:
 * - Terraform JSON: terraform-provider-spectrocloud docs/resources/cluster_maas.md,
 *   cluster_profile_import.md, docs/data-sources/cloudaccount_maas.md and
 *   backup_storage_location.md; repeated blocks (Block Set/List without Max 1) as arrays
 *   (deploy.md §1.4).
 * - The API payload: v1SpectroMaasClusterEntity of the Palette APIs 4.8 model, with the required
 *   fields deploy.md §1.1 lists (cloudAccountUid, cloudConfig.domain, a pool's resourcePool,
 *   instanceType, name, size and labels, a variable's name).
 */

type Schema = Record<string, unknown>;

const obj = (properties: Record<string, Schema>, required: string[] = []): Schema => ({ type: 'object', properties, required, additionalProperties: false });
const str: Schema = { type: 'string' };
const int: Schema = { type: 'integer' };
const bool: Schema = { type: 'boolean' };
const strings: Schema = { type: 'array', items: str };
const map = (values: Schema): Schema => ({ type: 'object', additionalProperties: values });
/** A single nested block (Max: 1): one body, or an array of one. */
const single = (body: Schema): Schema => ({ oneOf: [body, { type: 'array', items: body, minItems: 1, maxItems: 1 }] });

const machinePool = obj(
  {
    name: str,
    count: int,
    control_plane: bool,
    control_plane_as_worker: bool,
    azs: { ...strings, minItems: 1 },
    node_tags: strings,
    placement: single(obj({ resource_pool: str }, ['resource_pool'])),
    instance_type: single(obj({ min_cpu: int, min_memory_mb: int }, ['min_cpu', 'min_memory_mb'])),
    additional_labels: map(str),
    additional_annotations: map(str),
    min: int,
    max: int,
    node_repave_interval: int,
    update_strategy: str,
  },
  ['name', 'count', 'azs', 'instance_type', 'placement'],
);

const clusterMaas = obj(
  {
    name: str,
    description: str,
    tags: strings,
    context: str,
    cloud_account_id: str,
    cloud_config: single(obj({ domain: str, ntp_servers: strings, ssh_keys: strings, enable_lxd_vm: bool }, ['domain'])),
    machine_pool: { type: 'array', items: machinePool, minItems: 1 },
    cluster_profile: { type: 'array', items: obj({ id: str, variables: map(str) }, ['id']) },
    cluster_timezone: str,
    backup_policy: single(
      obj(
        { prefix: str, backup_location_id: str, schedule: str, expiry_in_hour: int, include_disks: bool, include_cluster_resources: bool, include_cluster_resources_mode: str, namespaces: strings },
        ['prefix', 'backup_location_id', 'schedule', 'expiry_in_hour'],
      ),
    ),
    scan_policy: single(obj({ configuration_scan_schedule: str, penetration_scan_schedule: str, conformance_scan_schedule: str }, ['configuration_scan_schedule', 'penetration_scan_schedule', 'conformance_scan_schedule'])),
  },
  ['name', 'cloud_config', 'machine_pool'],
);

export const TERRAFORM_MAAS_SCHEMA: Schema = obj(
  {
    '//': str,
    terraform: obj({ required_providers: obj({ spectrocloud: obj({ source: { const: 'spectrocloud/spectrocloud' }, version: str }, ['source']) }) }),
    variable: map(obj({ type: str, description: str, sensitive: bool, default: {}, nullable: bool }, ['type'])),
    data: obj({
      spectrocloud_cloudaccount_maas: map(obj({ name: str, id: str, context: str })),
      spectrocloud_backup_storage_location: map(obj({ name: str, id: str })),
    }),
    resource: obj(
      {
        spectrocloud_cluster_profile_import: map(obj({ import_file: str, context: { enum: ['project', 'tenant', 'system'] } }, ['import_file'])),
        spectrocloud_cluster_maas: map(clusterMaas),
      },
      ['spectrocloud_cluster_maas'],
    ),
  },
  ['terraform', 'resource'],
);

const schedule = obj({ scheduledRunTime: str });

export const MAAS_CLUSTER_ENTITY_SCHEMA: Schema = obj(
  {
    metadata: obj({ name: str, labels: map(str), annotations: map(str) }, ['name']),
    spec: obj(
      {
        cloudAccountUid: str,
        cloudConfig: obj({ domain: str, ntpServers: strings, sshKeys: strings, enableLxdVm: bool, staticIp: bool }, ['domain']),
        clusterConfig: obj({ timezone: str, clusterMetaAttribute: str, updateWorkerPoolsInParallel: bool }),
        machinepoolconfig: {
          type: 'array',
          items: obj(
            {
              cloudConfig: obj({ azs: strings, instanceType: obj({ minCPU: int, minMemInMB: int, minDiskSizeInGB: int }), resourcePool: str, tags: strings, useLxdVm: bool }, ['instanceType', 'resourcePool']),
              poolConfig: obj(
                {
                  name: str,
                  size: int,
                  minSize: int,
                  maxSize: int,
                  isControlPlane: bool,
                  labels: strings,
                  useControlPlaneAsWorker: bool,
                  additionalLabels: map(str),
                  additionalAnnotations: map(str),
                  nodeRepaveInterval: int,
                },
                ['labels', 'name', 'size'],
              ),
            },
            ['cloudConfig'],
          ),
        },
        profiles: {
          type: 'array',
          items: obj({ uid: str, replaceWithProfile: str, variables: { type: 'array', items: obj({ name: str, value: str }, ['name']) }, packValues: { type: 'array' } }),
        },
        policies: obj({
          backupPolicy: obj({
            backupLocationName: str,
            backupLocationUid: str,
            backupName: str,
            backupPrefix: str,
            durationInHours: int,
            includeAllDisks: bool,
            includeClusterResourceMode: { enum: ['Always', 'Auto', 'Never'] },
            locationType: str,
            namespaces: strings,
            schedule,
          }),
          scanPolicy: obj({ kubeBench: obj({ schedule }), kubeHunter: obj({ schedule }), sonobuoy: obj({ schedule }) }),
        }),
      },
      ['cloudAccountUid', 'cloudConfig'],
    ),
  },
  ['metadata', 'spec'],
);
