import { Construct } from 'constructs';
import { parse } from 'yaml';
import {
  ICsiLayer, LayerRole, LayerType, PackLayer, PaletteApp, PortworxPack, ProfileJson, RenderedLayer, StorageFacts, valueAt, VmoProfileKind, VmoSite,
} from '../../lib';
import { vmoSiteModel } from '../../lib/model/vmo-site-model';
import { layerOf, RA_SITE } from './fixtures';
import { synthError } from '../helpers';

/**
 * Issue 10 item 3: the open site construct. A site takes add-on layers of its own in chosen
 * profiles, another CSI layer behind ICsiLayer, and overrides deep in any pack's values; each
 * shows up in the profile JSON and in the model the rules read, and a change after a render
 * is in the next render.
 */

function site(options: ConstructorParameters<typeof VmoSite>[3] = {}) {
  return new VmoSite(new PaletteApp({ outdir: '/nonexistent' }), 'ra', { ...RA_SITE, profiles: { layout: 'both' } }, options);
}

const packNames = (json: ProfileJson) => json.spec.template.packs.map((p) => p.name);
const profileJson = (s: VmoSite, name: string) => s.render().profiles.find((p) => p.json.metadata.name === name)!.json;
const valuesOf = (json: ProfileJson, pack: string) => parse(json.spec.template.packs.find((p) => p.name === pack)!.values);

/** A storage backend the library does not know: a minimal ICsiLayer written by the site's program. */
class StubStoreLayer extends PackLayer implements ICsiLayer {
  public readonly vmStorage = { storageClassName: 'stub-vm', volumeMode: 'Block' as const, cloneStrategy: 'snapshot' as const };
  public readonly snapshotClass = { name: 'stub-snapshots', driver: 'csi.stub.example.com' };
  public readonly nodeRequirements = { packages: ['stub-client'], pureFlashArray: false, nfsClient: false };

  constructor(scope: Construct) {
    super(scope, 'stub-store', {
      name: 'csi-stub-store',
      version: '1.0.0',
      layer: LayerType.CSI,
      role: LayerRole.CSI,
      values: { charts: { 'stub-store': { storageClasses: [{ name: 'stub-vm', replicas: 3 }] } } },
    });
  }

  /** Read back from what this layer wrote, as the library's backends do. */
  public storageFacts(rendered: RenderedLayer): StorageFacts {
    const classes = valueAt(rendered.deployed, 'charts', 'stub-store', 'storageClasses') as { name: string; replicas: number }[];
    const storageClasses = classes.map((c) => ({ name: c.name, provisioner: 'csi.stub.example.com', parameters: { replicas: String(c.replicas) } }));
    return {
      product: 'StubStore',
      version: this.version,
      provisioner: 'csi.stub.example.com',
      storageClasses,
      vmStorageClass: 'stub-vm',
      rwxBlockProblem: () => undefined,
      needsNfsClient: () => false,
      replicasOf: (sc) => Number(sc.parameters.replicas),
      minStorageNodes: 3,
    };
  }
}

describe('an add-on layer of the site\'s own', () => {
  test('goes to the Core profile and the Full one, not Infra or Templates, with its install priority', () => {
    const s = site();
    s.addAddOn(new PackLayer(s, 'velero', { name: 'velero', version: '7.2.1', layer: LayerType.ADDON, installPriority: 50, values: { charts: { velero: { snapshotsEnabled: true } } } }), { profile: VmoProfileKind.CORE });
    expect(packNames(profileJson(s, 'VMO-RA-Core-PXKE'))).toContain('velero');
    expect(packNames(profileJson(s, 'VMO-RA-Full'))).toContain('velero');
    expect(packNames(profileJson(s, 'VMO-RA-Infra-MaaS-PureFlashArray'))).not.toContain('velero');
    expect(packNames(profileJson(s, 'VMO-RA-Templates'))).not.toContain('velero');
    expect(valuesOf(profileJson(s, 'VMO-RA-Core-PXKE'), 'velero').charts.velero.snapshotsEnabled).toBe(true);
    // the rule model sees it: its install priority is among the ones the ordering rules check
    const model = vmoSiteModel(s.render(), s.hosts);
    expect(model.priorities(LayerRole.ADD_ON).find((p) => p.layer.pack.name === 'velero')?.priority).toBe(50);
  });

  test('goes to the Templates profile when asked', () => {
    const s = site();
    s.addAddOn(new PackLayer(s, 'extra', { name: 'vm-extras', version: '1.0.0', layer: LayerType.ADDON, values: { a: 1 } }), { profile: VmoProfileKind.TEMPLATES });
    expect(packNames(profileJson(s, 'VMO-RA-Templates'))).toContain('vm-extras');
    expect(packNames(profileJson(s, 'VMO-RA-Core-PXKE'))).not.toContain('vm-extras');
  });

  test('fails: an add-on cannot go to the Infra profile, naming the fix', () => {
    const s = site();
    expect(() => s.addAddOn(new PackLayer(s, 'x', { name: 'x', version: '1.0.0', layer: LayerType.ADDON }), { profile: VmoProfileKind.INFRA })).toThrow(
      "add-on layer 'x' can go to the Core or Templates profile, not Infra: the Full profile gets every add-on, Infra none",
    );
  });
});

