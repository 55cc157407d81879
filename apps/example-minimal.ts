/**
 * The smallest useful Full profile, written with the generic Palette model only: one
 * registry pack with a preset, one manifest layer with a NetworkAttachmentDefinition,
 * and one profile variable used by both.
 */
import { NetworkAttachmentDefinition } from '../imports/k8s.cni.cncf.io';
import {
  ClusterProfile, CloudType, LayerType, ManifestChart, ManifestLayer, PackLayer, PaletteApp, PaletteSite,
  ProfileType, ProfileVariable, VariableFormat,
} from '../lib';

export default function exampleMinimal(app: PaletteApp): void {
  const site = new PaletteSite(app, 'example-minimal');

  const bridge = new ProfileVariable('vmBridge', {
    displayName: 'VM bridge interface',
    description: 'The Linux bridge VMs attach to; Cilium runs on it too',
    format: VariableFormat.STRING,
    defaultValue: 'br0',
    regex: '^[a-z][a-z0-9_.-]{0,14}$',
  });

  const cilium = new PackLayer(site, 'cilium', {
    name: 'cni-cilium-oss',
    version: '1.17.4',
    layer: LayerType.CNI,
    presets: [
      { name: 'vmo-disable', group: 'VMO Compatibility', add: { charts: { cilium: { cni: { exclusive: true } } } } },
      { name: 'vmo-enable', group: 'VMO Compatibility', add: { charts: { cilium: { cni: { exclusive: false }, socketLB: { hostNamespaceOnly: true } } } } },
    ],
    enabledPresets: ['vmo-enable'],
    values: { charts: { cilium: { devices: bridge } } },
  });

  const networking = new ManifestLayer(site, 'vmo-networking', { installPriority: 40 });
  const nad = new ManifestChart(networking, 'nad-vlan-30');
  new NetworkAttachmentDefinition(nad, 'vlan-30', {
    metadata: { name: 'vlan-30', namespace: 'default' },
    spec: {
      config: JSON.stringify({ cniVersion: '0.3.1', name: 'vlan-30', type: 'bridge', bridge: networking.useVariable(bridge), vlan: 30, ipam: {} }, null, 2),
    },
  });

  new ClusterProfile(site, 'Full', {
    name: 'example-minimal',
    description: 'A one-pack Full profile showing presets, a manifest layer and a variable',
    tags: ['example', 'owner:platform'],
    type: ProfileType.FULL,
    cloudType: CloudType.MAAS,
    layers: [cilium, networking],
  });
}
