/**
 * Runs the generated shell against a scratch directory: absolute node paths are redirected
 * under it and the node tools (hostname, grepcidr, sysctl) are stubs on PATH.
 */
import { execFileSync, spawnSync } from 'child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import { render } from './ubuntu-fixtures';

let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ubuntu-maas-'));
  mkdirSync(join(root, 'bin'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Points /etc, /run, /var and /boot paths at the scratch directory. */
function sandboxed(command: string): string {
  return command.replace(/(^|[\s'"=])\/(etc|run|var|boot)\//g, `$1${root}/$2/`);
}

function stub(name: string, body: string): void {
  const path = join(root, 'bin', name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
}

function put(path: string, content = ''): void {
  const p = join(root, path);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, content);
}

function run(command: string, shell = '/bin/sh') {
  const r = spawnSync(shell, ['-c', sandboxed(command)], {
    encoding: 'utf8',
    env: { PATH: `${join(root, 'bin')}:/usr/bin:/bin` },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('UbuntuMaasPack shell', () => {
  test('every command is valid POSIX sh and the alias script is valid bash', () => {
    const r = render({ workerTuning: true });
    for (const c of [...r.pre, ...r.post, r.command('VMO tuning')]) {
      expect(() => execFileSync('/bin/sh', ['-n', '-c', c])).not.toThrow();
    }
    const applyAll = render({ workerTuning: { applyToControlPlane: true } }).command('VMO tuning');
    expect(() => execFileSync('/bin/sh', ['-n', '-c', applyAll])).not.toThrow();
    expect(() => execFileSync('/bin/bash', ['-n'], { input: r.file('/etc/kubernetes/check_and_fix_mpath_alias.sh').content })).not.toThrow();
  });

  describe('kubelet node IP', () => {
    const nodeIp = () => render().pre[1];
    beforeEach(() => {
      stub('hostname', 'echo "10.0.0.5 172.16.1.20 fd00::20"');
      // grepcidr stand-in: only 172.16.1.20 lies in the management CIDR.
      stub('grepcidr', '[ "$1" = "172.16.0.0/22" ] && [ "$(cat)" = "172.16.1.20" ] && echo 172.16.1.20');
    });

    test('adds --node-ip to an empty KUBELET_EXTRA_ARGS', () => {
      put('etc/default/kubelet', 'KUBELET_EXTRA_ARGS=\n');
      expect(run(nodeIp()).status).toBe(0);
      expect(readFileSync(join(root, 'etc/default/kubelet'), 'utf8')).toBe('KUBELET_EXTRA_ARGS="--node-ip=172.16.1.20"\n');
    });

    test('keeps the flags already there', () => {
      put('etc/default/kubelet', 'OTHER=1\nKUBELET_EXTRA_ARGS="--v=2 --foo=bar"\n');
      expect(run(nodeIp()).status).toBe(0);
      expect(readFileSync(join(root, 'etc/default/kubelet'), 'utf8')).toBe('OTHER=1\nKUBELET_EXTRA_ARGS="--v=2 --foo=bar --node-ip=172.16.1.20"\n');
    });

    test('creates the file when missing and is idempotent', () => {
      mkdirSync(join(root, 'etc/default'), { recursive: true });
      run(nodeIp());
      run(nodeIp());
      expect(readFileSync(join(root, 'etc/default/kubelet'), 'utf8')).toBe('KUBELET_EXTRA_ARGS="--node-ip=172.16.1.20"\n');
    });

    test('leaves kubelet alone when no address is in the management network', () => {
      stub('hostname', 'echo "10.0.0.5"');
      put('etc/default/kubelet', 'KUBELET_EXTRA_ARGS=\n');
      const r = run(nodeIp());
      expect(r.stderr).toContain('no address of this node is in 172.16.0.0/22');
      expect(readFileSync(join(root, 'etc/default/kubelet'), 'utf8')).toBe('KUBELET_EXTRA_ARGS=\n');
    });
  });

  describe('worker tuning', () => {
    const TUNING_FILES = [
      'etc/systemd/system/kube.slice',
      'etc/systemd/system/containerd.service.d/20-kube-slice.conf',
      'etc/systemd/system/kubelet.service.d/20-kube-slice.conf',
      'etc/sysctl.d/95-vmo-tuning.conf',
      'etc/kubernetes/kubelet.conf.d/20-vmo-tuning.conf',
    ];
    const tuning = () => render().command('VMO tuning');
    beforeEach(() => {
      stub('sysctl', `echo "$@" >> ${root}/sysctl.log`);
      for (const f of TUNING_FILES) put(f, 'x');
      put('var/lib/kubelet/cpu_manager_state', '{}');
    });

    test.each([
      ['kubeadm init', () => put('run/kubeadm/kubeadm.yaml', 'kind: InitConfiguration\n')],
      ['kubeadm join --control-plane', () => put('run/kubeadm/kubeadm-join-config.yaml', 'kind: JoinConfiguration\ncontrolPlane:\n  localAPIEndpoint: {}\n')],
      ['a node with the cluster CA key', () => put('etc/kubernetes/pki/ca.key', 'k')],
    ])('skips a control plane node (%s)', (_name, setup) => {
      setup();
      const r = run(tuning());
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('control plane node, skipped');
      for (const f of TUNING_FILES) expect(existsSync(join(root, f))).toBe(false);
      expect(existsSync(join(root, 'etc/kubernetes/kubelet.conf.d'))).toBe(true);
      expect(existsSync(join(root, 'sysctl.log'))).toBe(false);
    });

    test('applies on a worker node', () => {
      put('run/kubeadm/kubeadm-join-config.yaml', 'kind: JoinConfiguration\ndiscovery: {}\n');
      const r = run(tuning());
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('worker node, applying');
      for (const f of TUNING_FILES) expect(existsSync(join(root, f))).toBe(true);
      expect(existsSync(join(root, 'var/lib/kubelet/cpu_manager_state'))).toBe(false);
      expect(readFileSync(join(root, 'sysctl.log'), 'utf8')).toBe(`-p ${root}/etc/sysctl.d/95-vmo-tuning.conf\n`);
    });
  });

  describe('SAN boot alias script', () => {
    const script = () => render().file('/etc/kubernetes/check_and_fix_mpath_alias.sh').content;
    const conf = () => readFileSync(join(root, 'etc/multipath.conf'), 'utf8');
    const log = (name: string) => (existsSync(join(root, name)) ? readFileSync(join(root, name), 'utf8') : '');
    const FRIENDLY_NAMES_OFF = 'defaults {\n  user_friendly_names no\n}\n';
    beforeEach(() => {
      put('etc/multipath.conf', FRIENDLY_NAMES_OFF);
      stub('findmnt', 'echo "253:2"');
      // / is partition 2 of the multipath map of the boot LUN.
      stub('dmsetup', '[ "$6" = "-j" ] && [ "$7" = 253 ] && [ "$9" = 2 ] && echo "part2-mpath-3624a9370f00dcafe"');
      stub('update-initramfs', `echo "$@" >> ${root}/initramfs.log`);
      // multipath-tools-boot is installed once apt-get has run.
      stub('dpkg-query', `[ -f ${root}/boot-package ] && printf 'install ok installed' || exit 1`);
      stub('apt-get', `echo "$@" >> ${root}/apt.log; touch ${root}/boot-package`);
    });

    test('does nothing on a node that boots from a local disk', () => {
      put('boot/grub/grub.cfg', 'linux /vmlinuz root=UUID=1234 ro\n');
      stub('dmsetup', 'echo ""');
      const r = run(script(), '/bin/bash');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('not on a multipath device; nothing to do');
      expect(conf()).toBe(FRIENDLY_NAMES_OFF);
      expect(log('initramfs.log')).toBe('');
      expect(log('apt.log')).toBe('');
    });

    // Seed 001:488 "apt install -y multipath-tools multipath-tools-boot" and 001:507 "update-initramfs -u -k all".
    test('a SAN-booted node without a friendly name in GRUB gets multipath-tools-boot and one initramfs rebuild (seed 001:488, 507)', () => {
      put('boot/grub/grub.cfg', 'linux /vmlinuz root=UUID=1234 ro\n');
      const first = run(script(), '/bin/bash');
      expect(first.status).toBe(0);
      expect(first.stdout).toContain('installing multipath-tools-boot');
      expect(run(script(), '/bin/bash').stdout).toContain('the initramfs already carries this multipath.conf');
      expect(log('apt.log')).toBe('install -y -q multipath-tools-boot\n');
      expect(log('initramfs.log')).toBe('-u -k all\n');
      expect(conf()).toBe(FRIENDLY_NAMES_OFF);
    });

    test('pins the friendly name to the boot LUN once and rebuilds the initramfs once (seed 001:645-658)', () => {
      put('boot/grub/grub.cfg', 'linux /vmlinuz root=/dev/mapper/mpatha-part2 ro\n');
      put('boot-package');
      expect(run(script(), '/bin/bash').status).toBe(0);
      expect(run(script(), '/bin/bash').status).toBe(0);
      expect(conf()).toBe(`${FRIENDLY_NAMES_OFF}\nmultipaths {\n  multipath {\n    wwid "3624a9370f00dcafe"\n    alias "mpatha"\n  }\n}\n`);
      expect(log('initramfs.log')).toBe('-u -k all\n');
      expect(log('apt.log')).toBe('');
    });

    test('rebuilds the initramfs again when multipath.conf changes', () => {
      put('boot/grub/grub.cfg', 'linux /vmlinuz root=UUID=1234 ro\n');
      expect(run(script(), '/bin/bash').status).toBe(0);
      put('etc/multipath.conf', `${FRIENDLY_NAMES_OFF}# changed\n`);
      expect(run(script(), '/bin/bash').status).toBe(0);
      expect(log('initramfs.log')).toBe('-u -k all\n-u -k all\n');
    });

    test('fails loudly when GRUB boots from a friendly name but / is not on a multipath map', () => {
      put('boot/grub/grub.cfg', 'linux /vmlinuz root=/dev/mapper/mpathb-part1 ro\n');
      stub('dmsetup', 'echo "LVM-abc"');
      const r = run(script(), '/bin/bash');
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('add an alias for mpathb');
      expect(log('initramfs.log')).toBe('');
    });
  });
});
