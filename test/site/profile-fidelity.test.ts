import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';
import { CloudType, ClusterProfile, LayerType, PackCatalog, PackLayer, PaletteApp, PaletteSite, PortworxPack, ProfileType, SynthError, VmoSite, VmoSiteProps } from '../../lib';
import { addTarget } from '../../lib/cli/load-target';
import { validateObject } from '../support/crd-schemas';
import { tempDirs } from '../helpers';
import { RA_SITE } from './fixtures';

/**
 * Issue 9: the profiles we write deploy as profiles built in Palette's UI do: complete pack
 * values from the catalog, the layers the UI adds, typed variables, one content per name+version.
 */

const USER_CATALOG = join(__dirname, '..', 'fixtures', 'user-catalog');

/** The leaf paths of a values map (a list or an empty map is a leaf), with `.` in keys escaped as Palette does. */
function leafPaths(v: unknown, prefix: string[] = [], out: string[] = []): string[] {
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0) {
    for (const [k, x] of Object.entries(v)) leafPaths(x, [...prefix, k.replace(/\./g, '\\.')], out);
  } else {
    out.push(prefix.join('.'));
  }
  return out;
}

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}.`);

function renderSiteWith(props: VmoSiteProps, edit: (site: VmoSite) => void) {
  const app = new PaletteApp({ outdir: '/nonexistent' });
  const site = new VmoSite(app, props.name ?? 'site', props);
  edit(site);
  return { site, rendered: site.render() };
}

function renderSite(props: VmoSiteProps = RA_SITE) {
  const app = new PaletteApp({ outdir: '/nonexistent' });
  const site = new VmoSite(app, props.name ?? 'site', props);
  return { site, rendered: site.render() };
}

function renderedLayer(props: VmoSiteProps, pack: string) {
  const layer = renderSite(props).rendered.profiles[0].layers.find((l) => l.pack.name === pack);
  if (!layer) throw new Error(`no layer ${pack}`);
  return layer;
}

/**
 * What the RA's preset selection removes from the published defaults on purpose, each with the
 * preset whose `remove` list does it. Nothing else may be missing.
 */
const REMOVED_ON_PURPOSE: Record<string, Record<string, string>> = {
  kubernetes: {},
  'cni-cilium-oss': { 'charts.cilium.ipam.operator': 'ipam-kubernetes' },
  'csi-portworx-generic': { 'charts.portworx-generic.license.saas': 'px-enterprise', 'charts.portworx-generic.externalKvdb': 'px-internal-kvdb' },
  'csi-rook-ceph-helm': {},
};

/** A Rook-Ceph site (storage.backend rook-ceph), for the csi-rook-ceph-helm defaults. */
const ROOK_CEPH: VmoSiteProps = { ...RA_SITE, name: 'rook', storage: { backend: 'rook-ceph' } };
/** The site whose Full profile holds each pack. */
const SITE_OF: Record<string, VmoSiteProps> = { 'csi-rook-ceph-helm': ROOK_CEPH };

describe('complete pack values (catalog defaults -> presets -> our changes)', () => {
  const { rendered } = renderSite();
  const full = rendered.profiles[0];

  test('the RA layers with published defaults of the exact version are PXK 1.32.4, Cilium 1.17.4 and Portworx 3.3.1', () => {
    expect(full.layers.filter((l) => l.defaults).map((l) => `${l.pack.name} ${l.pack.version}`)).toEqual([
      'kubernetes 1.32.4', 'cni-cilium-oss 1.17.4', 'csi-portworx-generic 3.3.1',
    ]);
  });

  test.each(Object.keys(REMOVED_ON_PURPOSE))('%s: every default key path is in the output unless a preset removes it on purpose', (pack) => {
    const layer = (SITE_OF[pack] ? renderSite(SITE_OF[pack]).rendered.profiles[0] : full).layers.find((l) => l.pack.name === pack)!;
    expect(layer.defaults?.source).toContain(`${pack}`);
    const written = leafPaths(parse(layer.pack.values));
    const missing = leafPaths(layer.defaults!.values).filter((p) => !written.some((w) => under(w, p) || under(p, w)));
    const expected = REMOVED_ON_PURPOSE[pack];
    // every missing path is on the list, and every listed subtree is missing
    expect(missing.filter((p) => !Object.keys(expected).some((prefix) => under(p, prefix)))).toEqual([]);
    for (const prefix of Object.keys(expected)) expect(missing.some((p) => under(p, prefix))).toBe(true);
    // and the list is honest: the named preset is enabled and its remove list holds the path
    const catalog = PackCatalog.builtIn().lookup(pack, layer.pack.version)!;
    for (const [prefix, preset] of Object.entries(expected)) {
      expect(layer.pack.values.split('\n')[0]).toContain(`:${preset}`);
      expect(catalog.presets.find((p) => p.name === preset)?.remove).toContain(prefix);
    }
  });

  test('Portworx: the operator chart gets its namespace from the pack values (its chart ships none)', () => {
    const px = parse(full.layers.find((l) => l.pack.name === 'csi-portworx-generic')!.pack.values);
    // the published 3.3.1 default: without it the operator's RBAC renders with an empty namespace
    expect(px.charts['px-operator'].namespace).toBe('portworx-operator');
  });

  test("PXK keeps the published kubeadm hardening beside the RA's changes", () => {
    const k8s = parse(full.layers.find((l) => l.pack.name === 'kubernetes')!.pack.values);
    expect(k8s.kubeadmconfig.apiServer.extraArgs['enable-admission-plugins']).toContain('PodSecurity');
    expect(k8s.kubeadmconfig.apiServer.extraArgs['tls-cipher-suites']).toMatch(/^TLS_ECDHE_/);
    expect(k8s.pack.podCIDR).toBe('100.64.0.0/18');
  });

  test('the changes file shows what differs from the defaults, not the defaults themselves', () => {
    const files = renderFiles(RA_SITE);
    const changes = files.get('profiles/ra-Full/cni-cilium-oss.changes.yaml') ?? files.get([...files.keys()].find((k) => k.endsWith('/cni-cilium-oss.changes.yaml'))!)!;
    const values = files.get([...files.keys()].find((k) => k.endsWith('/cni-cilium-oss.values.yaml'))!)!;
    expect(changes.split('\n').length * 10).toBeLessThan(values.split('\n').length);
    expect(changes).toContain('forceDeviceDetection');
    expect(changes).not.toContain('hubble');
  });
});

function renderFiles(props: VmoSiteProps, app = new PaletteApp({ outdir: '/nonexistent' })): ReadonlyMap<string, string> {
  new VmoSite(app, props.name ?? 'site', props);
  return app.render().sites.get(props.name ?? 'site')!;
}

describe("a user's pack catalog", () => {
  test('a site file pointing at a catalog folder gets its defaults, comments included, and no PAL-008 for that pack', () => {
    const app = new PaletteApp({ outdir: '/nonexistent' });
    addTarget(app, join(__dirname, '..', 'fixtures', 'sites', 'user-catalog.yaml'));
    const files = app.render().sites.get('user-catalog')!;
    const os = files.get('profiles/VMO-UserCatalog-Full/ubuntu-maas.values.yaml')!;
    expect(os).toContain('# Our site-wide time servers: keep them on every node');
    expect(os).toContain('- ntp1.example.internal # the primary');
    // the RA's own changes are on top of the user's defaults
    expect(parse(os).kubeadmconfig.preKubeadmCommands.length).toBeGreaterThan(0);
    const checks = JSON.parse(files.get('checks.json')!);
    const overlays = checks.findings.filter((f: { ruleId: string }) => f.ruleId === 'PAL-008').map((f: { location: string }) => f.location);
    expect(overlays.some((l: string) => l.includes('ubuntu-maas'))).toBe(false);
    expect(overlays.some((l: string) => l.includes('lb-metallb-helm'))).toBe(true);
  });

  test('an app-wide catalog in code applies to every site, and a site catalog is asked first', () => {
    const app = new PaletteApp({ outdir: '/nonexistent', packCatalog: PackCatalog.fromDirectory(USER_CATALOG) });
    const site = new VmoSite(app, 'ra', RA_SITE);
    const os = site.render().profiles[0].layers.find((l) => l.pack.name === 'ubuntu-maas')!;
    expect(os.defaults?.source).toContain('ubuntu-maas');
    expect(os.pack.values).toContain('ntp1.example.internal');
    // the built-in catalog still answers for the packs the user's folder lacks
    expect(site.render().profiles[0].layers.find((l) => l.pack.name === 'cni-cilium-oss')!.defaults).toBeDefined();
  });

  test('fails on a catalog folder that does not exist, naming the setting, the folder and the fix', () => {
    expect(() => new VmoSite(new PaletteApp({ outdir: '/nonexistent' }), 'ra', { ...RA_SITE, packCatalog: '/nonexistent/catalog' })).toThrow(
      "packCatalog: pack catalog folder '/nonexistent/catalog' does not exist or is not a folder: give the folder that holds <pack name>/<version>/values.yaml",
    );
  });

  describe('a catalog file that cannot be read', () => {
    const temp = tempDirs('bad-catalog-');
    /** The SITE-001 findings of an RA site whose catalog holds `files` (relative paths -> text). */
    function siteErrors(files: Record<string, string>) {
      const root = temp();
      for (const [rel, text] of Object.entries(files)) {
        mkdirSync(join(root, rel, '..'), { recursive: true });
        writeFileSync(join(root, rel), text);
      }
      const site = new VmoSite(new PaletteApp({ outdir: '/nonexistent' }), 'ra', { ...RA_SITE, packCatalog: root });
      return { root, findings: site.check().filter((f) => f.ruleId === 'SITE-001') };
    }

    test('fails: a bad values.yaml is reported once at packCatalog (not at the layer that read it first), naming the file, line and fix', () => {
      const { root, findings } = siteErrors({ 'kubernetes/1.32.4/values.yaml': 'pack:\n  a: [1\n' });
      expect(findings.map((f) => [f.location.replace(/^site ra: /, ''), f.message])).toEqual([
        ['packCatalog', expect.stringMatching(new RegExp(`^${join(root, 'kubernetes', '1.32.4', 'values.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not valid YAML at line \\d+, column \\d+ .*: fix the YAML syntax$`))],
      ]);
    });

    test('fails: a bad presets.yaml of the CSI pack is reported at packCatalog too', () => {
      const { findings } = siteErrors({ 'csi-portworx-generic/3.3.1/values.yaml': 'a: 1\n', 'csi-portworx-generic/3.3.1/presets.yaml': 'items: []\n' });
      expect(findings.map((f) => f.location.replace(/^site ra: /, ''))).toEqual(['packCatalog']);
      expect(findings[0].message).toMatch(/presets\.yaml: no 'presets:' list at the top/);
    });
  });
});

