import { FindingLevel } from '../../lib/palette';
import { VLAN_001, VLAN_002, VLAN_003, VLAN_004, VLAN_005, VLAN_006, VLAN_007, VLAN_008, VLAN_009, VLAN_010 } from '../../lib/rules';
import { check, levelOf, patched, props, site, TWO_NIC, TWO_NIC_VM_ON_DATA_VLAN } from './fixtures';

const ERROR = FindingLevel.ERROR;

describe('VLAN-001 VLAN ids and lists', () => {
  test('passes on the RA site and both two-NIC layouts', () => {
    expect(check(VLAN_001)).toEqual([]);
    expect(check(VLAN_001, TWO_NIC)).toEqual([]);
    expect(check(VLAN_001, TWO_NIC_VM_ON_DATA_VLAN)).toEqual([]);
  });

  test('fails on ids out of range and malformed lists, naming the value', () => {
    const v = check(
      VLAN_001,
      props({
        network: { mgmt: { vlan: 5000, cidr: '172.16.0.0/22' } },
        vmVlans: '21-5000',
        vmo: { allowedVlansOnSelf: '1,x' },
      }),
    );
    const byLocation = Object.fromEntries(v.map((x) => [x.location, x.message]));
    expect(byLocation['network.mgmt.vlan']).toBe(
      "mgmt VLAN '5000' is not a VLAN id: the mgmt network is a tagged subinterface, so use a whole number from 1 to 4094 (the RA uses 10)",
    );
    expect(byLocation.vmVlans).toBe("vmVlans: VLAN id 5000 in '21-5000' is out of range: VLAN ids are whole numbers from 1 to 4094");
    expect(byLocation['vmo.allowedVlansOnSelf']).toContain("has a malformed entry 'x'");
    expect(v.every((x) => levelOf(VLAN_001, x) === ERROR)).toBe(true);
  });

  test('fails on a VM network VLAN the networking layer refuses, at the setting', () => {
    const f = site(props({ templates: { networks: [{ vlan: 0, name: 'native' }] } })).check().filter((x) => x.level === 'error');
    expect(f.map((x) => [x.ruleId, x.location])).toEqual([['SITE-001', 'site ra: templates.networks']]);
    expect(f[0].message).toContain('VLAN id 0 is out of range');
  });

  test('fails on a backwards range and on two networks with one VLAN on the same bond', () => {
    expect(check(VLAN_001, props({ vmVlans: '100-21' }))[0].message).toContain("VLAN range '100-21' in '100-21' runs backwards");
    const v = check(VLAN_001, { ...TWO_NIC, network: { ...TWO_NIC.network, data: { vlan: 10, cidr: '10.20.0.0/16', gateway: '10.20.30.1' } } });
    expect(v).toEqual([
      {
        location: 'network.data.vlan',
        message: 'the mgmt and data networks both use VLAN 10 on the same bond (two-nic layout): give each network its own VLAN (the RA uses 0 native for PXE, 10 for mgmt, 20 for data)',
      },
    ]);
  });
});

