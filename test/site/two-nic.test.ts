import { VmoSiteProps } from '../../lib';
import { buildSite, errorIds, layerValues } from './fixtures';

const TWO_NIC: VmoSiteProps = {
  name: 'two-nic',
  network: {
    layout: 'two-nic',
    mgmt: { vlan: 10, cidr: '172.16.0.0/22' },
    data: { vlan: 20, cidr: '10.20.0.0/16', gateway: '10.20.30.1' },
  },
  vmVlans: '21-100',
};
const VM_ON_DATA: VmoSiteProps = { ...TWO_NIC, name: 'vm-on-data', network: { ...TWO_NIC.network, layout: 'two-nic-vm-on-data-vlan' } };


describe('two-NIC layouts', () => {
  test('two-nic: VLANs 10 and 20 are refused as VM VLANs (VLAN-002)', () => {
    expect(errorIds({ ...TWO_NIC, vmVlans: '10-100' })).toEqual(expect.arrayContaining([expect.stringMatching(/^VLAN-002: .*\b10\b/), expect.stringMatching(/^VLAN-002: .*\b20\b/)]));
  });

  test('two-nic: a NAD on VLAN 20 is refused', () => {
    expect(errorIds({ ...TWO_NIC, vmVlans: '21-100', templates: { networks: [{ vlan: 20 }] } })).toEqual(expect.arrayContaining([expect.stringMatching(/^VLAN-00[23]: .*20/)]));
  });

  test('two-nic: br0 carries the PXE address, so allowVlansOnSelf is on with VLAN 1 and the VM VLANs', () => {
    const site = buildSite(TWO_NIC);
    const env = layerValues(site, 'vmo').values.charts['virtual-machine-orchestrator'].vlanFiltering.env;
    expect(env.allowVlansOnSelf).toBe('true');
    expect(env.allowedVlansOnSelf).toBe('1,21-100');
  });

  test('two-nic-vm-on-data-vlan: VLAN 20 is allowed for VMs, with allowVlansOnSelf covering br0.20', () => {
    const site = buildSite({ ...VM_ON_DATA, vmVlans: '20-100', templates: { networks: [{ vlan: 20 }] } });
    const env = layerValues(site, 'vmo').values.charts['virtual-machine-orchestrator'].vlanFiltering.env;
    expect(env.allowVlansOnSelf).toBe('true');
    expect(env.allowedVlans).toBe('20-100');
    expect(env.allowedVlansOnSelf).toBe('1,20-100');
    expect(Object.keys(layerValues(site, 'networking').manifests)).toContain('nad-vlan-20');
    expect(layerValues(site, 'metallb').values.charts['metallb-full'].configuration.l2advertisements.default.spec.interfaces).toEqual(['br0.20']);
  });

  test('two-nic-vm-on-data-vlan: VLAN 10 is still refused', () => {
    expect(errorIds({ ...VM_ON_DATA, vmVlans: '10-100' })).toEqual(expect.arrayContaining([expect.stringMatching(/^VLAN-002: .*\b10\b/)]));
  });
});
