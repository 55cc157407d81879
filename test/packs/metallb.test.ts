import { BgpPeerV1Beta2SpecDynamicAsn } from '../../imports/metallb.io';
import { LayerType, PaletteApp, PaletteSite, ProfileVariable } from '../../lib/palette';
import { MetalLbAdvertisement, MetalLbPack, MetalLbPackProps } from '../../lib/packs/metallb';
import { renderLayer, validationError } from '../helpers';

function site() {
  const app = new PaletteApp();
  return new PaletteSite(app, 'test');
}

function metallb(props: MetalLbPackProps = {}) {
  return new MetalLbPack(site(), 'metallb', props);
}

const PEER = { name: 'tor-a', myAsn: 64512, peerAsn: 64513, peerAddress: '10.20.30.1' };

describe('MetalLbPack', () => {
  test('defaults', () => {
    const { json, values } = renderLayer(metallb());
    expect(json.name).toBe('lb-metallb-helm');
    expect(json.version).toBe('0.15.2');
    expect(json.layer).toBe(LayerType.ADDON.value);
    expect(values.pack.namespace).toBe('metallb-system');
    expect(values.pack['spectrocloud.com/install-priority']).toBe('10');
    expect(values.pack.namespaceLabels['metallb-system']).toBe(
      'pod-security.kubernetes.io/enforce=privileged,pod-security.kubernetes.io/enforce-version=v{{ .spectro.system.kubernetes.version | substr 0 4 }}',
    );
    const chart = values.charts['metallb-full'];
    expect(chart.metallb.speaker.ignoreExcludeLB).toBe(true);
    const pool = chart.configuration.ipaddresspools['first-pool'].spec;
    expect(pool.addresses).toEqual(['10.20.30.100-10.20.30.200']);
    expect(pool.avoidBuggyIPs).toBe(true);
    expect(pool.autoAssign).toBe(true);
    const l2 = chart.configuration.l2advertisements.default.spec;
    expect(l2.ipAddressPools).toEqual(['first-pool']);
    expect(l2.interfaces).toEqual(['bond_data.20']);
    expect(chart.configuration.bgppeers).toBeUndefined();
    expect(json).toMatchSnapshot();
  });

  test('custom pools with CIDRs, IPv6 and a variable address', () => {
    const addresses = new ProfileVariable('metallbAddresses', { displayName: 'MetalLB addresses', defaultValue: '10.20.30.100-10.20.30.200' });
    const layer = metallb({
      installPriority: 5,
      ignoreExcludeLB: false,
      addressPools: [
        { name: 'data', addresses: [addresses, '10.20.40.0/24'], avoidBuggyIPs: false },
        { name: 'v6', addresses: ['fd00:20::/64', 'fd00:30::10-fd00:30::20'], autoAssign: false, serviceAllocation: { namespaces: ['apps'] } },
      ],
    });
    const { values } = renderLayer(layer);
    const chart = values.charts['metallb-full'];
    expect(values.pack['spectrocloud.com/install-priority']).toBe('5');
    expect(chart.metallb.speaker.ignoreExcludeLB).toBe(false);
    expect(chart.configuration.ipaddresspools.data.spec).toEqual({
      addresses: ['{{.spectro.var.metallbAddresses}}', '10.20.40.0/24'],
      avoidBuggyIPs: false,
    });
    expect(chart.configuration.ipaddresspools.v6.spec).toEqual({
      addresses: ['fd00:20::/64', 'fd00:30::10-fd00:30::20'],
      autoAssign: false,
      serviceAllocation: { namespaces: ['apps'] },
    });
    expect(chart.configuration.l2advertisements.default.spec.ipAddressPools).toEqual(['data', 'v6']);
    expect(layer.variables.map((v) => v.name)).toEqual(['metallbAddresses']);
  });

  test('custom L2 advertisement with a variable interface', () => {
    const nic = new ProfileVariable('metallbInterface', { defaultValue: 'bond_data.20' });
    const layer = metallb({ advertisement: MetalLbAdvertisement.l2({ name: 'data', interfaces: [nic], ipAddressPools: ['first-pool'] }) });
    const { values } = renderLayer(layer);
    const l2 = values.charts['metallb-full'].configuration.l2advertisements;
    expect(l2.default).toBeUndefined();
    expect(l2.data.spec).toEqual({ ipAddressPools: ['first-pool'], interfaces: ['{{.spectro.var.metallbInterface}}'] });
    expect(layer.values).toContain("- '{{.spectro.var.metallbInterface}}'");
    expect(layer.variables.map((v) => v.name)).toEqual(['metallbInterface']);
  });

  test('custom L2 advertisement on every interface', () => {
    const { values } = renderLayer(metallb({ advertisement: MetalLbAdvertisement.l2({ interfaces: [] }) }));
    expect(values.charts['metallb-full'].configuration.l2advertisements.default.spec).toEqual({ ipAddressPools: ['first-pool'] });
  });

  test('custom BGP advertisement', () => {
    const advertisement = MetalLbAdvertisement.bgp({
      peers: [PEER, { name: 'tor-b', myAsn: 64512, dynamicAsn: BgpPeerV1Beta2SpecDynamicAsn.EXTERNAL, peerAddress: 'fd00::1', peerPort: 1179 }],
      advertisements: [{ name: 'to-tor-a', peers: ['tor-a'], aggregationLength: 32 }],
    });
    expect(advertisement.mode).toBe('bgp');
    const { values } = renderLayer(metallb({ advertisement }));
    const conf = values.charts['metallb-full'].configuration;
    expect(conf.l2advertisements).toBeUndefined();
    expect(conf.bgppeers['tor-a'].spec).toEqual({ myASN: 64512, peerASN: 64513, peerAddress: '10.20.30.1' });
    expect(conf.bgppeers['tor-b'].spec).toEqual({ myASN: 64512, dynamicASN: 'external', peerAddress: 'fd00::1', peerPort: 1179 });
    expect(conf.bgpadvertisements['to-tor-a'].spec).toEqual({ ipAddressPools: ['first-pool'], aggregationLength: 32, peers: ['tor-a'] });
  });

  test('custom BGP advertisement defaults to every pool', () => {
    const { values } = renderLayer(metallb({ advertisement: MetalLbAdvertisement.bgp({ peers: [PEER] }) }));
    expect(values.charts['metallb-full'].configuration.bgpadvertisements.default.spec).toEqual({ ipAddressPools: ['first-pool'] });
  });

  test('custom extra values merge last', () => {
    const { values } = renderLayer(metallb({ values: { charts: { 'metallb-full': { metallb: { speaker: { frr: { enabled: false } } } } } } }));
    expect(values.charts['metallb-full'].metallb.speaker).toEqual({ ignoreExcludeLB: true, frr: { enabled: false } });
  });

  test.each([
    ['an invalid CIDR', '10.20.30.0/33', /invalid CIDR '10\.20\.30\.0\/33'/],
    ['a CIDR with host bits', '10.20.30.5/24', /CIDR '10\.20\.30\.5\/24' has host bits set: use '10\.20\.30\.0\/24'/],
    ['a single address', '10.20.30.100', /invalid entry '10\.20\.30\.100'.*CIDR.*range/],
    ['a short IPv4 form', '10.20-10.30', /invalid entry '10\.20-10\.30'/],
    ['a backwards range', '10.20.30.200-10.20.30.100', /range '10\.20\.30\.200-10\.20\.30\.100' runs backwards: write the lower address first \('10\.20\.30\.100-10\.20\.30\.200'\)/],
    ['a range mixing families', '10.20.30.1-fd00::1', /range '10\.20\.30\.1-fd00::1' mixes IPv4 and IPv6/],
  ])('fails with %s', (_what, address, message) => {
    expect(validationError(() => metallb({ addressPools: [{ name: 'p', addresses: [address] }] })).message).toMatch(message);
  });

  test('fails with a pool without addresses', () => {
    expect(() => metallb({ addressPools: [{ name: 'empty', addresses: [] }] })).toThrow(/pool 'empty' has no addresses/);
  });

  test('fails with an invalid pool name', () => {
    expect(() => metallb({ addressPools: [{ name: 'First_Pool', addresses: ['10.0.0.0/24'] }] })).toThrow(/address pool name 'First_Pool' is invalid/);
  });

  test('fails with duplicate pool names', () => {
    const pool = { name: 'dup', addresses: ['10.0.0.0/24'] };
    expect(() => metallb({ addressPools: [pool, pool] })).toThrow(/pool name 'dup' is used twice/);
  });

  test('fails without pools', () => {
    expect(() => metallb({ addressPools: [] })).toThrow(/has no address pools/);
  });

  test('fails with a fractional install priority', () => {
    expect(() => metallb({ installPriority: 10.5 })).toThrow(/install priority 10\.5/);
  });

  test('fails with an L2 advertisement of an unknown pool', () => {
    expect(() => metallb({ advertisement: MetalLbAdvertisement.l2({ ipAddressPools: ['second-pool'] }) })).toThrow(
      /names pool 'second-pool', which is not defined: use one of first-pool/,
    );
  });

  test('fails with an L2 advertisement of no pools', () => {
    expect(() => metallb({ advertisement: MetalLbAdvertisement.l2({ ipAddressPools: [] }) })).toThrow(/advertises no pools/);
  });

  test('fails with an invalid L2 interface', () => {
    expect(() => MetalLbAdvertisement.l2({ interfaces: ['bond data 20'] })).toThrow(/L2 interface 'bond data 20' is not a Linux interface name \(it holds '\/', ':' or a space\): use 1-15 characters/);
  });

  test('fails with an invalid L2 advertisement name', () => {
    expect(() => MetalLbAdvertisement.l2({ name: 'Default' })).toThrow(/L2 advertisement name 'Default' is invalid/);
  });

  test('fails with BGP without peers', () => {
    expect(() => MetalLbAdvertisement.bgp({ peers: [] })).toThrow(/BGP mode has no peers/);
  });

  test.each([
    ['myAsn 0', { myAsn: 0 }, /myAsn 0 is not a valid AS number/],
    ['a fractional peerAsn', { peerAsn: 64513.5 }, /peerAsn 64513\.5 is not a valid AS number/],
    ['an AS number above 32 bits', { peerAsn: 4294967296 }, /peerAsn 4294967296 is not a valid AS number/],
    ['neither peerAsn nor dynamicAsn', { peerAsn: undefined }, /needs exactly one of peerAsn and dynamicAsn/],
    ['both peerAsn and dynamicAsn', { dynamicAsn: BgpPeerV1Beta2SpecDynamicAsn.INTERNAL }, /needs exactly one of peerAsn and dynamicAsn/],
    ['an invalid peerAddress', { peerAddress: '10.20.30.256' }, /peerAddress '10\.20\.30\.256' is not an IP address/],
    ['no peerAddress nor interface', { peerAddress: undefined }, /needs exactly one of peerAddress and interface/],
    ['an invalid sourceAddress', { sourceAddress: 'router' }, /sourceAddress 'router' is not an IP address/],
    ['an IPv6 routerId', { routerId: 'fd00::1' }, /routerId 'fd00::1' is not an IPv4 address/],
    ['peerPort 70000', { peerPort: 70000 }, /peerPort 70000 is out of range/],
    ['an invalid peer name', { name: 'TOR A' }, /BGP peer name 'TOR A' is invalid/],
  ])('fails with a BGP peer with %s', (_what, change, message) => {
    expect(() => MetalLbAdvertisement.bgp({ peers: [{ ...PEER, ...change }] })).toThrow(message);
  });

  test('fails with duplicate BGP peer names', () => {
    expect(() => MetalLbAdvertisement.bgp({ peers: [PEER, PEER] })).toThrow(/BGP peer name 'tor-a' is used twice/);
  });

  test('fails with a BGP advertisement naming an unknown peer', () => {
    expect(() => MetalLbAdvertisement.bgp({ peers: [PEER], advertisements: [{ name: 'a', peers: ['tor-z'] }] })).toThrow(
      /advertisement 'a' names peer 'tor-z', which is not defined: use one of tor-a/,
    );
  });

  test('fails with duplicate BGP advertisement names', () => {
    expect(() => MetalLbAdvertisement.bgp({ peers: [PEER], advertisements: [{ name: 'a' }, { name: 'a' }] })).toThrow(
      /BGP advertisement name 'a' is used twice/,
    );
  });

  test('fails with a BGP advertisement of an unknown pool', () => {
    const advertisement = MetalLbAdvertisement.bgp({ peers: [PEER], advertisements: [{ name: 'a', ipAddressPools: ['nope'] }] });
    expect(() => metallb({ advertisement })).toThrow(/BGP advertisement 'a' names pool 'nope'/);
  });
});
