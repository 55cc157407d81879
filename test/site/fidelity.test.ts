/**
 * The fidelity review's remaining gaps (issue 16), tested on freshly synthesized output: each
 * test names the seed line its value comes from (`002:873` is line 873 of seed 002, RA rev 1.7;
 * 001 is RA rev 1.2; 000 the field guide).
 */
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';
import { PaletteApp, ProfileJson, VmoSite, VmoSiteProps } from '../../lib';
import { addTarget } from '../../lib/cli/load-target';
import { tempDirs } from '../helpers';
import { TEST_CA_PEM } from '../packs/ubuntu-fixtures';
import { renderSite, siteLocation } from './fixtures';

const APPS = join(__dirname, '..', '..', 'apps');
const tempDir = tempDirs('fidelity-');

type Files = Map<string, string>;

/** Synthesizes targets (apps, site files) in memory: every site's files. */
function synthTargets(...targets: string[]): Map<string, Files> {
  const app = new PaletteApp({ outdir: '/nonexistent' });
  for (const t of targets) addTarget(app, t);
  return app.render().sites;
}

/** Synthesizes one site from props, or returns the unsuppressed error findings that refuse it. */
function synth(props: VmoSiteProps): { files: Files; errors: string[] } {
  const { files, errors } = renderSite(props);
  return { files, errors: errors.map((f) => `${f.ruleId} ${siteLocation(f)}: ${f.message}`) };
}

const profile = (files: Files | undefined, name: string): ProfileJson => JSON.parse(files?.get(`profiles/${name}.json`) ?? 'null');
const pack = (p: ProfileJson, name: string) => {
  const found = p.spec.template.packs.find((x) => x.name === name);
  if (!found) throw new Error(`no pack ${name} in ${p.metadata.name}`);
  return found;
};
const values = (p: ProfileJson, name: string) => parse(pack(p, name).values, { version: '1.1' });
const manifest = (p: ProfileJson, layer: string, name: string) => pack(p, layer).manifests?.find((m) => m.name === name)?.content ?? '';
const variable = (p: ProfileJson, name: string) => p.spec.variables.find((v) => v.name === name);
const kubeadm = (p: ProfileJson) => values(p, 'ubuntu-maas').kubeadmconfig as { preKubeadmCommands: string[]; files: { targetPath: string; content: string }[] };
const osFile = (p: ProfileJson, path: string) => kubeadm(p).files.find((f) => f.targetPath === path)?.content;

const RA = synthTargets(join(APPS, 'ra-reference.ts')).get('ra-reference');
const INFRA = profile(RA, 'VMO-RA-Infra-MaaS-PureFlashArray');
const CORE = profile(RA, 'VMO-RA-Core-PXKE');
const TEMPLATES = profile(RA, 'VMO-RA-Templates');

const SITE: VmoSiteProps = {
  name: 'fid',
  profiles: { layout: 'split' },
  network: { layout: 'four-nic', mgmt: { vlan: 10, cidr: '172.16.0.0/22' }, data: { vlan: 20, cidr: '10.20.0.0/16', gateway: '10.20.30.1' } },
};
const infraOf = (files: Files) => profile(files, 'VMO-RA-Infra-MaaS-PureFlashArray');
const coreOf = (files: Files) => profile(files, 'VMO-RA-Core-PXKE');

