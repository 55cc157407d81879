import { FindingLevel, LayerRole, LayerType, PaletteSite } from '../../lib/palette';
import { PAL_005 } from '../../lib/rules';
import { check, handModel, levelOf, manifestLayer, packLayer } from './fixtures';

/** The RA rev 1.7 Full stack: MetalLB 10, Nginx 10, Prometheus 20, VMO 30, Templates 40; the CSI an infra layer unless given. */
function raFull(overrides: { csi?: (s: PaletteSite) => ReturnType<typeof packLayer>; templates?: number } = {}) {
  return handModel((s) => [
    packLayer(s, 'ubuntu-maas', LayerType.OS),
    packLayer(s, 'kubernetes', LayerType.K8S),
    packLayer(s, 'cni-cilium-oss', LayerType.CNI),
    overrides.csi?.(s) ?? packLayer(s, 'csi-portworx-generic', LayerType.CSI),
    packLayer(s, 'lb-metallb-helm', LayerType.ADDON, {}, { priority: 10, role: LayerRole.LOAD_BALANCER }),
    packLayer(s, 'nginx', LayerType.ADDON, {}, { priority: 10, role: LayerRole.INGRESS }),
    packLayer(s, 'prometheus-opeartor', LayerType.ADDON, {}, { priority: 20, role: LayerRole.MONITORING }),
    packLayer(s, 'virtual-machine-orchestrator', LayerType.ADDON, {}, { priority: 30, role: LayerRole.VMO }),
    manifestLayer(s, 'vmo-storage', overrides.templates ?? 40, {}),
    manifestLayer(s, 'vmo-networking', 40, {}),
  ]);
}

describe('PAL-005 install order', () => {
  test('passes on the RA site and on a profile with the RA install orders (the CSI as an infra layer)', () => {
    expect(check(PAL_005)).toEqual([]);
    expect(check(PAL_005, raFull())).toEqual([]);
  });

  test('fails in a profile: a template layer with VMO, and the storage as an add-on before Prometheus, found by role not by pack name', () => {
    const addOnCsi = (s: PaletteSite) => packLayer(s, 'portworx-add-on', LayerType.ADDON, {}, { priority: 10, role: LayerRole.CSI });
    const v = check(PAL_005, raFull({ templates: 30, csi: addOnCsi }));
    expect(v.map((x) => x.message)).toEqual([
      "layer vmo-storage installs at priority 30, not after virtual-machine-orchestrator (priority 30): the templates create KubeVirt and CDI objects (StorageProfile, DataVolumes, VM preferences and templates) whose CRDs VMO installs; give vmo-storage a priority above 30",
      'layer portworx-add-on installs at priority 10, not after prometheus-opeartor (priority 20): Portworx autopilot reads its metrics from Prometheus; give portworx-add-on a priority above 20',
    ]);
    expect(v[0].location).toBe('profile VMO-RA-Full, layer vmo-storage');
    expect(levelOf(PAL_005, v[0])).toBe(FindingLevel.WARNING);
  });
});
