import { FindingLevel } from '../../lib/palette';
import { PAL_005 } from '../../lib/rules';
import { check, levelOf, manifestPack, pack, patchPlan, profile, props } from './fixtures';

/** The RA rev 1.7 Core and Templates orders: MetalLB 10, Nginx 10, Prometheus 20, VMO 30, Templates 40; Portworx is the CSI layer. */
function raFull(overrides: { portworx?: ReturnType<typeof pack>; templates?: number } = {}) {
  return profile('VMO-RA-Full', [
    pack('ubuntu-maas', 'os'),
    pack('kubernetes', 'k8s'),
    pack('cni-cilium-oss', 'cni'),
    overrides.portworx ?? pack('csi-portworx-generic', 'csi'),
    pack('lb-metallb-helm', 'addon', {}, 10),
    pack('nginx', 'addon', {}, 10),
    pack('prometheus-opeartor', 'addon', {}, 20),
    pack('virtual-machine-orchestrator', 'addon', {}, 30),
    manifestPack('vmo-storage', overrides.templates ?? 40, {}),
    manifestPack('vmo-networking', 40, {}),
  ]);
}

describe('PAL-005 install order', () => {
  test('passes on the RA plan and on a profile with the RA install orders (Portworx as the CSI layer)', () => {
    expect(check(PAL_005)).toEqual([]);
    expect(check(PAL_005, props(), [raFull()])).toEqual([]);
  });

  test('fails when the plan installs the templates with VMO', () => {
    const plan = patchPlan((p) => ({ ...p, installPriorities: { ...p.installPriorities, templates: 30 } }));
    const v = check(PAL_005, plan);
    expect(v).toEqual([
      {
        location: 'installPriorities.templates',
        message:
          "install priority 30 of the templates is not above VMO's 30: the templates create KubeVirt and CDI objects (StorageProfile, DataVolumes, VM preferences and templates) whose CRDs VMO installs; " +
          'give the templates a priority above 30 (RA: VMO 30, the templates 40)',
      },
    ]);
    expect(levelOf(PAL_005, v[0])).toBe(FindingLevel.WARNING);
  });

  test('fails in a profile: a template layer with VMO, and Portworx as an add-on before Prometheus', () => {
    const v = check(PAL_005, props(), [raFull({ templates: 30, portworx: pack('portworx-add-on', 'addon', {}, 10) })]);
    expect(v.map((x) => x.message)).toEqual([
      "layer vmo-storage installs at priority 30, not after virtual-machine-orchestrator (priority 30): the templates create KubeVirt and CDI objects (StorageProfile, DataVolumes, VM preferences and templates) whose CRDs VMO installs; give vmo-storage a priority above 30",
      'layer portworx-add-on installs at priority 10, not after prometheus-opeartor (priority 20): Portworx autopilot reads its metrics from Prometheus; give portworx-add-on a priority above 20',
    ]);
    expect(v[0].location).toBe('profile VMO-RA-Full, layer vmo-storage');
  });
});
