import { siteBook, siteBookInput } from '../../lib/book';
import { PaletteApp, VmoSite, VmoSiteProps } from '../../lib';
import { packValues, profilesOf, ra, RA, section, synthesize, tableOf, writtenNads } from './book-fixtures';

/** The data-side tables of seed 002 (RA rev 1.7) use these NIC names. */
const FOUR_NICS = { mgmt: ['enp1s0', 'enp2s0'], data: ['enp1s1', 'enp2s1'] };

describe('the VLAN table agrees with the profiles', () => {
  const sites = {
    'the RA four-NIC site': RA,
    'two NICs, VMs on the data VLAN': ra({ network: { layout: 'two-nic-vm-on-data-vlan' }, vmVlans: '20-100', templates: { networks: [{ vlan: 20, name: 'end-users' }, { vlan: 30 }] }, suppressions: [{ ruleId: 'VLAN-008', reason: 'VMs share the end-user VLAN on purpose' }] }),
    'several networks in several namespaces': ra({ vmVlans: '21-100,200-210', templates: { networks: [{ vlan: 30, namespaces: ['default', 'vms'] }, { vlan: 205, name: 'db' }], untaggedNetwork: false } }),
  };

  test.each(Object.entries(sites))('every NAD the profiles write is a row of the VLAN table, with its VLAN and namespace: %s', (_, props) => {
    const s = synthesize(props);
    const rows = tableOf(s.book, 'VLANs');
    const nads = writtenNads(s);
    expect(nads.length).toBeGreaterThan(0);
    for (const nad of nads) {
      const row = rows.find((r) => r['VLAN'] === (nad.vlan === undefined ? 'untagged' : String(nad.vlan)) && r['NAD (namespace)'].includes(`${nad.name} (${nad.namespace})`));
      expect({ nad, row }).toEqual({ nad, row: expect.objectContaining({ 'VMs can use it': expect.stringMatching(/^yes/) }) });
    }
  });

  test('the VM VLAN range row is the allowedVlans the VMO layer writes', () => {
    const s = synthesize(ra({ vmVlans: '21-100,200-210', templates: { networks: [{ vlan: 205 }] } }));
    const written = (packValues(s, 'virtual-machine-orchestrator') as { charts: Record<string, { vlanFiltering: { env: { allowedVlans: string } } }> }).charts['virtual-machine-orchestrator'].vlanFiltering.env.allowedVlans;
    expect(written).toBe('21-100,200-210');
    expect(tableOf(s.book, 'VLANs').find((r) => r['VLAN'] === written)).toMatchObject({ 'VMs can use it': 'yes' });
  });

  test('VLANs captured by a subinterface of the bond under br0 are marked unusable by VMs (VLAN-002)', () => {
    const rows = tableOf(synthesize(ra({ network: { layout: 'two-nic' } })).book, 'VLANs');
    // seed 002: "VLANs 10 and 20 are NOT available for use by virtual machines on the br0 interface"
    expect(rows.find((r) => r['VLAN'] === '10')?.['VMs can use it']).toMatch(/^no: captured by bond0\.10/);
    expect(rows.find((r) => r['VLAN'] === '20')?.['VMs can use it']).toMatch(/^no: captured by bond0\.20/);
  });
});

