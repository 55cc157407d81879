import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative, sep } from 'path';
import { isDnsDomainName, isDnsHostName, isDnsLabel, isDnsSubdomain, WILDCARD_HOST_NAME_REGEX } from '../../lib/common/dns-names';
import { compareIpAddresses, isIpAddress, parseIpCidr } from '../../lib/common/ip-address';
import { checkInterfaceName, interfaceNameProblem } from '../../lib/common/interface-name';
import { MetalLbAdvertisement } from '../../lib/packs/metallb';
import { PortworxPack } from '../../lib/packs/portworx';
import { VirtualMachineOrchestratorPack } from '../../lib/packs/vmo';
import { ManifestLayer, PaletteApp, PaletteSite } from '../../lib/palette';
import { VlanNetwork, VlanTag } from '../../lib/templates';
import { REPO_ROOT, validationError } from '../helpers';
import { errorIds } from '../site/fixtures';
import { RA_SITE } from '../site/fixtures';

/*
 * Issue 10 item 5: knowledge in one place. One Linux interface-name check, one DNS-name module
 * and one address parser, all in lib/common; every construct uses them, and no copy creeps
 * back into lib/ (the grep below).
 */

const LIB = join(REPO_ROOT, 'lib');

/** Every .ts file under lib/, relative to the repository, with forward slashes. */
function libFiles(dir = LIB): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const path = join(dir, f);
      if (statSync(path).isDirectory()) return libFiles(path);
      return f.endsWith('.ts') ? [relative(REPO_ROOT, path).split(sep).join('/')] : [];
    });
}

/** `file:line: text` of every line outside lib/common matching one of the patterns. */
function strays(patterns: readonly (string | RegExp)[], allow: (file: string, line: string) => boolean = () => false): string[] {
  const found: string[] = [];
  for (const file of libFiles().filter((f) => !f.startsWith('lib/common/'))) {
    readFileSync(join(REPO_ROOT, file), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const hit = patterns.some((p) => (typeof p === 'string' ? line.includes(p) : p.test(line)));
        if (hit && !allow(file, line)) found.push(`${file}:${i + 1}: ${line.trim()}`);
      });
  }
  return found;
}

/**
 * The site JSON Schema's own copies: `@pattern` tags in site-props.ts, generated into schema/site.schema.json
 * and compiled into lib/site/site-schema-validator.ts (npm run schema; a test keeps both in step).
 */
const schemaPattern = (file: string, line: string) =>
  (file === 'lib/model/site-props.ts' && /^\s*\* @pattern /.test(line)) || file === 'lib/site/site-schema-validator.ts';