describe('a replaced CSI layer', () => {
  const s = site({ csi: (scope) => new StubStoreLayer(scope) });

  test('is the csi layer of the Infra and Full profiles, and Portworx is gone', () => {
    const infra = profileJson(s, 'VMO-RA-Infra-MaaS-PureFlashArray');
    expect(infra.spec.template.packs.map((p) => [p.name, p.layer])).toEqual([
      ['ubuntu-maas', 'os'], ['kubernetes', 'k8s'], ['cni-cilium-oss', 'cni'], ['csi-stub-store', 'csi'],
    ]);
    expect(JSON.stringify(profileJson(s, 'VMO-RA-Full'))).not.toContain('portworx');
  });

  test('feeds the layers above: VMO snapshot class, CDI StorageProfile, golden images, OS packages', () => {
    const vmo = valuesOf(profileJson(s, 'VMO-RA-Full'), 'virtual-machine-orchestrator').charts['virtual-machine-orchestrator'];
    expect(vmo['snapshot-controller'].volumeSnapshotClass).toMatchObject({ name: 'stub-snapshots', driver: 'csi.stub.example.com' });
    const objects = s.render().layers.flatMap((l) => l.objects.map((o) => o.object));
    const storageProfile = objects.find((o) => o.kind === 'StorageProfile') as { metadata: { name: string }; spec: { cloneStrategy: string } };
    expect(storageProfile.metadata.name).toBe('stub-vm');
    expect(storageProfile.spec.cloneStrategy).toBe('snapshot');
    const dataVolumes = objects.filter((o) => o.kind === 'DataVolume') as { spec: { storage: { storageClassName: string } } }[];
    expect(dataVolumes.length).toBeGreaterThan(0);
    expect(dataVolumes.every((d) => d.spec.storage.storageClassName === 'stub-vm')).toBe(true);
    expect(valuesOf(profileJson(s, 'VMO-RA-Full'), 'ubuntu-maas').kubeadmconfig.preKubeadmCommands.join('\n')).toContain('stub-client');
  });

  test('is what the storage rules read: its facts, from what it wrote', () => {
    const model = vmoSiteModel(s.render(), s.hosts);
    expect(model.storage).toMatchObject({ product: 'StubStore', provisioner: 'csi.stub.example.com', vmStorageClass: 'stub-vm' });
    expect(model.storage?.storageClasses.map((c) => c.parameters.replicas)).toEqual(['3']);
  });
});

describe('a deep value override', () => {
  test('is written into the pack values, and the rules read the overridden value', () => {
    const s = site();
    // An override that breaks the network plan: the pod CIDR on top of the mgmt network.
    layerOf(s, 'kubernetes').addOverride('pack.podCIDR', '172.16.0.0/18');
    expect(valuesOf(profileJson(s, 'VMO-RA-Full'), 'kubernetes').pack.podCIDR).toBe('172.16.0.0/18');
    expect(vmoSiteModel(s.render(), s.hosts).kubernetes?.podCidr).toBe('172.16.0.0/18');
    const app = s.node.scope as PaletteApp;
    expect(synthError(() => app.render()).findings.filter((f) => f.level === 'error').map((f) => f.ruleId)).toContain('NET-002');
  });

  test('a key with dots is escaped, and removeValue drops a default key', () => {
    const s = site();
    layerOf(s, 'cni').addOverride('charts.cilium.podAnnotations.example\\.com/owner', 'platform');
    layerOf(s, 'cni').removeValue('charts.cilium.hubble');
    const cilium = valuesOf(profileJson(s, 'VMO-RA-Full'), 'cni-cilium-oss').charts.cilium;
    expect(cilium.podAnnotations).toEqual({ 'example.com/owner': 'platform' });
    expect(cilium).not.toHaveProperty('hubble');
  });

  test('a path the values lack is created as plain maps', () => {
    const s = site();
    (layerOf(s, 'csi') as PortworxPack).addOverride('charts.portworx-generic.vsphereSecret.user', '{{.spectro.var.vsphereUser}}');
    const json = profileJson(s, 'VMO-RA-Full');
    const text = json.spec.template.packs.find((p) => p.name === 'csi-portworx-generic')?.values ?? '';
    expect(text).not.toContain('!!omap');
    expect(valuesOf(json, 'csi-portworx-generic').charts['portworx-generic'].vsphereSecret).toEqual({ user: '{{.spectro.var.vsphereUser}}' });
  });

  test('made after a render is in the next render, never silently dropped', () => {
    const s = site();
    expect(valuesOf(profileJson(s, 'VMO-RA-Full'), 'nginx').charts?.['ingress-nginx']?.controller?.replicaCount).toBeUndefined();
    layerOf(s, 'nginx').addOverride('charts.ingress-nginx.controller.replicaCount', 3);
    expect(valuesOf(profileJson(s, 'VMO-RA-Full'), 'nginx').charts['ingress-nginx'].controller.replicaCount).toBe(3);
  });
});
