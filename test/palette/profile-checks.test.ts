import {
  ClusterProfile, CloudType, LayerType, ManifestChart, ManifestLayer, PackLayer, PAL_003, PAL_004, PAL_006, PaletteApp, PaletteSite,
  ProfileJson, ProfileType, strictYamlProblems, strictYamlProblemsOfText,
} from '../../lib/palette';
import { ApiObject } from 'cdk8s';
import { readdirSync } from 'fs';
import { join } from 'path';
import { addTarget } from '../../lib/cli/load-target';
import { REPO_ROOT } from '../support/dist-tree';

/** Every values string and manifest the reference apps and site files render, freshly. */
function referenceTexts(): string[] {
  const app = new PaletteApp({ outdir: '/nonexistent' });
  for (const folder of ['apps', 'sites']) for (const f of readdirSync(join(REPO_ROOT, folder)).sort()) addTarget(app, join(REPO_ROOT, folder, f));
  const texts: string[] = [];
  for (const site of app.render().rendered.values()) {
    for (const layer of site.layers) texts.push(layer.pack.values, ...(layer.pack.manifests ?? []).map((m) => m.content));
  }
  return texts;
}

function site() {
  return new PaletteSite(new PaletteApp({ outdir: '/nonexistent' }), 'checks');
}
/** These checks are about structure: the catalog's PAL-008 warning on the made-up 1.0.0 versions is not what they test. */
const structural = (s: PaletteSite) => s.check().filter((f) => f.ruleId !== 'PAL-008');
const pack = (s: PaletteSite, id: string, name: string, layer: LayerType) => new PackLayer(s, id, { name, version: '1.0.0', layer });

