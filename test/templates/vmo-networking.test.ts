import { VlanNetwork, VlanTag, VmoNetworkingLayer } from '../../lib/templates';
import { renderLayer } from '../helpers';
import { bareLayer, newSite } from './helpers';

/** Every NAD of a rendered layer with its CNI config parsed. */
function nads(manifests: Record<string, any[]>) {
  return Object.entries(manifests).flatMap(([manifest, docs]) => docs.map((d) => ({ manifest, nad: d, config: JSON.parse(d.spec.config) })));
}

describe('VlanNetwork', () => {
  test('defaults', () => {
    const layer = bareLayer();
    new VlanNetwork(layer, 'nad-vlan-30', { vlan: VlanTag.of(30) });
    const docs = renderLayer(layer).manifests['nad-vlan-30'];
    expect(docs).toHaveLength(1);
    const [nad] = docs;
    expect(nad.apiVersion).toBe('k8s.cni.cncf.io/v1');
    expect(nad.kind).toBe('NetworkAttachmentDefinition');
    expect(nad.metadata).toEqual({ name: 'vlan-30', namespace: 'default' });
    expect(JSON.parse(nad.spec.config)).toEqual({ cniVersion: '0.3.1', name: 'vlan-30', type: 'bridge', bridge: 'br0', vlan: 30, ipam: {} });
  });

  test('custom name, namespaces and bridge: one NAD per namespace', () => {
    const layer = bareLayer();
    new VlanNetwork(layer, 'nad-vlan-42', { vlan: VlanTag.of(42), name: 'tenant-a', namespaces: ['default', 'virtual-machines'], bridge: 'br1' });
    const docs = renderLayer(layer).manifests['nad-vlan-42'];
    expect(docs.map((d) => d.metadata)).toEqual([
      { name: 'tenant-a', namespace: 'default' },
      { name: 'tenant-a', namespace: 'virtual-machines' },
    ]);
    for (const d of docs) expect(JSON.parse(d.spec.config)).toMatchObject({ name: 'tenant-a', bridge: 'br1', vlan: 42 });
  });

  test('untagged has no vlan key', () => {
    const layer = bareLayer();
    new VlanNetwork(layer, 'nad-vlan-untagged', { vlan: VlanTag.UNTAGGED });
    const config = JSON.parse(renderLayer(layer).manifests['nad-vlan-untagged'][0].spec.config);
    expect(config).toEqual({ cniVersion: '0.3.1', name: 'vlan-untagged', type: 'bridge', bridge: 'br0', ipam: {} });
    expect('vlan' in config).toBe(false);
  });

  test.each([0, 4095, -1, 30.5])('fails on VLAN id %p', (id) => {
    expect(() => VlanTag.of(id)).toThrow(new RegExp(`VLAN id ${id} is out of range: VLAN ids are whole numbers from 1 to 4094`));
  });

  test('accepts the VLAN id bounds 1 and 4094', () => {
    expect(VlanTag.of(1).slug).toBe('vlan-1');
    expect(VlanTag.of(4094).slug).toBe('vlan-4094');
  });

  test('fails on an invalid network name', () => {
    expect(() => new VlanNetwork(bareLayer(), 'n', { vlan: VlanTag.of(30), name: 'VLAN_30' })).toThrow(/VM network name 'VLAN_30' is invalid/);
  });

  test('fails on an invalid namespace', () => {
    expect(() => new VlanNetwork(bareLayer(), 'n', { vlan: VlanTag.of(30), namespaces: ['Default'] })).toThrow(/namespace 'Default' of VM network 'vlan-30' is invalid/);
  });

  test('fails on an empty namespace list', () => {
    expect(() => new VlanNetwork(bareLayer(), 'n', { vlan: VlanTag.of(30), namespaces: [] })).toThrow(/VM network 'vlan-30' has no namespaces/);
  });

  test('fails on a repeated namespace', () => {
    expect(() => new VlanNetwork(bareLayer(), 'n', { vlan: VlanTag.of(30), namespaces: ['a', 'a'] })).toThrow(/namespace 'a' is listed twice/);
  });

  test('fails on an invalid bridge name', () => {
    expect(() => new VlanNetwork(bareLayer(), 'n', { vlan: VlanTag.of(30), bridge: 'bridge-for-the-vms' })).toThrow(/bridge interface 'bridge-for-the-vms' is not a Linux interface name/);
  });
});