describe('1. node trust for a private CA (D4, D5)', () => {
  /** A site file beside certs/palette-ca.pem, synthesized as the command line does. */
  const siteFileWithCa = (): Files | undefined => {
    const dir = tempDir();
    mkdirSync(join(dir, 'certs'));
    writeFileSync(join(dir, 'certs', 'palette-ca.pem'), TEST_CA_PEM);
    const path = join(dir, 'lab.yaml');
    writeFileSync(
      path,
      'name: lab\nprofiles: { layout: split }\nnetwork:\n  layout: four-nic\n  mgmt: { vlan: 10, cidr: 172.16.0.0/22 }\n  data: { vlan: 20, cidr: 10.20.0.0/16, gateway: 10.20.30.1 }\n' +
        'os:\n  caCertificates:\n    - name: palette-ca\n      file: certs/palette-ca.pem\n',
    );
    return synthTargets(path).get('lab');
  };

  // 002:865 "Run update-ca-certificates so that custom CA certificates are trusted"; 002:878 "Import a custom CA certificate";
  // 001:541 the file /usr/local/share/ca-certificates/org_ca.crt; 000:644-654 the CA in the OS layer.
  test('a site file\'s CA file lands in /usr/local/share/ca-certificates and update-ca-certificates runs after the node IP (002:865, 878; 001:485, 541)', () => {
    const infra = infraOf(siteFileWithCa() ?? new Map());
    expect(osFile(infra, '/usr/local/share/ca-certificates/palette-ca.crt')).toBe(TEST_CA_PEM);
    const pre = kubeadm(infra).preKubeadmCommands;
    expect(pre.filter((c) => c === 'update-ca-certificates')).toHaveLength(1);
    // The RA's order (001:474-485): the node-IP script, then update-ca-certificates, then multipath.
    expect(pre[1]).toContain('grepcidr');
    expect(pre[2]).toBe('update-ca-certificates');
  });

  test('without certificates nothing is trusted anew: no CA file and no update-ca-certificates (the RA\'s sample certificate, 001:541-563, is not shipped)', () => {
    expect(kubeadm(INFRA).preKubeadmCommands).not.toContain('update-ca-certificates');
    expect(kubeadm(INFRA).files.map((f) => f.targetPath).filter((p) => p.startsWith('/usr/local/share/ca-certificates/'))).toEqual([]);
  });

  test('fails: a program naming a file, a certificate that is not PEM, and an entry with neither', () => {
    const ca = (caCertificates: NonNullable<VmoSiteProps['os']>['caCertificates']) => synth({ ...SITE, os: { caCertificates } }).errors;
    expect(ca([{ name: 'palette-ca', file: 'certs/palette-ca.pem' }])).toEqual([
      "SITE-001 os.caCertificates[palette-ca].file: CA certificate 'palette-ca' names the file 'certs/palette-ca.pem', which only the site-file loader reads (relative to the site file): in a program, read the file and pass its text as pem",
    ]);
    expect(ca([{ name: 'palette-ca', pem: 'not a certificate' }])).toEqual([
      "SITE-001 os.caCertificates: CA certificate 'palette-ca' is not a PEM certificate: paste the block from '-----BEGIN CERTIFICATE-----' to '-----END CERTIFICATE-----'",
    ]);
    expect(ca([{ name: 'palette-ca' }])[0]).toContain('has neither pem nor file');
  });

  // 000:626 "--from-file=cert=palette-ca.crt"; 000:640 "certificateKey: cert"; 000:617-631 "Create the ConfigMap FIRST".
  test("the VM dashboard's private CA reads the field guide's key 'cert' (000:626, 640), and SEC-005 still wants the ConfigMap first (000:617)", () => {
    const site: VmoSiteProps = { ...SITE, vmo: { privateCa: { configMapName: 'custom-ca' } } };
    const app = new PaletteApp({ outdir: '/nonexistent' });
    new VmoSite(app, 'fid', { ...site, suppressions: [{ ruleId: 'SEC-005', reason: 'the ConfigMap is created by hand before the deploy' }] });
    const result = app.render();
    const vmo = values(coreOf(result.sites.get('fid') ?? new Map()), 'virtual-machine-orchestrator').charts['virtual-machine-orchestrator'];
    expect(vmo.privateCaCertificate).toEqual({ enabled: true, configmapName: 'custom-ca', certificateKey: 'cert', mountPath: '/etc/ssl/certs/' });
    const sec005 = result.findings.filter((f) => f.ruleId === 'SEC-005');
    expect(sec005.map((f) => [f.location, f.suppressedReason])).toEqual([['site fid: vmo.privateCa', 'the ConfigMap is created by hand before the deploy']]);
    expect(sec005[0].message).toContain('no layer creates it and it must exist before VMO installs');
  });
});

describe('2. SAN boot (D7)', () => {
  const script = osFile(INFRA, '/etc/kubernetes/check_and_fix_mpath_alias.sh') ?? '';

  // 001:488 "apt install -y multipath-tools multipath-tools-boot"; 001:507 "update-initramfs -u -k all";
  // 002:866, 881: rev 1.7 keeps "a script that can handle SAN boot scenarios".
  test('the SAN-boot script installs multipath-tools-boot and refreshes the initramfs (001:488, 507; 002:881)', () => {
    expect(script).toContain('apt-get install -y -q multipath-tools-boot');
    expect(script).toContain('update-initramfs -u -k all');
    // Only on SAN-booted nodes: a local-disk node exits before either.
    expect(script.indexOf('nothing to do')).toBeLessThan(script.indexOf('multipath-tools-boot'));
  });

  test('the script runs in preKubeadmCommands before the multipathd restart (002:866 "Reload multipathd with the new configuration")', () => {
    const pre = kubeadm(INFRA).preKubeadmCommands;
    expect(pre.indexOf('/etc/kubernetes/check_and_fix_mpath_alias.sh')).toBeGreaterThan(0);
    expect(pre.indexOf('/etc/kubernetes/check_and_fix_mpath_alias.sh')).toBe(pre.indexOf('systemctl restart multipathd') - 1);
    // Every node installs multipath-tools (002:272 0.8.8); the boot package is the script's, for SAN-booted nodes.
    expect(pre[0]).toContain(' multipath-tools ');
    expect(pre[0]).not.toContain('multipath-tools-boot');
  });
});