describe('PAL-008 missing defaults', () => {
  test('fires for a pack version the catalog lacks, naming pack, version, versions held and the fix', () => {
    const s = new PaletteSite(new PaletteApp({ outdir: '/nonexistent' }), 'lab');
    const lb = new PackLayer(s, 'lb', { name: 'lb-metallb-helm', version: '0.15.2', layer: LayerType.ADDON, values: { charts: { metallb: { speaker: { frr: { enabled: false } } } } } });
    new ClusterProfile(s, 'p', { type: ProfileType.ADD_ON, cloudType: CloudType.ALL, layers: [lb] });
    const findings = s.check().filter((f) => f.ruleId === 'PAL-008');
    expect(findings).toEqual([
      expect.objectContaining({
        level: 'warning',
        location: 'site lab: profile p, layer lb-metallb-helm',
        message:
          "pack lb-metallb-helm 0.15.2 has no published defaults in the pack catalog (versions held: 0.14.8), so its values hold only the settings made here, not the complete values Palette's UI would hold: " +
          "pull them with 'palette-vmo packs pull', or export them from Palette into <catalog>/lb-metallb-helm/0.15.2/values.yaml and give the site that catalog (packCatalog)",
      }),
    ]);
  });

  test('never uses another version: the held version does not leak into an overlay', () => {
    const s = new PaletteSite(new PaletteApp({ outdir: '/nonexistent' }), 'lab');
    const lb = new PackLayer(s, 'lb', { name: 'lb-metallb-helm', version: '0.15.2', layer: LayerType.ADDON, values: { a: 1 } });
    expect(lb.values).toBe('a: 1');
  });

  test('the RA site names every layer that is still an overlay', () => {
    const findings = renderSite().site.check().filter((f) => f.ruleId === 'PAL-008' && f.location.includes('profile VMO-RA-Full'));
    expect(findings.map((f) => f.location.split('layer ')[1])).toEqual([
      'ubuntu-maas', 'lb-metallb-helm', 'nginx', 'prometheus-opeartor', 'virtual-machine-orchestrator', 'spectro-proxy',
    ]);
  });
});

