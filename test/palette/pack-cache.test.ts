import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { PackDefaults, parsePresetsYaml, writePackCache } from '../../lib/palette';
import { cacheFiles, cachedPresets, catalogVersions } from '../../lib/palette/pack-cache';
import { tempDirs } from '../helpers';
import { REPO_ROOT } from '../support/dist-tree';

const tempDir = tempDirs('pvmo-pack-cache-');
const PACKS = join(REPO_ROOT, 'packs');
const print = (d: PackDefaults) => d.toDocument().toString({ lineWidth: 0, minContentWidth: 0 });

describe('the pack cache (the built-in catalog parsed ahead of time by npm run build)', () => {
  test('holds every file of the built-in catalog, and a cached file gives the same document, values and presets as parsing it', () => {
    const cache = tempDir();
    const { written, skipped } = writePackCache(PACKS, cache);
    expect(skipped).toEqual([]);
    expect(written).toBeGreaterThan(5);
    for (const { name, version, folder } of catalogVersions(PACKS)) {
      const files = cacheFiles(cache, name, version);
      const text = readFileSync(join(folder, 'values.yaml'), 'utf8');
      const cached = PackDefaults.fromYaml(text, 'values.yaml', files.values);
      const parsed = PackDefaults.fromYaml(text, 'values.yaml');
      expect([name, print(cached)]).toEqual([name, print(parsed)]);
      expect(cached.toValues()).toEqual(parsed.toValues());
      let presetsText: string | undefined;
      try {
        presetsText = readFileSync(join(folder, 'presets.yaml'), 'utf8');
      } catch {
        presetsText = undefined;
      }
      if (presetsText !== undefined) expect(cachedPresets(files.presets, presetsText)).toEqual(parsePresetsYaml(presetsText, 'presets.yaml'));
    }
  });

  test('every build prints the parts again: an entry kept from an earlier build gets the parts of this printer', () => {
    const cache = tempDir();
    writePackCache(PACKS, cache);
    const file = cacheFiles(cache, 'cni-cilium-oss', '1.17.4').values;
    const entry = JSON.parse(readFileSync(file, 'utf8')) as { printed: { text: string }[]; printer: string };
    expect(entry.printed.length).toBeGreaterThan(0);
    // An earlier build's printer that printed otherwise in a way its stamp does not show.
    const earlier = entry.printed.map((p) => ({ ...p, text: p.text.replace(/: /g, ':  ') }));
    writeFileSync(file, JSON.stringify({ ...entry, printed: earlier }));
    const text = readFileSync(join(PACKS, 'cni-cilium-oss', '1.17.4', 'values.yaml'), 'utf8');
    expect(PackDefaults.fromYaml(text, 'values.yaml', file).printedSubtrees).toEqual(earlier);
    writePackCache(PACKS, cache);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(entry);
    expect(PackDefaults.fromYaml(text, 'values.yaml', file).printedSubtrees).toEqual(entry.printed);
    // Parts of a printer whose stamp differs are not used at all; the parsed document still is.
    writeFileSync(file, JSON.stringify({ ...entry, printer: 'another printer' }));
    const other = PackDefaults.fromYaml(text, 'values.yaml', file);
    expect(other.printedSubtrees).toEqual([]);
    expect(other.toValues()).toEqual(PackDefaults.fromYaml(text, 'values.yaml').toValues());
  });

  test('an entry made from another text is not used: the text is parsed', () => {
    const cache = tempDir();
    const file = join(cache, 'values.json');
    expect(PackDefaults.writeCache('a: 1\n', 'a.yaml', file)).toBe(true);
    expect(PackDefaults.fromYaml('a: 2\n', 'a.yaml', file).toValues()).toEqual({ a: 2 });
    expect(PackDefaults.fromYaml('a: 1\n', 'a.yaml', file).toValues()).toEqual({ a: 1 });
    expect(cachedPresets(join(cache, 'missing.json'), 'presets: []\n')).toBeUndefined();
  });
});
