import { FindingLevel } from '../../lib/palette';
import { NET_001, NET_002, NET_003, NET_004, NET_005, NET_006, NET_007, NET_008, NET_009, NET_010, NET_011 } from '../../lib/rules';
import { check, levelOf, patched, props, site } from './fixtures';

const ERROR = FindingLevel.ERROR;
const WARNING = FindingLevel.WARNING;

describe('NET-001 addresses parse', () => {
  test('passes on the RA site', () => {
    expect(check(NET_001)).toEqual([]);
  });

  test('fails on the RA data subnet as printed (host bits set), suggesting the network address', () => {
    const v = check(NET_001, props({ network: { data: { vlan: 20, cidr: '10.20.30.0/16', gateway: '10.20.30.1' } } }));
    expect(v).toEqual([{ location: 'network.data.cidr', message: 'data subnet 10.20.30.0/16 has host bits set: use 10.20.0.0/16' }]);
    expect(levelOf(NET_001, v[0])).toBe(ERROR);
  });

  test('fails on malformed CIDRs, gateways, ranges and endpoints, naming each value', () => {
    const v = check(
      NET_001,
      props({
        kubernetes: { podCidr: '100.64.0/18', serviceCidr: '10.1/8' },
        network: { mgmt: { vlan: 10, cidr: '172.16.0.0/33' }, data: { vlan: 20, cidr: '10.20.0.0/16', gateway: '10.20.30.256' } },
        loadBalancer: { pools: [{ name: 'first-pool', addresses: ['10.20.30.200-10.20.30.100'] }, { name: 'second', addresses: ['10.20.31.7/24'] }] },
        storage: { portworx: { flashArrays: [{ mgmtEndpoint: 'fa-01' }] } },
      }),
    );
    const byLocation = Object.fromEntries(v.map((x) => [x.location, x.message]));
    expect(byLocation['kubernetes.podCidr']).toBe("pod CIDR '100.64.0/18' is not an IPv4 CIDR: write four decimal octets and a prefix of 0-32, e.g. 100.64.0.0/18");
    expect(byLocation['kubernetes.serviceCidr']).toContain("service CIDR '10.1/8' is not an IPv4 CIDR");
    expect(byLocation['network.mgmt.cidr']).toContain("mgmt subnet '172.16.0.0/33' is not an IPv4 CIDR");
    expect(byLocation['network.data.gateway']).toBe("data gateway '10.20.30.256' is not an IPv4 address: write four decimal octets, e.g. 10.20.0.1");
    expect(byLocation['loadBalancer.pools[first-pool]']).toContain("'10.20.30.200-10.20.30.100' is not a CIDR or an address range");
    expect(byLocation['loadBalancer.pools[second]']).toContain('10.20.31.7/24 has host bits set: use 10.20.31.0/24');
    expect(byLocation['storage.portworx.flashArrays[0].mgmtEndpoint']).toContain("FlashArray management endpoint 'fa-01' is not an IPv4 address");
    expect(v).toHaveLength(7);
  });

  test('fails on a native routing CIDR that does not parse', () => {
    const v = check(NET_001, props({ cilium: { podNetworking: 'native', ipv4NativeRoutingCidr: '100.64.0.0' } }));
    expect(v.map((x) => x.message)).toEqual([expect.stringContaining("cilium native routing CIDR '100.64.0.0' is not an IPv4 CIDR")]);
  });

  test('fails on a BGP peer address the MetalLB layer refuses, reported at the setting with the other findings', () => {
    const s = site(props({ loadBalancer: { mode: 'bgp', bgp: { myAsn: 64500, peers: [{ address: '10.20.30.1.5', asn: 64501 }] } } }));
    const f = s.check().filter((x) => x.level === 'error');
    expect(f.map((x) => [x.ruleId, x.location])).toEqual([['SITE-001', 'site ra: loadBalancer']]);
    expect(f[0].message).toContain("peerAddress '10.20.30.1.5' is not an IP address");
  });
});

describe('NET-002 networks are disjoint', () => {
  test('passes on the RA site', () => {
    expect(check(NET_002)).toEqual([]);
  });

  test('fails when the service CIDR overlaps the pod CIDR, suggesting a free block', () => {
    const v = check(NET_002, props({ kubernetes: { serviceCidr: '100.64.32.0/19' } }));
    expect(v).toEqual([
      {
        location: 'kubernetes.serviceCidr',
        message: 'service CIDR 100.64.32.0/19 overlaps the pod CIDR 100.64.0.0/18: every network needs its own addresses; move the service CIDR, e.g. to 100.64.64.0/19',
      },
    ]);
    expect(levelOf(NET_002, v[0])).toBe(ERROR);
  });

  test('fails when the mgmt subnet overlaps the data subnet and a pool overlaps the mgmt subnet', () => {
    const v = check(
      NET_002,
      props({
        network: { mgmt: { vlan: 10, cidr: '10.20.0.0/22' } },
        loadBalancer: { pools: [{ name: 'lb', addresses: ['10.20.1.10-10.20.1.20'] }] },
      }),
    );
    expect(v.map((x) => x.message)).toEqual([
      expect.stringContaining('data subnet 10.20.0.0/16 overlaps the mgmt subnet 10.20.0.0/22'),
      expect.stringContaining("MetalLB pool 'lb' entry 10.20.1.10-10.20.1.20 overlaps the mgmt subnet 10.20.0.0/22"),
    ]);
  });
});