describe('profile checks', () => {
  test('PAL-003 passes on os, k8s, cni, csi then add-ons', () => {
    const s = site();
    const layers = [pack(s, 'os', 'ubuntu-maas', LayerType.OS), pack(s, 'k8s', 'kubernetes', LayerType.K8S), pack(s, 'cni', 'cni-cilium-oss', LayerType.CNI), pack(s, 'csi', 'csi-portworx-generic', LayerType.CSI), pack(s, 'lb', 'lb-metallb-helm', LayerType.ADDON)];
    new ClusterProfile(s, 'Full', { type: ProfileType.FULL, cloudType: CloudType.MAAS, layers });
    expect(structural(s)).toEqual([]);
  });

  test('fails PAL-003 on infra layers out of order, naming the order found', () => {
    const s = site();
    new ClusterProfile(s, 'Infra', { type: ProfileType.INFRA, cloudType: CloudType.MAAS, layers: [pack(s, 'k8s', 'kubernetes', LayerType.K8S), pack(s, 'os', 'ubuntu-maas', LayerType.OS)] });
    expect(structural(s)).toEqual([expect.objectContaining({ ruleId: 'PAL-003', message: expect.stringContaining('stacked k8s, os: stack the infrastructure layers as os, k8s, cni, csi') })]);
  });

  test('fails PAL-003 on an infra layer after an add-on', () => {
    const s = site();
    new ClusterProfile(s, 'Full', { type: ProfileType.FULL, cloudType: CloudType.MAAS, layers: [pack(s, 'lb', 'lb-metallb-helm', LayerType.ADDON), pack(s, 'os', 'ubuntu-maas', LayerType.OS)] });
    expect(structural(s).map((f) => f.ruleId)).toEqual(['PAL-003']);
  });

  test('fails PAL-003 on duplicate pack names and duplicate manifest names', () => {
    const s = site();
    const a = pack(s, 'a', 'nginx', LayerType.ADDON);
    const b = pack(s, 'b', 'nginx', LayerType.ADDON);
    const m = new ManifestLayer(s, 'extras');
    for (const id of ['one', 'two']) {
      const c = new ManifestChart(m, id);
      new ApiObject(c, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: id } });
    }
    new ClusterProfile(s, 'Addons', { type: ProfileType.ADD_ON, cloudType: CloudType.ALL, layers: [a, b, m] });
    const json = s.profiles[0].toJson();
    json.spec.template.packs[2].manifests![1].name = 'one';
    const messages = PAL_003.check(json).map((v) => v.message);
    expect(messages).toEqual([expect.stringContaining(`pack name 'nginx' appears twice`), expect.stringContaining(`manifest name 'one' appears twice`)]);
  });

  test('fails PAL-004 on duplicate keys and YAML 1.1 surprises, naming the location', () => {
    const json: ProfileJson = {
      metadata: { name: 'p', description: '', labels: {} },
      spec: {
        version: '1.0.0',
        template: {
          type: 'add-on',
          cloudType: 'all',
          packs: [
            { name: 'a', type: 'manifest', layer: 'addon', version: '1.0.0', tag: '1.0.0', values: 'pack:\n  x: 1\n  x: 2', registry: { metadata: { uid: '', name: '', kind: '', isPrivate: false } }, manifests: [{ name: 'm', content: 'data:\n  enabled: yes\n' }] },
          ],
        },
        variables: [],
      },
    };
    const v = PAL_004.check(json);
    expect(v).toEqual([
      expect.objectContaining({ location: 'profile p, layer a, values', message: expect.stringContaining('DUPLICATE_KEY') }),
      expect.objectContaining({ location: 'profile p, layer a, manifest m', message: expect.stringContaining('data.enabled: "yes" vs true') }),
    ]);
  });

  test('the writer quotes YAML 1.1 booleans and octal-looking strings, so PAL-004 passes', () => {
    const s = site();
    const p = new PackLayer(s, 'p', { name: 'x', version: '1.0.0', layer: LayerType.ADDON, values: { a: 'yes', b: 'on', c: '0644', d: '1:20' } });
    new ClusterProfile(s, 'A', { type: ProfileType.ADD_ON, cloudType: CloudType.ALL, layers: [p] });
    expect(PAL_004.check(s.profiles[0].toJson())).toEqual([]);
    expect(p.values).toBe('a: "yes"\nb: "on"\nc: "0644"\nd: "1:20"');
  });

  test('fails PAL-004 on a rendered string that YAML 1.2 reads as a number: the render does not vouch for the text, so it is parsed', () => {
    const s = site();
    // '0o14' is a string to YAML 1.1 (printed plain) and the octal 12 to YAML 1.2.
    const p = new PackLayer(s, 'p', { name: 'x', version: '1.0.0', layer: LayerType.ADDON, values: { mode: '0o14', port: '8080' } });
    new ClusterProfile(s, 'A', { type: ProfileType.ADD_ON, cloudType: CloudType.ALL, layers: [p] });
    expect(p.values).toBe('mode: 0o14\nport: "8080"');
    const messages = PAL_004.check(s.profiles[0].toJson()).map((v) => v.message);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/reads differently in YAML 1\.1 and 1\.2 \(.*mode: 12 vs "0o14"\); quote it/);
  });

  test('every values string and manifest the reference sites render parses strictly, the ones PAL-004 did not parse included', () => {
    const texts = referenceTexts();
    expect(texts.length).toBeGreaterThan(100);
    // strictYamlProblemsOfText always parses; strictYamlProblems takes the render's word for vouched texts.
    expect(texts.filter((t) => strictYamlProblemsOfText(t).length > 0)).toEqual([]);
    expect(texts.filter((t) => strictYamlProblems(t).length > 0)).toEqual([]);
  }, 60_000);

  test('fails PAL-006 on cloudType all outside add-on profiles and on add-on profiles with infra layers', () => {
    const s = site();
    new ClusterProfile(s, 'Full', { type: ProfileType.FULL, cloudType: CloudType.ALL, layers: [pack(s, 'os', 'ubuntu-maas', LayerType.OS)] });
    new ClusterProfile(s, 'Addon', { type: ProfileType.ADD_ON, cloudType: CloudType.MAAS, layers: [pack(s, 'os2', 'ubuntu', LayerType.OS)] });
    const messages = s.profiles.flatMap((p) => PAL_006.check(p.toJson()).map((v) => v.message));
    expect(messages).toEqual([
      expect.stringContaining(`type 'cluster' with cloudType 'all'`),
      expect.stringContaining(`add-on profile with cloudType 'maas'`),
      expect.stringContaining(`add-on profile holds infrastructure layer(s) ubuntu`),
    ]);
  });

  test('fails PAL-006 on an infra profile holding add-ons', () => {
    const s = site();
    new ClusterProfile(s, 'Infra', { type: ProfileType.INFRA, cloudType: CloudType.MAAS, layers: [pack(s, 'lb', 'lb-metallb-helm', LayerType.ADDON)] });
    expect(structural(s)).toEqual([expect.objectContaining({ ruleId: 'PAL-006', message: expect.stringContaining('infra profile holds add-on layer(s)') })]);
  });

  test('suppressed findings are recorded with their reason and do not block', () => {
    const s = new PaletteSite(new PaletteApp({ outdir: '/nonexistent' }), 'sup', { suppressions: [{ ruleId: 'PAL-006', reason: 'lab profile imported by hand' }] });
    new ClusterProfile(s, 'Infra', { type: ProfileType.INFRA, cloudType: CloudType.MAAS, layers: [pack(s, 'lb', 'lb-metallb-helm', LayerType.ADDON)] });
    expect(structural(s)).toEqual([expect.objectContaining({ ruleId: 'PAL-006', suppressedReason: 'lab profile imported by hand' })]);
  });

  test('fails on a suppression reason shorter than 10 characters', () => {
    expect(() => new PaletteSite(new PaletteApp(), 'sup', { suppressions: [{ ruleId: 'SEC-003', reason: 'lab' }] })).toThrow(
      /suppression of SEC-003 needs a reason of at least 10 characters, got 'lab'/,
    );
  });
});
