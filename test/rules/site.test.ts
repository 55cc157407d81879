import * as fc from 'fast-check';
import { isValidationError } from '../../lib/palette';
import { VmoSiteProps } from '../../lib/model/site-props';
import { VMO_RULES } from '../../lib/rules';
import { findings, RA, site, TWO_NIC, TWO_NIC_VM_ON_DATA_VLAN } from './fixtures';

describe('VMO_RULES', () => {
  test('holds every catalog group once, ordered by id, each with a description and a source', () => {
    const ids = VMO_RULES.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([
      'CAP-001', 'CAP-002', 'CAP-003', 'CAP-004',
      'DEP-001', 'DEP-002', 'DEP-003', 'DEP-004', 'DEP-005', 'DEP-006', 'DEP-007', 'DEP-008',
      'NET-001', 'NET-002', 'NET-003', 'NET-004', 'NET-005', 'NET-006', 'NET-007', 'NET-008', 'NET-009', 'NET-010', 'NET-011',
      'PAL-005', 'PAL-010',
      'SEC-003', 'SEC-005',
      'STO-001', 'STO-002', 'STO-003', 'STO-004', 'STO-005', 'STO-006', 'STO-007', 'STO-008', 'STO-009', 'STO-010', 'STO-011', 'STO-012',
      'VLAN-001', 'VLAN-002', 'VLAN-003', 'VLAN-004', 'VLAN-005', 'VLAN-006', 'VLAN-007', 'VLAN-008', 'VLAN-009', 'VLAN-010',
    ]);
    for (const r of VMO_RULES) {
      expect(r.description.length).toBeGreaterThan(10);
      expect(r.source).toMatch(/seed|rules-catalog|DESIGN|pack-values|pack\.json|field report|deploy\.md/);
    }
  });
});

describe('valid sites', () => {
  test('the RA four-NIC site has no error and no warning: its own default CIDRs get an info, and its capacity is reported', () => {
    const f = findings(RA);
    expect(f.filter((x) => x.level === 'error')).toEqual([]);
    expect(f.map((x) => `${x.level} ${x.ruleId}`)).toEqual(['info CAP-001', 'info CAP-003', 'info NET-008']);
  });

  test('the two-NIC site (VMs on 21-100, clear of bond0.10 and bond0.20) has no error', () => {
    expect(findings(TWO_NIC).filter((x) => x.level === 'error')).toEqual([]);
  });

  test('the two-NIC site with the data VLAN on br0 (NAD VLAN 20 allowed) has no error, only the shared-VLAN warning', () => {
    const f = findings(TWO_NIC_VM_ON_DATA_VLAN);
    expect(f.filter((x) => x.level === 'error')).toEqual([]);
    expect(f.filter((x) => x.level === 'warning').map((x) => x.ruleId)).toEqual(['VLAN-008', 'VLAN-008']);
  });

  test('the RA site as the app checks it (profile checks, output checks, VMO rules) has no error-level finding', () => {
    expect(site(RA).check().filter((x) => x.level === 'error')).toEqual([]);
  });
});

describe('robustness: building and checking a site never throws but a ValidationError', () => {
  /** Builds, renders and checks a site; a thrown error must be a user error (ValidationError), never a bug. */
  const checkAll = (p: VmoSiteProps) => {
    try {
      return site(p).check();
    } catch (e) {
      expect(isValidationError(e)).toBe(true);
      return [];
    }
  };

  test('a site with every field malformed gets findings, not exceptions', () => {
    const f = checkAll({
      ...RA,
      kubernetes: { podCidr: '100.64.0.0/99', serviceCidr: 'none', version: 'x', maxPodsPerNode: NaN, nodePodCidrPrefix: -1 },
      nodes: { controlPlane: NaN, workers: -3 },
      network: { layout: 'four-nic', mgmt: { vlan: NaN, cidr: '' }, data: { vlan: 0, cidr: '10.20.30.0/16', gateway: 'gw' }, bondMode: 'bogus' as 'broadcast', vmBridge: 'bond_mgmt' },
      vmVlans: '',
      loadBalancer: { pools: [{ name: 'p', addresses: ['', '1-2', '10.0.0.0/8'] }] },
      storage: { portworx: { version: '', replication: NaN, maxStorageNodes: NaN, deviceSizeGiB: NaN, flashArrays: [] } },
      vmo: { allowedVlansOnSelf: '0-0', allowVlansOnSelf: true, privateCa: { configMapName: '' } },
      cilium: { podNetworking: 'native', ipv4NativeRoutingCidr: '::1/128' },
      templates: { networks: [{ vlan: -1 }] },
    });
    const ids = new Set(f.filter((x) => x.level === 'error').map((x) => x.ruleId));
    for (const id of ['SITE-001', 'NET-001', 'VLAN-001', 'VLAN-006', 'CAP-002']) expect(ids).toContain(id);
    const settings = f.filter((x) => x.ruleId === 'SITE-001').map((x) => x.location);
    expect(settings).toEqual(expect.arrayContaining(['site ra: network.bondMode', 'site ra: storage', 'site ra: templates.networks']));
  });

  test('arbitrary strings in address and VLAN fields and arbitrary counts never make a build, render or rule throw', () => {
    const text = fc.oneof(fc.string(), fc.constantFrom('10.0.0.0/8', '10.20.30.0/16', '1.2.3.4', '1.2.3.4-1.2.3.1', '21-100', '0', '4095', '1,2,,3'));
    const count = fc.oneof(fc.integer({ min: -5, max: 600 }), fc.double(), fc.constant(NaN));
    fc.assert(
      fc.property(text, text, text, text, text, text, count, count, count, (pod, service, data, gateway, pool, vlans, cp, workers, prefix) => {
        checkAll({
          ...RA,
          kubernetes: { podCidr: pod, serviceCidr: service, nodePodCidrPrefix: prefix },
          nodes: { controlPlane: cp, workers },
          network: { ...RA.network, data: { vlan: 20, cidr: data, gateway } },
          vmVlans: vlans,
          loadBalancer: { pools: [{ name: 'p', addresses: [pool] }] },
          vmo: { allowedVlansOnSelf: vlans },
        });
      }),
      { numRuns: 60, seed: 20261201 },
    );
  });
});
