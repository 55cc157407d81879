/*
 * The presets of `csi-portworx-generic` 3.3.1, as data. Source: pack-values.md §5 (S1
 * `stable/portworx-generic-v3.3.1/presets.yaml`). Where §5 summarises a body as "similar" or
 * "cloud-specific" (the AWS, Azure, Google, vSphere and existing-disk specs, external kvdb,
 * proxy, custom CA), the bodies follow S1's presets as stored with the 3.3.1 images. The
 * pack's sample credentials (vSphere and Azure secrets, proxy user:password, etcd PEM
 * fragments) are replaced by `<...>` placeholders in the style of the pack's own
 * `<Activation ID>`: they are filled in per site and must never look like real values.
 *
 * Group order is presets.yaml order, which is also the order of the enabled-presets header.
 */
import { PackPreset } from '../../palette/pack-preset';
import { Values, ValueNode } from '../../palette/values';

/** The `charts.portworx-generic` prefix of every value path. */
const PX = 'charts.portworx-generic';
const SC = `${PX}.storageCluster`;

/** The Portworx image the 3.3.1 StorageCluster specs install. */
export const PORTWORX_IMAGE = 'portworx/oci-monitor:3.3.1';
/** The PX-CSI (FlashArray Direct Access) image of the `px-spec-flasharray-csi` preset. */
export const PORTWORX_CSI_IMAGE = 'portworx/oci-monitor:25.4.0';
/** Autopilot's Prometheus: the Prometheus-Grafana layer's service (pack-values.md §5 notes). */
export const DEFAULT_PROMETHEUS_URL = 'http://prometheus-operator-prometheus.monitoring.svc.cluster.local:9090';

/** Wraps chart values as pack values. */
function chart(values: Values): Values {
  return { charts: { 'portworx-generic': values } };
}

/** Wraps StorageCluster values. */
function storageCluster(values: Values): Values {
  return chart({ storageCluster: values });
}

/** What every "Storagecluster Specs" preset removes before adding its own spec. */
function specRemovals(keep: { azureSecret?: boolean; vsphereSecret?: boolean; csiMode?: boolean } = {}): string[] {
  return [
    `${SC}.annotations.portworx\\.io/is-eks`,
    `${SC}.annotations.portworx\\.io/is-aks`,
    `${SC}.annotations.portworx\\.io/is-gke`,
    `${SC}.annotations.portworx\\.io/misc-args`,
    `${SC}.spec.autopilot`,
    `${SC}.spec.env`,
    ...(keep.csiMode ? [`${SC}.spec.runtimeOptions`, `${SC}.spec.secretsProvider`] : []),
    `${SC}.spec.storage`,
    `${SC}.spec.cloudStorage`,
    // A 3.2.x leftover: 3.3.x has a `storageClasses` list, so this removes nothing (pack-values.md §5).
    `${PX}.storageClass.parameters`,
    ...(keep.azureSecret ? [] : [`${PX}.azureSecret`]),
    ...(keep.vsphereSecret ? [] : [`${PX}.vsphereSecret`]),
  ];
}

/**
 * The StorageCluster spec common to the Portworx Enterprise spec presets; `storage` is the
 * `cloudStorage` or `storage` block, `env` the provider's environment.
 */
function enterpriseSpec(storage: { readonly [key: string]: ValueNode }, env?: ValueNode): { [key: string]: ValueNode } {
  return {
    image: PORTWORX_IMAGE,
    imagePullPolicy: 'Always',
    deleteStrategy: { type: 'UninstallAndWipe' },
    kvdb: { internal: true },
    ...storage,
    secretsProvider: 'k8s',
    stork: { enabled: true, args: { 'webhook-controller': 'true' } },
    autopilot: {
      enabled: true,
      providers: [{ name: 'default', params: { url: DEFAULT_PROMETHEUS_URL }, type: 'prometheus' }],
    },
    runtimeOptions: { 'default-io-profile': '6' },
    csi: { enabled: true },
    monitoring: { telemetry: { enabled: true }, prometheus: { enabled: false, exportMetrics: true } },
    ...(env ? { env } : {}),
  };
}

/** `cloudStorage` of the cloud-drive presets: one 150 GB drive per node, an auto journal. */
function cloudDrives(provider: string, deviceType: string | undefined, kvdbSizeGB: number): { [key: string]: ValueNode } {
  const type = deviceType ? `type=${deviceType},` : '';
  return {
    cloudStorage: {
      maxStorageNodesPerZone: 0,
      deviceSpecs: [`${type}size=150`],
      kvdbDeviceSpec: `${type}size=${kvdbSizeGB}`,
      journalDeviceSpec: 'auto',
      provider,
    },
  };
}

const secretEnv = (secret: string, key: string): ValueNode => ({ name: key, valueFrom: { secretKeyRef: { name: secret, key } } });

