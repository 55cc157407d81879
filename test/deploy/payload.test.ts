import Ajv from 'ajv';
import { parse } from 'yaml';
import { fillPlaceholders, parsePlaceholder, placeholdersIn } from '../../lib/palette/cluster';
import { MAAS_CLUSTER_ENTITY_SCHEMA } from '../support/spectrocloud-schemas';
import { jsonFile, MAAS_SITE, strings, synthSite } from './fixtures';

/*
 * deploy/cluster.maas.json: the same cluster as the body of POST /v1/spectroclusters/maas (and
 * /validate), with named placeholders for what only Palette or the deployer knows.
 */

const { files } = synthSite({
  ...MAAS_SITE,
  maas: {
    domain: 'metal.example.com',
    cloudAccount: 'maas-dc1',
    availabilityZones: ['rack-1', 'rack-2'],
    ntpServers: ['ntp1.example.com'],
    timeZone: 'UTC',
    backup: { location: 'minio', schedule: '0 1 * * *', expiryHours: 168, includeDisks: false },
    scans: { configuration: '0 0 * * SUN', penetration: '0 2 * * SUN', conformance: '0 0 1 * *' },
  },
});
const payload = jsonFile(files, 'deploy/cluster.maas.json');
const tf = jsonFile(files, 'deploy/main.tf.json').resource.spectrocloud_cluster_maas.cluster;

describe('deploy/cluster.maas.json', () => {
  test("has the API model's field names and required fields (v1SpectroMaasClusterEntity, deploy.md §1.1)", () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(MAAS_CLUSTER_ENTITY_SCHEMA);
    expect(validate(payload) ? [] : validate.errors).toEqual([]);
    expect(payload.metadata).toEqual({ name: 'lab', labels: { vmo: 'spectro__tag', site: 'lab' }, annotations: { description: expect.stringContaining('lab') } });
  });

  test('fails the API model when a required field is missing (the schema check can fail)', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(MAAS_CLUSTER_ENTITY_SCHEMA);
    const broken = structuredClone(payload);
    delete broken.spec.machinepoolconfig[0].cloudConfig.resourcePool;
    broken.spec.cloudConfig.ntp_servers = ['x'];
    expect(validate(broken)).toBe(false);
    expect(validate.errors?.map((e) => `${e.instancePath} ${e.message}`)).toEqual(
      expect.arrayContaining(["/spec/cloudConfig must NOT have additional properties", "/spec/machinepoolconfig/0/cloudConfig must have required property 'resourcePool'"]),
    );
  });

  test('describes the same cluster as the Terraform file, field by field (deploy.md mapping)', () => {
    expect(payload.spec.cloudConfig).toEqual({ domain: tf.cloud_config.domain, ntpServers: tf.cloud_config.ntp_servers });
    expect(payload.spec.clusterConfig).toEqual({ timezone: 'UTC' });
    expect(payload.spec.machinepoolconfig).toHaveLength(tf.machine_pool.length);
    payload.spec.machinepoolconfig.forEach((mp: any, i: number) => {
      const t = tf.machine_pool[i];
      expect(mp.poolConfig).toEqual({
        name: t.name,
        size: t.count,
        minSize: t.count,
        maxSize: t.count,
        isControlPlane: t.control_plane,
        labels: [t.control_plane ? 'control-plane' : 'worker'],
        useControlPlaneAsWorker: false,
      });
      expect(mp.cloudConfig).toEqual({ azs: t.azs, resourcePool: t.placement.resource_pool, instanceType: { minCPU: t.instance_type.min_cpu, minMemInMB: t.instance_type.min_memory_mb } });
    });
    expect(payload.spec.policies.backupPolicy).toEqual({
      backupLocationUid: '<backup-location-uid:minio>',
      backupLocationName: 'minio',
      backupPrefix: tf.backup_policy.prefix,
      durationInHours: tf.backup_policy.expiry_in_hour,
      includeAllDisks: false,
      schedule: { scheduledRunTime: tf.backup_policy.schedule },
    });
    expect(payload.spec.policies.scanPolicy).toEqual({
      kubeBench: { schedule: { scheduledRunTime: tf.scan_policy.configuration_scan_schedule } },
      kubeHunter: { schedule: { scheduledRunTime: tf.scan_policy.penetration_scan_schedule } },
      sonobuoy: { schedule: { scheduledRunTime: tf.scan_policy.conformance_scan_schedule } },
    });
  });

  test('names a placeholder for every uid and input, and holds no other angle-bracket token', () => {
    const found = placeholdersIn(payload).map((p) => `${p.kind} ${p.key}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'cloud-account-uid maas-dc1',
        'backup-location-uid minio',
        'profile-uid VMO-RA-Infra-MaaS-PureFlashArray@1.7.0',
        'profile-uid VMO-RA-Core-PXKE@1.7.0',
        'profile-uid VMO-RA-Templates@1.7.0',
        'variable flashArrayApiToken',
        'variable portworxActivationId',
        'variable grafanaAdminPassword',
      ]),
    );
    expect(payload.spec.profiles.map((p: { uid: string }) => p.uid)).toEqual([
      '<profile-uid:VMO-RA-Infra-MaaS-PureFlashArray@1.7.0>',
      '<profile-uid:VMO-RA-Core-PXKE@1.7.0>',
      '<profile-uid:VMO-RA-Templates@1.7.0>',
    ]);
    expect(strings(payload).filter((s) => /^</.test(s.text) && !parsePlaceholder(s.text))).toEqual([]);
  });

  test("variable values equal variables.yaml; sensitive ones are placeholders, never values", () => {
    const variablesYaml = parse(files.get('variables.yaml') ?? '') as Record<string, Record<string, { value?: unknown; sensitive?: boolean }>>;
    const names = ['VMO-RA-Infra-MaaS-PureFlashArray', 'VMO-RA-Core-PXKE', 'VMO-RA-Templates'];
    payload.spec.profiles.forEach((p: { variables: { name: string; value: string }[] }, i: number) => {
      const listed = variablesYaml[names[i]];
      expect(p.variables.map((v) => v.name).sort()).toEqual(Object.keys(listed).sort());
      // sensitive inputs and required inputs without a value are placeholders, filled at deploy time
      const input = (name: string) => listed[name].sensitive || listed[name].value === '(enter at deploy time)';
      for (const v of p.variables) expect(v.value).toBe(input(v.name) ? `<variable:${v.name}>` : String(listed[v.name].value));
    });
  });

  test('placeholders fill by kind and key, and an unknown one stays', () => {
    const filled = fillPlaceholders(payload, (p) => (p.kind === 'profile-uid' ? `uid-of-${p.key}` : p.kind === 'cloud-account-uid' ? 'acc-1' : undefined));
    expect(filled.spec.cloudAccountUid).toBe('acc-1');
    expect(filled.spec.profiles[0].uid).toBe('uid-of-VMO-RA-Infra-MaaS-PureFlashArray@1.7.0');
    expect(filled.spec.policies.backupPolicy.backupLocationUid).toBe('<backup-location-uid:minio>');
    expect(payload.spec.cloudAccountUid).toBe('<cloud-account-uid:maas-dc1>');
  });
});
