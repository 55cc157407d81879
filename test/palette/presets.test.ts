import { parse } from 'yaml';
import { LayerType, PackDefaults, PackLayer, PackPreset, PackType, PaletteApp, PaletteSite } from '../../lib/palette';

function site() {
  return new PaletteSite(new PaletteApp({ outdir: '/nonexistent' }), 'presets');
}

const DEFAULTS = `# spectrocloud.com/enabled-presets: Node selection:px-deploy-all-nodes
pack:
  namespace: portworx # keep this comment
charts:
  portworx-generic:
    storageCluster:
      annotations:
        portworx.io/run-on-master: "true"
        portworx.io/health-check: "skip"
      spec:
        placement:
          nodeAffinity: {}
        image: portworx/oci-monitor:3.3.0
        env:
          - name: A
            value: "1"
`;

const PRESETS: PackPreset[] = [
  {
    name: 'px-deploy-worker-only',
    group: 'Node selection',
    remove: ['charts.portworx-generic.storageCluster.annotations.portworx\\.io/run-on-master', 'charts.portworx-generic.storageCluster.spec.placement'],
  },
  { name: 'px-deploy-all-nodes', group: 'Node selection', add: { charts: { 'portworx-generic': { storageCluster: { annotations: { 'portworx.io/run-on-master': 'true' } } } } } },
  {
    name: 'px-spec-flasharray',
    group: 'Storagecluster Specs',
    remove: ['charts.portworx-generic.storageCluster.spec.env'],
    add: { charts: { 'portworx-generic': { storageCluster: { spec: { image: 'portworx/oci-monitor:3.3.1', env: [{ name: 'PURE_FLASHARRAY_SAN_TYPE', value: 'FC' }] } } } } },
  },
  { name: 'px-internal-kvdb', group: 'Kvdb and Etcd', displayName: 'Use internal Kvdb, no TLS', add: { charts: { 'portworx-generic': { storageCluster: { spec: { kvdb: { internal: true } } } } } } },
];

function pack(enabled: string[], extra: Partial<ConstructorParameters<typeof PackLayer>[2]> = {}) {
  return new PackLayer(site(), 'px', {
    name: 'csi-portworx-generic',
    version: '3.3.1',
    layer: LayerType.CSI,
    defaults: PackDefaults.fromYaml(DEFAULTS),
    presets: PRESETS,
    enabledPresets: enabled,
    ...extra,
  });
}

describe('presets', () => {
  test('remove paths honour escaped dots and leave sibling keys', () => {
    const values = parse(pack(['px-deploy-worker-only']).values);
    const annotations = values.charts['portworx-generic'].storageCluster.annotations;
    expect(annotations).toEqual({ 'portworx.io/health-check': 'skip' });
    expect(values.charts['portworx-generic'].storageCluster.spec.placement).toBeUndefined();
  });

  test('add deep-merges maps and replaces lists', () => {
    const values = parse(pack(['px-spec-flasharray', 'px-internal-kvdb']).values);
    const spec = values.charts['portworx-generic'].storageCluster.spec;
    expect(spec.image).toBe('portworx/oci-monitor:3.3.1');
    expect(spec.env).toEqual([{ name: 'PURE_FLASHARRAY_SAN_TYPE', value: 'FC' }]);
    expect(spec.kvdb).toEqual({ internal: true });
    expect(spec.placement).toEqual({ nodeAffinity: {} });
  });

  test('header lists group:name in presets.yaml order and replaces the defaults header', () => {
    const values = pack(['px-internal-kvdb', 'px-deploy-worker-only']).values;
    expect(values.split('\n')[0]).toBe('# spectrocloud.com/enabled-presets: Node selection:px-deploy-worker-only,Kvdb and Etcd:px-internal-kvdb');
    expect(values.match(/enabled-presets/g)).toHaveLength(1);
  });

  test("no preset enabled: the header keeps the defaults' own selection, as Palette's UI shows it", () => {
    expect(pack([]).values.split('\n')[0]).toBe('# spectrocloud.com/enabled-presets: Node selection:px-deploy-all-nodes');
  });

  test('a preset of another group joins the selection of the defaults, in presets.yaml order', () => {
    expect(pack(['px-internal-kvdb']).values.split('\n')[0]).toBe('# spectrocloud.com/enabled-presets: Node selection:px-deploy-all-nodes,Kvdb and Etcd:px-internal-kvdb');
  });

  test('no preset and no selection in the defaults: no header', () => {
    const bare = new PackLayer(site(), 'px', { name: 'csi-portworx-generic', version: '3.3.1', layer: LayerType.CSI, defaults: PackDefaults.fromYaml('pack:\n  namespace: portworx\n'), presets: PRESETS });
    expect(bare.values.startsWith('pack:')).toBe(true);
  });

  test('comments of the pack defaults survive', () => {
    expect(pack(['px-deploy-worker-only']).values).toContain('namespace: portworx # keep this comment');
  });

  test('overrides apply after presets', () => {
    const p = pack(['px-spec-flasharray'], { values: { charts: { 'portworx-generic': { storageCluster: { spec: { image: 'mirror/oci-monitor:3.3.1' } } } } } });
    expect(parse(p.values).charts['portworx-generic'].storageCluster.spec.image).toBe('mirror/oci-monitor:3.3.1');
  });

  test('install priority is written as a quoted integer under pack', () => {
    const p = pack([], { installPriority: 10 });
    expect(p.values).toContain('spectrocloud.com/install-priority: "10"');
    expect(parse(p.values).pack['spectrocloud.com/install-priority']).toBe('10');
  });

  test('fails when two presets of one group are enabled', () => {
    expect(() => pack(['px-deploy-worker-only', 'px-deploy-all-nodes'])).toThrow(/same group 'Node selection'.*only one preset per group/);
  });

  test('fails on an unknown preset name and lists the known ones', () => {
    expect(() => pack(['px-spec-netapp'])).toThrow(/no preset 'px-spec-netapp': choose one of px-deploy-worker-only/);
  });

  test('fails on defaults that are not YAML', () => {
    expect(() => PackDefaults.fromYaml('a: [1, 2', 'cilium values.yaml')).toThrow(/cilium values.yaml is not valid YAML/);
  });

  test('fails on a pack type that does not match the registry kind', () => {
    expect(() => pack([], { type: PackType.OCI })).toThrow(/type 'oci' but registry 'Public Repo' serves 'spectro' packs/);
  });

  test('snapshot', () => {
    expect(pack(['px-deploy-worker-only', 'px-spec-flasharray', 'px-internal-kvdb'], { installPriority: 0 }).toJson()).toMatchSnapshot();
  });
});
