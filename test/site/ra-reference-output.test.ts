import { join } from 'path';
import { PaletteApp, ProfileJson } from '../../lib';
import { addTarget } from '../../lib/cli/load-target';

// apps/ra-reference.ts synthesized afresh, as operators import it (CI's dist/ diff checks the committed copy is current).
const app = new PaletteApp({ outdir: '/nonexistent' });
addTarget(app, join(__dirname, '..', '..', 'apps', 'ra-reference.ts'));
const files = app.render().sites.get('ra-reference');
const read = (name: string): ProfileJson => JSON.parse(files?.get(`profiles/${name}.json`) ?? 'null');
const header = (values: string) => values.split('\n')[0];

describe('dist/ra-reference', () => {
  const infra = read('VMO-RA-Infra-MaaS-PureFlashArray');

  test('the Infra profile is an infra/maas profile stacking os, k8s, cni, csi with the RA packs', () => {
    expect(infra.spec.template).toMatchObject({ type: 'infra', cloudType: 'maas' });
    expect(infra.spec.template.packs.map((p) => [p.name, p.tag, p.layer, p.type])).toEqual([
      ['ubuntu-maas', '22.04', 'os', 'spectro'],
      ['kubernetes', '1.32.4', 'k8s', 'spectro'],
      ['cni-cilium-oss', '1.17.4', 'cni', 'spectro'],
      ['csi-portworx-generic', '3.3.1', 'csi', 'spectro'],
    ]);
  });

  test('each pack carries the RA preset selection in its header', () => {
    const [os, k8s, cni, csi] = infra.spec.template.packs;
    expect(os.values.startsWith('# spectrocloud.com/enabled-presets:')).toBe(false);
    // PXK: the RA chooses no preset, so the header is the published default selection, as Palette's UI shows it.
    expect(header(k8s.values)).toBe(
      '# spectrocloud.com/enabled-presets: Kube Controller Manager:loopback-ctrlmgr,Kube Scheduler:loopback-scheduler,Azure Disk Encryption Set:disable-azure-disk-encryption',
    );
    expect(header(cni.values)).toBe(
      '# spectrocloud.com/enabled-presets: IPAM mode:ipam-kubernetes,Cilium Operator:op-multi-node,Kube-proxy replacement:ebpf-kubeproxy-free,' +
        'Pod networking:podnw-vxlan,VMO Compatibility:vmo-enable,VMO - Bridge interface:vmo-auto,Loadbalancer mode:lb-no-xdp,MicroK8s:microk8s-disable',
    );
    expect(header(csi.values)).toBe(
      '# spectrocloud.com/enabled-presets: License Models:px-enterprise,Node selection:px-deploy-worker-only,Palette Mode:px-normal-mode,' +
        'Storagecluster Specs:px-spec-flasharray,Kvdb and Etcd:px-internal-kvdb',
    );
  });

  test('the RA values an operator checks first', () => {
    const [os, k8s, , csi] = infra.spec.template.packs;
    expect(os.values).toContain('172.16.0.0/22');
    // RA rev 1.7 makes the CIDRs read-only profile variables (seed 002:896-897); the site's values are their defaults.
    expect(k8s.values).toContain("podCIDR: '{{.spectro.var.podCidr}}'");
    expect(k8s.values).toContain("serviceClusterIpRange: '{{.spectro.var.serviceCidr}}'");
    expect(infra.spec.variables.filter((v) => v.immutable).map((v) => [v.name, v.defaultValue])).toEqual([
      ['podCidr', '100.64.0.0/18'],
      ['serviceCidr', '100.64.64.0/18'],
    ]);
    expect(k8s.values).toContain('identityProvider: palette');
    expect(csi.values).toContain('size=1024');
    expect(csi.values).toMatch(/PURE_FLASHARRAY_SAN_TYPE\s+value: FC/);
  });

  test('all four profiles are there, and the Full one holds every layer', () => {
    // the RA's 13 layers and Spectro Proxy, which Palette needs for the proxied dashboard access the RA chooses
    expect(read('VMO-RA-Full').spec.template.packs).toHaveLength(14);
    expect(read('VMO-RA-Core-PXKE').spec.template.packs.map((p) => p.name)).toEqual(['lb-metallb-helm', 'nginx', 'prometheus-opeartor', 'virtual-machine-orchestrator', 'spectro-proxy']);
    expect(read('VMO-RA-Templates').spec.template.packs.map((p) => p.name)).toEqual(['vmo-storage', 'vmo-networking', 'vmo-goldenimages', 'vmo-vmpreferences', 'vmo-vmtemplates']);
  });

  test('no secret: sensitive variables have no default and no sample secret is written', () => {
    const full = read('VMO-RA-Full');
    const sensitive = full.spec.variables.filter((v) => v.isSensitive);
    expect(sensitive.map((v) => v.name).sort()).toEqual(['flashArrayApiToken', 'grafanaAdminPassword', 'portworxActivationId', 'vmUbuntuPassword', 'vmWindowsAdminPassword']);
    expect(sensitive.every((v) => v.defaultValue === undefined)).toBe(true);
    const text = JSON.stringify(full);
    for (const sample of ['welcome', 'P@ssw0rd!', '347eba54-4ab6-96cd-e123-f694ab394a3b', '********']) expect(text).not.toContain(sample);
  });
});