describe('3. worker CPU reservation (D9)', () => {
  const kubelet = (p: ProfileJson) => parse(osFile(p, '/etc/kubernetes/kubelet.conf.d/20-vmo-tuning.conf') ?? '');
  const slice = (p: ProfileJson) => osFile(p, '/etc/systemd/system/kube.slice') ?? '';

  // 002:873 "CPU affinity for specific CPU cores (cores 0–7 by default)"; 002:240 recommended "48+ cores".
  test("ra-reference's 48-CPU workers (002:240) keep the RA's cores 0-7 for the slice and kubelet (002:873, 876)", () => {
    expect(kubelet(INFRA).reservedSystemCPUs).toBe('0-7');
    expect(slice(INFRA)).toContain('AllowedCPUs=0-7\n');
  });

  test("a site that does not say gets the RA's recommended worker, 48+ cores (002:240), and the RA's cores 0-7 (002:873)", () => {
    const infra = infraOf(synth(SITE).files);
    expect(kubelet(infra).reservedSystemCPUs).toBe('0-7');
    expect(slice(infra)).toContain('AllowedCPUs=0-7\n');
    // the RA's minimum worker, 8 cores, keeps half its CPUs allocatable
    expect(kubelet(infraOf(synth({ ...SITE, nodes: { workerCpus: 8 } }).files)).reservedSystemCPUs).toBe('0-3');
    expect(kubelet(infraOf(synth({ ...SITE, nodes: { workerCpus: 12 } }).files)).reservedSystemCPUs).toBe('0-5');
  });

  test('fails: a reservation that leaves no allocatable CPU is refused (CAP-004)', () => {
    expect(synth({ ...SITE, nodes: { workerCpus: 1 } }).errors).toEqual([
      'CAP-004 nodes.workerCpus: the OS layer reserves CPUs 0: all 1 CPU of a worker, leaving none for pods and VMs: workers need at least 2 CPUs (the RA minimum is 8 cores); give nodes.workerCpus the CPU count of the real workers (the reservation follows from it), or reserve fewer CPUs in the OS layer',
    ]);
  });
});

describe('4. per-site placeholders (D14)', () => {
  const everything = [...(RA ?? new Map()).values()].join('\n');

  // 002:1042 "grafana.ingress has been enabled and configured"; the RA gives no host, so it is the site's.
  test('the Grafana host is a profile variable defaulting to the site\'s host (002:1042)', () => {
    const ingress = values(CORE, 'prometheus-opeartor').charts['kube-prometheus-stack'].grafana.ingress;
    expect(ingress.hosts).toEqual(['{{.spectro.var.grafanaHost}}']);
    expect(ingress.tls[0].hosts).toEqual(['{{.spectro.var.grafanaHost}}']);
    expect(variable(CORE, 'grafanaHost')).toMatchObject({ defaultValue: 'grafana.ra-reference.local', format: 'string', required: true });
  });

  // 002:1131-1132 name dv-ubuntu-2204 and dv-windows-2022 but no image sources.
  test('the Windows golden image has no default source: a required variable without default (002:1132); Ubuntu stays the vendor\'s container disk (002:1131)', () => {
    const golden = manifest(TEMPLATES, 'vmo-goldenimages', 'dv-windows-2022');
    expect(golden).toContain("url: '{{.spectro.var.windows2022Image}}'");
    expect(variable(TEMPLATES, 'windows2022Image')).toMatchObject({ required: true, isSensitive: false });
    expect(variable(TEMPLATES, 'windows2022Image')?.defaultValue).toBeUndefined();
    expect(manifest(TEMPLATES, 'vmo-goldenimages', 'dv-ubuntu-2204')).toContain('url: docker://gcr.io/spectro-images-public/release/vm-dashboard/os/ubuntu-container-disk:22.04');
    expect(everything).not.toContain('kreeuwijk');
    expect(everything).not.toMatch(/docker:\/\/\S+:latest/);
  });

  test('a site gives its own golden image sources; a mutable :latest is refused at the setting', () => {
    const templates = profile(synth({ ...SITE, templates: { goldenImageSources: { windows2022: 'docker://registry.example.com/vmo/windows-2022:20348.2700' } } }).files, 'VMO-RA-Templates');
    expect(manifest(templates, 'vmo-goldenimages', 'dv-windows-2022')).toContain('url: docker://registry.example.com/vmo/windows-2022:20348.2700');
    expect(variable(templates, 'windows2022Image')).toBeUndefined();
    const refused = synth({ ...SITE, templates: { goldenImageSources: { windows2022: 'docker://docker.io/someone/w2k22:latest' } } }).errors;
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatch(/^SITE-001 templates\.goldenImageSources: golden image 'template-windows-2022' source 'docker:\/\/docker.io\/someone\/w2k22:latest' uses the mutable tag ':latest'/);
  });

  test('VM templates hot-link no icon (the RA export\'s companieslogo.com and s3 images are gone)', () => {
    const templates = manifest(TEMPLATES, 'vmo-vmtemplates', 'vmtemplate-windows-2022') + manifest(TEMPLATES, 'vmo-vmtemplates', 'vmtemplate-ubuntu-2204');
    expect(templates).not.toContain('icon:');
    expect(everything).not.toContain('companieslogo.com');
  });
});