describe('VLAN-002 VLANs captured by the bond under br0', () => {
  test('passes on the RA site and on both two-NIC layouts with VM VLANs that exclude the captured VLANs', () => {
    expect(check(VLAN_002)).toEqual([]);
    expect(check(VLAN_002, TWO_NIC)).toEqual([]);
    expect(check(VLAN_002, TWO_NIC_VM_ON_DATA_VLAN)).toEqual([]);
  });

  test('fails on two-nic when VM VLANs include 10 and 20, naming the subinterfaces and the fix', () => {
    const v = check(VLAN_002, { ...TWO_NIC, vmVlans: '10-100' });
    expect(v.map((x) => x.message)).toEqual([
      "vmVlans '10-100' includes VLAN 10: VLAN 10 is taken by the subinterface bond0.10 of bond0, which carries br0, so its traffic never reaches the bridge; " +
        "remove it (e.g. '11-19,21-100'), or use the two-nic-vm-on-data-vlan layout to put the data VLAN on the bridge",
      expect.stringContaining("vmVlans '10-100' includes VLAN 20: VLAN 20 is taken by the subinterface bond0.20 of bond0"),
    ]);
    expect(levelOf(VLAN_002, v[0])).toBe(ERROR);
  });

  test('fails on a NAD for a captured VLAN, also on the four-NIC data bond', () => {
    const nad = check(VLAN_002, { ...TWO_NIC, templates: { networks: [{ vlan: 20 }] } });
    expect(nad).toEqual([
      expect.objectContaining({ location: 'templates.networks[vlan-20]', message: expect.stringContaining("VM network 'vlan-20' (NAD) uses VLAN 20: VLAN 20 is taken by the subinterface bond0.20") }),
    ]);
    const four = check(VLAN_002, props({ vmVlans: '20-100' }));
    expect(four[0].message).toContain("vmVlans '20-100' includes VLAN 20: VLAN 20 is taken by the subinterface bond_data.20 of bond_data, which carries br0");
  });
});

describe('VLAN-003 NAD VLANs inside vmVlans', () => {
  test('passes on the RA site (NAD vlan-30 inside 21-100)', () => {
    expect(check(VLAN_003)).toEqual([]);
    expect(check(VLAN_003, TWO_NIC_VM_ON_DATA_VLAN)).toEqual([]);
  });

  test('fails on a NAD outside vmVlans', () => {
    const v = check(VLAN_003, props({ templates: { networks: [{ vlan: 30 }, { vlan: 200 }] } }));
    expect(v).toEqual([
      {
        location: 'templates.networks[vlan-200]',
        message: "VM network 'vlan-200' (NAD) uses VLAN 200, which is not in vmVlans '21-100': the VLAN-aware bridge drops it; add it to vmVlans (e.g. '21-100,200') or use a VLAN inside the range",
      },
    ]);
    expect(levelOf(VLAN_003, v[0])).toBe(ERROR);
  });
});

describe('VLAN-004 VLANs on br0 itself', () => {
  test('passes on the RA site (br0 bare) and on the derived two-NIC settings', () => {
    expect(check(VLAN_004)).toEqual([]);
    expect(check(VLAN_004, TWO_NIC)).toEqual([]);
    expect(check(VLAN_004, TWO_NIC_VM_ON_DATA_VLAN)).toEqual([]);
  });

  test('fails when br0 has an address but allowVlansOnSelf is off', () => {
    const v = check(VLAN_004, { ...TWO_NIC, vmo: { allowVlansOnSelf: false } });
    expect(v).toEqual([
      {
        location: 'vmo.allowVlansOnSelf',
        message: "allowVlansOnSelf is false but br0 has an address (192.168.0.0/22): set it to true with allowedVlansOnSelf '1,21-100'",
      },
    ]);
    expect(levelOf(VLAN_004, v[0])).toBe(ERROR);
  });

  test('fails when allowedVlansOnSelf misses VLAN 1, the br0 VLANs or the VM VLANs', () => {
    // The VMO layer adds the VM VLANs to the host's list it is given (RA rev 1.7), so what it writes misses VLAN 1 only.
    const v = check(VLAN_004, { ...TWO_NIC_VM_ON_DATA_VLAN, vmo: { allowedVlansOnSelf: '30' } });
    expect(v).toEqual([
      {
        location: 'vmo.allowedVlansOnSelf',
        message: "allowedVlansOnSelf '20-100' misses VLAN 1 (br0 has an address): the VLAN-aware bridge would drop them; use '1,20-100'",
      },
    ]);
  });
});