describe('NET-003 pod CIDR node blocks', () => {
  test('passes on the RA site and at the RA maximum of 63 active nodes', () => {
    expect(check(NET_003)).toEqual([]);
    expect(check(NET_003, props({ nodes: { controlPlane: 3, workers: 60 } }))).toEqual([]);
  });

  test('fails with 65 nodes in a /18, naming the blocks and the /17 fix, and the service CIDR in the way', () => {
    const v = check(NET_003, props({ nodes: { controlPlane: 3, workers: 62 } }));
    expect(v).toHaveLength(1);
    expect(v[0].location).toBe('kubernetes.podCidr');
    expect(v[0].message).toBe(
      'pod CIDR 100.64.0.0/18 gives 64 node blocks of /24 but 66 are needed (65 nodes + 1 spare for control-plane repave): ' +
        'use a /17 such as 100.64.0.0/17, and move the service CIDR 100.64.64.0/18 out of it (e.g. to 100.64.128.0/18)',
    );
    expect(levelOf(NET_003, v[0])).toBe(ERROR);
  });

  test('fails on a node block prefix that does not fit the pod CIDR', () => {
    const v = check(NET_003, props({ kubernetes: { nodePodCidrPrefix: 16 } }));
    expect(v[0].message).toContain("node pod CIDR prefix '16' does not fit the pod CIDR 100.64.0.0/18: use a whole number from 18 to 32, normally 24");
  });
});

describe('NET-004 pods fit the pod CIDR', () => {
  test('passes on the RA site', () => {
    expect(check(NET_004)).toEqual([]);
  });

  test('fails when 250 pods do not fit a /25 node block, reporting the pods left for VMs', () => {
    const v = check(NET_004, props({ kubernetes: { nodePodCidrPrefix: 25 } }));
    expect(v).toHaveLength(1);
    expect(v[0].message).toContain('250 pods per node do not fit a /25 node block (126 usable addresses): lower max pods per node to 126');
    expect(v[0].message).toContain('8 nodes x 250 pods = 2,000; overhead 8 x 10 + 58 = 138; 1,862 pods left for VMs and workloads');
    expect(levelOf(NET_004, v[0])).toBe(WARNING);
  });

  test('fails when the overhead leaves no pods for VMs', () => {
    const v = check(NET_004, props({ kubernetes: { maxPodsPerNode: 10 } }));
    expect(v.map((x) => x.message)).toEqual([expect.stringContaining('no pods are left for VMs: 8 nodes x 10 pods = 80; overhead 8 x 10 + 58 = 138; -58 pods left')]);
  });

  test('fails on a max pods value that is not a positive whole number', () => {
    const m = patched((x) => ({ os: { packages: x.os?.packages ?? [], maxPodsPerNode: 2.5 } }));
    expect(check(NET_004, m)[0].message).toContain("max pods per node '2.5' is not a positive whole number");
  });
});

describe('NET-005 gateways', () => {
  test('passes on the RA site', () => {
    expect(check(NET_005)).toEqual([]);
  });

  test('fails on a gateway outside its subnet', () => {
    const v = check(NET_005, props({ network: { data: { vlan: 20, cidr: '10.20.0.0/16', gateway: '10.21.0.1' } } }));
    expect(v).toEqual([{ location: 'network.data.gateway', message: 'data gateway 10.21.0.1 is outside its subnet 10.20.0.0/16: use an address of 10.20.0.1-10.20.255.254, or fix network.data.cidr' }]);
    expect(levelOf(NET_005, v[0])).toBe(ERROR);
  });

  test('fails on a gateway that is the network or broadcast address', () => {
    const net = check(NET_005, props({ network: { mgmt: { vlan: 10, cidr: '172.16.0.0/22', gateway: '172.16.0.0' } } }));
    const bcast = check(NET_005, props({ network: { data: { vlan: 20, cidr: '10.20.0.0/16', gateway: '10.20.255.255' } } }));
    expect(net[0].message).toBe('mgmt gateway 172.16.0.0 is the network address of 172.16.0.0/22: use a host address of 172.16.0.1-172.16.3.254');
    expect(bcast[0].message).toContain('data gateway 10.20.255.255 is the broadcast address of 10.20.0.0/16');
  });
});