describe('5. ra-reference is the RA as written: the rev 1.7 profile variables (002:65)', () => {
  const k8s = values(INFRA, 'kubernetes').pack;
  const metallb = values(CORE, 'lb-metallb-helm').charts['metallb-full'].configuration;
  const env = values(CORE, 'virtual-machine-orchestrator').charts['virtual-machine-orchestrator'].vlanFiltering.env;

  test('pod CIDR: a read-only variable defaulting to 100.64.0.0/18 (002:896)', () => {
    expect(k8s.podCIDR).toBe('{{.spectro.var.podCidr}}');
    expect(variable(INFRA, 'podCidr')).toMatchObject({ format: 'ipv4cidr', defaultValue: '100.64.0.0/18', immutable: true });
  });

  test('service CIDR: a read-only variable defaulting to 100.64.64.0/18 (002:897)', () => {
    expect(k8s.serviceClusterIpRange).toBe('{{.spectro.var.serviceCidr}}');
    expect(variable(INFRA, 'serviceCidr')).toMatchObject({ format: 'ipv4cidr', defaultValue: '100.64.64.0/18', immutable: true });
  });

  test('maxStorageNodes: a number variable, "set this variable to the number of worker nodes" (002:955), written unquoted', () => {
    expect(pack(INFRA, 'csi-portworx-generic').values).toContain('maxStorageNodes: {{.spectro.var.pxMaxStorageNodes}}\n');
    expect(variable(INFRA, 'pxMaxStorageNodes')).toMatchObject({ format: 'number', defaultValue: '5' });
  });

  test('MetalLB addresses and L2 interfaces: variables defaulting to the bond_data.20 block and interface (002:1007-1008)', () => {
    expect(metallb.ipaddresspools['first-pool'].spec.addresses).toEqual(['{{.spectro.var.metallbAddresses}}']);
    expect(metallb.l2advertisements.default.spec.interfaces).toEqual(['{{.spectro.var.metallbInterfaces}}']);
    expect(variable(CORE, 'metallbAddresses')?.defaultValue).toBe('10.20.30.100-10.20.30.200');
    expect(variable(CORE, 'metallbInterfaces')?.defaultValue).toBe('bond_data.20');
  });

  test('VM VLANs "21-100", the allowVlansOnSelf toggle and "VLANs on top of br0" with the VM VLANs added (002:1064-1072)', () => {
    expect(env.allowedVlans).toBe('{{.spectro.var.vmVlans}}');
    expect(env.allowVlansOnSelf).toBe('{{.spectro.var.allowVlansOnSelf}}');
    expect(env.allowedVlansOnSelf).toBe('{{.spectro.var.br0Vlans}},{{.spectro.var.vmVlans}}');
    expect(variable(CORE, 'vmVlans')?.defaultValue).toBe('21-100');
    expect(variable(CORE, 'allowVlansOnSelf')).toMatchObject({ format: 'boolean', defaultValue: 'false' });
    expect(variable(CORE, 'br0Vlans')).toMatchObject({ displayName: 'VLANs on top of br0', defaultValue: '1' });
  });

  test('the baked variant writes the same values into profiles of its own names, beside ra-reference (one content per name+version)', () => {
    const sites = synthTargets(join(APPS, 'ra-reference.ts'), join(APPS, 'ra-reference-baked.ts'));
    const baked = sites.get('ra-reference-baked');
    expect([...(baked ?? new Map()).keys()].filter((f) => f.endsWith('.json') && f.startsWith('profiles/')).sort()).toEqual([
      'profiles/VMO-RA-Baked-Core-PXKE.json',
      'profiles/VMO-RA-Baked-Infra-MaaS-PureFlashArray.json',
      'profiles/VMO-RA-Baked-Templates.json',
    ]);
    const infra = profile(baked, 'VMO-RA-Baked-Infra-MaaS-PureFlashArray');
    expect(values(infra, 'kubernetes').pack.podCIDR).toBe('100.64.0.0/18');
    expect(values(infra, 'csi-portworx-generic').charts['portworx-generic'].storageCluster.spec.cloudStorage.maxStorageNodes).toBe(5);
    expect(infra.spec.variables.filter((v) => !v.isSensitive)).toEqual([]);
  });
});

