import { FindingLevel } from '../../lib/palette';
import { DEP_001, DEP_002, DEP_003, DEP_004, DEP_005, DEP_006, DEP_007, DEP_008, VMO_RULES } from '../../lib/rules';
import { STRICT_SEMVER } from '../../lib/rules/deploy/dep-006-profile-versions';
import { VmoSiteProps } from '../../lib';
import { check, findings, levelOf, model, patched, props, RA } from './fixtures';

/** The RA site with its MAAS side: two AZs, the RA's resource pools. */
const MAAS: VmoSiteProps = props({ maas: { domain: 'metal.example.com', cloudAccount: 'maas-dc1', availabilityZones: ['rack-1', 'rack-2'] } });
const maas = (m: Partial<NonNullable<VmoSiteProps['maas']>>, more: Partial<VmoSiteProps> = {}): VmoSiteProps => ({
  ...MAAS,
  ...more,
  maas: { ...(MAAS.maas as NonNullable<VmoSiteProps['maas']>), ...m },
});

describe('the deployment rules on sites', () => {
  test('the RA site with maas has no deployment error or warning: the two checklist items only', () => {
    const f = findings(MAAS).filter((x) => x.ruleId.startsWith('DEP-'));
    expect(f.map((x) => `${x.level} ${x.ruleId} ${x.location}`)).toEqual(['info DEP-004 maas', 'info DEP-005 network.mgmt.cidr']);
  });

  test('a site without maas gets no deployment finding (it writes no cluster definition)', () => {
    expect(findings(RA).filter((x) => x.ruleId.startsWith('DEP-'))).toEqual([]);
  });

  test('the MAAS rules do not apply to a site without maas (the book lists them as not applicable); DEP-006 applies to every site', () => {
    const without = model(RA);
    const withMaas = model(MAAS);
    expect(VMO_RULES.filter((r) => r.appliesTo?.(without) === false).map((r) => r.id)).toEqual(['DEP-001', 'DEP-002', 'DEP-003', 'DEP-004', 'DEP-005', 'DEP-007', 'DEP-008']);
    expect(VMO_RULES.filter((r) => r.appliesTo?.(withMaas) === false)).toEqual([]);
  });
});

describe('DEP-001 availability zones', () => {
  test('fails without availability zones, at the setting to fill in, once for the pools sharing it', () => {
    const v = check(DEP_001, maas({ availabilityZones: undefined }));
    expect(v).toEqual([
      {
        location: 'maas.availabilityZones',
        message:
          "machine pools control-plane-pool and worker-pool have no availability zone, and Palette 4.7.13 and later refuse MAAS pools without one: set maas.availabilityZones to the MAAS zones of the racks or rooms the pools span (MAAS names its built-in zone 'default'); changing them later repaves the pools",
      },
    ]);
    expect(levelOf(DEP_001, v[0])).toBe(FindingLevel.ERROR);
  });

  test('fails naming every pool without zones, not only the first: one finding per setting to fill in', () => {
    const pools = [{ name: 'gpu', count: 2 }, { name: 'general', count: 2 }, { name: 'edge', count: 1, availabilityZones: [] }];
    const v = check(DEP_001, maas({ availabilityZones: undefined, controlPlane: { availabilityZones: ['rack-1'] }, workerPools: pools }));
    expect(v.map((x) => [x.location, x.message.replace(/, and Palette.*$/, '')])).toEqual([
      ['maas.availabilityZones', 'machine pools gpu and general have no availability zone'],
      ['maas.workerPools[2].availabilityZones', 'machine pool edge has no availability zone'],
    ]);
    expect(v[1].message).toContain('set maas.workerPools[2].availabilityZones to the MAAS zones of the racks or rooms the pool spans');
  });

  test('fails at a pool that overrides the zones with none; passes when every pool has its own', () => {
    expect(check(DEP_001, maas({ workerPools: [{ name: 'w', count: 5, availabilityZones: [] }] })).map((v) => v.location)).toEqual(['maas.workerPools[0].availabilityZones']);
    expect(check(DEP_001, maas({ availabilityZones: undefined, controlPlane: { availabilityZones: ['a'] }, workerPools: [{ name: 'w', count: 5, availabilityZones: ['b'] }] }))).toEqual([]);
  });
});

describe('DEP-002 control-plane pool', () => {
  test('passes with 3 and 5', () => {
    expect(check(DEP_002, MAAS)).toEqual([]);
    expect(check(DEP_002, maas({}, { nodes: { controlPlane: 5 } }))).toEqual([]);
  });

  test('fails with 1 and 4 control-plane nodes, as an error', () => {
    const one = check(DEP_002, maas({}, { nodes: { controlPlane: 1 } }));
    expect(one).toEqual([
      { location: 'nodes.controlPlane', message: "the control-plane pool control-plane-pool deploys 1 node: one etcd member is lost with its node; deploy 3 (the RA's), 5 or another odd number" },
    ]);
    expect(levelOf(DEP_002, one[0])).toBe(FindingLevel.ERROR);
    expect(check(DEP_002, maas({}, { nodes: { controlPlane: 4 } }))[0].message).toContain('deploys 4 nodes: an even etcd membership');
  });

  test('leaves a malformed count to CAP-002', () => {
    expect(check(DEP_002, maas({}, { nodes: { controlPlane: 0 } }))).toEqual([]);
    expect(findings(maas({}, { nodes: { controlPlane: 0 } })).filter((f) => f.level === 'error').map((f) => f.ruleId)).toContain('CAP-002');
  });
});

