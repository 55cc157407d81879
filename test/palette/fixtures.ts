import { NetworkAttachmentDefinition } from '../../imports/k8s.cni.cncf.io';
import {
  ClusterProfile, CloudType, LayerType, ManifestChart, ManifestLayer, PackLayer, PaletteApp, PaletteSite, ProfileType,
  ProfileVariable, VariableFormat,
} from '../../lib/palette';

/** A small Full profile: one registry pack with a preset, a manifest layer with a NAD, one shared variable. */
export function smallSite(app: PaletteApp, opts: { vlan?: number; siteName?: string } = {}) {
  const site = new PaletteSite(app, opts.siteName ?? 'small');
  const bridge = new ProfileVariable('vmBridge', { format: VariableFormat.STRING, defaultValue: 'br0' });
  const cni = new PackLayer(site, 'cni', {
    name: 'cni-cilium-oss',
    version: '1.17.4',
    layer: LayerType.CNI,
    presets: [{ name: 'vmo-enable', group: 'VMO Compatibility', add: { charts: { cilium: { cni: { exclusive: false } } } } }],
    enabledPresets: ['vmo-enable'],
    values: { charts: { cilium: { devices: bridge } } },
  });
  const nets = new ManifestLayer(site, 'vmo-networking', { installPriority: 40 });
  const chart = new ManifestChart(nets, `nad-vlan-${opts.vlan ?? 30}`);
  new NetworkAttachmentDefinition(chart, 'nad', {
    metadata: { name: `vlan-${opts.vlan ?? 30}`, namespace: 'default' },
    spec: { config: JSON.stringify({ type: 'bridge', bridge: nets.useVariable(bridge), vlan: opts.vlan ?? 30 }) },
  });
  const profile = new ClusterProfile(site, 'Full', { name: 'small-full', type: ProfileType.FULL, cloudType: CloudType.MAAS, layers: [cni, nets] });
  return { site, cni, nets, profile, bridge };
}