describe('6. the four-NIC trunk (D12)', () => {
  // 002:362-366: enp1s0/enp2s0 "Trunk (allowing 0, 10)"; enp1s1/enp2s1 under br0 "Trunk (allowing 20–100)".
  test('fails: VLAN 10, the management VLAN on bond_mgmt, as a VM VLAN (002:362-366)', () => {
    const errors = synth({ ...SITE, vmVlans: '10,21-100' }).errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^VLAN-010 vmVlans: vmVlans '10,21-100' includes VLAN 10: VLAN 10 is the host's bond_mgmt\.10 on bond_mgmt \(enp1s0, enp2s0\)/);
  });

  test('passes: the RA\'s VM VLANs 21-100 (002:1064) on the data bond', () => {
    expect(synth(SITE).errors).toEqual([]);
  });
});

describe('7. direct VMO access (000:582)', () => {
  const DIRECT: VmoSiteProps = { ...SITE, vmo: { access: 'direct', dashboardAddress: '10.20.30.10' } };

  // 000:582 Direct: "Set consoleBaseAddress to LB IP"; the key path is the VMO pack's appConfig.clusterInfo.consoleBaseAddress.
  test('sets consoleBaseAddress to the dashboard\'s LoadBalancer IP and gives the Service that address (000:582)', () => {
    const core = coreOf(synth(DIRECT).files);
    const vmo = values(core, 'virtual-machine-orchestrator');
    expect(vmo.charts['virtual-machine-orchestrator'].appConfig).toEqual({ clusterInfo: { consoleBaseAddress: '10.20.30.10' } });
    expect(vmo.charts['virtual-machine-orchestrator'].service.type).toBe('LoadBalancer');
    expect(vmo.pack.palette.config.dashboard.access).toBe('public');
    const pools = values(core, 'lb-metallb-helm').charts['metallb-full'].configuration;
    expect(pools.ipaddresspools['vmo-dashboard'].spec).toEqual({ addresses: ['10.20.30.10/32'], serviceAllocation: { namespaces: ['vm-dashboard'], priority: 1 } });
    expect(pools.l2advertisements.default.spec.ipAddressPools).toEqual(['first-pool', 'vmo-dashboard']);
  });

  test('proxied access leaves consoleBaseAddress empty (000:583)', () => {
    expect(values(CORE, 'virtual-machine-orchestrator').charts['virtual-machine-orchestrator'].appConfig).toBeUndefined();
  });

  test('fails: direct access without an address, an address with proxied access, and an address inside another pool', () => {
    expect(synth({ ...SITE, vmo: { access: 'direct' } }).errors).toEqual([
      "SITE-001 vmo.dashboardAddress: vmo.access is 'direct' but no vmo.dashboardAddress is given: the field guide sets VMO's consoleBaseAddress to the dashboard's LoadBalancer IP; give a free address of the data subnet, outside the other MetalLB pools",
    ]);
    expect(synth({ ...SITE, vmo: { dashboardAddress: '10.20.30.10' } }).errors).toEqual([
      "SITE-001 vmo.dashboardAddress: vmo.dashboardAddress '10.20.30.10' is only used with direct access (proxied access leaves consoleBaseAddress empty): remove it, or set vmo.access to 'direct'",
    ]);
    expect(synth({ ...SITE, vmo: { access: 'direct', dashboardAddress: '10.20.30.150' } }).errors).toEqual([
      "NET-006 vmo.dashboardAddress: MetalLB pool 'vmo-dashboard' entry 10.20.30.150/32 overlaps MetalLB pool 'first-pool' entry 10.20.30.100-10.20.30.200: MetalLB hands out each address once; make the pools disjoint",
    ]);
    expect(synth({ ...SITE, vmo: { access: 'direct', dashboardAddress: 'dashboard.lab' } }).errors[0]).toContain("SITE-001 vmo.dashboardAddress: vmo.dashboardAddress 'dashboard.lab' is not an IPv4 address");
  });
});