describe('the enabled-presets header of every pack with catalog defaults', () => {
  const LONGHORN_1_6_SITE: VmoSiteProps = { ...RA_SITE, name: 'longhorn', storage: { backend: 'longhorn', longhorn: { version: '1.6.0' } } };
  const header = (values: string) => values.split('\n')[0];
  const groupsOf = (line: string) => line.replace(/^# spectrocloud\.com\/enabled-presets: /, '').split(',').map((item) => item.slice(0, item.lastIndexOf(':')));

  test.each([
    ['the RA site', RA_SITE],
    ['a Rook-Ceph site', ROOK_CEPH],
    ['a Longhorn 1.6.0 site', LONGHORN_1_6_SITE],
  ])('%s: every layer whose defaults record a selection writes a header naming a preset of every recorded group', (_, props) => {
    const layers = renderSite(props).rendered.profiles[0].layers.filter((l) => l.defaults);
    expect(layers.length).toBeGreaterThan(0);
    for (const layer of layers) {
      const recorded = PackCatalog.builtIn().lookup(layer.pack.name, layer.pack.version)?.defaults.enabledPresets ?? [];
      if (!recorded.length) continue;
      const line = header(layer.pack.values);
      expect([layer.pack.name, line.startsWith('# spectrocloud.com/enabled-presets: ')]).toEqual([layer.pack.name, true]);
      expect([layer.pack.name, groupsOf(line).sort()]).toEqual([layer.pack.name, expect.arrayContaining(recorded.map((r) => r.group).sort())]);
    }
  });

  test("PXK 1.32.4 keeps the published default selection (the RA's layer chooses no preset)", () => {
    expect(header(renderedLayer(RA_SITE, 'kubernetes').pack.values)).toBe(
      '# spectrocloud.com/enabled-presets: Kube Controller Manager:loopback-ctrlmgr,Kube Scheduler:loopback-scheduler,Azure Disk Encryption Set:disable-azure-disk-encryption',
    );
  });

  test("a layer with presets of its own keeps the defaults' selection for the other groups, in the pack's presets.yaml group order", () => {
    const s = new PaletteSite(new PaletteApp({ outdir: '/nonexistent' }), 'own');
    const cilium = new PackLayer(s, 'cilium', {
      name: 'cni-cilium-oss',
      version: '1.17.4',
      layer: LayerType.CNI,
      presets: [{ name: 'vmo-enable', group: 'VMO Compatibility', add: { charts: { cilium: { cni: { exclusive: false } } } } }],
      enabledPresets: ['vmo-enable'],
    });
    expect(header(cilium.values)).toBe(
      '# spectrocloud.com/enabled-presets: IPAM mode:ipam-kubernetes,Cilium Operator:op-multi-node,Kube-proxy replacement:ebpf-kubeproxy,Pod networking:podnw-vxlan,' +
        'VMO Compatibility:vmo-enable,VMO - Bridge interface:vmo-auto,Loadbalancer mode:lb-no-xdp,MicroK8s:microk8s-disable',
    );
  });

  test('Longhorn 1.6.0 keeps the published default selection', () => {
    expect(header(renderedLayer(LONGHORN_1_6_SITE, 'csi-longhorn').pack.values)).toBe('# spectrocloud.com/enabled-presets: Kubernetes Cluster Autoscaler:autoScalerDisabled');
  });

  test('Rook-Ceph: the header says what the values hold, no object store unless asked for', () => {
    const off = renderedLayer(ROOK_CEPH, 'csi-rook-ceph-helm');
    expect(header(off.pack.values)).toBe(
      '# spectrocloud.com/enabled-presets: Cluster Configuration:multi-node-cluster,Storage - Block:enable-block-storage,Storage - File:enable-file-storage,Storage - Object:disable-object-storage',
    );
    expect(parse(off.pack.values).charts['rook-ceph-cluster'].cephObjectStores).toEqual([]);
    const on = renderedLayer({ ...ROOK_CEPH, storage: { backend: 'rook-ceph', rookCeph: { objectStore: true } } }, 'csi-rook-ceph-helm');
    expect(header(on.pack.values)).toContain('Storage - Object:enable-object-storage');
    expect(parse(on.pack.values).charts['rook-ceph-cluster'].cephObjectStores.map((s: { name: string }) => s.name)).toEqual(['ceph-objectstore']);
    // The cluster preset's MON and MGR layout is what the values hold.
    const cluster = parse(off.pack.values).charts['rook-ceph-cluster'].cephClusterSpec;
    expect([cluster.mon.count, cluster.mon.allowMultiplePerNode, cluster.mgr.count, cluster.mgr.allowMultiplePerNode]).toEqual([3, false, 2, false]);
  });
});

describe('typed variables: what reaches a CRD field after substitution has its type', () => {
  const variablesSite: VmoSiteProps = { ...RA_SITE, name: 'vars', profileNamePrefix: 'VMO-Vars', profiles: { layout: 'split', variables: true } };

  function storageCluster(values: Record<string, any>) {
    const chart = values.charts['portworx-generic'];
    return { apiVersion: 'core.libopenstorage.org/v1', kind: 'StorageCluster', metadata: { name: 'px-site', namespace: 'portworx' }, spec: chart.storageCluster.spec };
  }

  test('a number variable is written unquoted, so the substituted text parses to an integer and the StorageCluster validates', () => {
    const layer = renderedLayer(variablesSite, 'csi-portworx-generic');
    expect(layer.pack.values).toContain('maxStorageNodes: {{.spectro.var.pxMaxStorageNodes}}');
    const cluster = storageCluster(layer.deployed);
    expect(cluster.spec.cloudStorage.maxStorageNodes).toBe(5);
    expect(validateObject(cluster)).toEqual([]);
  });

  test("the changes file shows the typed reference exactly as the values write it, unquoted", () => {
    const files = renderFiles(variablesSite);
    const changesFile = [...files.keys()].find((k) => k.endsWith('/csi-portworx-generic.changes.yaml'))!;
    const changes = files.get(changesFile)!;
    const values = files.get(changesFile.replace('.changes.yaml', '.values.yaml'))!;
    const line = (text: string) => text.split('\n').find((l) => l.includes('pxMaxStorageNodes'))?.trim();
    expect(line(values)).toBe('maxStorageNodes: {{.spectro.var.pxMaxStorageNodes}}');
    expect(line(changes)).toMatch(/^maxStorageNodes: \{\{\.spectro\.var\.pxMaxStorageNodes\}\}( #.*)?$/);
    // String references stay quoted in both.
    const cidr = (text: string) => text.split('\n').find((l) => l.includes('.spectro.var.podCidr'))?.trim();
    const k8sChanges = files.get([...files.keys()].find((k) => k.endsWith('/kubernetes.changes.yaml'))!)!;
    expect(cidr(k8sChanges)).toMatch(/^podCIDR: '\{\{\.spectro\.var\.podCidr\}\}'/);
  });

  test('the same field written as a quoted reference would substitute to a string, which the CRD schema refuses', () => {
    const layer = renderedLayer(variablesSite, 'csi-portworx-generic');
    // Palette substitutes the text: a quoted reference becomes '5', a string.
    const quoted = layer.pack.values.replace('{{.spectro.var.pxMaxStorageNodes}}', "'5'").replace(/\{\{[^}]*\}\}/g, 'x');
    expect(validateObject(storageCluster(parse(quoted)))).toEqual([expect.stringContaining('maxStorageNodes')]);
  });
});

describe('PAL-009 pack schema findings from a rendered site', () => {
  const temp = tempDirs('pal-009-');
  const PX = 'csi-portworx-generic/3.3.1';
  const BUILT_IN = join(__dirname, '..', '..', 'packs');

  /** A catalog folder holding the built-in Portworx 3.3.1 files with `constraints` added to its schema.yaml. */
  function portworxCatalog(constraints: string): string {
    const root = temp();
    const folder = join(root, PX);
    mkdirSync(folder, { recursive: true });
    for (const f of readdirSync(join(BUILT_IN, PX))) copyFileSync(join(BUILT_IN, PX, f), join(folder, f));
    writeFileSync(join(folder, 'schema.yaml'), readFileSync(join(BUILT_IN, PX, 'schema.yaml'), 'utf8') + constraints);
    return root;
  }

  const pal009 = (props: VmoSiteProps, edit: (site: VmoSite) => void = () => undefined) => {
    const { site } = renderSiteWith(props, edit);
    return site.check().filter((f) => f.ruleId === 'PAL-009' && f.location.includes('profile VMO-RA-Full'));
  };

  test('the RA site passes the Portworx 3.3.1 schema', () => {
    expect(pal009(RA_SITE)).toEqual([]);
  });

  test('fails PAL-009 on a literal password at a ${password} path of the schema, without showing it', () => {
    const findings = pal009(RA_SITE, (site) => (site.layers.csi as PortworxPack).addOverride('charts.portworx-generic.vsphereSecret.password', 'hunter2-secret'));
    expect(findings).toEqual([
      expect.objectContaining({
        level: 'error',
        location: expect.stringContaining('layer csi-portworx-generic'),
        message: expect.stringMatching(/^charts\.portworx-generic\.vsphereSecret\.password is a password in the pack's schema and holds a literal value \(14 characters, not shown\): make it a sensitive profile variable/),
      }),
    ]);
    expect(JSON.stringify(findings)).not.toContain('hunter2');
  });

  test('fails PAL-009 on a key the schema requires and the values lack', () => {
    const packCatalog = portworxCatalog("charts.portworx-generic.storageCluster.spec.kvdb.endpoints:\n  schema: '{{ required }}'\n");
    const findings = pal009({ ...RA_SITE, packCatalog });
    expect(findings.map((f) => [f.level, f.message])).toEqual([['error', expect.stringMatching(/^charts\.portworx-generic\.storageCluster\.spec\.kvdb\.endpoints: .*required/)]]);
  });

  test('fails PAL-009 on an unquoted (typed) reference at a path the schema constrains, naming the path and the fix', () => {
    const packCatalog = portworxCatalog("charts.portworx-generic.storageCluster.spec.cloudStorage.maxStorageNodes:\n  schema: '{{ format \"${number}\" }}'\n");
    const findings = pal009({ ...RA_SITE, packCatalog, profiles: { layout: 'full', variables: true } });
    expect(findings).toEqual([
      expect.objectContaining({
        level: 'error',
        message:
          "charts.portworx-generic.storageCluster.spec.cloudStorage.maxStorageNodes holds the unquoted reference {{.spectro.var.pxMaxStorageNodes}} and the pack's schema.yaml constrains this path: " +
          "before substitution Palette validates the values against the schema, and an unquoted reference reads as a YAML map there (Palette's docs: wrap each profile variable in single quotes): " +
          "quote it (ProfileVariable.asText() writes '{{.spectro.var.pxMaxStorageNodes}}') or use a string variable at charts.portworx-generic.storageCluster.spec.cloudStorage.maxStorageNodes",
      }),
    ]);
    // Without the constraint the typed reference is fine.
    expect(pal009({ ...RA_SITE, profiles: { layout: 'full', variables: true } })).toEqual([]);
  });
});

describe('PAL-007 profile identity across sites', () => {
  function synthTwo(a: VmoSiteProps, b: VmoSiteProps): string[] {
    const app = new PaletteApp({ outdir: '/nonexistent' });
    new VmoSite(app, a.name!, a);
    new VmoSite(app, b.name!, b);
    try {
      app.render();
      return [];
    } catch (e) {
      if (!(e instanceof SynthError)) throw e;
      return e.findings.filter((f) => f.ruleId === 'PAL-007').map((f) => f.message);
    }
  }

  test('two sites writing one profile name+version with different content are refused, naming both sites and the fix', () => {
    const a: VmoSiteProps = { ...RA_SITE, name: 'site-a' };
    const b: VmoSiteProps = { ...RA_SITE, name: 'site-b', network: { ...RA_SITE.network, mgmt: { vlan: 11, cidr: '172.17.0.0/22' } } };
    const messages = synthTwo(a, b);
    expect(messages).toContain(
      'sites site-a and site-b both write profile VMO-RA-Infra-MaaS-PureFlashArray version 1.7.0 with different content, and Palette keeps one content per name and version: ' +
        'use profile variables for what differs, put the site name in the profile name (profileNamePrefix), or give each site its own version (profileVersion)',
    );
    expect(messages.every((m) => m.startsWith('sites site-a and site-b both write profile VMO-RA-'))).toBe(true);
  });

  test('the same content under one name+version is fine: one add-on profile written by two sites', () => {
    const app = new PaletteApp({ outdir: '/nonexistent' });
    for (const name of ['site-a', 'site-b']) {
      const s = new PaletteSite(app, name);
      const nginx = new PackLayer(s, 'nginx', { name: 'nginx', version: '1.12.1', layer: LayerType.ADDON, values: { charts: { 'ingress-nginx': { controller: { replicaCount: 2 } } } } });
      new ClusterProfile(s, 'company-ingress', { name: 'Company-Ingress', type: ProfileType.ADD_ON, cloudType: CloudType.ALL, layers: [nginx] });
    }
    const sites = app.render().sites;
    expect(sites.get('site-a')!.get('profiles/Company-Ingress.json')).toBe(sites.get('site-b')!.get('profiles/Company-Ingress.json'));
    // and one changed value under the same name+version is refused
    const other = new PaletteApp({ outdir: '/nonexistent' });
    for (const [name, replicas] of [['site-a', 2], ['site-b', 3]] as const) {
      const s = new PaletteSite(other, name);
      const nginx = new PackLayer(s, 'nginx', { name: 'nginx', version: '1.12.1', layer: LayerType.ADDON, values: { charts: { 'ingress-nginx': { controller: { replicaCount: replicas } } } } });
      new ClusterProfile(s, 'company-ingress', { name: 'Company-Ingress', type: ProfileType.ADD_ON, cloudType: CloudType.ALL, layers: [nginx] });
    }
    expect(() => other.render()).toThrow(/sites site-a and site-b both write profile Company-Ingress version/);
  });

  test('a site name in the profile names resolves it', () => {
    const b: VmoSiteProps = { ...RA_SITE, name: 'site-b', profileNamePrefix: 'VMO-SiteB', network: { ...RA_SITE.network, mgmt: { vlan: 11, cidr: '172.17.0.0/22' } } };
    expect(synthTwo({ ...RA_SITE, name: 'site-a' }, b)).toEqual([]);
  });
});

describe('Spectro Proxy', () => {
  const names = (props: VmoSiteProps) => renderSite(props).rendered.profiles[0].layers.map((l) => l.pack.name);

  test('proxied access (the default) writes the Spectro Proxy layer with the VM dashboard integration on, after VMO', () => {
    const layers = renderSite().rendered.profiles[0].layers;
    const at = layers.findIndex((l) => l.pack.name === 'spectro-proxy');
    expect(at).toBeGreaterThan(layers.findIndex((l) => l.pack.name === 'virtual-machine-orchestrator'));
    const proxy = layers[at];
    expect(proxy.pack).toMatchObject({ layer: 'addon', type: 'spectro', version: '1.5.6' });
    expect(parse(proxy.pack.values).manifests['spectro-proxy'].vmDashboardIntegration.enabled).toBe(true);
    const vmo = parse(layers.find((l) => l.pack.name === 'virtual-machine-orchestrator')!.pack.values);
    expect(vmo.pack.palette.config.dashboard.access).toBe('private');
  });

  test('proxied access puts the proxy host name in the API server certificate', () => {
    const k8s = parse(renderedLayer(RA_SITE, 'kubernetes').pack.values);
    expect(k8s.kubeadmconfig.apiServer.certSANs).toContain('cluster-{{ .spectro.system.cluster.uid }}.{{ .spectro.system.reverseproxy.server }}');
  });

  test('direct access writes no Spectro Proxy layer', () => {
    expect(names(RA_SITE)).toContain('spectro-proxy');
    expect(names({ ...RA_SITE, vmo: { access: 'direct' } })).not.toContain('spectro-proxy');
  });
});
