import Ajv from 'ajv';
import { parse } from 'yaml';
import { VmoSiteProps } from '../../lib';
import { MaasClusterDefinition, maasClusterTerraformJson } from '../../lib/palette/cluster';
import { TERRAFORM_MAAS_SCHEMA } from '../support/spectrocloud-schemas';
import { jsonFile, MAAS_SITE, strings, synthSite } from './fixtures';

/*
 * deploy/main.tf.json: plain Terraform JSON for the spectrocloud provider, synthesized afresh
 * from a site (never the committed dist/).
 */

const { files } = synthSite();
const tf = jsonFile(files, 'deploy/main.tf.json');
const cluster = tf.resource.spectrocloud_cluster_maas.cluster;
const profileJson = (name: string) => jsonFile(files, `profiles/${name}.json`);
/** What variables.yaml shows for an input the site does not give. */
const ENTER_AT_DEPLOY = '(enter at deploy time)';
/** The profile a cluster_profile block imports: `${spectrocloud_cluster_profile_import.<key>.id}` -> its import_file's profile. */
const importedProfile = (id: string): string => {
  const key = /^\$\{spectrocloud_cluster_profile_import\.([a-z0-9_]+)\.id\}$/.exec(id)?.[1] ?? '';
  const file: string = tf.resource.spectrocloud_cluster_profile_import[key]?.import_file ?? '';
  return /^\$\{path\.module\}\/profiles\/(.+)\.json$/.exec(file)?.[1] ?? `(no import for ${id})`;
};

