import { parse } from 'yaml';
import { KUBELET_DROP_IN_DIR } from '../../lib/packs/kubelet';
import { CpuSet, CustomPart, KubeadmPart, TopologyManagerPolicy, UbuntuMaasPack } from '../../lib/packs/ubuntu';
import { PackRegistry, RegistryKind } from '../../lib/palette';
import { MGMT_CIDR, render, TEST_CA2_PEM, TEST_CA_PEM, ubuntu } from './ubuntu-fixtures';

const MULTIPATH_CONF = '/etc/multipath.conf';
const ALIAS_SCRIPT = '/etc/kubernetes/check_and_fix_mpath_alias.sh';
const UDEV_RULES = '/etc/udev/rules.d/99-pure-flasharray.rules';
const NFS_CONF = '/etc/nfs.conf';
const CONTAINERD = '/etc/containerd/config.toml';
const KUBE_SLICE = '/etc/systemd/system/kube.slice';
const CONTAINERD_SLICE = '/etc/systemd/system/containerd.service.d/20-kube-slice.conf';
const KUBELET_SLICE = '/etc/systemd/system/kubelet.service.d/20-kube-slice.conf';
const SYSCTL = '/etc/sysctl.d/95-vmo-tuning.conf';
const KUBELET_DROP_IN = `${KUBELET_DROP_IN_DIR}/20-vmo-tuning.conf`;

/** Parses a Kubernetes quantity in Mi/Gi into MiB. */
function mib(q: string): number {
  const m = /^(\d+)(Mi|Gi)$/.exec(q);
  if (!m) throw new Error(`unexpected quantity ${q}`);
  return Number(m[1]) * (m[2] === 'Gi' ? 1024 : 1);
}

function kubeletConfig(r: ReturnType<typeof render>) {
  return parse(r.file(KUBELET_DROP_IN).content);
}