describe('the switchport table: what the layout sends over each NIC pair', () => {
  const trunks = (props = RA) => Object.fromEntries(tableOf(synthesize(props).book, 'Switchports').map((r) => [r['NIC (name in OS)'], r['Switchport config']]));

  test('four NICs, as seed 002 tabulates them: mgmt NICs trunk 0 and 10, data NICs 20-100', () => {
    // seed 002 "Physical port ... Switchport config": Trunk (allowing 0, 10) and Trunk (allowing 20–100).
    const t = trunks(ra({ templates: { untaggedNetwork: false } }));
    for (const nic of FOUR_NICS.mgmt) expect(t[nic]).toBe('Trunk (allowing 0, 10)');
    for (const nic of FOUR_NICS.data) expect(t[nic]).toBe('Trunk (allowing 20-100)');
  });

  test('an untagged VM network on br0 puts the native VLAN on the data NICs too', () => {
    const s = synthesize(RA);
    expect(writtenNads(s).some((n) => n.vlan === undefined)).toBe(true);
    const rows = tableOf(s.book, 'Switchports');
    for (const nic of FOUR_NICS.data) expect(rows.find((r) => r['NIC (name in OS)'] === nic)).toMatchObject({ 'Switchport config': 'Trunk (allowing 0, 20-100)', 'Native (untagged) VLAN': expect.stringContaining('untagged VM network') });
  });

  test.each([['two-nic'], ['two-nic-vm-on-data-vlan']] as const)('two NICs (%s), as seed 002 tabulates them: both trunk 0, 10, 20-100', (layout) => {
    const props = layout === 'two-nic' ? ra({ network: { layout } }) : ra({ network: { layout }, vmVlans: '20-100', suppressions: [{ ruleId: 'VLAN-008', reason: 'VMs share the end-user VLAN on purpose' }] });
    const t = trunks(props);
    expect(Object.keys(t)).toEqual(['enp1s0', 'enp2s0']);
    for (const nic of ['enp1s0', 'enp2s0']) expect(t[nic]).toBe('Trunk (allowing 0, 10, 20-100)');
  });

  test('the NICs under br0 trunk every VM VLAN and every NAD VLAN the profiles write; the mgmt NICs trunk the mgmt VLAN', () => {
    const s = synthesize(ra({ network: { mgmt: { vlan: 11, cidr: '172.16.0.0/22' }, pxe: { vlan: 5, cidr: '192.168.0.0/22' }, nics: ['eno1', 'eno2', 'ens1f0', 'ens1f1'] }, vmVlans: '300-310,400', templates: { networks: [{ vlan: 305 }, { vlan: 400 }] }, suppressions: [{ ruleId: 'VLAN-009', reason: 'UEFI PXE on tagged VLAN 5 is tested here' }] }));
    const rows = tableOf(s.book, 'Switchports');
    const allowed = (nic: string) => {
      const text = rows.find((r) => r['NIC (name in OS)'] === nic)?.['Switchport config'] ?? '';
      const ids = new Set<number>();
      for (const part of (/\(allowing (.*)\)/.exec(text)?.[1] ?? '').split(', ')) {
        const [lo, hi = lo] = part.split('-').map(Number);
        for (let v = lo; v <= hi; v++) ids.add(v);
      }
      return ids;
    };
    for (const nic of ['ens1f0', 'ens1f1']) {
      for (const nad of writtenNads(s)) if (nad.vlan !== undefined) expect([nic, nad.vlan, allowed(nic).has(nad.vlan)]).toEqual([nic, nad.vlan, true]);
      for (const v of [300, 305, 310, 400, 20]) expect([nic, v, allowed(nic).has(v)]).toEqual([nic, v, true]);
      expect(allowed(nic).has(11)).toBe(false);
    }
    // PXE on tagged VLAN 5 (seed 002: the bond_mgmt.5 alternative) travels tagged on the mgmt NICs.
    for (const nic of ['eno1', 'eno2']) expect(rows.find((r) => r['NIC (name in OS)'] === nic)?.['Switchport config']).toBe('Trunk (allowing 5, 11)');
  });
});