describe('VLAN-005 bond mode under br0', () => {
  test('passes with 802.3ad (RA), active-backup and balance-xor', () => {
    expect(check(VLAN_005)).toEqual([]);
    expect(check(VLAN_005, props({ network: { bondMode: 'active-backup' } }))).toEqual([]);
    expect(check(VLAN_005, props({ network: { bondMode: 'balance-xor' } }))).toEqual([]);
  });

  test('fails with balance-rr and balance-alb, naming the mode and the allowed ones', () => {
    const v = check(VLAN_005, { ...TWO_NIC, network: { ...TWO_NIC.network, bondMode: 'balance-rr' } });
    expect(v).toEqual([
      {
        location: 'network.bondMode',
        message: "bond bond0 under br0 uses mode 'balance-rr' (0): VLAN bridging supports only active-backup (1), balance-xor (2) or 802.3ad (4); use 802.3ad (the RA's recommendation)",
      },
    ]);
    expect(levelOf(VLAN_005, v[0])).toBe(ERROR);
    expect(check(VLAN_005, props({ network: { bondMode: 'balance-alb' } }))[0].message).toContain("bond bond_data under br0 uses mode 'balance-alb' (6)");
  });
});

describe('VLAN-006 the VM bridge is a bridge', () => {
  test('passes on the RA site', () => {
    expect(check(VLAN_006)).toEqual([]);
  });

  test('passes on a bridge of another name: the layout names its bridge after vmBridge', () => {
    expect(check(VLAN_006, props({ network: { vmBridge: 'br1' } }))).toEqual([]);
  });

  test('fails on the name of a bond or a VLAN interface of the layout', () => {
    const bond = check(VLAN_006, props({ network: { vmBridge: 'bond_data' } }));
    expect(bond).toEqual([
      { location: 'network.vmBridge', message: "VM bridge 'bond_data' is the name of the layout's bond interface: the Multus master must be a bridge of its own; name the bridge as the RA does: br0" },
    ]);
    expect(levelOf(VLAN_006, bond[0])).toBe(ERROR);
    expect(check(VLAN_006, props({ network: { vmBridge: 'bond_data.20' } }))[0].message).toContain("VM bridge 'bond_data.20' is the name of the layout's VLAN interface");
  });
});

describe('VLAN-007 Cilium bridge preset', () => {
  test('passes on the RA site (node address on bond_mgmt.10, autodetect)', () => {
    expect(check(VLAN_007)).toEqual([]);
    expect(check(VLAN_007, TWO_NIC_VM_ON_DATA_VLAN)).toEqual([]);
  });

  test('fails when the node address sits on br0 but Cilium autodetects', () => {
    const onBridge = (bridgeInterface: 'br0' | 'autodetect') =>
      patched((m) => ({ network: { ...m.network, mgmt: { ...m.network.mgmt, interface: 'br0' } }, cni: { bridgeInterface, forceDeviceDetection: true, podNetworking: 'vxlan' } }));
    const v = check(VLAN_007, onBridge('autodetect'));
    expect(v).toEqual([
      { location: 'cilium.bridgeInterface', message: `the node address sits on br0 itself but Cilium uses the 'autodetect' interface preset: use 'br0' ("Run Cilium on Bridge (br0)")` },
    ]);
    expect(levelOf(VLAN_007, v[0])).toBe(FindingLevel.WARNING);
    expect(check(VLAN_007, onBridge('br0'))).toEqual([]);
  });

  test('fails on the br0 preset when nodes are not on br0, and without forceDeviceDetection', () => {
    const v = check(VLAN_007, props({ cilium: { bridgeInterface: 'br0', forceDeviceDetection: false } }));
    expect(v.map((x) => x.message)).toEqual([
      `Cilium runs on the bridge ('br0' preset) but the node address sits on bond_mgmt.10, not br0: use 'autodetect' ("Autodetect Cilium Interface", the RA's choice)`,
      "the 'br0' Cilium preset with forceDeviceDetection false: control-plane nodes have no br0; set forceDeviceDetection to true (RA rev 1.7)",
    ]);
  });
});