describe('DEP-003 pool sizes match nodes', () => {
  test('passes when the worker pools add up to nodes.workers', () => {
    expect(check(DEP_003, maas({ workerPools: [{ name: 'a', count: 3 }, { name: 'b', count: 2 }] }))).toEqual([]);
  });

  test('fails when they do not, naming each pool', () => {
    expect(check(DEP_003, maas({ workerPools: [{ name: 'a', count: 3 }, { name: 'b', count: 3 }] }))).toEqual([
      {
        location: 'maas.workerPools',
        message:
          'the worker pools deploy 6 nodes (a 3 + b 3) but nodes.workers is 5, which the profiles are sized for (Portworx maxStorageNodes, the pod CIDR): make the pool counts add up to nodes.workers',
      },
    ]);
  });

  test('fails on a pool count that is not a whole number of at least 1', () => {
    expect(check(DEP_003, maas({ workerPools: [{ name: 'a', count: 0 }, { name: 'b', count: 5 }] }))).toEqual([
      { location: 'maas.workerPools[0].count', message: "machine pool a count '0' is not a whole number of at least 1: give the number of nodes in the pool" },
    ]);
  });
});

describe('DEP-004 erase disks on release (checklist)', () => {
  test('reports the MAAS setting to keep disabled, as information', () => {
    const v = check(DEP_004, MAAS);
    expect(v).toHaveLength(1);
    expect(v[0].message).toContain(`"Erase nodes' disks prior to releasing" disabled`);
    expect(v[0].message).toContain('FlashArray LUNs');
    expect(levelOf(DEP_004, v[0])).toBe(FindingLevel.INFO);
  });

  test('fails to name FlashArray LUNs on Longhorn and Rook-Ceph: it names what each keeps on non-OS disks (seed 000)', () => {
    const message = (storage: NonNullable<VmoSiteProps['storage']>) => check(DEP_004, maas({}, { storage }))[0]?.message ?? '';
    expect(message({ backend: 'longhorn', longhorn: { dataPath: '/mnt/data' } })).toMatch(
      /an erase would wipe the Longhorn replicas in \/mnt\/data, which Longhorn then rebuilds from the other nodes in a rebuild storm$/,
    );
    expect(message({ backend: 'longhorn' })).toMatch(
      /an erase would wipe Longhorn replicas kept on non-OS disks, which Longhorn then rebuilds from the other nodes in a rebuild storm \(this site keeps them in \/var\/lib\/longhorn\/ on the OS disk: storage.longhorn.dataPath moves them to a data disk\)$/,
    );
    expect(message({ backend: 'rook-ceph' })).toMatch(/an erase would wipe the Ceph OSD disks, whose data Ceph then rebalances onto the other nodes$/);
    for (const b of ['longhorn', 'rook-ceph'] as const) expect(message({ backend: b })).not.toContain('FlashArray');
  });

  test('names the non-OS disks of a storage layer that does not describe them', () => {
    const other = patched((m) => ({ storage: m.storage && { ...m.storage, product: 'Piraeus', nonOsDisks: undefined } }), MAAS);
    expect(check(DEP_004, other)[0].message).toMatch(/an erase would wipe the non-OS disks Piraeus keeps its data on$/);
  });
});

describe('DEP-005 preferred subnet', () => {
  test('tells multi-NIC sites to apply the ConfigMap the site writes, with the mgmt subnet', () => {
    for (const layout of ['four-nic', 'two-nic'] as const) {
      const v = check(DEP_005, { ...MAAS, network: { ...MAAS.network, layout } });
      expect(v).toHaveLength(1);
      expect(v[0].message).toContain('apply deploy/maas-preferred-subnet.yaml');
      expect(v[0].message).toContain('preferredSubnets "172.16.0.0/22"');
      expect(levelOf(DEP_005, v[0])).toBe(FindingLevel.INFO);
    }
  });

  test('fails as a warning when a cluster definition for multi-NIC hosts names no preferred subnet', () => {
    const m = patched((x) => ({ cluster: x.cluster ? { ...x.cluster, preferredSubnets: [] } : undefined }), MAAS);
    const v = DEP_005.check(m);
    expect(v.map((x) => [x.location, levelOf(DEP_005, x)])).toEqual([['network.mgmt.cidr', FindingLevel.WARNING]]);
    expect(v[0].message).toContain('create ConfigMap maas-preferred-subnet in jet-system');
  });
});

