import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { VmoSiteModel } from '../site-model';

/**
 * VLAN-007: Cilium's bridge preset matches where the node address sits. Seed 002: "If for
 * some reason the Kubernetes nodes do not run on a VLAN subinterface, but on the br0
 * interface directly, you must enable the "Run Cilium On Bridge (br0)" preset"; the
 * `forceDeviceDetection` option "allows scenarios where worker nodes need the Run Cilium on
 * Bridge (br0) preset to be active, while also using control plane nodes that do not have a
 * br0 network adapter". Control-plane nodes are not part of the worker layout, so they are
 * taken to have no br0 (the RA allows them to be VMs).
 */
export const VLAN_007: Rule<VmoSiteModel> = {
  id: 'VLAN-007',
  level: FindingLevel.WARNING,
  description: 'when the node address sits on br0 itself, Cilium uses the "Run Cilium on Bridge (br0)" preset, with forceDeviceDetection for control planes without br0',
  source: 'seed 001 (RA rev 1.2) and seed 002 (RA rev 1.7), Cilium layer and "When limited on network interfaces"',
  check(site) {
    const out: RuleViolation[] = [];
    const cni = site.cni;
    if (!cni) return out;
    const { mgmt, vmBridge } = site.network;
    const nodeOnBridge = mgmt.interface === vmBridge;
    const preset = cni.bridgeInterface;
    if (nodeOnBridge && preset !== 'br0') {
      out.push({
        location: 'cilium.bridgeInterface',
        message: `the node address sits on ${vmBridge} itself but Cilium uses the '${preset}' interface preset: use 'br0' ("Run Cilium on Bridge (br0)")`,
      });
    }
    if (!nodeOnBridge && preset === 'br0') {
      out.push({
        location: 'cilium.bridgeInterface',
        message: `Cilium runs on the bridge ('br0' preset) but the node address sits on ${mgmt.interface}, not ${vmBridge}: use 'autodetect' ("Autodetect Cilium Interface", the RA's choice)`,
      });
    }
    if (preset === 'br0' && cni.forceDeviceDetection !== true) {
      out.push({
        location: 'cilium.forceDeviceDetection',
        message: `the 'br0' Cilium preset with forceDeviceDetection ${cni.forceDeviceDetection}: control-plane nodes have no br0; set forceDeviceDetection to true (RA rev 1.7)`,
      });
    }
    return out;
  },
};
