import { parse } from 'yaml';
import { PaletteApp } from '../../lib';
import { allOutput, buildSite, errorIds, layerOf, layerValues, RA_SITE } from './fixtures';

describe('VmoSite', () => {
  test('defaults: Full, Infra, Core and Templates profiles in RA stack order', () => {
    const site = buildSite();
    const profiles = site.profiles.map((p) => p.toJson());
    expect(profiles.map((p) => [p.metadata.name, p.spec.template.type, p.spec.template.cloudType])).toEqual([
      ['VMO-RA-Full', 'cluster', 'maas'],
      ['VMO-RA-Infra-MaaS-PureFlashArray', 'infra', 'maas'],
      ['VMO-RA-Core-PXKE', 'add-on', 'all'],
      ['VMO-RA-Templates', 'add-on', 'all'],
    ]);
    const infra = profiles[1].spec.template.packs;
    expect(infra.map((p) => [p.name, p.layer, p.version])).toEqual([
      ['ubuntu-maas', 'os', '22.04'],
      ['kubernetes', 'k8s', '1.32.4'],
      ['cni-cilium-oss', 'cni', '1.17.4'],
      ['csi-portworx-generic', 'csi', '3.3.1'],
    ]);
    expect(profiles[0].spec.template.packs.map((p) => p.name)).toEqual([
      'ubuntu-maas', 'kubernetes', 'cni-cilium-oss', 'csi-portworx-generic',
      'lb-metallb-helm', 'nginx', 'prometheus-opeartor', 'virtual-machine-orchestrator', 'spectro-proxy',
      'vmo-storage', 'vmo-networking', 'vmo-goldenimages', 'vmo-vmpreferences', 'vmo-vmtemplates',
    ]);
    expect(site.check().filter((f) => f.level === 'error')).toEqual([]);
  });

  test('install priorities: storage < VMO < templates, monitoring before VMO', () => {
    const site = buildSite();
    const priority = (layer: 'metallb' | 'nginx' | 'monitoring' | 'vmo' | 'networking') =>
      Number(parse(layerOf(site, layer).toJson().values).pack['spectrocloud.com/install-priority']);
    expect([priority('metallb'), priority('nginx'), priority('monitoring'), priority('vmo'), priority('networking')]).toEqual([10, 10, 20, 30, 40]);
  });

  test('derived: the mgmt subnet reaches the node-IP script and nowhere else keeps the old one', () => {
    const a = buildSite();
    const b = buildSite({ ...RA_SITE, network: { ...RA_SITE.network, mgmt: { vlan: 10, cidr: '172.18.0.0/22' } } });
    expect(allOutput(a)).toContain('172.16.0.0/22');
    expect(allOutput(b)).not.toContain('172.16.0.0/22');
    const commands: string[] = layerValues(b, 'os').values.kubeadmconfig.preKubeadmCommands;
    expect(commands.some((c) => c.includes('grepcidr') && c.includes('172.18.0.0/22'))).toBe(true);
  });

  test('derived: Portworx interfaces follow the mgmt VLAN, MetalLB L2 follows the data VLAN', () => {
    const site = buildSite({ ...RA_SITE, network: { ...RA_SITE.network, mgmt: { vlan: 11, cidr: '172.16.0.0/22' }, data: { vlan: 21, cidr: '10.20.0.0/16', gateway: '10.20.30.1' } }, vmVlans: '22-100' });
    const px = layerValues(site, 'csi').values.charts['portworx-generic'].storageCluster.spec;
    expect(px.network).toEqual({ dataInterface: 'bond_mgmt.11', mgmtInterface: 'bond_mgmt.11' });
    const lb = layerValues(site, 'metallb').values.charts['metallb-full'].configuration;
    expect(lb.l2advertisements.default.spec.interfaces).toEqual(['bond_data.21']);
    expect(lb.ipaddresspools['first-pool'].spec.addresses).toEqual(['10.20.30.100-10.20.30.200']);
  });

  test('derived: max storage nodes equals the worker count', () => {
    const site = buildSite({ ...RA_SITE, nodes: { workers: 9 } });
    expect(layerValues(site, 'csi').values.charts['portworx-generic'].storageCluster.spec.cloudStorage.maxStorageNodes).toBe(9);
  });

  test('four NICs: nothing on br0, so allowVlansOnSelf is off and Cilium autodetects', () => {
    const site = buildSite();
    const vf = layerValues(site, 'vmo').values.charts['virtual-machine-orchestrator'].vlanFiltering;
    expect(vf.enabled).toBe(true);
    expect(vf.env.allowedVlans).toBe('21-100');
    expect(vf.env.allowVlansOnSelf).toBe('false');
    expect(layerValues(site, 'cni').presets).toContain('VMO - Bridge interface:vmo-auto');
  });

  test('fails: a site with errors is refused when the app renders, listing every finding at once', () => {
    const bad = { ...RA_SITE, kubernetes: { podCidr: '100.64.0.0/18', serviceCidr: '100.64.0.0/18' }, vmVlans: '21-5000' };
    const site = buildSite(bad);
    const ids = site.check().filter((f) => f.level === 'error').map((f) => f.ruleId);
    expect(ids).toEqual(expect.arrayContaining(['NET-002', 'VLAN-001']));
    // The construct check of the Kubernetes layer shares NET-002's predicate and is reported once, as the rule's.
    expect(ids.filter((id) => id === 'NET-002')).toHaveLength(1);
    expect(() => (site.node.root as PaletteApp).render()).toThrow(/nothing was written/);
  });

  test('fails: noauth needs a SEC-003 suppression with a reason; with one it synthesizes', () => {
    const noauth = { ...RA_SITE, kubernetes: { identityProvider: 'noauth' as const } };
    expect(errorIds(noauth)).toEqual([expect.stringMatching(/^SEC-003: /)]);
    const site = buildSite({ ...noauth, suppressions: [{ ruleId: 'SEC-003', reason: 'isolated lab, no VM dashboard users' }] });
    expect(layerValues(site, 'kubernetes').values.pack.palette.config.dashboard.identityProvider).toBe('noauth');
    expect(site.check().find((f) => f.ruleId === 'SEC-003')).toMatchObject({ suppressedReason: 'isolated lab, no VM dashboard users' });
  });

  test('fails: a suppression in code naming no rule says so, with a did-you-mean or the known ids', () => {
    const render = (ruleId: string) => () => buildSite({ ...RA_SITE, suppressions: [{ ruleId, reason: 'the cluster will not grow beyond 64 nodes' }] }).check();
    expect(render('VLAN-011')).toThrow("suppression of 'VLAN-011' names no rule of this site: did you mean VLAN-001 or VLAN-010?");
    expect(render('FOO-001')).toThrow(/^suppression of 'FOO-001' names no rule of this site: use the id a finding shows, one of CAP-001, .*NET-008.*SITE-001/);
  });

  test('profile layout full writes only the Full profile; split only the three', () => {
    expect(buildSite({ ...RA_SITE, profiles: { layout: 'full' } }).profiles.map((p) => p.profileName)).toEqual(['VMO-RA-Full']);
    expect(buildSite({ ...RA_SITE, profiles: { layout: 'split' } }).profiles.map((p) => p.profileName)).toEqual(['VMO-RA-Infra-MaaS-PureFlashArray', 'VMO-RA-Core-PXKE', 'VMO-RA-Templates']);
  });
});
