import { CustomPart, KubeadmPart, UbuntuMaasPack } from '../../lib/packs/ubuntu';
import { validationError } from '../helpers';
import { newSite, TEST_CA2_PEM, TEST_CA_PEM, ubuntu } from './ubuntu-fixtures';

/** Asserts the input is refused (a ValidationError, or a failing validation of the layer) with every fragment in the message. */
function expectInvalid(build: () => unknown, ...fragments: string[]): void {
  const error = validationError(build);
  for (const f of fragments) expect(error.message).toContain(f);
}

describe('UbuntuMaasPack fails', () => {
  test('fails without a management CIDR', () => {
    expectInvalid(() => new UbuntuMaasPack(newSite(), 'u', {} as never), "management CIDR 'undefined'", '172.16.0.0/22');
  });

  test.each([
    ['172.16.0.0', 'is not an IPv4 CIDR'],
    ['172.16.0.0/33', 'is not an IPv4 CIDR'],
    ['172.16/22', 'is not an IPv4 CIDR'],
    ['fd00::/64', 'is not an IPv4 CIDR'],
    ['', 'is not an IPv4 CIDR'],
  ])("fails for management CIDR '%s'", (cidr, message) => {
    expectInvalid(() => ubuntu({ managementCidr: cidr }), `management CIDR '${cidr}'`, message, 'e.g. 172.16.0.0/22');
  });

  test('fails for a management CIDR with host bits set', () => {
    expectInvalid(() => ubuntu({ managementCidr: '172.16.1.0/22' }), 'management CIDR 172.16.1.0/22 has host bits set: use 172.16.0.0/22');
  });

  test('fails for a management CIDR not in canonical form', () => {
    expectInvalid(() => ubuntu({ managementCidr: '172.16.0.0/022' }), "'172.16.0.0/022'", 'write 172.16.0.0/22');
  });

  test.each(['palette ca', 'palette-ca.crt', '../ca', '', '-ca'])("fails for CA certificate name '%s'", (name) => {
    expectInvalid(() => ubuntu({ caCertificates: [{ name, pem: TEST_CA_PEM }] }), `CA certificate name '${name}' is invalid`, "'palette-ca'");
  });

  test('fails for a CA certificate name used twice', () => {
    expectInvalid(
      () => ubuntu({ caCertificates: [{ name: 'ca', pem: TEST_CA_PEM }, { name: 'ca', pem: TEST_CA2_PEM }] }),
      "CA certificate name 'ca' is used twice",
    );
  });

  test('fails for a CA certificate that is not PEM', () => {
    expectInvalid(() => ubuntu({ caCertificates: [{ name: 'ca', pem: 'MIIBrzCCAVWgAwIBAgIU' }] }), "CA certificate 'ca' is not a PEM certificate", 'BEGIN CERTIFICATE');
  });

  test('fails for a CA certificate entry with two certificates', () => {
    expectInvalid(() => ubuntu({ caCertificates: [{ name: 'chain', pem: TEST_CA_PEM + TEST_CA2_PEM }] }), "CA certificate 'chain' holds 2 certificates", 'its own entry');
  });

  test('fails for a damaged CA certificate', () => {
    const damaged = TEST_CA_PEM.replace('MIIBrzCCAVWgAwIBAgIU', 'MIIBrzCCAVWgAwIBAgIV').replace(/\n[A-Za-z0-9+/]{64}\n/, '\n');
    expectInvalid(() => ubuntu({ caCertificates: [{ name: 'ca', pem: damaged }] }), "CA certificate 'ca' cannot be parsed", 'complete, unmodified PEM');
  });

  test.each(['pause', 'registry.k8s.io/pause', 'bad image:1'])("fails for containerd sandbox image '%s'", (image) => {
    expectInvalid(() => ubuntu({ containerd: { sandboxImage: image } }), `containerd sandbox image '${image}' is invalid`, 'registry.k8s.io/pause:3.9');
  });

  test('fails for the SAN boot alias script without multipath', () => {
    expectInvalid(() => ubuntu({ pureFlashArray: { multipath: false, sanBootAliasScript: true } }), 'sanBootAliasScript', 'turn multipath on or the script off');
  });

  test.each([0, 65536, 9024.5])('fails for mountd port %s', (port) => {
    expectInvalid(() => ubuntu({ nfs: { mountdPort: port } }), `mountd port ${port} is invalid`, '1 to 65535');
  });

  test.each([
    ['', 'is empty'],
    ['0-', "malformed entry '0-'"],
    ['a', "malformed entry 'a'"],
    ['0,,2', "malformed entry ''"],
    ['7-0', "runs backwards: write the lower core first (0-7)"],
    ['0-9000', 'CPU core 9000'],
  ])("fails for CPU cores '%s'", (cores, message) => {
    expectInvalid(() => ubuntu({ workerTuning: { cpuCores: cores } }), `'${cores}'`, message);
  });

  test.each([0, 2.5, -1])('fails for worker CPU count %s', (workerCpus) => {
    expectInvalid(() => ubuntu({ workerTuning: { workerCpus } }), `worker CPU count ${workerCpus} is invalid`, 'at least 1');
  });

  test.each([0, 2.5, -1])('fails for maxPods %s (how many fit the node block is the site rule NET-004)', (maxPods) => {
    expectInvalid(() => ubuntu({ workerTuning: { maxPods } }), `maxPods ${maxPods} is invalid`, 'at least 1');
  });

  test.each([
    ['systemReservedMemoryMiB', 0],
    ['kubeReservedMemoryMiB', -512],
    ['evictionHardMemoryMiB', 100.5],
  ])('fails for %s %s', (prop, value) => {
    expectInvalid(() => ubuntu({ workerTuning: { [prop]: value } }), `${prop} ${value} is invalid`, 'MiB');
  });

  test.each([
    ['etc/motd', 'use an absolute file path'],
    ['/etc/my file', 'use an absolute file path'],
    ['/etc/motd.d/', 'use an absolute file path'],
    ['/etc/../root/x', "write it as '/root/x'"],
    ['/etc//motd', "write it as '/etc/motd'"],
  ])("fails for custom file path '%s'", (path, message) => {
    expectInvalid(() => new CustomPart({ files: [{ targetPath: path, content: 'x' }] }), `file path '${path}' of part 'custom'`, message);
  });

  test.each(['644', '0844', '0o644', 'rw-r--r--'])("fails for custom file permissions '%s'", (perms) => {
    expectInvalid(() => new CustomPart({ files: [{ targetPath: '/etc/motd', content: 'x', targetPermissions: perms }] }), `file permissions '${perms}'`, "'0644'");
  });

  test("fails for custom file owner 'root root'", () => {
    expectInvalid(() => new CustomPart({ files: [{ targetPath: '/etc/motd', content: 'x', targetOwner: 'root root' }] }), "file owner 'root root'", "'root:root'");
  });

  test('fails for a custom package name', () => {
    expectInvalid(() => new CustomPart({ packages: ['chrony; reboot'] }), "package name 'chrony; reboot'", "'nfs-common'");
  });

  test('fails for an empty custom command', () => {
    expectInvalid(() => new CustomPart({ name: 'site-x', preKubeadmCommands: ['  '] }), "part 'site-x' has an empty command");
  });

  test("fails for custom part name 'Site X'", () => {
    expectInvalid(() => new CustomPart({ name: 'Site X' }), "part name 'Site X' is invalid");
  });

  test('fails for a custom part writing a file an RA part writes', () => {
    const clash = new CustomPart({ name: 'my-multipath', files: [{ targetPath: '/etc/multipath.conf', content: 'defaults {}\n' }] });
    expectInvalid(() => ubuntu({ extraParts: [clash] }), "file '/etc/multipath.conf' is written by parts 'multipath' and 'my-multipath'");
  });

  test('fails for an extra part of any kind with invalid output', () => {
    const own: KubeadmPart = { name: 'motd', render: () => ({ files: [{ targetPath: '/etc/motd', content: 'x', targetPermissions: '644' }] }) };
    expectInvalid(() => ubuntu({ extraParts: [own] }), "file permissions '644' of '/etc/motd' (part 'motd')");
  });
});