describe('NET-006 MetalLB pools', () => {
  test('passes on the RA site (default pool 10.20.30.100-10.20.30.200) and on BGP pools outside the data subnet', () => {
    expect(check(NET_006)).toEqual([]);
    const bgp = { myAsn: 64500, peers: [{ address: '10.20.30.1', asn: 64501 }] };
    expect(check(NET_006, props({ loadBalancer: { mode: 'bgp', bgp, pools: [{ name: 'bgp', addresses: ['192.0.2.0/28'] }] } }))).toEqual([]);
  });

  test('fails on an L2 pool outside the data subnet', () => {
    const v = check(NET_006, props({ loadBalancer: { pools: [{ name: 'first-pool', addresses: ['10.30.0.10-10.30.0.20'] }] } }));
    expect(v).toEqual([
      {
        location: 'loadBalancer.pools[first-pool]',
        message: "MetalLB pool 'first-pool' entry 10.30.0.10-10.30.0.20 is not inside the data subnet 10.20.0.0/16: L2 advertisement only reaches the data VLAN; use addresses of 10.20.0.1-10.20.255.254",
      },
    ]);
    expect(levelOf(NET_006, v[0])).toBe(ERROR);
  });

  test('fails on a pool holding the gateway or the network address, and on overlapping pools', () => {
    const v = check(
      NET_006,
      props({
        loadBalancer: {
          pools: [
            { name: 'a', addresses: ['10.20.30.1-10.20.30.50'] },
            { name: 'b', addresses: ['10.20.30.40/29', '10.20.0.0-10.20.0.9'] },
          ],
        },
      }),
    );
    expect(v.map((x) => x.message)).toEqual([
      "MetalLB pool 'a' entry 10.20.30.1-10.20.30.50 includes the data gateway 10.20.30.1: leave the gateway out of the pool, e.g. start the range after it",
      "MetalLB pool 'b' entry 10.20.30.40/29 overlaps MetalLB pool 'a' entry 10.20.30.1-10.20.30.50: MetalLB hands out each address once; make the pools disjoint",
      "MetalLB pool 'b' entry 10.20.0.0-10.20.0.9 includes the network address 10.20.0.0 of the data subnet 10.20.0.0/16: start and end the pool inside 10.20.0.1-10.20.255.254",
    ]);
  });
});

describe('NET-007 native routing CIDR', () => {
  test('passes on the RA site (VXLAN) and with native routing defaulting to the pod CIDR', () => {
    expect(check(NET_007)).toEqual([]);
    expect(check(NET_007, props({ cilium: { podNetworking: 'native' } }))).toEqual([]);
    expect(check(NET_007, props({ cilium: { podNetworking: 'native', ipv4NativeRoutingCidr: '100.64.0.0/17' } }))).toEqual([]);
  });

  test('fails when the native routing CIDR does not contain the pod CIDR', () => {
    const v = check(NET_007, props({ cilium: { podNetworking: 'native', ipv4NativeRoutingCidr: '100.64.0.0/19' } }));
    expect(v).toEqual([
      { location: 'cilium.ipv4NativeRoutingCidr', message: 'cilium native routing CIDR 100.64.0.0/19 does not contain the pod CIDR 100.64.0.0/18: use 100.64.0.0/18 or a CIDR containing it' },
    ]);
    expect(levelOf(NET_007, v[0])).toBe(ERROR);
  });
});

describe('NET-008 service CIDR leaves room to grow', () => {
  test('passes with a service CIDR further away', () => {
    expect(check(NET_008, props({ kubernetes: { serviceCidr: '100.65.0.0/18' } }))).toEqual([]);
  });

  test('the RA defaults (kept by the site) get an info in the RA\'s own words, not a warning', () => {
    const v = check(NET_008);
    expect(v).toEqual([
      {
        location: 'kubernetes.serviceCidr',
        level: FindingLevel.INFO,
        message:
          "the RA's pod CIDR 100.64.0.0/18 and service CIDR 100.64.64.0/18 are sized for up to 64 nodes; the RA says: \"If the cluster is expected to grow, " +
          'select a service CIDR that is intentionally further away, such as 100.65.0.0/x, so that the pod CIDR can be increased to support more nodes later" (e.g. 100.65.0.0/18)',
      },
    ]);
    expect(levelOf(NET_008, v[0])).toBe(FindingLevel.INFO);
  });

  test('fails: adjacent pod and service CIDRs the site chose itself get the warning, suggesting a CIDR further away', () => {
    const v = check(NET_008, props({ kubernetes: { podCidr: '100.70.0.0/18', serviceCidr: '100.70.64.0/18' } }));
    expect(v).toEqual([
      {
        location: 'kubernetes.serviceCidr',
        message:
          'service CIDR 100.70.64.0/18 sits right after the pod CIDR 100.70.0.0/18, so the pod CIDR cannot grow to 100.70.0.0/17 later: ' +
          'if the cluster may grow, use a service CIDR further away, such as 100.71.0.0/18',
      },
    ]);
    expect(levelOf(NET_008, v[0])).toBe(WARNING);
  });

  test('fails: keeping one RA default and moving the other next to it is the site\'s own choice: a warning', () => {
    const v = check(NET_008, props({ kubernetes: { serviceCidr: '100.64.64.0/19' } }));
    expect(v.map((x) => levelOf(NET_008, x))).toEqual([WARNING]);
  });
});