describe('VLAN-008 dedicated data VLAN', () => {
  test('passes on the RA site and on two-nic', () => {
    expect(check(VLAN_008)).toEqual([]);
    expect(check(VLAN_008, TWO_NIC)).toEqual([]);
  });

  test('fails when VMs share the data VLAN (allowed by the layout, so a warning)', () => {
    const v = check(VLAN_008, TWO_NIC_VM_ON_DATA_VLAN);
    expect(v.map((x) => x.location)).toEqual(['vmVlans', 'templates.networks[vlan-20]']);
    expect(v[0].message).toBe(
      "vmVlans '20-100' includes the data VLAN 20, which MetalLB and the nodes use (it carries the default gateway 10.20.30.1): " +
        'the RA recommends a dedicated end-user access VLAN; remove 20 from vmVlans, or suppress VLAN-008 with a reason if VMs must share it',
    );
    expect(v.every((x) => levelOf(VLAN_008, x) === FindingLevel.WARNING)).toBe(true);
  });
});

describe('VLAN-009 PXE on a native VLAN', () => {
  test('passes on the RA site (PXE native)', () => {
    expect(check(VLAN_009)).toEqual([]);
  });

  test('fails (info) on a tagged PXE VLAN', () => {
    const v = check(VLAN_009, props({ network: { pxe: { vlan: 5, cidr: '192.168.0.0/22' } } }));
    expect(v).toEqual([
      {
        location: 'network.pxe.vlan',
        message: 'PXE runs on tagged VLAN 5 (bond_mgmt.5): booting needs UEFI PXE with a VLAN id and is fragile; prefer vlan 0 (native), or make 5 the native VLAN of the switchports',
      },
    ]);
    expect(levelOf(VLAN_009, v[0])).toBe(FindingLevel.INFO);
  });
});

describe('VLAN-010 VM VLANs on the bond under br0 (four NICs)', () => {
  test('passes on the RA site and on both two-NIC layouts', () => {
    expect(check(VLAN_010)).toEqual([]);
    expect(check(VLAN_010, TWO_NIC)).toEqual([]);
    expect(check(VLAN_010, TWO_NIC_VM_ON_DATA_VLAN)).toEqual([]);
  });

  // Seed 002:362-366: enp1s0/enp2s0 "Trunk (allowing 0, 10)", enp1s1/enp2s1 "Trunk (allowing 20–100)".
  test("fails on the management VLAN 10 as a VM VLAN and as a NAD on the four-NIC layout (seed 002:362-366)", () => {
    const v = check(VLAN_010, props({ vmVlans: '10,21-100', templates: { networks: [{ vlan: 10, name: 'mgmt-vms' }, { vlan: 30 }] } }));
    const why =
      "VLAN 10 is the host's bond_mgmt.10 on bond_mgmt (enp1s0, enp2s0), but VMs attach to br0 on bond_data (enp1s1, enp2s1), " +
      'whose switchports carry the data and VM VLANs only (RA: data NICs "Trunk (allowing 20–100)")';
    expect(v).toEqual([
      { location: 'vmVlans', message: `vmVlans '10,21-100' includes VLAN 10: ${why}; remove it (e.g. '21-100')` },
      { location: 'templates.networks[mgmt-vms]', message: `VM network 'mgmt-vms' (NAD) uses VLAN 10: ${why}; delete the network or pick a VM VLAN` },
    ]);
    expect(levelOf(VLAN_010, v[0])).toBe(ERROR);
  });

  test('fails on a tagged PXE VLAN of the management bond as a VM VLAN', () => {
    const v = check(VLAN_010, props({ network: { pxe: { vlan: 5, cidr: '192.168.0.0/22' } }, vmVlans: '5,21-100' }));
    expect(v.map((x) => x.location)).toEqual(['vmVlans']);
    expect(v[0].message).toContain("includes VLAN 5: VLAN 5 is the host's bond_mgmt.5 on bond_mgmt");
  });

  test('reads the VM VLANs the VMO layer writes, also as a variable default', () => {
    const v = check(VLAN_010, props({ vmVlans: '10,21-100', profiles: { variables: true } }));
    expect(v.map((x) => x.location)).toEqual(['vmVlans']);
  });
});
