import { LayerType, PackRegistry, PaletteApp, PaletteSite } from '../../lib/palette';
import { NginxPack, NginxPackProps } from '../../lib/packs/nginx';
import { renderLayer } from '../helpers';

function nginx(props: NginxPackProps = {}) {
  const app = new PaletteApp();
  return new NginxPack(new PaletteSite(app, 'test'), 'nginx', props);
}

describe('NginxPack', () => {
  test('defaults', () => {
    const layer = nginx();
    const { json, values } = renderLayer(layer);
    expect(json.name).toBe('nginx');
    expect(json.version).toBe('1.12.2');
    expect(json.layer).toBe(LayerType.ADDON.value);
    expect(values.pack.namespace).toBe('nginx');
    expect(values.pack['spectrocloud.com/install-priority']).toBe('10');
    const chart = values.charts['ingress-nginx'];
    expect(chart.controller.extraArgs['enable-ssl-passthrough']).toBe(true);
    expect(chart.tcp['6443']).toBe('nginx/nginx-ingress-nginx-controller:443');
    // The port is a quoted string key, as Helm's tcp map expects.
    expect(layer.values).toContain('"6443": nginx/nginx-ingress-nginx-controller:443');
    expect(json).toMatchSnapshot();
  });

  test('custom namespace moves the tcp target with it', () => {
    const { values } = renderLayer(nginx({ namespace: 'ingress', installPriority: 15 }));
    expect(values.pack.namespace).toBe('ingress');
    expect(values.pack['spectrocloud.com/install-priority']).toBe('15');
    expect(values.charts['ingress-nginx'].tcp['6443']).toBe('ingress/nginx-ingress-nginx-controller:443');
  });

  test('custom without virtual cluster compatibility', () => {
    const layer = nginx({ virtualClusterCompatibility: false });
    const { values } = renderLayer(layer);
    expect(layer.virtualClusterCompatibility).toBe(false);
    expect(values.charts).toBeUndefined();
    expect(values.pack.namespace).toBe('nginx');
  });

  test('custom registry and extra values', () => {
    const { json, values } = renderLayer(nginx({
      registry: PackRegistry.PALETTE_REGISTRY,
      values: { charts: { 'ingress-nginx': { controller: { service: { type: 'LoadBalancer' } } } } },
    }));
    expect(json.type).toBe('oci');
    expect(json.registry.metadata.name).toBe('Palette Registry');
    expect(values.charts['ingress-nginx'].controller).toEqual({ extraArgs: { 'enable-ssl-passthrough': true }, service: { type: 'LoadBalancer' } });
  });

  test('fails with an invalid namespace', () => {
    expect(() => nginx({ namespace: 'Ingress_NGINX' })).toThrow(/namespace 'Ingress_NGINX' is not a valid namespace name/);
  });

  test('fails with a fractional install priority', () => {
    expect(() => nginx({ installPriority: 1.5 })).toThrow(/install priority 1\.5/);
  });
});
