import { readFileSync } from 'fs';
import { ClusterProfileImportEntity } from '../../lib/api/import-entity';
import { compareProfiles, formatDifference, maskedMatches } from '../../lib/api/profile-comparison';
import { ContentComparison, MASKED_DEFAULT, normaliseProfile, normaliseProfilePair } from '../../lib/api/profile-normalisation';
import { ProfileJson } from '../../lib/palette/cluster-profile';
import { ADDONS_FILE, INFRA_FILE } from './api-harness';

function profile(file: string): ProfileJson {
  return JSON.parse(readFileSync(file, 'utf8')) as ProfileJson;
}

/** The shape of a real export (palette-api.md §6.2, §6.5): order, masks, 6-key registries, no trailing newline. */
function exportOf(p: ProfileJson): ClusterProfileImportEntity {
  return {
    metadata: { name: p.metadata.name, description: p.metadata.description, labels: Object.fromEntries(Object.entries(p.metadata.labels).reverse()) },
    spec: {
      version: p.spec.version,
      template: {
        type: p.spec.template.type,
        cloudType: p.spec.template.cloudType,
        packs: p.spec.template.packs.map((k) => ({
          ...k,
          ...(k.type === 'manifest' ? { tag: undefined } : {}),
          values: `${k.values.replace(/\n$/, '')}\n\n`,
          registry: { metadata: { providerType: '', isSyncSupported: true, ...k.registry.metadata, uid: 'tenant-specific' } },
        })),
      },
      variables: p.spec.variables.map((v, i) => ({
        ...v,
        order: String(1000 + i),
        inputType: v.inputType ?? 'text',
        ...(v.isSensitive && v.defaultValue !== undefined ? { defaultValue: '********' } : {}),
      })),
    },
  };
}

describe('normaliseProfile', () => {
  test('defaults: keys packs and variables by name, keeps the layer order, drops export-only fields', () => {
    const n = normaliseProfile(profile(ADDONS_FILE));
    expect(n.layerOrder).toEqual(['lb-metallb-helm', 'vmo-networking']);
    expect(Object.keys(n.variables)).toEqual(['vmVlanId', 'winAdminPassword']);
    expect(n.packs['vmo-networking'].registry).toEqual({ name: '', kind: '' });
    expect(n.packs['vmo-networking'].manifestOrder).toEqual(['nad-vlan', 'win-admin-secret']);
    expect(n.packs['lb-metallb-helm'].values).toMatchObject({ pack: { namespace: 'metallb-system' } });
    expect(n.variables.vmVlanId).toEqual({
      displayName: 'VM VLAN', description: 'VLAN of the VM network', format: 'number', defaultValue: '30',
      required: true, immutable: false, hidden: false, isSensitive: false, inputType: 'text',
    });
  });

  test('custom: defaults missing booleans, description and inputType; "" default is absent; masked sensitive default is marked', () => {
    const n = normaliseProfile({
      metadata: { name: 'p' },
      spec: { version: '1', template: { packs: [] }, variables: [{ name: 'a', defaultValue: '' }, { name: 's', isSensitive: true, defaultValue: '*****' }] },
    });
    expect(n.variables.a).toEqual({ description: '', required: false, immutable: false, hidden: false, isSensitive: false, inputType: 'text' });
    expect(n.variables.s.defaultValue).toBe(MASKED_DEFAULT);
    expect(n.description).toBe('');
  });

  test('custom: strictRegistry keeps the uid; a manifest pack without tag takes its version; presets header is read', () => {
    const p = profile(INFRA_FILE);
    const n = normaliseProfile(p, { strictRegistry: true });
    expect(n.packs.kubernetes.registry).toEqual({ name: 'Public Repo', kind: 'pack', uid: '5eecc89d0b150045ae661cef' });
    expect(n.packs['cni-cilium-oss'].enabledPresets).toEqual(['VMO Compatibility:vmo-enable']);
    const addons = profile(ADDONS_FILE);
    const { tag: _tag, ...noTag } = addons.spec.template.packs[1];
    expect(normaliseProfile({ ...addons, spec: { ...addons.spec, template: { ...addons.spec.template, packs: [noTag] } } }).packs['vmo-networking'].tag).toBe('1.0.0');
  });

  test('custom: multi-document manifests are keyed by kind and name; YAML that does not parse stays text', () => {
    const n = normaliseProfile({
      metadata: { name: 'p' },
      spec: {
        version: '1',
        template: {
          packs: [
            {
              name: 'm',
              values: 'a: [unclosed',
              manifests: [{ name: 'two', content: 'kind: A\nmetadata: {name: alpha}\n---\nkind: B\nmetadata: {name: beta}\n' }],
            },
          ],
        },
      },
    });
    expect(n.packs.m.values).toBe('a: [unclosed');
    expect(Object.keys(n.packs.m.manifests.two as object)).toEqual(['A/alpha', 'B/beta']);
  });

  test('custom: the pair drops a masked sensitive default on both sides only', () => {
    const local = profile(ADDONS_FILE);
    local.spec.variables[1].defaultValue = 'real';
    const { local: l, remote: r } = normaliseProfilePair(local, exportOf(local));
    expect(l.variables.winAdminPassword.defaultValue).toBeUndefined();
    expect(r.variables.winAdminPassword.defaultValue).toBeUndefined();
    expect(l.variables.vmVlanId.defaultValue).toBe('30');
  });
});

