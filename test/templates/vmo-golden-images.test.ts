import { GOLDEN_IMAGE_SOURCE_REGEX, GoldenImage, VmoGoldenImagesLayer, windows2022ImageVariable } from '../../lib/templates';
import { renderLayer } from '../helpers';
import { bareLayer, newSite } from './helpers';

const UBUNTU_URL = 'docker://gcr.io/spectro-images-public/release/vm-dashboard/os/ubuntu-container-disk:22.04';

describe('GoldenImage', () => {
  const props = { dataVolumeName: 'template-debian-12', registryUrl: 'docker://quay.io/containerdisks/debian:12', sizeGiB: 20 };

  test('defaults', () => {
    const layer = bareLayer();
    const image = new GoldenImage(layer, 'dv-debian-12', props);
    const [dv, ...rest] = renderLayer(layer).manifests['dv-debian-12'];
    expect(rest).toEqual([]);
    expect(dv.apiVersion).toBe('cdi.kubevirt.io/v1beta1');
    expect(dv.kind).toBe('DataVolume');
    expect(dv.metadata.name).toBe('template-debian-12');
    expect(dv.metadata.namespace).toBe('vmo-golden-images');
    expect(dv.metadata.annotations['cdi.kubevirt.io/storage.deleteAfterCompletion']).toBe('false');
    expect(dv.metadata.annotations['cdi.kubevirt.io/storage.bind.immediate.requested']).toBe('true');
    expect(dv.spec.source).toEqual({ registry: { url: 'docker://quay.io/containerdisks/debian:12' } });
    // Only size and class: the StorageProfile decides access and volume mode (STO-007).
    expect(dv.spec.storage).toEqual({ resources: { requests: { storage: '20Gi' } }, storageClassName: 'spectro-storage-class' });
    expect(image).toMatchObject({ dataVolumeName: 'template-debian-12', namespace: 'vmo-golden-images', sizeGiB: 20 });
  });

  test('custom namespace and storage class', () => {
    const layer = bareLayer();
    new GoldenImage(layer, 'dv', { ...props, namespace: 'images', storageClassName: 'px-rwx-block' });
    const [dv] = renderLayer(layer).manifests.dv;
    expect(dv.metadata.namespace).toBe('images');
    expect(dv.spec.storage.storageClassName).toBe('px-rwx-block');
  });

  test('takes a profile variable as the source, declared on the layer', () => {
    const layer = bareLayer();
    const variable = windows2022ImageVariable();
    new GoldenImage(layer, 'dv', { ...props, registryUrl: variable });
    expect(renderLayer(layer).manifests.dv[0].spec.source.registry.url).toBe('{{.spectro.var.windows2022Image}}');
    expect(layer.variables.map((v) => v.name)).toEqual(['windows2022Image']);
  });

  test.each([
    ['docker://docker.io/kreeuwijk/w2k22_eval:latest', "uses the mutable tag ':latest'"],
    ['docker://registry.example.com:5000/vmo/windows-2022', 'has no tag, so it means :latest'],
  ])("fails on the mutable source '%s' (fidelity review D14)", (registryUrl, why) => {
    expect(() => new GoldenImage(bareLayer(), 'dv', { ...props, registryUrl })).toThrow(
      `golden image 'template-debian-12' source '${registryUrl}' ${why}: a golden image is imported once per cluster, so pin a version tag or a digest`,
    );
  });

  test('accepts a version tag behind a registry port, and a digest', () => {
    for (const registryUrl of ['docker://registry.example.com:5000/vmo/windows-2022:20348.2700', `docker://quay.io/containerdisks/debian@sha256:${'a'.repeat(64)}`]) {
      expect(() => new GoldenImage(bareLayer(), 'dv', { ...props, registryUrl })).not.toThrow();
      expect(new RegExp(GOLDEN_IMAGE_SOURCE_REGEX).test(registryUrl)).toBe(true);
    }
    expect(new RegExp(GOLDEN_IMAGE_SOURCE_REGEX).test('https://example.com/w.qcow2')).toBe(false);
  });

  test('fails on a source that is not a registry URL', () => {
    expect(() => new GoldenImage(bareLayer(), 'dv', { ...props, registryUrl: 'https://example.com/debian.qcow2' }))
      .toThrow(/golden image source 'https:\/\/example.com\/debian.qcow2' is not a CDI registry URL/);
  });

  test.each([0, 2.5, -10])('fails on size %p GiB', (sizeGiB) => {
    expect(() => new GoldenImage(bareLayer(), 'dv', { ...props, sizeGiB })).toThrow(new RegExp(`size of golden image 'template-debian-12' ${sizeGiB} GiB is invalid`));
  });

  test('fails on an invalid DataVolume name', () => {
    expect(() => new GoldenImage(bareLayer(), 'dv', { ...props, dataVolumeName: 'Debian 12' })).toThrow(/golden image DataVolume name 'Debian 12' is invalid/);
  });

  test('fails on an invalid namespace', () => {
    expect(() => new GoldenImage(bareLayer(), 'dv', { ...props, namespace: 'golden.images' })).toThrow(/golden image namespace 'golden.images' is invalid/);
  });
});