describe('address budgets', () => {
  /** Addresses of `a.b.c.x-a.b.c.y` ranges within one /24: y - x + 1. */
  const rangeSize = (range: string) => {
    const [first, last] = range.split('-').map((a) => Number(a.split('.')[3]));
    return last - first + 1;
  };

  test('the MetalLB pool sizes are the addresses of the pools the MetalLB layer writes', () => {
    const s = synthesize(RA);
    const pools = (packValues(s, 'lb-metallb-helm') as { charts: { 'metallb-full': { configuration: { ipaddresspools: Record<string, { spec: { addresses: string[] } }> } } } }).charts['metallb-full'].configuration.ipaddresspools;
    const rows = tableOf(s.book, 'Network plan', 1);
    for (const [name, pool] of Object.entries(pools)) {
      const expected = pool.spec.addresses.reduce((n, a) => n + rangeSize(a), 0);
      expect(rows.find((r) => r['Network'] === `MetalLB pool ${name}`)?.['Available']).toBe(String(expected));
    }
    // The RA's pool: 10.20.30.100-10.20.30.200.
    expect(rows.find((r) => r['Network'] === 'MetalLB pool first-pool')?.['Available']).toBe('101');
  });

  test('a CIDR pool counts every address, less .0 and .255 with avoidBuggyIPs (MetalLB)', () => {
    const rows = (avoidBuggyIPs: boolean) =>
      tableOf(synthesize(ra({ loadBalancer: { pools: [{ name: 'svc', addresses: ['10.20.40.0/23', '10.20.50.10-10.20.50.19'], avoidBuggyIPs }] } })).book, 'Network plan', 1);
    // /23: 512 addresses, two /24s each losing .0 and .255 -> 508; plus 10 from the range.
    expect(rows(true).find((r) => r['Network'] === 'MetalLB pool svc')?.['Available']).toBe('518');
    expect(rows(false).find((r) => r['Network'] === 'MetalLB pool svc')?.['Available']).toBe('522');
  });

  test('the data subnet counts what NET-010 counts: the gateway only inside the subnet, the MetalLB pool addresses inside it in L2 and BGP mode alike', () => {
    const data = { vlan: 20, cidr: '10.20.30.0/25', gateway: '10.20.30.1' };
    const pools = [{ name: 'svc', addresses: ['10.20.30.64/27'] }];
    const dataRow = (props: VmoSiteProps) => {
      const s = synthesize(props);
      expect(s.findings.filter((f) => f.ruleId === 'NET-010')).toEqual([]);
      return tableOf(s.book, 'Network plan', 1).find((r) => r['Network'] === 'data subnet');
    };
    // 3 + 5 nodes, 1 spare, the gateway, 32 pool addresses: 42 of 126.
    const l2 = dataRow(ra({ network: { data }, loadBalancer: { pools } }));
    expect(l2).toMatchObject({ Needed: '42', Available: '126' });
    expect(l2?.['Takes']).toBe('node addresses 8 (3 control plane + 5 workers), repave spare 1, gateway 1, MetalLB pools 32');
    const bgp = dataRow(ra({ network: { data }, loadBalancer: { mode: 'bgp', pools, bgp: { myAsn: 64512, peers: [{ address: '10.20.30.2', asn: 64513 }] } } }));
    expect(bgp).toMatchObject({ Needed: '42', Available: '126' });
  });

  test('the host subnets show node addresses plus the repave spare against the usable addresses; the pod CIDR its /24 blocks', () => {
    const s = synthesize(ra({ nodes: { controlPlane: 3, workers: 12 } }));
    const rows = tableOf(s.book, 'Network plan', 1);
    const mgmt = rows.find((r) => r['Network'] === 'mgmt subnet');
    // 15 nodes + 1 spare; a /22 has 1,024 addresses, 1,022 usable.
    expect(mgmt).toMatchObject({ 'CIDR / range': '172.16.0.0/22', Needed: '16', Available: '1,022' });
    const pod = rows.find((r) => r['Network'] === 'Pod CIDR');
    // A /18 holds 64 /24 blocks.
    expect(pod).toMatchObject({ Needed: '16 blocks', Available: '64 blocks' });
  });
});

describe('the sizing figures are the CAP rules\' figures', () => {
  test.each([
    ['the RA site', RA],
    ['128 nodes', ra({ nodes: { controlPlane: 5, workers: 120 }, kubernetes: { podCidr: '100.64.0.0/17', serviceCidr: '100.64.128.0/17' }, suppressions: [{ ruleId: 'NET-008', reason: 'RA sizing for 128 nodes' }] })],
    ['three workers', ra({ nodes: { workers: 3 }, storage: { portworx: { maxStorageNodes: 3 } } })],
  ])('%s', (_, props) => {
    const s = synthesize(props);
    const rows = Object.fromEntries(tableOf(s.book, 'Sizing').map((r) => [r['Figure'], r['This site']]));
    const message = (id: string) => s.findings.find((f) => f.ruleId === id)?.message ?? '';
    const cap1 = /at least (\d+) CPU cores and (\d+) GB memory/.exec(message('CAP-001'));
    expect(cap1).not.toBeNull();
    expect(rows['Control-plane node size (CAP-001)']).toBe(`at least ${cap1?.[1]} CPU cores and ${cap1?.[2]} GB memory each`);
    const cap3 = /^about ([\d,]+) VMs at most/.exec(message('CAP-003'));
    expect(cap3).not.toBeNull();
    expect(rows['VM capacity (CAP-003)']).toBe(`about ${cap3?.[1]} VMs at most`);
    const pods = /([\d,]+) pods left for VMs and workloads/.exec(message('CAP-003'));
    expect(rows['Pods (NET-004)']).toBe(`${pods?.[1]} pods left for VMs and workloads`);
  });

  test('the storage quorum row counts the storage nodes Portworx writes (maxStorageNodes)', () => {
    const s = synthesize(ra({ nodes: { workers: 6 }, storage: { portworx: { maxStorageNodes: 4 } }, suppressions: [{ ruleId: 'STO-002', reason: 'four storage nodes on purpose here' }] }));
    const written = (packValues(s, 'csi-portworx-generic') as { charts: Record<string, { storageCluster: { spec: { cloudStorage: { maxStorageNodes: number } } } }> });
    const max = written.charts['portworx-generic']?.storageCluster?.spec?.cloudStorage?.maxStorageNodes;
    expect(max).toBe(4);
    expect(tableOf(s.book, 'Sizing').find((r) => r['Figure'] === 'Storage quorum (STO-001)')?.['This site']).toBe('4 Portworx storage nodes, quorum needs 3');
  });
});