describe('NET-009 node IP on the mgmt subnet', () => {
  const commands = (list: string[]) => (s: { layers: { os?: { addOverride(path: string, value: string[]): void } } }) => s.layers.os?.addOverride('kubeadmconfig.preKubeadmCommands', list);

  test('passes on the RA site, whose OS layer pins the node IP to the mgmt subnet', () => {
    expect(check(NET_009)).toEqual([]);
  });

  test('fails when the OS layer as written pins another subnet or none', () => {
    const other = check(NET_009, props(), commands(['NETWORK="10.20.0.0/16"\n# --node-ip=']));
    const none = check(NET_009, props(), commands(['update-ca-certificates']));
    expect(other).toEqual([
      {
        location: 'profile VMO-RA-Full, layer ubuntu-maas',
        message: "the OS layer's node-ip script pins 10.20.0.0/16, not the mgmt subnet 172.16.0.0/22: pass network.mgmt.cidr to it so the node IP lands on bond_mgmt.10",
      },
    ]);
    expect(none[0].message).toContain('the OS layer does not pin the kubelet node IP');
    expect(levelOf(NET_009, other[0])).toBe(FindingLevel.INFO);
  });
});

describe('NET-010 host networks have room for what is placed on them', () => {
  test('passes on the RA site: /22 PXE and mgmt, /16 data with its gateway and the default MetalLB pool', () => {
    expect(check(NET_010)).toEqual([]);
  });

  test('passes when a subnet is exactly full: 3 + 10 nodes + 1 spare in a /28 (14 usable)', () => {
    expect(check(NET_010, props({ nodes: { controlPlane: 3, workers: 10 }, network: { mgmt: { vlan: 10, cidr: '172.16.0.0/28' } } }))).toEqual([]);
  });

  test('fails: a mgmt subnet too small for every node and the repave spare, suggesting the prefix', () => {
    const v = check(NET_010, props({ nodes: { controlPlane: 3, workers: 11 }, network: { mgmt: { vlan: 10, cidr: '172.16.0.0/28' } } }));
    expect(v).toEqual([
      {
        location: 'network.mgmt.cidr',
        message: 'mgmt subnet 172.16.0.0/28 has 14 usable address(es), but 3 control-plane and 11 worker node(s), 1 repave spare need 15: use a /27 or larger',
      },
    ]);
    expect(levelOf(NET_010, v[0])).toBe(ERROR);
  });

  test('fails: MetalLB pools that leave the data subnet no address for the nodes', () => {
    const v = check(
      NET_010,
      props({
        network: { data: { vlan: 20, cidr: '10.20.30.0/27', gateway: '10.20.30.1' } },
        loadBalancer: { pools: [{ name: 'public', addresses: ['10.20.30.10-10.20.30.30'] }] },
      }),
    );
    expect(v).toEqual([
      {
        location: 'network.data.cidr',
        message:
          'data subnet 10.20.30.0/27 has 30 usable address(es), but 3 control-plane and 5 worker node(s), 1 repave spare, the gateway, 21 MetalLB pool address(es) need 31: use a /26 or larger, or smaller MetalLB pools',
      },
    ]);
  });
});

describe('NET-011 one default gateway, on the data subnet', () => {
  test('passes on the RA site: only the data subnet has a gateway', () => {
    expect(check(NET_011)).toEqual([]);
  });

  test('fails: a gateway on the mgmt subnet would give the nodes a second default route', () => {
    const v = check(NET_011, props({ network: { mgmt: { vlan: 10, cidr: '172.16.0.0/22', gateway: '172.16.0.1' } } }));
    expect(v).toEqual([
      {
        location: 'network.mgmt.gateway',
        message:
          "the mgmt subnet has a gateway (172.16.0.1), so nodes would get a second default route beside the data VLAN's: remove it, and reach other networks over mgmt with static routes on the subnet in MAAS",
      },
    ]);
    expect(levelOf(NET_011, v[0])).toBe(WARNING);
  });
});