describe('VmoGoldenImagesLayer', () => {
  test('defaults', () => {
    const layer = new VmoGoldenImagesLayer(newSite(), 'golden');
    const r = renderLayer(layer);
    expect(r.json.name).toBe('vmo-goldenimages');
    expect(r.json.version).toBe('1.0.0');
    expect(r.values.pack['spectrocloud.com/install-priority']).toBe('40');
    expect(Object.keys(r.manifests)).toEqual(['dv-ubuntu-2204', 'dv-windows-2022']);
    const [ubuntu] = r.manifests['dv-ubuntu-2204'];
    expect(ubuntu.metadata.name).toBe('template-ubuntu-2204');
    expect(ubuntu.metadata.namespace).toBe('vmo-golden-images');
    expect(ubuntu.spec.source.registry.url).toBe(UBUNTU_URL);
    expect(ubuntu.spec.storage.resources.requests.storage).toBe('50Gi');
    const [windows] = r.manifests['dv-windows-2022'];
    expect(windows.metadata.name).toBe('template-windows-2022');
    // The RA names no Windows image (seed 002:1132): Palette asks for it at deploy time.
    expect(windows.spec.source.registry.url).toBe('{{.spectro.var.windows2022Image}}');
    expect(layer.variables).toEqual([expect.objectContaining({ name: 'windows2022Image', required: true, defaultValue: undefined, isSensitive: false })]);
    expect(windows.spec.storage.resources.requests.storage).toBe('80Gi');
    expect(layer.ubuntu2204.sizeGiB).toBe(50);
    expect(layer.windows2022.sizeGiB).toBe(80);
  });

  test('custom sizes, sources, namespace and class', () => {
    const r = renderLayer(new VmoGoldenImagesLayer(newSite(), 'golden', {
      ubuntu2204SizeGiB: 30,
      windows2022SizeGiB: 100,
      ubuntu2204RegistryUrl: 'docker://registry.local/ubuntu:22.04',
      windows2022RegistryUrl: 'docker://registry.local/w2k22:1',
      namespace: 'images',
      storageClassName: 'px-rwx',
    }));
    const [ubuntu] = r.manifests['dv-ubuntu-2204'];
    const [windows] = r.manifests['dv-windows-2022'];
    expect(ubuntu.spec.storage).toEqual({ resources: { requests: { storage: '30Gi' } }, storageClassName: 'px-rwx' });
    expect(windows.spec.storage).toEqual({ resources: { requests: { storage: '100Gi' } }, storageClassName: 'px-rwx' });
    expect(ubuntu.spec.source.registry.url).toBe('docker://registry.local/ubuntu:22.04');
    expect(windows.spec.source.registry.url).toBe('docker://registry.local/w2k22:1');
    expect([ubuntu.metadata.namespace, windows.metadata.namespace]).toEqual(['images', 'images']);
  });

  test('the Windows image may use its own class (Rook-Ceph rxbounce), the Ubuntu image keeps the VM class', () => {
    const r = renderLayer(new VmoGoldenImagesLayer(newSite(), 'golden', { storageClassName: 'ceph-block', windows2022StorageClassName: 'ceph-block-windows' }));
    expect(r.manifests['dv-ubuntu-2204'][0].spec.storage.storageClassName).toBe('ceph-block');
    expect(r.manifests['dv-windows-2022'][0].spec.storage.storageClassName).toBe('ceph-block-windows');
  });

  test('fails on a size that is not whole GiB', () => {
    expect(() => new VmoGoldenImagesLayer(newSite(), 'golden', { windows2022SizeGiB: 79.5 })).toThrow(/size of golden image 'template-windows-2022' 79.5 GiB is invalid/);
  });

  test('no DataVolume sets volumeMode or accessModes', () => {
    const r = renderLayer(new VmoGoldenImagesLayer(newSite(), 'golden'));
    const dvs = Object.values(r.manifests).flat().filter((d) => d.kind === 'DataVolume');
    expect(dvs).toHaveLength(2);
    for (const dv of dvs) {
      expect(dv.spec.storage).not.toHaveProperty('volumeMode');
      expect(dv.spec.storage).not.toHaveProperty('accessModes');
      expect(dv.spec).not.toHaveProperty('pvc');
    }
  });

  test('snapshot', () => {
    expect(renderLayer(new VmoGoldenImagesLayer(newSite(), 'golden')).json).toMatchSnapshot();
  });
});