describe('UbuntuMaasPack', () => {
  test('defaults', () => {
    const r = render();
    // Pack identity (RA rev 1.7: OS layer, Public Repo, Ubuntu LTS__22.04).
    expect(r.json.name).toBe('ubuntu-maas');
    expect(r.json.layer).toBe('os');
    expect(r.json.version).toBe('22.04');
    expect(r.json.tag).toBe('22.04');
    expect(r.json.type).toBe('spectro');
    expect(r.json.registry.metadata.name).toBe('Public Repo');
    expect(r.presets).toEqual([]);
    expect(Object.keys(r.values)).toEqual(['kubeadmconfig']);
    expect(Object.keys(r.kc)).toEqual(['preKubeadmCommands', 'postKubeadmCommands', 'files']);

    // Files in part order; every file root-owned, mode a quoted 4-digit string.
    expect(r.paths).toEqual([MULTIPATH_CONF, ALIAS_SCRIPT, UDEV_RULES, NFS_CONF, CONTAINERD, KUBE_SLICE, CONTAINERD_SLICE, KUBELET_SLICE, SYSCTL, KUBELET_DROP_IN]);
    for (const f of r.files) {
      expect(f.targetOwner).toBe('root:root');
      expect(typeof f.targetPermissions).toBe('string');
      expect(f.targetPermissions).toMatch(/^[0-7]{4}$/);
      expect(f.content.endsWith('\n')).toBe(true);
    }
    expect(r.file(MULTIPATH_CONF).targetPermissions).toBe('0644');
    expect(r.file(ALIAS_SCRIPT).targetPermissions).toBe('0744');
    expect(r.json.values).toContain('targetPermissions: "0644"');

    // Packages in one apt transaction, first.
    expect(r.pre[0]).toBe('apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q grepcidr multipath-tools nfs-common');

    // Node IP: the management CIDR, grepcidr, KUBELET_EXTRA_ARGS in /etc/default/kubelet.
    const nodeIp = r.pre[1];
    expect(nodeIp).toContain(`NETWORK="${MGMT_CIDR}"`);
    expect(nodeIp).toContain('grepcidr "$NETWORK"');
    expect(nodeIp).toContain('KUBELET_EXTRA_ARGS=');
    expect(nodeIp).toContain('--node-ip=$NODE_IP');
    expect(nodeIp).toContain('/etc/default/kubelet');

    // No CA given: no certificate file and no update-ca-certificates.
    expect(r.paths.some((p) => p.startsWith('/usr/local/share/ca-certificates/'))).toBe(false);
    expect(r.pre.some((c) => c.includes('update-ca-certificates'))).toBe(false);

    // Command order of the RA: node IP, multipath (alias script, then restart), tuning, restart last.
    expect(r.pre.slice(2)).toEqual([
      ALIAS_SCRIPT,
      'systemctl restart multipathd',
      r.command('VMO tuning'),
      'systemctl daemon-reload',
      'systemctl restart containerd kubelet',
    ]);
    expect(r.post).toEqual(['udevadm control --reload-rules && udevadm trigger']);

    // containerd (RA rev 1.2 content).
    const containerd = r.file(CONTAINERD).content;
    expect(containerd).toContain('device_ownership_from_security_context = true');
    expect(containerd).toContain('SystemdCgroup = true');
    expect(containerd).toContain('sandbox_image = "registry.k8s.io/pause:3.9"');
    expect(containerd).toContain('version = 2');
    expect(containerd).toContain('runtime_type = "io.containerd.runc.v2"');

    // multipath.conf (RA rev 1.2 content).
    const mp = r.file(MULTIPATH_CONF).content;
    expect(mp).toMatch(/defaults \{\n\s+user_friendly_names no\n\s+find_multipaths no\n\s+polling_interval 10\n\}/);
    expect(mp).toContain('devnode "^pxd[0-9]*"');
    expect(mp).toContain('devnode "^pxd*"');
    expect(mp).toContain('product "Pure Storage FlashArray"');
    expect(mp).toContain('vendor "PURE"');
    expect(mp).toContain('hardware_handler "1 alua"');
    expect(mp).toContain('dev_loss_tmo 600');
    expect(mp.match(/user_friendly_names no/g)).toHaveLength(3);

    // SAN boot alias script: only acts on friendly names in GRUB, idempotent, rebuilds initramfs.
    const script = r.file(ALIAS_SCRIPT).content;
    expect(script.startsWith('#!/bin/bash\n')).toBe(true);
    expect(script).toContain('/boot/grub/grub.cfg');
    expect(script).toContain('update-initramfs -u -k all');

    // udev rules: the RA's settings, as assignments.
    const udev = r.file(UDEV_RULES).content;
    for (const setting of ['ATTR{queue/scheduler}="none"', 'ATTR{queue/add_random}="0"', 'ATTR{queue/rq_affinity}="2"', 'ATTR{device/timeout}="60"', 'ATTR{queue/max_sectors_kb}="4096"']) {
      expect(udev).toContain(setting);
    }
    expect(udev).not.toMatch(/ATTR\{[^}]+\}==/);

    // nfs.conf with the fixed mountd port.
    expect(r.file(NFS_CONF).content).toMatch(/\[mountd\]\nmanage-gids=y\nport=9024\n/);

    // Worker tuning: slice on cores 0-7, both services in it, sysctl file.
    expect(r.file(KUBE_SLICE).content).toMatch(/\[Slice\]\nAllowedCPUs=0-7\n/);
    expect(r.file(CONTAINERD_SLICE).content).toMatch(/\[Service\]\nSlice=kube\.slice\n/);
    expect(r.file(KUBELET_SLICE).content).toMatch(/\[Service\]\nSlice=kube\.slice\n/);
    expect(r.file(SYSCTL).content).toMatch(/^fs\.inotify\.max_user_watches = 1048576$/m);

    // kubelet drop-in: in the drop-in directory, a .conf file, valid KubeletConfiguration.
    expect(KUBELET_DROP_IN.startsWith(`${KUBELET_DROP_IN_DIR}/`)).toBe(true);
    expect(KUBELET_DROP_IN.endsWith('.conf')).toBe(true);
    const kubelet = kubeletConfig(r);
    expect(kubelet.apiVersion).toBe('kubelet.config.k8s.io/v1beta1');
    expect(kubelet.kind).toBe('KubeletConfiguration');
    expect(kubelet.maxPods).toBe(250);
    expect(kubelet.cpuManagerPolicy).toBe('static');
    expect(kubelet.reservedSystemCPUs).toBe('0-7');
    expect(kubelet.memoryManagerPolicy).toBe('Static');
    expect(kubelet.topologyManagerPolicy).toBe('best-effort');
    expect(kubelet.systemReserved).toEqual({ memory: '6144Mi' });
    expect(kubelet.kubeReserved).toEqual({ memory: '2048Mi' });
    expect(kubelet.evictionHard['memory.available']).toBe('1024Mi');
    // The Static Memory Manager's rule: reservedMemory == systemReserved + kubeReserved + evictionHard.
    const reserved = kubelet.reservedMemory.reduce((s: number, r2: any) => s + mib(r2.limits.memory), 0);
    expect(reserved).toBe(mib(kubelet.systemReserved.memory) + mib(kubelet.kubeReserved.memory) + mib(kubelet.evictionHard['memory.available']));
    expect(reserved).toBe(9216);

    // The tuning command skips control planes: it detects one and removes every tuning file there.
    const tuning = r.command('VMO tuning');
    expect(tuning).toContain('/etc/kubernetes/pki/ca.key');
    expect(tuning).toContain("grep -qs '^controlPlane:' /run/kubeadm/kubeadm-join-config.yaml");
    const cpBranch = tuning.split('\nelse\n')[0];
    for (const p of [KUBE_SLICE, CONTAINERD_SLICE, KUBELET_SLICE, SYSCTL, KUBELET_DROP_IN]) expect(cpBranch).toContain(p);
    expect(cpBranch).not.toContain('sysctl -p');
    expect(tuning.split('\nelse\n')[1]).toContain(`sysctl -p ${SYSCTL}`);
  });

  test('derivation: the management CIDR appears only where the prop puts it', () => {
    const a = ubuntu({ managementCidr: '172.16.0.0/22' }).toJson().values;
    const b = ubuntu({ managementCidr: '10.20.8.0/21' }).toJson().values;
    const count = (s: string, needle: string) => s.split(needle).length - 1;
    expect(count(a, '172.16.0.0/22')).toBeGreaterThan(0);
    expect(count(b, '10.20.8.0/21')).toBe(count(a, '172.16.0.0/22'));
    expect(b).not.toContain('172.16.0.0/22');
    expect(b).not.toContain('172.16.');
    // Nothing else changes.
    expect(b.split('10.20.8.0/21').join('X')).toBe(a.split('172.16.0.0/22').join('X'));
    expect(ubuntu({ managementCidr: '10.20.8.0/21' }).managementCidr).toBe('10.20.8.0/21');
  });

  test('derivation: the tuning cores set both the slice and kubelet', () => {
    const r = render({ workerTuning: { cpuCores: '0-3,8-11' } });
    expect(r.file(KUBE_SLICE).content).toContain('AllowedCPUs=0-3,8-11\n');
    expect(kubeletConfig(r).reservedSystemCPUs).toBe('0-3,8-11');
    expect(r.json.values).not.toContain('0-7');
  });

  test('custom CA certificates', () => {
    const r = render({ caCertificates: [{ name: 'palette-ca', pem: TEST_CA_PEM }, { name: 'corp.root', pem: `\n${TEST_CA2_PEM.trim()}` }] });
    const ca = r.file('/usr/local/share/ca-certificates/palette-ca.crt');
    expect(ca.content).toBe(TEST_CA_PEM);
    expect(ca.targetPermissions).toBe('0644');
    expect(r.file('/usr/local/share/ca-certificates/corp.root.crt').content).toBe(TEST_CA2_PEM);
    // RA order: right after the node IP, before multipath; once for all certificates.
    expect(r.pre.filter((c) => c === 'update-ca-certificates')).toHaveLength(1);
    expect(r.pre.indexOf('update-ca-certificates')).toBe(2);
    expect(r.pre[1]).toContain('grepcidr');
    expect(r.pre[3]).toBe(ALIAS_SCRIPT);
    expect(r.paths[0]).toBe('/usr/local/share/ca-certificates/palette-ca.crt');

    // An empty list is the same as none: nothing new to trust, so no update-ca-certificates.
    const none = render({ caCertificates: [] });
    expect(none.pre).not.toContain('update-ca-certificates');
    expect(none.json.values).toBe(render().json.values);
  });

  test('custom: every switchable part turned off disappears', () => {
    const r = render({ pureFlashArray: false, nfs: false, containerd: false, workerTuning: false, restartServices: false });
    expect(r.files).toEqual([]);
    expect(r.post).toEqual([]);
    expect(Object.keys(r.kc)).toEqual(['preKubeadmCommands']);
    expect(r.pre).toHaveLength(2);
    expect(r.pre[0]).toBe('apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q grepcidr');
    expect(r.pre[1]).toContain(MGMT_CIDR);
    expect(r.json.values).not.toMatch(/multipath|udevadm|nfs|containerd|kube\.slice|sysctl/);
  });

  test('custom: Pure FlashArray parts one by one', () => {
    const noScript = render({ pureFlashArray: { sanBootAliasScript: false } });
    expect(noScript.paths).toContain(MULTIPATH_CONF);
    expect(noScript.paths).not.toContain(ALIAS_SCRIPT);
    expect(noScript.pre).not.toContain(ALIAS_SCRIPT);
    expect(noScript.pre).toContain('systemctl restart multipathd');

    const udevOnly = render({ pureFlashArray: { multipath: false } });
    expect(udevOnly.paths).toContain(UDEV_RULES);
    expect(udevOnly.paths).not.toContain(MULTIPATH_CONF);
    expect(udevOnly.paths).not.toContain(ALIAS_SCRIPT);
    expect(udevOnly.pre.some((c) => c.includes('multipath'))).toBe(false);
    expect(udevOnly.post).toEqual(['udevadm control --reload-rules && udevadm trigger']);

    const noUdev = render({ pureFlashArray: { udevRules: false } });
    expect(noUdev.paths).not.toContain(UDEV_RULES);
    expect(noUdev.kc.postKubeadmCommands).toBeUndefined();
  });

  test('custom: NFS, containerd and restart settings', () => {
    const r = render({ nfs: { mountdPort: 20048, installClient: false }, containerd: { sandboxImage: 'registry.k8s.io/pause:3.10' } });
    expect(r.file(NFS_CONF).content).toContain('port=20048\n');
    expect(r.file(NFS_CONF).content).not.toContain('9024');
    expect(r.pre[0]).not.toContain('nfs-common');
    expect(r.file(CONTAINERD).content).toContain('sandbox_image = "registry.k8s.io/pause:3.10"');
    expect(r.file(CONTAINERD).content).toContain('device_ownership_from_security_context = true');

    const noRestart = render({ restartServices: false });
    expect(noRestart.pre).not.toContain('systemctl restart containerd kubelet');
    expect(noRestart.pre[noRestart.pre.length - 1]).toContain('VMO tuning');
  });

  test('custom worker tuning', () => {
    const r = render({
      workerTuning: {
        cpuCores: '0,1,2,3',
        maxPods: 110,
        systemReservedMemoryMiB: 8192,
        kubeReservedMemoryMiB: 1024,
        evictionHardMemoryMiB: 512,
        topologyManagerPolicy: TopologyManagerPolicy.SINGLE_NUMA_NODE,
      },
    });
    const kubelet = kubeletConfig(r);
    expect(kubelet.reservedSystemCPUs).toBe('0-3');
    expect(r.file(KUBE_SLICE).content).toContain('AllowedCPUs=0-3\n');
    expect(kubelet.maxPods).toBe(110);
    expect(kubelet.topologyManagerPolicy).toBe('single-numa-node');
    expect(kubelet.systemReserved.memory).toBe('8192Mi');
    expect(kubelet.kubeReserved.memory).toBe('1024Mi');
    expect(kubelet.evictionHard['memory.available']).toBe('512Mi');
    expect(kubelet.reservedMemory).toEqual([{ numaNode: 0, limits: { memory: '9728Mi' } }]);
  });

  // Seed 002:873 "cores 0-7 by default" on the recommended 48+ core worker; 002:240 minimum "8 cores".
  test.each([
    [1, '0'],
    [3, '0'],
    [8, '0-3'],
    [12, '0-5'],
    [16, '0-7'],
    [48, '0-7'],
    [256, '0-7'],
  ])('custom: a worker with %s CPUs reserves %s (the RA 0-7, at most half the CPUs)', (workerCpus, reserved) => {
    const r = render({ workerTuning: { workerCpus } });
    expect(kubeletConfig(r).reservedSystemCPUs).toBe(reserved);
    expect(r.file(KUBE_SLICE).content).toContain(`AllowedCPUs=${reserved}\n`);
  });

  test('custom: named cores win over the worker CPU count', () => {
    expect(kubeletConfig(render({ workerTuning: { workerCpus: 8, cpuCores: '0-1' } })).reservedSystemCPUs).toBe('0-1');
  });

  test('custom: tuning applied to control planes too', () => {
    const r = render({ workerTuning: { applyToControlPlane: true } });
    const tuning = r.command('VMO tuning');
    expect(tuning).not.toContain('kubeadm.yaml');
    expect(tuning).not.toContain('rm -f /etc/');
    expect(tuning).toContain(`sysctl -p ${SYSCTL}`);
  });

  test('custom parts run before the restart and after the udev reload', () => {
    const mine = new CustomPart({
      name: 'site-chrony',
      packages: ['chrony', 'grepcidr'],
      files: [{ targetPath: '/etc/chrony/conf.d/site.conf', content: 'server ntp.example.internal iburst\n' }],
      preKubeadmCommands: ['systemctl restart chrony'],
      postKubeadmCommands: ['echo done'],
    });
    const r = render({ extraParts: [mine] });
    expect(r.pre[0]).toBe('apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q grepcidr multipath-tools nfs-common chrony');
    const i = r.pre.indexOf('systemctl restart chrony');
    expect(i).toBeGreaterThan(r.pre.indexOf(r.command('VMO tuning')));
    expect(r.pre[i + 1]).toBe('systemctl daemon-reload');
    expect(r.post).toEqual(['udevadm control --reload-rules && udevadm trigger', 'echo done']);
    const f = r.file('/etc/chrony/conf.d/site.conf');
    expect(f.targetOwner).toBe('root:root');
    expect(f.targetPermissions).toBe('0644');
    expect(r.paths[r.paths.length - 1]).toBe('/etc/chrony/conf.d/site.conf');

    // Any KubeadmPart implementation works, not only CustomPart.
    const own: KubeadmPart = { name: 'motd', render: () => ({ files: [{ targetPath: '/etc/motd', content: 'VMO node\n', targetPermissions: '0444' }] }) };
    expect(render({ extraParts: [own] }).file('/etc/motd').targetPermissions).toBe('0444');
  });

  test('custom registry and exposed parts', () => {
    const registry = PackRegistry.custom({ uid: 'abc123', name: 'Self-hosted Public Repo', kind: RegistryKind.PACK });
    const pack = ubuntu({ registry, caCertificates: [{ name: 'ca', pem: TEST_CA_PEM }] });
    expect(pack.toJson().registry.metadata).toMatchObject({ uid: 'abc123', name: 'Self-hosted Public Repo' });
    expect(pack).toBeInstanceOf(UbuntuMaasPack);
    expect(pack.parts.map((p) => p.name)).toEqual([
      'kubelet-node-ip', 'ca-certificates', 'multipath', 'pure-flasharray-udev', 'nfs', 'containerd-config', 'worker-tuning', 'service-restart',
    ]);
    expect(pack.files.map((f) => f.targetPath)).toContain(KUBELET_DROP_IN);
  });

  test('custom CPU core lists are normalized', () => {
    expect(CpuSet.parse(' 4-6, 0,2 ,5').toString()).toBe('0,2,4-6');
    expect(CpuSet.parse('0-3,4-7').toString()).toBe('0-7');
    expect(CpuSet.parse('0-7').size).toBe(8);
  });

  test('snapshot', () => {
    const r = render({ caCertificates: [{ name: 'palette-ca', pem: TEST_CA_PEM }] });
    expect(r.kc.files).toHaveLength(11);
    expect(r.json).toMatchSnapshot();
  });
});
