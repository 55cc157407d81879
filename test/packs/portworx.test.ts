import { cpSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { PersistentVolumeReclaimPolicy } from 'cdk8s-plus-30';
import { StorageCluster } from '../../imports/core.libopenstorage.org';
import {
  FlashArraySanType, PortworxKvdb, PortworxLicenseModel, PortworxNodeSelection, PortworxPack, PortworxPackProps,
  PortworxPaletteMode, RA_VM_STORAGE_CLASS, VolumeBindingMode,
} from '../../lib/packs/portworx';
import {
  CloudType, ClusterProfile, PackCatalog, PaletteApp, PaletteSite, ProfileType, ProfileVariable, strictYamlProblems, VariableFormat,
} from '../../lib/palette';
import { REPO_ROOT, renderLayer, tempDirs, validationError } from '../helpers';
import { validateObject } from '../support/crd-schemas';

const ARRAY = { mgmtEndpoint: '172.16.200.50' };
const tempDir = tempDirs('pvmo-portworx-');
const REFERENCE = /^\{\{\.spectro\.var\.[A-Za-z][A-Za-z0-9_]*\}\}$/;

function site() {
  return new PaletteSite(new PaletteApp({ outdir: '/nonexistent' }), 'test');
}

function pack(props: Partial<PortworxPackProps> = {}) {
  return new PortworxPack(site(), 'portworx', { flashArrays: [ARRAY], maxStorageNodes: 5, ...props });
}

function render(props: Partial<PortworxPackProps> = {}) {
  const layer = pack(props);
  const r = renderLayer(layer);
  const chart = r.values.charts['portworx-generic'];
  const secret = r.manifests['px-pure-secret'][0];
  return { layer, r, chart, spec: chart.storageCluster.spec, secret, pureJson: JSON.parse(secret.stringData['pure.json']) };
}

describe('PortworxPack', () => {
  test("the VM class's volume mode follows CDI's table: sharedv4: \"true\" keeps RWX Block, sharedv4_mount_options vers=3.0,nolock is RWX Filesystem", () => {
    const vmClass = (parameters: Record<string, string>, version?: string) =>
      pack({ ...(version ? { version } : {}), storageClasses: [{ name: 'px-vm', isDefaultVirtClass: true, parameters }] }).vmStorage.volumeMode;
    expect(vmClass({ sharedv4: 'true' })).toBe('Block');
    expect(vmClass({ sharedv4: 'true', sharedv4_mount_options: 'vers=3.0,nolock' })).toBe('Filesystem');
    expect(vmClass({ backend: 'pure_block' })).toBe('Block');
    expect(vmClass({ repl: '2' }, '3.2.3')).toBe('Filesystem');
  });

  test('defaults', () => {
    const { layer, r, chart, spec, secret, pureJson } = render();

    expect(r.json).toMatchObject({ name: 'csi-portworx-generic', layer: 'csi', version: '3.3.1', tag: '3.3.1', type: 'spectro' });
    expect(r.json.values.split('\n')[0]).toBe(
      '# spectrocloud.com/enabled-presets: License Models:px-enterprise,Node selection:px-deploy-worker-only,' +
        'Palette Mode:px-normal-mode,Storagecluster Specs:px-spec-flasharray,Kvdb and Etcd:px-internal-kvdb',
    );

    // License: PX Enterprise, the activation id a sensitive variable.
    expect(chart.license.type).toBe('enterprise');
    expect(chart.license.saas).toBeUndefined();
    expect(chart.license.enterprise.activateLicense).toBe(true);
    expect(chart.license.enterprise.activationId).toBe('{{.spectro.var.portworxActivationId}}');

    // StorageCluster.
    expect(chart.storageCluster.namespace).toBe('portworx');
    expect(chart.storageCluster.name).toBe('px-{{.spectro.system.cluster.name}}');
    expect(chart.storageCluster.annotations).toEqual({ 'portworx.io/misc-args': '-T px-storev2' });
    expect(spec.image).toBe('portworx/oci-monitor:3.3.1');
    expect(spec.deleteStrategy).toEqual({ type: 'UninstallAndWipe' });
    expect(spec.kvdb).toEqual({ internal: true, enableTLS: false });
    expect(spec.cloudStorage.deviceSpecs).toEqual(['size=1024']);
    expect(spec.cloudStorage.systemMetadataDeviceSpec).toBe('size=64');
    expect(spec.cloudStorage.journalDeviceSpec).toBe('size=3');
    expect(spec.cloudStorage.kvdbDeviceSpec).toBe('size=32');
    expect(spec.cloudStorage.maxStorageNodes).toBe(5);
    expect(spec.cloudStorage.provider).toBe('pure');
    expect(spec.network).toEqual({ dataInterface: 'bond_mgmt.10', mgmtInterface: 'bond_mgmt.10' });
    expect(spec.env).toEqual([
      { name: 'PURE_FLASHARRAY_SAN_TYPE', value: 'FC' },
      { name: 'KUBERNETES_OPS_QPS_RATE', value: '2000' },
      { name: 'KUBERNETES_OPS_BURST_RATE', value: '4000' },
    ]);
    expect(spec.stork).toEqual({ enabled: true, args: { 'webhook-controller': 'true' } });
    expect(spec.autopilot).toEqual({
      enabled: true,
      providers: [{ name: 'default', type: 'prometheus', params: { url: 'http://prometheus-operator-prometheus.monitoring.svc.cluster.local:9090' } }],
    });
    expect(spec.csi).toEqual({ enabled: true });
    expect(spec.monitoring).toEqual({ telemetry: { enabled: true }, prometheus: { enabled: false, exportMetrics: true } });
    expect(spec.placement).toBeUndefined();
    expect(spec.volumes).toBeUndefined();

    // The 3.3.x storageClasses list with the RA's VM class.
    expect(chart.storageClass).toBeUndefined();
    expect(chart.storageClasses).toHaveLength(1);
    expect(chart.storageClasses[0]).toEqual({
      name: 'spectro-storage-class',
      isDefaultStorageClass: true,
      annotations: { 'storageclass.kubevirt.io/is-default-virt-class': 'true' },
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'WaitForFirstConsumer',
      allowVolumeExpansion: true,
      parameters: { io_profile: 'auto_journal', priority_io: 'high', repl: '2', nodiscard: 'true' },
    });
    expect(layer.storageClassName).toBe('spectro-storage-class');
    expect(layer.supportsRwxBlock).toBe(true);

    // px-pure-secret: stringData with the token as a variable reference, never a literal.
    expect(Object.keys(r.manifests)).toEqual(['px-pure-secret']);
    expect(secret).toMatchObject({ apiVersion: 'v1', kind: 'Secret', type: 'Opaque', metadata: { name: 'px-pure-secret', namespace: 'portworx' } });
    expect(secret.data).toBeUndefined();
    expect(pureJson).toEqual({ FlashArrays: [{ MgmtEndPoint: '172.16.200.50', APIToken: '{{.spectro.var.flashArrayApiToken}}' }] });

    // Both secrets are sensitive variables without default.
    const vars = Object.fromEntries(layer.variables.map((v) => [v.name, v.toJson()]));
    for (const name of ['flashArrayApiToken', 'portworxActivationId']) {
      expect(vars[name]).toMatchObject({ isSensitive: true, required: true });
      expect(vars[name].defaultValue).toBeUndefined();
    }
  });

  test('no secret value in the layer: every token and license field is a variable reference', () => {
    const { r, chart, pureJson } = render({ flashArrays: [ARRAY, { mgmtEndpoint: '172.16.200.51' }] });
    expect(chart.license.enterprise.activationId).toMatch(REFERENCE);
    for (const fa of pureJson.FlashArrays) expect(fa.APIToken).toMatch(REFERENCE);
    // The pack's placeholder is replaced, not left behind.
    expect(r.json.values).not.toContain('<Activation ID>');
  });

  test('values and manifest are strict YAML', () => {
    const { r } = render({ maxStorageNodes: new ProfileVariable('pxMaxStorageNodes', { format: VariableFormat.NUMBER, defaultValue: 6 }) });
    expect(strictYamlProblems(r.json.values)).toEqual([]);
    for (const m of r.json.manifests ?? []) expect(strictYamlProblems(m.content)).toEqual([]);
  });

  test('a profile with the layer passes the profile checks (variables declared, strict YAML, no secret defaults)', () => {
    const s = site();
    const layer = new PortworxPack(s, 'portworx', {
      flashArrays: [ARRAY, { mgmtEndpoint: '172.16.200.51' }],
      maxStorageNodes: new ProfileVariable('pxMaxStorageNodes', { format: VariableFormat.NUMBER, defaultValue: 5 }),
    });
    const profile = new ClusterProfile(s, 'infra', { type: ProfileType.INFRA, cloudType: CloudType.MAAS, layers: [layer] });
    expect(s.check()).toEqual([]);
    expect(profile.toJson().spec.variables.map((v) => v.name)).toEqual(['flashArrayApiToken', 'flashArrayApiToken2', 'portworxActivationId', 'pxMaxStorageNodes']);
  });

  test('custom SAN type, variable maxStorageNodes and two arrays', () => {
    const maxNodes = new ProfileVariable('pxMaxStorageNodes', {
      displayName: 'Portworx max storage nodes',
      format: VariableFormat.NUMBER,
      defaultValue: 8,
    });
    const { layer, r, spec, pureJson } = render({
      flashArraySanType: FlashArraySanType.ISCSI,
      maxStorageNodes: maxNodes,
      flashArrays: [ARRAY, { mgmtEndpoint: '172.16.200.60' }],
      deviceSizeGiB: 2048,
      dataInterface: 'bond_stor.30',
    });
    expect(spec.env[0]).toEqual({ name: 'PURE_FLASHARRAY_SAN_TYPE', value: 'ISCSI' });
    // A number variable is written unquoted, so what Palette substitutes reads as a number.
    expect(r.json.values).toContain('maxStorageNodes: {{.spectro.var.pxMaxStorageNodes}}\n');
    expect(layer.render().deployed).toMatchObject({ charts: { 'portworx-generic': { storageCluster: { spec: { cloudStorage: { maxStorageNodes: 8 } } } } } });
    expect(layer.storageClusterSpec.cloudStorage?.maxStorageNodes).toBeUndefined();
    expect(spec.cloudStorage.deviceSpecs).toEqual(['size=2048']);
    expect(spec.network).toEqual({ dataInterface: 'bond_stor.30', mgmtInterface: 'bond_mgmt.10' });
    expect(pureJson.FlashArrays).toEqual([
      { MgmtEndPoint: '172.16.200.50', APIToken: '{{.spectro.var.flashArrayApiToken}}' },
      { MgmtEndPoint: '172.16.200.60', APIToken: '{{.spectro.var.flashArrayApiToken2}}' },
    ]);
    expect(layer.variables.map((v) => v.name).sort()).toEqual(['flashArrayApiToken', 'flashArrayApiToken2', 'portworxActivationId', 'pxMaxStorageNodes']);
  });

  test('custom presets: all nodes, agent mode, internal kvdb with TLS, SaaS license', () => {
    const saasKey = new ProfileVariable('pxSaas', { isSensitive: true });
    const { layer, r, chart, spec } = render({
      nodeSelection: PortworxNodeSelection.ALL_NODES,
      paletteMode: PortworxPaletteMode.AGENT,
      kvdb: PortworxKvdb.INTERNAL_TLS,
      licenseModel: PortworxLicenseModel.ENTERPRISE_SAAS,
      saasKey,
    });
    expect(r.presets).toEqual([
      'License Models:px-enterprise-saas',
      'Node selection:px-deploy-all-nodes',
      'Palette Mode:px-agent-mode',
      'Storagecluster Specs:px-spec-flasharray',
      'Kvdb and Etcd:px-internal-kvdb-tls',
    ]);
    expect(chart.license).toEqual({ type: 'saas', saas: { key: '{{.spectro.var.pxSaas}}' } });
    expect(chart.storageCluster.annotations).toEqual({
      'portworx.io/run-on-master': 'true',
      'portworx.io/pvc-controller-port': '10261',
      'portworx.io/pvc-controller-secure-port': '10262',
      'portworx.io/misc-args': '-T px-storev2',
    });
    expect(spec.placement.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0]).toEqual({
      key: 'px/enabled', operator: 'NotIn', values: ['false'],
    });
    expect(spec.volumes.map((v: { name: string }) => v.name)).toEqual(['custom-var-containerd', 'custom-containerd-sock']);
    expect(spec.kvdb).toEqual({ internal: true, enableTLS: true });
    expect(layer.variables.map((v) => v.name)).not.toContain('portworxActivationId');
  });

  test('custom storage classes, given token variables and tuning', () => {
    const token = new ProfileVariable('arrayToken', { isSensitive: true, required: true });
    const { layer, chart, spec, pureJson } = render({
      flashArrays: [{ mgmtEndpoint: '10.0.0.5', apiToken: token }],
      kubernetesOpsQpsRate: 500,
      kubernetesOpsBurstRate: 500,
      autopilotPrometheusUrl: 'https://prom.example.internal:9091',
      storageClasses: [
        { ...RA_VM_STORAGE_CLASS, isDefaultStorageClass: false },
        {
          name: 'px-db.replicated',
          isDefaultStorageClass: true,
          annotations: { team: 'db' },
          reclaimPolicy: PersistentVolumeReclaimPolicy.RETAIN,
          volumeBindingMode: VolumeBindingMode.IMMEDIATE,
          allowVolumeExpansion: false,
          parameters: { repl: '3' },
        },
      ],
    });
    expect(pureJson.FlashArrays[0]).toEqual({ MgmtEndPoint: '10.0.0.5', APIToken: '{{.spectro.var.arrayToken}}' });
    expect(spec.env.slice(1)).toEqual([
      { name: 'KUBERNETES_OPS_QPS_RATE', value: '500' },
      { name: 'KUBERNETES_OPS_BURST_RATE', value: '500' },
    ]);
    expect(spec.autopilot.providers[0].params.url).toBe('https://prom.example.internal:9091');
    expect(chart.storageClasses[1]).toEqual({
      name: 'px-db.replicated',
      isDefaultStorageClass: true,
      annotations: { team: 'db' },
      reclaimPolicy: 'Retain',
      volumeBindingMode: 'Immediate',
      allowVolumeExpansion: false,
      parameters: { repl: '3' },
    });
    expect(chart.storageClasses[0].isDefaultStorageClass).toBe(false);
    // The VM class stays the KubeVirt default, not the cluster default.
    expect(layer.storageClassName).toBe('spectro-storage-class');
  });

  test('the StorageCluster spec is the typed spec, under the CRD field names', () => {
    const { layer, spec } = render();
    // Whatever the presets add, the typed spec renders exactly as the L1 StorageCluster would.
    const l1 = StorageCluster.manifest({ spec: layer.storageClusterSpec }).spec;
    expect(spec).toMatchObject(l1);
    expect(l1.kvdb).toHaveProperty('enableTLS', false);

    // Every key is a property of the StorageCluster CRD (core.libopenstorage.org/v1, portworx/helm
    // chart 6.1.0 = Portworx 3.3.1.3), checked level by level.
    const CRD: Record<string, string[]> = {
      '': [
        'autoUpdateComponents', 'autopilot', 'certManager', 'cloudStorage', 'clusterDiags', 'clusterDomain', 'csi', 'customImageRegistry',
        'deleteStrategy', 'env', 'featureGates', 'image', 'imagePullPolicy', 'imagePullSecret', 'kvdb', 'metadata', 'monitoring', 'network',
        'nodes', 'placement', 'portworxApi', 'preserveFullCustomImageRegistry', 'priorityClassName', 'resources', 'revisionHistoryLimit',
        'runtimeOptions', 'secretsProvider', 'security', 'startPort', 'storage', 'stork', 'updateStrategy', 'userInterface', 'version',
        'volumes', 'workloadIdentity',
      ],
      cloudStorage: [
        'capacitySpecs', 'deviceSpecs', 'journalDeviceSpec', 'kvdbDeviceSpec', 'maxStorageNodes', 'maxStorageNodesPerZone',
        'maxStorageNodesPerZonePerNodeGroup', 'nodePoolLabel', 'provider', 'systemMetadataDeviceSpec',
      ],
      kvdb: ['authSecret', 'enableTLS', 'endpoints', 'internal', 'resources'],
      network: ['dataInterface', 'mgmtInterface'],
      stork: ['args', 'enabled', 'env', 'hostNetwork', 'image', 'lockImage', 'resources', 'volumes'],
      autopilot: ['args', 'enabled', 'env', 'image', 'lockImage', 'providers', 'resources', 'volumes'],
      'autopilot.providers': ['name', 'params', 'type'],
      monitoring: ['enableMetrics', 'grafana', 'prometheus', 'telemetry'],
      'monitoring.telemetry': ['enabled', 'hostNetwork', 'image', 'logUploaderImage', 'resources'],
      'monitoring.prometheus': [
        'alertManager', 'enabled', 'exportMetrics', 'remoteWriteEndpoint', 'replicas', 'resources', 'retention', 'retentionSize',
        'securityContext', 'storage', 'volumeMounts', 'volumes',
      ],
      csi: ['enabled', 'externalProvisioner', 'installSnapshotController', 'nodeDriverRegistrar', 'placement', 'resizer', 'snapshotController', 'snapshotter', 'topology', 'volumeSnapshotClass'],
      deleteStrategy: ['type'],
      env: ['name', 'value', 'valueFrom'],
    };
    const unknown: string[] = [];
    const walk = (node: unknown, path: string) => {
      const items = Array.isArray(node) ? node : [node];
      for (const item of items) {
        if (typeof item !== 'object' || item === null || !(path in CRD)) continue;
        for (const [k, v] of Object.entries(item)) {
          if (!CRD[path].includes(k)) unknown.push(path ? `${path}.${k}` : k);
          walk(v, path ? `${path}.${k}` : k);
        }
      }
    };
    walk(spec, '');
    expect(unknown).toEqual([]);
    // The CRD types these as integers and enums.
    expect(Number.isInteger(spec.cloudStorage.maxStorageNodes)).toBe(true);
    expect(['Uninstall', 'UninstallAndWipe']).toContain(spec.deleteStrategy.type);
  });

  test('the StorageCluster, the storage classes and the secret validate against the CRD and core schemas', () => {
    const { chart, spec, secret } = render({
      nodeSelection: PortworxNodeSelection.ALL_NODES,
      paletteMode: PortworxPaletteMode.AGENT,
      storageClasses: [RA_VM_STORAGE_CLASS, { name: 'px-immediate', volumeBindingMode: VolumeBindingMode.IMMEDIATE, parameters: { repl: '3' } }],
    });
    // The StorageCluster the chart creates from storageCluster.{name,namespace,annotations,spec}.
    const storageCluster = {
      apiVersion: 'core.libopenstorage.org/v1',
      kind: 'StorageCluster',
      metadata: { name: 'px-site1', namespace: chart.storageCluster.namespace, annotations: chart.storageCluster.annotations },
      spec,
    };
    expect(validateObject(storageCluster)).toEqual([]);
    // The StorageClasses the chart creates from each storageClasses entry.
    for (const sc of chart.storageClasses) {
      const annotations = { ...sc.annotations, ...(sc.isDefaultStorageClass ? { 'storageclass.kubernetes.io/is-default-class': 'true' } : {}) };
      const storageClass = {
        apiVersion: 'storage.k8s.io/v1',
        kind: 'StorageClass',
        metadata: { name: sc.name, annotations },
        provisioner: 'pxd.portworx.com',
        parameters: sc.parameters,
        allowVolumeExpansion: sc.allowVolumeExpansion,
        reclaimPolicy: sc.reclaimPolicy,
        volumeBindingMode: sc.volumeBindingMode,
      };
      expect(validateObject(storageClass)).toEqual([]);
    }
    expect(validateObject(secret)).toEqual([]);
  });

  test("the presets are the pack catalog's: another presets.yaml for the version changes the values; a version without presets uses 3.3.1's", () => {
    expect(render().chart.presetMarker).toBeUndefined();
    const catalog = join(tempDir(), 'catalog');
    const folder = join(catalog, 'csi-portworx-generic', '3.3.1');
    cpSync(join(REPO_ROOT, 'packs', 'csi-portworx-generic', '3.3.1'), folder, { recursive: true });
    const presets = readFileSync(join(folder, 'presets.yaml'), 'utf8');
    // This catalog's px-spec-flasharray (a preset the layer enables) also sets a key the layer leaves alone.
    const block = presets.indexOf('- name: px-spec-flasharray\n');
    const chartLine = presets.indexOf('        portworx-generic:\n', block) + '        portworx-generic:\n'.length;
    expect(block).toBeGreaterThan(0);
    writeFileSync(join(folder, 'presets.yaml'), `${presets.slice(0, chartLine)}          presetMarker: from-this-catalog\n${presets.slice(chartLine)}`);
    const app = new PaletteApp({ outdir: '/nonexistent', packCatalog: PackCatalog.fromDirectory(catalog) });
    const own = new PortworxPack(new PaletteSite(app, 'own'), 'portworx', { flashArrays: [ARRAY], maxStorageNodes: 5 });
    expect(renderLayer(own).values.charts['portworx-generic'].presetMarker).toBe('from-this-catalog');
    const unknown = render({ version: '3.4.0' });
    expect(unknown.r.presets).toEqual(render().r.presets);
    expect(unknown.r.presets).toContain('Storagecluster Specs:px-spec-flasharray');
  });

  test('snapshot', () => {
    const { r } = render();
    expect(r.json).toMatchSnapshot();
  });

  describe('fails', () => {
    const nonSensitive = () => new ProfileVariable('plainToken', { isSensitive: false });
    const withDefault = () => new ProfileVariable('tokenWithDefault', { isSensitive: true, defaultValue: 'x' });

    test.each<[string, Partial<PortworxPackProps>, RegExp]>([
      ['without a FlashArray', { flashArrays: [] }, /at least one FlashArray/],
      ['with a management endpoint that is not IPv4', { flashArrays: [{ mgmtEndpoint: '172.16.200.300' }] }, /'172\.16\.200\.300' is not an IPv4 address/],
      ['with a host name as management endpoint', { flashArrays: [{ mgmtEndpoint: 'fa1.example.com' }] }, /'fa1\.example\.com' is not an IPv4 address/],
      ['with a management endpoint listed twice', { flashArrays: [ARRAY, ARRAY] }, /'172\.16\.200\.50' is listed twice/],
      ['with an API token that is not sensitive', { flashArrays: [{ ...ARRAY, apiToken: nonSensitive() }] }, /'plainToken'.*must be sensitive/],
      ['with an API token that has a default', { flashArrays: [{ ...ARRAY, apiToken: withDefault() }] }, /'tokenWithDefault'.*no default/],
      ['with an activation id that is not sensitive', { activationId: nonSensitive() }, /'plainToken' for the Portworx activation id/],
      ['with a SaaS key that has a default', { licenseModel: PortworxLicenseModel.ENTERPRISE_SAAS, saasKey: withDefault() }, /'tokenWithDefault' for the Portworx SaaS key/],
      ['with fewer than 3 storage nodes', { maxStorageNodes: 2 }, /maxStorageNodes \(2\) is invalid.*at least 3/],
      ['with a fractional maxStorageNodes', { maxStorageNodes: 4.5 }, /maxStorageNodes \(4\.5\) is invalid/],
      ['with a string variable for maxStorageNodes', { maxStorageNodes: new ProfileVariable('n', { format: VariableFormat.STRING }) }, /'n'.*format 'string'.*VariableFormat\.NUMBER/],
      ['with a maxStorageNodes variable defaulting to 2', { maxStorageNodes: new ProfileVariable('n', { format: VariableFormat.NUMBER, defaultValue: 2 }) }, /default '2' of profile variable 'n'/],
      ['with a device below 150 GiB', { deviceSizeGiB: 100 }, /deviceSizeGiB 100 is invalid.*at least 150/],
      ['with an invalid data interface', { dataInterface: 'bond mgmt' }, /dataInterface 'bond mgmt' is not a Linux interface name/],
      ['with a too long mgmt interface', { mgmtInterface: 'bond_management.10' }, /mgmtInterface 'bond_management\.10'/],
      ['with a zero QPS rate', { kubernetesOpsQpsRate: 0 }, /kubernetesOpsQpsRate 0 is invalid/],
      ['with a fractional burst rate', { kubernetesOpsBurstRate: 4000.5 }, /kubernetesOpsBurstRate 4000\.5 is invalid/],
      ['with a burst below the QPS rate', { kubernetesOpsQpsRate: 2000, kubernetesOpsBurstRate: 1000 }, /kubernetesOpsBurstRate 1000 is below kubernetesOpsQpsRate 2000/],
      ['with a non-http Prometheus URL', { autopilotPrometheusUrl: 'ftp://prometheus:9090' }, /'ftp:\/\/prometheus:9090' is not an http\(s\) URL/],
      ['with a Prometheus URL that does not parse', { autopilotPrometheusUrl: 'prometheus:9090 x' }, /'prometheus:9090 x' is not an http\(s\) URL/],
      ['without storage classes', { storageClasses: [] }, /at least one storage class/],
      ['with a storage class name that is not DNS-1123', { storageClasses: [{ ...RA_VM_STORAGE_CLASS, name: 'VM_Block' }] }, /storage class name 'VM_Block' is invalid/],
      ['with a storage class name used twice', { storageClasses: [RA_VM_STORAGE_CLASS, { name: 'spectro-storage-class' }] }, /'spectro-storage-class' is used twice/],
      ['with repl 4', { storageClasses: [{ ...RA_VM_STORAGE_CLASS, parameters: { repl: '4' } }] }, /repl '4'.*1, 2 or 3/],
      ['with repl 0', { storageClasses: [{ name: 'one', parameters: { repl: '0' } }] }, /repl '0'/],
      ['with two default storage classes', { storageClasses: [RA_VM_STORAGE_CLASS, { name: 'b', isDefaultStorageClass: true }] }, /'spectro-storage-class', 'b' are all marked the default storage class/],
      ['with two KubeVirt default classes', { storageClasses: [RA_VM_STORAGE_CLASS, { name: 'b', isDefaultVirtClass: true }] }, /'spectro-storage-class', 'b' are all marked KubeVirt's default/],
      [
        'with the KubeVirt annotation set by hand',
        { storageClasses: [{ name: 'vm', annotations: { 'storageclass.kubevirt.io/is-default-virt-class': 'true' } }] },
        /storage class 'vm' sets the annotation .* use isDefaultVirtClass/,
      ],
    ])('%s', (_name, props, message) => {
      expect(validationError(() => pack(props)).message).toMatch(message);
    });
  });
});