/** The references the generator writes on purpose; any other `${` in a template must be escaped. */
const REFERENCE = /\$\{(path\.module|var\.[A-Za-z_][A-Za-z0-9_]*|data\.[a-z_]+\.[a-z_]+\.id|spectrocloud_cluster_profile_import\.[a-z0-9_]+\.id)\}/g;
/** Strings Terraform reads literally: variable blocks and comments. */
const literal = (path: string) => /^variable\./.test(path) || /(^|\.)\/\/$/.test(path);
/** A `${` or `%{` not written as `$${` / `%%{`, once the intended references are taken out. */
const unescaped = (text: string) => /(^|[^$])\$\{|(^|[^%])%\{/.test(text.replace(REFERENCE, ''));

describe('deploy/main.tf.json', () => {
  test('parses and has the block structure the provider documents (repeated blocks as arrays)', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(TERRAFORM_MAAS_SCHEMA);
    expect(validate(tf) ? [] : validate.errors).toEqual([]);
    expect(Array.isArray(cluster.machine_pool)).toBe(true);
    expect(Array.isArray(cluster.cluster_profile)).toBe(true);
    expect(tf.terraform.required_providers.spectrocloud.source).toBe('spectrocloud/spectrocloud');
    expect(cluster.cloud_account_id).toBe('${data.spectrocloud_cloudaccount_maas.account.id}');
    expect(tf.data.spectrocloud_cloudaccount_maas.account).toEqual({ name: 'maas-dc1' });
    expect(cluster.cloud_config).toEqual({ domain: 'metal.example.com' });
  });

  test('imports each profile the cluster uses once, keyed by name and version, from a file inside the module', () => {
    const imports = tf.resource.spectrocloud_cluster_profile_import;
    expect(Object.keys(imports).sort()).toEqual(['vmo_ra_core_pxke_1_7_0', 'vmo_ra_infra_maas_pureflasharray_1_7_0', 'vmo_ra_templates_1_7_0']);
    for (const [key, body] of Object.entries<{ import_file: string }>(imports)) {
      const name = /profiles\/(.+)\.json$/.exec(body.import_file)?.[1] ?? '';
      // The provider refuses '..' and '//' in import paths (deploy.md §1.2): the file is beside main.tf.json.
      expect(body.import_file).not.toMatch(/\.\.|\/\//);
      expect(files.get(`deploy/profiles/${name}.json`)).toBe(files.get(`profiles/${name}.json`));
      expect(key).toBe(`${name.toLowerCase().replace(/[^a-z0-9]+/g, '_')}_${profileJson(name).spec.version.replace(/\./g, '_')}`);
    }
  });

  test('a new profile version is a new import resource', () => {
    const bumped = jsonFile(synthSite({ ...MAAS_SITE, profileVersion: '1.7.1' }).files, 'deploy/main.tf.json');
    expect(Object.keys(bumped.resource.spectrocloud_cluster_profile_import)).toContain('vmo_ra_infra_maas_pureflasharray_1_7_1');
    expect(Object.keys(bumped.resource.spectrocloud_cluster_profile_import)).not.toContain('vmo_ra_infra_maas_pureflasharray_1_7_0');
  });

  test('lists the cluster profiles in dependency order: Infra, then Core, then Templates', () => {
    expect(cluster.cluster_profile.map((p: { id: string }) => importedProfile(p.id))).toEqual(['VMO-RA-Infra-MaaS-PureFlashArray', 'VMO-RA-Core-PXKE', 'VMO-RA-Templates']);
    const full = jsonFile(synthSite({ ...MAAS_SITE, profiles: { layout: 'full', variables: true } }).files, 'deploy/main.tf.json');
    expect(full.resource.spectrocloud_cluster_maas.cluster.cluster_profile).toHaveLength(1);
    expect(Object.keys(full.resource.spectrocloud_cluster_profile_import)).toEqual(['vmo_ra_full_1_7_0']);
  });

  test("the variable values are the site's: each equals variables.yaml, and each sensitive one is a sensitive Terraform variable", () => {
    const variablesYaml = parse(files.get('variables.yaml') ?? '') as Record<string, Record<string, { value?: unknown; sensitive?: boolean }>>;
    let compared = 0;
    for (const block of cluster.cluster_profile as { id: string; variables: Record<string, string> }[]) {
      const listed = variablesYaml[importedProfile(block.id)];
      expect(Object.keys(block.variables).sort()).toEqual(Object.keys(listed).sort());
      for (const [name, value] of Object.entries(block.variables)) {
        if (listed[name].sensitive) {
          expect(value).toBe(`\${var.${name}}`);
          expect(tf.variable[name]).toMatchObject({ type: 'string', sensitive: true });
        } else if (listed[name].value === ENTER_AT_DEPLOY) {
          // a required input the site does not know (the Windows image): a plain Terraform variable
          expect(value).toBe(`\${var.${name}}`);
          expect(tf.variable[name]).toMatchObject({ type: 'string' });
          expect(tf.variable[name]).not.toHaveProperty('sensitive');
        } else {
          expect(value).toBe(String(listed[name].value));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(5);
  });

  test('holds no secret: every sensitive profile variable is a sensitive Terraform variable without a default, and only those and the unset inputs are variables', () => {
    const used = ['VMO-RA-Infra-MaaS-PureFlashArray', 'VMO-RA-Core-PXKE', 'VMO-RA-Templates'];
    type Declared = { name: string; isSensitive: boolean; defaultValue?: string };
    const declared: Declared[] = used.flatMap((n) => profileJson(n).spec.variables);
    const sensitive = declared.filter((v) => v.isSensitive).map((v) => v.name);
    const unset = declared.filter((v) => !v.isSensitive && v.defaultValue === undefined).map((v) => v.name);
    expect(sensitive.length).toBeGreaterThanOrEqual(5);
    expect(Object.keys(tf.variable).sort()).toEqual([...sensitive, ...unset].sort());
    for (const name of sensitive) {
      expect(tf.variable[name].sensitive).toBe(true);
      expect(tf.variable[name]).not.toHaveProperty('default');
    }
  });

  test('escapes ${ and %{ in every string Terraform reads as a template', () => {
    // User text with template syntax in it: the cloud account and backup names, an NTP server.
    const tricky: VmoSiteProps = {
      ...MAAS_SITE,
      maas: {
        ...MAAS_SITE.maas,
        domain: 'metal.example.com',
        cloudAccount: 'maas-${dc}',
        ntpServers: ['%{ntp}'],
        backup: { location: 'bsl-${x}', schedule: '0 1 * * *', expiryHours: 24, prefix: 'p-%{y}' },
      },
    };
    const t = jsonFile(synthSite(tricky).files, 'deploy/main.tf.json');
    const templates = strings(t).filter((s) => !literal(s.path));
    expect(templates.filter((s) => unescaped(s.text))).toEqual([]);
    expect(t.data.spectrocloud_cloudaccount_maas.account.name).toBe('maas-$${dc}');
    expect(t.data.spectrocloud_backup_storage_location.backup.name).toBe('bsl-$${x}');
    expect(t.resource.spectrocloud_cluster_maas.cluster.backup_policy.prefix).toBe('p-%%{y}');
    expect(t.resource.spectrocloud_cluster_maas.cluster.cloud_config.ntp_servers).toEqual(['%%{ntp}']);
    // And in the RA site's own file.
    expect(strings(tf).filter((s) => !literal(s.path) && unescaped(s.text))).toEqual([]);
  });

  test('escapes a variable value holding shell ${VAR} and a literal $${', () => {
    const def: MaasClusterDefinition = {
      name: 'x',
      description: 'd',
      tags: [],
      cloudAccount: 'a',
      domain: 'metal.example.com',
      ntpServers: [],
      sshKeys: [],
      pools: [{ name: 'p', controlPlane: true, count: 3, azs: ['z'], resourcePool: 'r', minCpu: 4, minMemoryMiB: 8192, nodeTags: [] }],
      profiles: [
        {
          name: 'P',
          version: '1.0.0',
          json: { metadata: { name: 'P', description: '', labels: {} }, spec: { version: '1.0.0', template: { type: 'infra', cloudType: 'maas', packs: [] }, variables: [] } },
          variables: [{ name: 'cmd', value: 'echo ${HOME} $${ %{if x}' }],
        },
      ],
    };
    const out = JSON.parse(maasClusterTerraformJson(def));
    expect(out.resource.spectrocloud_cluster_maas.cluster.cluster_profile[0].variables.cmd).toBe('echo $${HOME} $$${ %%{if x}');
  });

  test('machine pools follow the site: counts from nodes, AZs and resource pools from maas', () => {
    const pools = (props: VmoSiteProps) => jsonFile(synthSite(props).files, 'deploy/main.tf.json').resource.spectrocloud_cluster_maas.cluster.machine_pool;
    expect(cluster.machine_pool).toEqual([
      { name: 'control-plane-pool', count: 3, control_plane: true, azs: ['rack-1', 'rack-2'], placement: { resource_pool: 'control-plane' }, instance_type: { min_cpu: 4, min_memory_mb: 8192 } },
      { name: 'worker-pool', count: 5, control_plane: false, azs: ['rack-1', 'rack-2'], placement: { resource_pool: 'worker-pool' }, instance_type: { min_cpu: 8, min_memory_mb: 24576 } },
    ]);
    const custom = pools({
      ...MAAS_SITE,
      nodes: { controlPlane: 5, workers: 30 },
      maas: {
        domain: 'metal.example.com',
        cloudAccount: 'maas-dc1',
        availabilityZones: ['room-a'],
        controlPlane: { resourcePool: 'vm-hosts', nodeTags: ['virtual'] },
        workerPools: [
          { name: 'fc-a', count: 20, resourcePool: 'fc-workers', availabilityZones: ['room-b'], minCpu: 48, minMemoryMiB: 262144 },
          { name: 'fc-b', count: 10, nodeTags: ['fc-hba'] },
        ],
      },
    });
    expect(custom.map((p: { name: string; count: number; azs: string[]; placement: { resource_pool: string } }) => [p.name, p.count, p.azs, p.placement.resource_pool])).toEqual([
      ['control-plane-pool', 5, ['room-a'], 'vm-hosts'],
      ['fc-a', 20, ['room-b'], 'fc-workers'],
      ['fc-b', 10, ['room-a'], 'worker-pool'],
    ]);
    // 30 workers: the RA control-plane sizing row "up to 100 workers: 8 cores, 32 GB".
    expect(custom[0].instance_type).toEqual({ min_cpu: 8, min_memory_mb: 32768 });
    expect(custom[0].node_tags).toEqual(['virtual']);
    expect(custom[2].node_tags).toEqual(['fc-hba']);
    expect(custom[1].instance_type).toEqual({ min_cpu: 48, min_memory_mb: 262144 });
  });

  test('the cloud config, time zone, backup and scan policies follow the site', () => {
    const t = jsonFile(
      synthSite({
        ...MAAS_SITE,
        maas: {
          ...MAAS_SITE.maas,
          domain: 'metal.example.com',
          cloudAccount: 'maas-dc1',
          ntpServers: ['ntp1.example.com', 'ntp2.example.com'],
          sshKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIC0ffee0000000000000000000000000000000000000 ops@example.com'],
          timeZone: 'Europe/Amsterdam',
          backup: { location: 'minio', schedule: '0 1 * * *', expiryHours: 168 },
          scans: { configuration: '0 0 * * SUN', penetration: '0 2 * * SUN', conformance: '0 0 1 * *' },
        },
      }).files,
      'deploy/main.tf.json',
    ).resource.spectrocloud_cluster_maas.cluster;
    expect(t.cloud_config).toEqual({
      domain: 'metal.example.com',
      ntp_servers: ['ntp1.example.com', 'ntp2.example.com'],
      ssh_keys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIC0ffee0000000000000000000000000000000000000 ops@example.com'],
    });
    expect(t.cluster_timezone).toBe('Europe/Amsterdam');
    expect(t.backup_policy).toEqual({
      backup_location_id: '${data.spectrocloud_backup_storage_location.backup.id}',
      schedule: '0 1 * * *',
      expiry_in_hour: 168,
      prefix: 'lab',
      include_disks: true,
    });
    expect(t.scan_policy).toEqual({ configuration_scan_schedule: '0 0 * * SUN', penetration_scan_schedule: '0 2 * * SUN', conformance_scan_schedule: '0 0 1 * *' });
  });

  test('deterministic bytes: the same site writes the same files', () => {
    const again = synthSite().files;
    for (const path of [...files.keys()].filter((p) => p.startsWith('deploy/'))) expect(again.get(path)).toBe(files.get(path));
  });

  test('a site without maas writes no deploy/ folder', () => {
    const { maas: _none, ...plain } = MAAS_SITE;
    expect([...synthSite(plain).files.keys()].filter((p) => p.startsWith('deploy/'))).toEqual([]);
  });

  test('the preferred-subnet ConfigMap names the mgmt subnet', () => {
    expect(parse(files.get('deploy/maas-preferred-subnet.yaml') ?? '')).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'maas-preferred-subnet', namespace: 'jet-system' },
      data: { preferredSubnets: '172.16.0.0/22' },
    });
  });
});