describe('DEP-006 profile versions are strict SemVer', () => {
  test('accepts what Palette accepts', () => {
    for (const v of ['1.7.0', '0.0.1', '1.7.1-pwx', '2.0.0-rc.1', '10.20.30-alpha.beta-1']) expect(STRICT_SEMVER.test(v)).toBe(true);
  });

  test('refuses leading zeros, empty pre-release identifiers, build metadata and the docs examples', () => {
    for (const v of ['01.7.0', '1.07.0', '1.7.0-01', '1.7.0-rc..1', '1.7.0+build.5', '2.2.2.develop', 'b0.0.1', 'v1.2', '1.2']) expect(STRICT_SEMVER.test(v)).toBe(false);
  });

  test('fails a site whose profile version the construct lets through but Palette refuses, once per version', () => {
    const v = check(DEP_006, props({ profileVersion: '1.7.0+build.5' }));
    expect(v).toEqual([
      {
        location: 'profileVersion',
        message:
          "profile VMO-RA-Full version '1.7.0+build.5' is not strict SemVer, which Palette requires: write major.minor.patch with an optional -prerelease, no leading zeros and no +build, e.g. '1.7.1' or '1.7.1-pwx'",
      },
    ]);
    expect(check(DEP_006, RA)).toEqual([]);
  });
});

describe('DEP-007 well-formed MAAS settings', () => {
  test('passes the full set of settings', () => {
    expect(
      check(
        DEP_007,
        maas({
          ntpServers: ['ntp.example.com', '10.0.0.1'],
          sshKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIC0ffee0000000000000000000000000000000000000 ops@example.com'],
          timeZone: 'America/New_York',
          backup: { location: 'minio', schedule: '0 1 * * *', expiryHours: 168 },
          scans: { configuration: '0 0 * * SUN', penetration: '*/30 2 * * 1-5', conformance: '0 0 1 * *' },
          workerPools: [{ name: 'a', count: 5, nodeTags: ['fc'] }],
        }),
      ),
    ).toEqual([]);
  });

  test('fails each malformed setting at its path', () => {
    const v = check(
      DEP_007,
      maas({
        domain: 'metal_example..com',
        cloudAccount: ' ',
        timeZone: 'Mars/Olympus',
        ntpServers: ['ntp example'],
        backup: { location: 'a<b>', schedule: '0 1 * *', expiryHours: 0, prefix: '' },
        scans: { configuration: 'weekly', penetration: '0 0 * * SUN', conformance: '0 0 1 * *' },
        controlPlane: { resourcePool: '', minCpu: 0, minMemoryMiB: 512 },
        workerPools: [
          { name: 'Workers', count: 3, nodeTags: [''] },
          { name: 'b', count: 1, availabilityZones: ['z', 'z'] },
          { name: 'b', count: 1 },
        ],
      }),
    );
    expect(v.map((x) => x.location)).toEqual([
      'maas.domain',
      'maas.cloudAccount',
      'maas.timeZone',
      'maas.ntpServers[0]',
      'maas.backup.location',
      'maas.backup.schedule',
      'maas.backup.expiryHours',
      'maas.backup.prefix',
      'maas.scans.configuration',
      'maas.controlPlane.resourcePool',
      'maas.controlPlane.minCpu',
      'maas.controlPlane.minMemoryMiB',
      'maas.workerPools[0].name',
      'maas.workerPools[0].nodeTags',
      'maas.workerPools[1].availabilityZones',
      'maas.workerPools[2].name',
    ]);
    expect(v.find((x) => x.location === 'maas.timeZone')?.message).toBe("time zone 'Mars/Olympus' is not an IANA time zone: use one such as Europe/Amsterdam or UTC");
  });

  test('fails a time zone in the wrong case, which Go refuses, and names the right one', () => {
    expect(check(DEP_007, maas({ timeZone: 'europe/amsterdam' }))[0].message).toBe(
      "time zone 'europe/amsterdam' is written in the wrong case: write 'Europe/Amsterdam'",
    );
    expect(check(DEP_007, maas({ timeZone: 'UTC' }))).toEqual([]);
  });

  test('fails a private key given as an SSH key without echoing it', () => {
    const key = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----';
    const v = check(DEP_007, maas({ sshKeys: ['not a key', key] }));
    expect(v.map((x) => x.location)).toEqual(['maas.sshKeys[0]', 'maas.sshKeys[1]']);
    expect(v[1].message).toContain('this is a private key');
    expect(JSON.stringify(v)).not.toContain('b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ');
  });
});

describe('DEP-008 delegated domain', () => {
  test("passes a subzone; warns about MAAS's bare maas domain and single labels", () => {
    expect(check(DEP_008, MAAS)).toEqual([]);
    for (const domain of ['maas', 'dc1.maas', 'metal']) {
      const v = check(DEP_008, maas({ domain }));
      expect(v.map((x) => [x.location, levelOf(DEP_008, x)])).toEqual([['maas.domain', FindingLevel.WARNING]]);
      expect(v[0].message).toContain('delegate a subzone such as metal.example.com');
    }
  });
});