describe('no stray copies in lib/ (the common helpers are the only ones)', () => {
  test('addresses and CIDRs are parsed in lib/common only: no ipaddr.js import, no parseCIDR(', () => {
    expect(strays(["from 'ipaddr.js'", 'parseCIDR('])).toEqual([]);
  });

  test('DNS-name regexes live in lib/common/dns-names.ts only', () => {
    expect(strays(['[a-z0-9]([-a-z0-9]', '[a-z0-9]([a-z0-9-]', 'A-Za-z0-9]([A-Za-z0-9-]', '[-a-z0-9]*[a-z0-9]'], schemaPattern)).toEqual([]);
  });

  test('interface-name rules live in lib/common/interface-name.ts only', () => {
    expect(strays([/\{1,15\}|\{0,14\}/, /[^/]\/\^\[\^\/:/])).toEqual([]);
  });

  test('the greps find what they look for (a self-check)', () => {
    const line = "const x = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/; const [a] = ipaddr.parseCIDR(t);";
    expect(['[a-z0-9]([-a-z0-9]', 'parseCIDR('].every((p) => line.includes(p))).toBe(true);
    expect(/\{1,15\}|\{0,14\}/.test('/^[A-Za-z0-9_.-]{1,15}$/')).toBe(true);
    expect(/[^/]\/\^\[\^\/:/.test("const ok = /^[^/:\\s]+$/.test(name);")).toBe(true);
    expect(schemaPattern('lib/model/site-props.ts', '   * @pattern ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$')).toBe(true);
  });
});

describe('one Linux interface-name check (the kernel: IFNAMSIZ 16 with the NUL, dev_valid_name)', () => {
  const ACCEPTED = ['bond_mgmt.10', 'br0', 'eno1', 'a'.repeat(15), 'veth-Ab_1@if2', 'é'.repeat(7)];
  const REFUSED: [string, string][] = [
    ['', 'is empty'],
    ['a'.repeat(16), 'is longer than 15 bytes'],
    ['é'.repeat(8), 'is longer than 15 bytes'],
    ['.', "is '.'"],
    ['..', "is '..'"],
    ['bond/0', "holds '/', ':' or a space"],
    ['eth0:1', "holds '/', ':' or a space"],
    ['bond mgmt', "holds '/', ':' or a space"],
    ['bond\tmgmt', "holds '/', ':' or a space"],
  ];

  test('accepts what Linux accepts, refuses what it refuses', () => {
    for (const name of ACCEPTED) expect([name, interfaceNameProblem(name)]).toEqual([name, undefined]);
    for (const [name, problem] of REFUSED) expect([name, interfaceNameProblem(name)]).toEqual([name, problem]);
  });

  test('fails with one line naming the setting, the name, the rule and an example', () => {
    expect(validationError(() => checkInterfaceName('eth0:1', 'portworx dataInterface', 'bond_mgmt.10')).message).toBe(
      "portworx dataInterface 'eth0:1' is not a Linux interface name (it holds '/', ':' or a space): use 1-15 characters without '/', ':' or spaces, not '.' or '..' (the Linux kernel's rules), e.g. 'bond_mgmt.10'",
    );
  });

  /** Each construct that takes an interface name, building with `name`. */
  const site = () => new PaletteSite(new PaletteApp({ outdir: '/nonexistent' }), 'names');
  const USERS: [string, (name: string) => unknown][] = [
    ['VM network bridge', (name) => new VlanNetwork(new ManifestLayer(site(), 'l'), 'n', { vlan: VlanTag.of(30), bridge: name })],
    ['Portworx dataInterface', (name) => new PortworxPack(site(), 'px', { flashArrays: [{ mgmtEndpoint: '172.16.200.50' }], maxStorageNodes: 5, dataInterface: name })],
    ['MetalLB L2 interface', (name) => MetalLbAdvertisement.l2({ interfaces: [name] })],
    ['VMO VLAN filtering bridgeIF', (name) => new VirtualMachineOrchestratorPack(site(), 'vmo', { vlanFiltering: { bridgeIF: name } })],
  ];

  test.each(USERS)('%s: the same rule, the same words', (_, build) => {
    for (const name of ['bond_mgmt.10', 'veth-Ab_1@if2', 'a'.repeat(15)]) expect(() => build(name)).not.toThrow();
    for (const [name] of REFUSED) {
      const message = validationError(() => build(name)).message;
      expect([name, message]).toEqual([name, expect.stringContaining(`'${name}' is not a Linux interface name (it `)]);
      expect(message).not.toContain('\n');
    }
  });

  test('fails: a site file NIC name is refused by the same rule, at network.nics', () => {
    const nics = ['enp1s0', 'enp2s0', 'enp1s1', 'enp2:s1'];
    expect(errorIds({ ...RA_SITE, network: { ...RA_SITE.network, nics } })).toContainEqual(expect.stringMatching(/^SITE-001: .*'enp2:s1' not a Linux interface name: use 1-15 characters/));
    expect(errorIds({ ...RA_SITE, network: { ...RA_SITE.network, nics: ['enp1s0', 'enp2s0', 'enp1s1', 'ens1f0@x'] } })).toEqual([]);
  });
});

describe('one DNS-name module', () => {
  test('labels, subdomains, host names (wildcard) and domains', () => {
    expect(['a', 'a-b', 'a'.repeat(63)].every(isDnsLabel)).toBe(true);
    expect(['', 'A', '-a', 'a-', 'a.b', 'a'.repeat(64)].some(isDnsLabel)).toBe(false);
    expect(['a.b', 'px-vm.block', `${'a'.repeat(64)}.b`].every(isDnsSubdomain)).toBe(true);
    expect(['a..b', '.a', 'A.b', `${'a.'.repeat(126)}ab`].some(isDnsSubdomain)).toBe(false);
    expect(isDnsHostName('grafana.vmo.example.com')).toBe(true);
    expect(isDnsHostName(`${'a'.repeat(64)}.example.com`)).toBe(false);
    expect(isDnsHostName('*.example.com')).toBe(false);
    expect(isDnsHostName('*.example.com', { wildcard: true })).toBe(true);
    expect(isDnsHostName('*', { wildcard: true })).toBe(false);
    expect(isDnsDomainName('Metal.Example.com')).toBe(true);
    expect(isDnsDomainName('metal_example.com')).toBe(false);
    const regex = new RegExp(WILDCARD_HOST_NAME_REGEX);
    expect(['*.example.com', 'grafana.example.com'].every((h) => regex.test(h))).toBe(true);
    expect(['Grafana.example.com', '*.', 'a..b'].some((h) => regex.test(h))).toBe(false);
  });
});

describe('one address parser for both families', () => {
  test('strict IPv4, IPv6, CIDRs with host bits, ordering within a family', () => {
    expect(['10.20.30.1', 'fd00::1'].every(isIpAddress)).toBe(true);
    expect(['10.1', '0x0a.0.0.1', '10.20.30.256', 'host'].some(isIpAddress)).toBe(false);
    expect(parseIpCidr('10.20.30.0/24')).toEqual({ family: 'ipv4', prefix: 24, hostBitsSet: false, canonical: '10.20.30.0/24' });
    expect(parseIpCidr('10.20.30.5/24')).toMatchObject({ hostBitsSet: true, canonical: '10.20.30.0/24' });
    expect(parseIpCidr('fd00::5/64')).toEqual({ family: 'ipv6', prefix: 64, hostBitsSet: true, canonical: 'fd00::/64' });
    expect(parseIpCidr('10.1/8')).toBeUndefined();
    expect(compareIpAddresses('10.0.0.2', '10.0.0.10')).toBeLessThan(0);
    expect(compareIpAddresses('fd00::2', 'fd00::1')).toBeGreaterThan(0);
    expect(compareIpAddresses('10.0.0.1', 'fd00::1')).toBeUndefined();
  });
});