describe('the header, the checklist, the findings and the deployment steps', () => {
  const s = synthesize(ra({ profiles: { layout: 'both' }, suppressions: [{ ruleId: 'NET-008', reason: 'this cluster will not grow past 64 nodes' }] }));

  test('every pack of every written profile is in the pack table with its version and type', () => {
    const packs = tableOf(s.book, 'Profiles and packs', 1);
    for (const [name, p] of Object.entries(profilesOf(s))) {
      for (const pack of p.spec.template.packs) {
        const row = packs.find((r) => r['Pack'] === pack.name);
        expect(row).toMatchObject({ Version: pack.version, Type: pack.type });
        expect(row?.['Profiles'].split(', ')).toContain(name);
      }
    }
  });

  test('every checklist item is a "- [ ]" box and links only to rules the book lists, for each of seed 000\'s seven groups', () => {
    const lines = section(s.book, 'Pre-flight checklist');
    expect(lines.filter((l) => l.startsWith('### ')).map((l) => l.replace(/^### \d+\. /, ''))).toEqual(['Palette access', 'People and access', 'Hardware (per server)', 'Networking', 'Storage', 'MAAS', 'VMO (after deployment)']);
    const items = lines.filter((l) => l.startsWith('- '));
    expect(items.every((l) => l.startsWith('- [ ] '))).toBe(true);
    const anchors = new Set([...s.book.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]));
    const links = items.flatMap((l) => [...l.matchAll(/\[([A-Z]+-\d{3})\]\(#([^)]+)\)/g)]);
    expect(links.length).toBeGreaterThan(15);
    for (const [, id, anchor] of links) expect([id, anchors.has(anchor)]).toEqual([id, true]);
    expect(items.find((l) => l.includes('Host bonds'))).toContain('[VLAN-005](#rule-vlan-005)');
    expect(items.find((l) => l.includes('MetalLB pool'))).toContain('[NET-006](#rule-net-006)');
  });

  test('every finding of checks.json is in the findings table; the suppression is listed with its reason', () => {
    const checks = JSON.parse(s.files.get('checks.json') ?? '{}') as { findings: { ruleId: string; message: string; suppressedReason?: string }[] };
    const rows = tableOf(s.book, 'Findings and suppressions');
    expect(rows).toHaveLength(checks.findings.length);
    for (const f of checks.findings) expect(rows.some((r) => r['Rule'].startsWith(`[${f.ruleId}]`) && r['Finding'] === f.message)).toBe(true);
    // the RA's own adjacent CIDRs: NET-008 is an info for them
    expect(rows.find((r) => r['Rule'].startsWith('[NET-008]'))?.['Level']).toBe('info (suppressed)');
    expect(tableOf(s.book, 'Findings and suppressions', 1)).toEqual([{ Rule: '[NET-008](#rule-net-008)', Reason: 'this cluster will not grow past 64 nodes' }]);
  });

  test('the deployment steps import Infra first and list every sensitive variable of the profiles to deploy', () => {
    const lines = section(s.book, 'Deployment steps');
    const order = lines.find((l) => l.startsWith('3. '));
    expect(order).toMatch(/`VMO-RA-Infra-MaaS-PureFlashArray`, then `VMO-RA-Core-PXKE`, then `VMO-RA-Templates`/);
    const variables = tableOf(s.book, 'Deployment steps').map((r) => r['Variable']);
    const profiles = profilesOf(s);
    const sensitive = ['VMO-RA-Infra-MaaS-PureFlashArray', 'VMO-RA-Core-PXKE', 'VMO-RA-Templates'].flatMap((p) => profiles[p].spec.variables.filter((v) => v.isSensitive).map((v) => `\`${v.name}\``));
    expect(sensitive.length).toBeGreaterThan(0);
    expect(variables).toEqual(sensitive);
  });

  test('the maas-preferred-subnet ConfigMap names the mgmt subnet (deploy.md §1.5)', () => {
    expect(section(s.book, 'MAAS settings').join('\n')).toContain('  name: maas-preferred-subnet\n  namespace: jet-system\ndata:\n  preferredSubnets: "172.16.0.0/22"');
  });
});

describe('the book is deterministic and changes only where the site changes', () => {
  test('two syntheses of one site give the same bytes', () => {
    expect(synthesize(RA).book).toBe(synthesize(RA).book);
  });

  test('changing the mgmt VLAN from 10 to 11 changes exactly the lines that name it', () => {
    const before = synthesize(RA).book.split('\n');
    const after = synthesize(ra({ network: { mgmt: { vlan: 11, cidr: '172.16.0.0/22' } } })).book.split('\n');
    expect(after).toHaveLength(before.length);
    const changed = before.map((_, i) => i).filter((i) => before[i] !== after[i]);
    // The VLAN id as a token: not part of a longer number or of an address such as 10.20.0.0.
    const asVlan = /(?<![\d.-])10(?![\d.-])|(?<=\.)10(?![\d.])/g;
    for (const i of changed) expect(after[i]).toBe(before[i].replace(asVlan, '11'));
    // Every line naming the mgmt VLAN or its interface changed, and nothing else did.
    const naming = before.map((_, i) => i).filter((i) => /bond_mgmt\.10\b|VLAN 10\b|mgmt 10\b|allowing 0, 10\)/.test(before[i]));
    expect(changed).toEqual(naming);
    const sectionOf = (i: number) => [...before.slice(0, i + 1)].reverse().find((l) => l.startsWith('## ')) ?? '';
    expect([...new Set(changed.map(sectionOf))]).toEqual(['## Site topology', '## Network plan', '## VLANs', '## Host interfaces', '## Switchports', '## MAAS settings', '## Pre-flight checklist']);
  });
});

describe('a site without some facts', () => {
  test('leaves out what it lacks: no load balancer, storage, VMO or Kubernetes facts', () => {
    const site = new VmoSite(new PaletteApp({ outdir: '/nonexistent' }), 'bare', RA);
    const rendered = site.render();
    const input = siteBookInput(site, rendered, []);
    const bare = { ...input.model, kubernetes: undefined, cni: undefined, storage: undefined, loadBalancer: undefined, vmo: undefined, os: undefined };
    const book = siteBook({ ...input, model: bare });
    expect(tableOf(book, 'Network plan').map((r) => r['Network'])).toEqual(['Bare metal deployment (PXE)', 'Kubernetes hosts (mgmt)', 'End user access (data)', 'Pod overlay network', 'Cluster services network']);
    expect(tableOf(book, 'Sizing').map((r) => r['Figure'])).toEqual(['Control-plane node size (CAP-001)', 'Control-plane nodes (CAP-002)', 'Workers']);
    expect(section(book, 'Pre-flight checklist').join('\n')).toContain('A CSI layer with RWX volumes for live migration');
    expect(section(book, 'VLANs').join('\n')).not.toContain('VMO allowedVlans');
  });
});

describe('the MAAS erase-on-release row names what the storage layer keeps on non-OS disks (seed 000)', () => {
  const row = (props: VmoSiteProps) => tableOf(synthesize(props).book, 'MAAS settings').find((r) => r['Setting'] === 'Settings → Storage');

  test('fails to cite FlashArray LUNs on a Longhorn or Rook-Ceph site', () => {
    const longhorn = row(ra({ storage: { backend: 'longhorn', longhorn: { dataPath: '/mnt/longhorn' } } }));
    expect(longhorn?.['Value for this site']).toBe(
      '"Erase nodes\' disks prior to releasing" = disabled: an erase on release would wipe the Longhorn replicas in /mnt/longhorn, which Longhorn then rebuilds from the other nodes in a rebuild storm',
    );
    const ceph = row(ra({ storage: { backend: 'rook-ceph' } }));
    expect(ceph?.['Value for this site']).toContain('the Ceph OSD disks');
    for (const r of [longhorn, ceph]) expect(JSON.stringify(r)).not.toContain('FlashArray');
  });

  test('cites the FlashArray LUNs (seed 002) on the RA Portworx site', () => {
    expect(row(RA)).toEqual({
      Setting: 'Settings → Storage',
      'Value for this site': '"Erase nodes\' disks prior to releasing" = disabled: an erase on release would wipe the FlashArray LUNs Portworx hands to the new node',
      Source: 'seed 002: so LUNs on the FlashArray are not erased when nodes are repaved; seed 000: do not wipe non-OS disks',
    });
  });
});

describe("a site with maas: the book reads the cluster definition the DEP rules read, not the RA's defaults", () => {
  /** Pools, resource pools, node tags and AZs of its own, and profile variables as main.tf.json writes them. */
  const OWN_POOLS = ra({
    profiles: { layout: 'both', variables: true },
    templates: { goldenImages: true },
    maas: {
      domain: 'metal.example.com',
      cloudAccount: 'maas-dc1',
      availabilityZones: ['rack-1', 'rack-2'],
      controlPlane: { resourcePool: 'cp-hw' },
      workerPools: [
        { name: 'gpu', count: 2, resourcePool: 'gpu-hw', nodeTags: ['gpu', 'a100'], availabilityZones: ['rack-3'] },
        { name: 'general', count: 3, resourcePool: 'general-hw', minCpu: 32, minMemoryMiB: 262144 },
      ],
    },
  });
  const s = synthesize(OWN_POOLS);
  const tf = JSON.parse(s.files.get('deploy/main.tf.json') ?? '{}');

  test("the machine pool rows equal the machine_pool blocks of the freshly synthesized deploy/main.tf.json", () => {
    interface TfPool { name: string; control_plane: boolean; count: number; azs: string[]; placement: { resource_pool: string }; node_tags?: string[]; instance_type: { min_cpu: number; min_memory_mb: number } }
    const pools: TfPool[] = tf.resource.spectrocloud_cluster_maas.cluster.machine_pool;
    expect(pools.map((p) => p.name)).toEqual(['control-plane-pool', 'gpu', 'general']);
    expect(tableOf(s.book, 'MAAS settings', 1)).toEqual(
      pools.map((p) => ({
        Pool: p.name,
        Role: p.control_plane ? 'control plane' : 'workers',
        Machines: String(p.count),
        'Resource pool': p.placement.resource_pool,
        'Availability zones': p.azs.join(', '),
        'Node tags': p.node_tags?.join(', ') ?? '—',
        'Min CPU': String(p.instance_type.min_cpu),
        'Min memory (MiB)': p.instance_type.min_memory_mb.toLocaleString('en-US'),
      })),
    );
  });

  test("fails to print the RA's pools and 'no node tags': the settings table, the deployment step and the checklist name the site's pools", () => {
    const settings = Object.fromEntries(tableOf(s.book, 'MAAS settings').map((r) => [r['Setting'], r['Value for this site']]));
    expect(settings['Node tags']).toBe('`gpu`: `gpu` and `a100`');
    expect(settings['Availability zones']).toBe("`rack-1`, `rack-2` and `rack-3` (each pool's zones are in the machine pool table)");
    expect(settings['Cloud account']).toContain('`maas-dc1`');
    expect(settings['DNS']).toMatch(/^`metal\.example\.com`: /);
    expect(s.book).not.toContain('`worker-pool` (5 machines)');
    const step4 = section(s.book, 'Deployment steps').join('\n');
    expect(step4).toContain('   - `gpu` (2 machines, resource pool `gpu-hw`, AZ rack-3, node tags gpu and a100)\n   - `general` (3 machines, resource pool `general-hw`, AZs rack-1 and rack-2)');
    expect(step4).toContain('`deploy/main.tf.json`');
    expect(step4).toContain('`palette-vmo deploy`');
    expect(step4).not.toContain('from `worker-pool`');
    expect(section(s.book, 'MAAS settings').join('\n')).toContain('`palette-vmo deploy` with this site\'s output folder');
  });

  test('the MAAS checklist items link DEP-001, DEP-004 and DEP-005, which run on this site', () => {
    const maas = section(s.book, 'Pre-flight checklist');
    const group = maas.slice(maas.indexOf('### 6. MAAS'), maas.indexOf('### 7. VMO (after deployment)'));
    const links = group.flatMap((l) => [...l.matchAll(/\[(DEP-\d{3})\]/g)].map((m) => m[1]));
    expect(links).toEqual(expect.arrayContaining(['DEP-001', 'DEP-004', 'DEP-005']));
    expect(group.find((l) => l.includes('resource pools and availability zones'))).toContain('`gpu` (2 machines, resource pool `gpu-hw`, AZ rack-3, node tags gpu and a100)');
    const rules = Object.fromEntries(tableOf(s.book, 'Rules checked').map((r) => [r['Rule'].replace(/<a id="[^"]+"><\/a>/, ''), r['For this site']]));
    expect([rules['DEP-001'], rules['DEP-004'], rules['DEP-005']]).toEqual(['passed', '1 info', '1 info']);
  });

  test('the deployment inputs are the variable blocks of deploy/main.tf.json: sensitive ones, then windows2022Image, which has no default', () => {
    const sensitive = tableOf(s.book, 'Deployment steps', 0).map((r) => r['Variable'].replace(/`/g, ''));
    const withoutDefault = tableOf(s.book, 'Deployment steps', 1).map((r) => [r['Variable'].replace(/`/g, ''), r['Required by Palette']]);
    const variables: Record<string, { sensitive?: boolean }> = tf.variable;
    expect([...sensitive].sort()).toEqual(Object.keys(variables).filter((k) => variables[k].sensitive).sort());
    expect(withoutDefault).toEqual(Object.keys(variables).filter((k) => !variables[k].sensitive).map((k) => [k, 'yes']));
    expect(withoutDefault).toEqual([['windows2022Image', 'yes']]);
  });
});

describe('a site without maas: the DEP rules that need it are not applicable', () => {
  const s = synthesize(ra({ profiles: { layout: 'both', variables: true }, templates: { goldenImages: true } }));

  test('fails to list DEP-001 as passed: the rules table says not applicable, and no checklist item links a DEP rule', () => {
    const rules = Object.fromEntries(tableOf(s.book, 'Rules checked').map((r) => [r['Rule'].replace(/<a id="[^"]+"><\/a>/, ''), r['For this site']]));
    for (const id of ['DEP-001', 'DEP-002', 'DEP-003', 'DEP-004', 'DEP-005', 'DEP-007', 'DEP-008']) expect([id, rules[id]]).toEqual([id, 'not applicable']);
    // Profile versions are checked on every site.
    expect(rules['DEP-006']).toBe('passed');
    expect(section(s.book, 'Pre-flight checklist').join('\n')).not.toMatch(/\[DEP-\d{3}\]/);
    expect(section(s.book, 'MAAS settings').join('\n')).toContain("This site has no `maas:` section, so these are the RA's defaults");
  });

  test('the deployment steps still list the variables without a default (windows2022Image), which Palette requires', () => {
    expect(tableOf(s.book, 'Deployment steps', 1).map((r) => [r['Profile'], r['Variable']])).toEqual([['VMO-RA-Templates', '`windows2022Image`']]);
  });
});

describe('quorum only for storage products that run one', () => {
  const rows = (book: string) => Object.fromEntries(tableOf(book, 'Sizing').map((r) => [r['Figure'], r['This site']]));
  const storageItems = (book: string) => {
    const lines = section(book, 'Pre-flight checklist');
    return lines.slice(lines.indexOf('### 5. Storage'), lines.indexOf('### 6. MAAS')).join('\n');
  };

  test('fails to speak of a Longhorn quorum: Longhorn needs 1 storage node and runs none', () => {
    const book = synthesize(ra({ storage: { backend: 'longhorn' } })).book;
    expect(book).not.toMatch(/Longhorn quorum|quorum needs 1|1 storage nodes/);
    expect(rows(book)['Storage nodes (STO-001)']).toBe('5 Longhorn storage nodes, at least 1 needed; Longhorn runs no quorum');
    expect(storageItems(book)).toContain('- [ ] Longhorn: at least 1 storage node (it runs no quorum)');
  });

  test('Portworx and Rook-Ceph keep their quorum rows', () => {
    expect(rows(synthesize(RA).book)['Storage quorum (STO-001)']).toBe('5 Portworx storage nodes, quorum needs 3');
    const ceph = synthesize(ra({ storage: { backend: 'rook-ceph' } })).book;
    expect(rows(ceph)['Storage quorum (STO-001)']).toBe('5 Rook-Ceph storage nodes, quorum needs 3 (3 Ceph MONs)');
    expect(storageItems(ceph)).toContain('- [ ] Rook-Ceph quorum: at least 3 storage nodes for its 3 Ceph MONs');
  });
});