describe('compareProfiles', () => {
  test('defaults: a profile equals its export', () => {
    for (const file of [INFRA_FILE, ADDONS_FILE]) expect(compareProfiles(profile(file), exportOf(profile(file)))).toEqual([]);
  });

  test('custom: re-quoted scalars are equal as data and different as text', () => {
    const local = profile(ADDONS_FILE);
    const remote = exportOf(local);
    const nets = remote.spec.template.packs[1];
    const requoted = { ...nets, manifests: nets.manifests?.map((m) => ({ ...m, content: (m.content ?? '').replace('apiVersion: v1', 'apiVersion: "v1"') })) };
    const changed = { ...remote, spec: { ...remote.spec, template: { ...remote.spec.template, packs: [remote.spec.template.packs[0], requoted] } } };
    expect(compareProfiles(local, changed)).toEqual([]);
    expect(compareProfiles(local, changed, { content: ContentComparison.TEXT }).map((c) => c.path)).toEqual(['packs.vmo-networking.manifests.win-admin-secret']);
  });

  test('custom: masked runs in exported values match any value on one line', () => {
    expect(maskedMatches('hunter2', '********')).toBe(true);
    expect(maskedMatches('user:hunter2@host', 'user:********@host')).toBe(true);
    expect(maskedMatches('user:x@other', 'user:********@host')).toBe(false);
    expect(maskedMatches('a\nb', '********')).toBe(false);
    expect(maskedMatches('x', '***')).toBe(false);
    const local = profile(INFRA_FILE);
    local.spec.template.packs[1].values += 'token: abc\n';
    const remote = exportOf(local);
    const k8s = remote.spec.template.packs[1];
    const masked = { ...k8s, values: (k8s.values ?? '').replace('token: abc', "token: '********'") };
    expect(compareProfiles(local, { ...remote, spec: { ...remote.spec, template: { ...remote.spec.template, packs: [remote.spec.template.packs[0], masked, remote.spec.template.packs[2]] } } })).toEqual([]);
  });

  test('custom: labels compare as a map; a changed label and description are listed', () => {
    const local = profile(INFRA_FILE);
    const remote = exportOf(local);
    const changed = { ...remote, metadata: { ...remote.metadata, description: 'x', labels: { ...remote.metadata.labels, site: 'other' } } };
    expect(compareProfiles(local, changed).map(formatDifference)).toEqual([
      'description: file "Synthetic infra profile for API tests", Palette "x"',
      'labels.site: file "lab", Palette "other"',
    ]);
  });
});