describe('VmoNetworkingLayer', () => {
  test('defaults', () => {
    const r = renderLayer(new VmoNetworkingLayer(newSite(), 'networking'));
    expect(r.json.name).toBe('vmo-networking');
    expect(r.json.version).toBe('1.0.0');
    expect(r.values.pack['spectrocloud.com/install-priority']).toBe('40');
    // The RA's two sample manifests.
    expect(Object.keys(r.manifests)).toEqual(['nad-vlan-30', 'nad-vlan-untagged']);
    expect(r.manifests['nad-vlan-30'][0].metadata).toEqual({ name: 'vlan-30', namespace: 'default' });
    expect(r.manifests['nad-vlan-untagged'][0].metadata).toEqual({ name: 'vlan-untagged', namespace: 'default' });
  });

  test('custom VLANs, names and namespaces', () => {
    const layer = new VmoNetworkingLayer(newSite(), 'networking', {
      vlans: [{ id: 21 }, { id: 100, name: 'dmz', namespaces: ['dmz'] }],
      untagged: false,
      namespaces: ['default', 'virtual-machines'],
    });
    const r = renderLayer(layer);
    expect(Object.keys(r.manifests)).toEqual(['nad-vlan-21', 'nad-vlan-100']);
    expect(r.manifests['nad-vlan-21'].map((d) => d.metadata.namespace)).toEqual(['default', 'virtual-machines']);
    expect(r.manifests['nad-vlan-100'].map((d) => d.metadata)).toEqual([{ name: 'dmz', namespace: 'dmz' }]);
    expect(layer.networks.map((n) => n.vlan.id)).toEqual([21, 100]);
  });

  test('every NAD config is JSON for the bridge plugin on br0 with its own VLAN', () => {
    const r = renderLayer(new VmoNetworkingLayer(newSite(), 'networking', { vlans: [{ id: 21 }, { id: 30 }, { id: 4094 }], namespaces: ['default', 'virtual-machines'] }));
    const all = nads(r.manifests);
    expect(all).toHaveLength(8);
    for (const { manifest, nad, config } of all) {
      expect(config.cniVersion).toBe('0.3.1');
      expect(config.type).toBe('bridge');
      expect(config.bridge).toBe('br0');
      expect(config.name).toBe(nad.metadata.name);
      expect(config.ipam).toEqual({});
      if (manifest === 'nad-vlan-untagged') expect(config.vlan).toBeUndefined();
      else expect(`nad-vlan-${config.vlan}`).toBe(manifest);
    }
  });

  test('fails on a VLAN out of range', () => {
    expect(() => new VmoNetworkingLayer(newSite(), 'networking', { vlans: [{ id: 5000 }] })).toThrow(/VLAN id 5000 is out of range/);
  });

  test('fails on a VLAN listed twice', () => {
    expect(() => new VmoNetworkingLayer(newSite(), 'networking', { vlans: [{ id: 30 }, { id: 30 }] })).toThrow(/VLAN 30 is listed twice/);
  });

  test('fails on a network name used twice', () => {
    expect(() => new VmoNetworkingLayer(newSite(), 'networking', { vlans: [{ id: 30, name: 'lan' }, { id: 31, name: 'lan' }] })).toThrow(/VM network name 'lan' is used twice/);
  });

  test('fails without any network', () => {
    expect(() => new VmoNetworkingLayer(newSite(), 'networking', { vlans: [], untagged: false })).toThrow(/has no VM networks/);
  });

  test('snapshot', () => {
    expect(renderLayer(new VmoNetworkingLayer(newSite(), 'networking')).json).toMatchSnapshot();
  });
});