/** The 3.3.1 presets, in presets.yaml order. */
export const PORTWORX_PRESETS: readonly PackPreset[] = [
  // --- License Models ---
  {
    name: 'px-enterprise',
    displayName: 'PX Enterprise',
    group: 'License Models',
    remove: [`${PX}.license.saas`],
    add: chart({ license: { type: 'enterprise', enterprise: { activateLicense: true, activationId: '<Activation ID>' } } }),
  },
  {
    name: 'px-enterprise-saas',
    displayName: 'PX Enterprise SaaS PAYG',
    group: 'License Models',
    remove: [`${PX}.license.enterprise`],
    add: chart({ license: { type: 'saas', saas: { key: '<PAY-AS-YOU-GO-KEY>' } } }),
  },
  {
    name: 'px-csi',
    displayName: 'PX CSI (Pure Storage)',
    group: 'License Models',
    remove: [`${PX}.license.enterprise`, `${PX}.license.saas`],
    add: chart({ license: { type: 'csi' } }),
  },

  // --- Node selection ---
  {
    name: 'px-deploy-worker-only',
    displayName: 'Run on worker nodes only',
    group: 'Node selection',
    remove: [
      `${SC}.annotations.portworx\\.io/run-on-master`,
      `${SC}.annotations.portworx\\.io/pvc-controller-port`,
      `${SC}.annotations.portworx\\.io/pvc-controller-secure-port`,
      `${SC}.spec.placement`,
    ],
  },
  {
    name: 'px-deploy-all-nodes',
    displayName: 'Run on control plane and worker nodes',
    group: 'Node selection',
    add: storageCluster({
      annotations: {
        'portworx.io/run-on-master': 'true',
        'portworx.io/pvc-controller-port': '10261',
        'portworx.io/pvc-controller-secure-port': '10262',
      },
      spec: {
        placement: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: 'px/enabled', operator: 'NotIn', values: ['false'] }] }],
            },
          },
        },
      },
    }),
  },

  // --- Palette Mode ---
  {
    name: 'px-normal-mode',
    displayName: 'This is a CAPI or Appliance mode cluster',
    group: 'Palette Mode',
    remove: [`${SC}.spec.volumes`],
  },
  {
    name: 'px-agent-mode',
    displayName: 'This is an Agent mode cluster',
    group: 'Palette Mode',
    add: storageCluster({
      spec: {
        volumes: [
          { hostPath: { path: '/var/lib/spectro/containerd' }, mountPath: '/var/lib/spectro/containerd', name: 'custom-var-containerd' },
          {
            hostPath: { path: '/run/spectro/containerd/containerd.sock' },
            mountPath: '/run/containerd/containerd.sock',
            name: 'custom-containerd-sock',
          },
        ],
      },
    }),
  },

  // --- Storagecluster Specs ---
  {
    name: 'px-spec-existing-disks',
    displayName: 'Use existing disks (generic)',
    group: 'Storagecluster Specs',
    remove: specRemovals(),
    add: storageCluster({ spec: enterpriseSpec({ storage: { useAll: true, journalDevice: 'auto' } }) }),
  },
  {
    name: 'px-spec-aws',
    displayName: 'AWS Cloud Storage for EKS',
    group: 'Storagecluster Specs',
    remove: specRemovals(),
    add: storageCluster({ annotations: { 'portworx.io/is-eks': 'true' }, spec: enterpriseSpec(cloudDrives('aws', 'gp3', 150)) }),
  },
  {
    name: 'px-spec-azure',
    displayName: 'Azure Cloud Storage for AKS',
    group: 'Storagecluster Specs',
    remove: specRemovals({ azureSecret: true }),
    add: chart({
      storageCluster: {
        annotations: { 'portworx.io/is-aks': 'true' },
        spec: enterpriseSpec(cloudDrives('azure', 'Premium_LRS', 150), [
          secretEnv('px-azure', 'AZURE_CLIENT_SECRET'),
          secretEnv('px-azure', 'AZURE_CLIENT_ID'),
          secretEnv('px-azure', 'AZURE_TENANT_ID'),
        ]),
      },
      azureSecret: { tenantId: '<Azure tenant id>', clientId: '<Azure client id>', clientSecret: '<Azure client secret>' },
    }),
  },
  {
    name: 'px-spec-google',
    displayName: 'Google Cloud Storage for GKE',
    group: 'Storagecluster Specs',
    remove: specRemovals(),
    add: storageCluster({ annotations: { 'portworx.io/is-gke': 'true' }, spec: enterpriseSpec(cloudDrives('gce', 'pd-standard', 150)) }),
  },
  {
    name: 'px-spec-vmware',
    displayName: 'VMware vSphere Datastores',
    group: 'Storagecluster Specs',
    remove: specRemovals({ vsphereSecret: true }),
    add: chart({
      storageCluster: {
        spec: enterpriseSpec(cloudDrives('vsphere', 'lazyzeroedthick', 32), [
          { name: 'VSPHERE_INSECURE', value: 'true' },
          secretEnv('px-vsphere-secret', 'VSPHERE_USER'),
          secretEnv('px-vsphere-secret', 'VSPHERE_PASSWORD'),
          { name: 'VSPHERE_VCENTER', value: 'my-vcenter.company.local' },
          { name: 'VSPHERE_VCENTER_PORT', value: '443' },
          { name: 'VSPHERE_DATASTORE_PREFIX', value: 'Datastore' },
          { name: 'VSPHERE_INSTALL_MODE', value: 'shared' },
        ]),
      },
      vsphereSecret: { user: '<vCenter user>', password: '<vCenter password>' },
    }),
  },
  {
    // The RA's choice (RA rev 1.7, Portworx layer: "Storagecluster Specs: Pure Storage Flash Array").
    name: 'px-spec-flasharray',
    displayName: 'Pure Storage FlashArray',
    group: 'Storagecluster Specs',
    remove: specRemovals(),
    add: storageCluster({
      spec: enterpriseSpec(
        { cloudStorage: { maxStorageNodesPerZone: 0, deviceSpecs: ['size=150'], kvdbDeviceSpec: 'size=32', journalDeviceSpec: 'auto', provider: 'pure' } },
        [{ name: 'PURE_FLASHARRAY_SAN_TYPE', value: 'ISCSI' }],
      ),
    }),
  },
  {
    // FlashArray Direct Access volumes: no RWX, so not usable for VM live migration (RA rev 1.7 license.type remark).
    name: 'px-spec-flasharray-csi',
    displayName: 'Pure Storage FlashArray (CSI mode)',
    group: 'Storagecluster Specs',
    remove: specRemovals({ csiMode: true }),
    add: storageCluster({
      annotations: { 'portworx.io/misc-args': '--oem px-csi' },
      spec: {
        image: PORTWORX_CSI_IMAGE,
        imagePullPolicy: 'Always',
        deleteStrategy: { type: 'UninstallAndWipe' },
        kvdb: { internal: true },
        cloudStorage: { kvdbDeviceSpec: 'size=32' },
        stork: { enabled: false },
        csi: { enabled: true },
        monitoring: { telemetry: { enabled: true }, prometheus: { enabled: false, exportMetrics: true } },
        env: [{ name: 'PURE_FLASHARRAY_SAN_TYPE', value: 'ISCSI' }],
      },
    }),
  },

  // --- Kvdb and Etcd ---
  {
    name: 'px-internal-kvdb',
    displayName: 'Use internal Kvdb, no TLS',
    group: 'Kvdb and Etcd',
    remove: [`${PX}.externalKvdb`, `${SC}.spec.kvdb.endpoints`, `${SC}.spec.kvdb.authSecret`],
    add: storageCluster({ spec: { kvdb: { internal: true, enableTLS: false } } }),
  },
  {
    name: 'px-internal-kvdb-tls',
    displayName: 'Use internal Kvdb, with TLS',
    group: 'Kvdb and Etcd',
    remove: [`${PX}.externalKvdb`, `${SC}.spec.kvdb.endpoints`, `${SC}.spec.kvdb.authSecret`],
    add: storageCluster({ spec: { kvdb: { internal: true, enableTLS: true } } }),
  },
  {
    name: 'px-external-kvdb',
    displayName: 'Use external Kvdb over HTTP',
    group: 'Kvdb and Etcd',
    remove: [`${SC}.spec.kvdb.internal`, `${PX}.externalKvdb.cacert`, `${PX}.externalKvdb.key`, `${PX}.externalKvdb.cert`],
    add: chart({
      storageCluster: { spec: { kvdb: { endpoints: ['etcd:http://etcd.company.domain:2379'] } } },
      externalKvdb: { useCertsForSSL: false },
    }),
  },
  {
    name: 'px-external-kvdb-ssl',
    displayName: 'Use external Kvdb over SSL',
    group: 'Kvdb and Etcd',
    remove: [`${SC}.spec.kvdb.internal`],
    add: chart({
      storageCluster: { spec: { kvdb: { endpoints: ['etcd:https://etcd.company.domain:2379'], authSecret: 'px-kvdb-auth' } } },
      externalKvdb: {
        useCertsForSSL: true,
        cacert: '<PEM CA certificate of the etcd cluster>',
        cert: '<PEM client certificate for etcd>',
        key: '<PEM private key of the etcd client certificate>',
      },
    }),
  },

  // --- HTTP(S) Proxy ---
  {
    name: 'px-enable-proxy',
    displayName: 'Use Proxy server for HTTP(S)',
    group: 'HTTP(S) Proxy',
    add: storageCluster({
      spec: {
        env: [
          { name: 'PX_HTTP_PROXY', value: 'http://your-proxy-server:3128' },
          { name: 'PX_HTTPS_PROXY', value: 'http://your-proxy-server:3128' },
          { name: 'NO_PROXY', value: '127.0.0.1,localhost,10.0.0.0/8,100.64.0.0/10,172.16.0.0/12,192.168.0.0/16,.cluster.local' },
        ],
      },
    }),
  },

  // --- Custom CA certs ---
  {
    name: 'px-custom-ca',
    displayName: 'Mount custom CA cert',
    group: 'Custom CA certs',
    add: storageCluster({
      spec: {
        volumes: [
          // The secret holding the PEM certificate is created by hand in the portworx namespace.
          { name: 'custom-ca-cert', mountPath: '/etc/pwx/custom/ca/cert', secret: { secretName: 'your-secret-name' } },
        ],
      },
    }),
  },
];
