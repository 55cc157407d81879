import type { PackToPull } from '../../api/commands/pull-packs';
import { ValidationError } from '../../common/errors';
import { formatFindings, isBlocking } from '../../palette/finding';
import type { RenderResult } from '../../palette/palette-app';
import { CliCommand, flag, stringOption, UsageError } from '../cli-command';
import { PALETTE_OPTIONS, REGISTRY_MAP_OPTION, registryMap, withClient } from '../palette-options';

/**
 * `palette-vmo packs pull`: the complete default values (and presets and schema, where
 * Palette serves them) of every registry pack the sites use, into a pack catalog folder.
 */
export const PACKS_PULL_COMMAND: CliCommand = {
  name: 'packs pull',
  usage: '<site|app|folder>... [--out packs] [--force] [--registry-map ...]',
  summary: "fetch the default values of the sites' registry packs from Palette into a pack catalog folder",
  details: [
    'Writes <out>/<pack>/<version>/values.yaml (and presets.yaml, schema.yaml) exactly as Palette serves them, and',
    'never overwrites a file it did not write unless --force. Packs are looked up in the registry of the same name',
    'as in the profiles (--registry-map names a uid instead).',
  ].join('\n'),
  options: [
    { name: 'out', type: 'string', value: 'dir', description: 'the pack catalog folder (default: packs)' },
    { name: 'force', type: 'boolean', description: 'overwrite files that packs pull did not write' },
    REGISTRY_MAP_OPTION,
    ...PALETTE_OPTIONS,
  ],
  async run(args, io) {
    if (!args.positionals.length) throw new UsageError("'packs pull' needs site files, app programs or folders of them", PACKS_PULL_COMMAND);
    const [{ renderTargets }, { pullPacks }] = await Promise.all([import('../site-run'), import('../../api/commands/pull-packs')]);
    const run = renderTargets(args.positionals, io);
    if (!run.result) {
      const blocking = run.findings.filter(isBlocking);
      throw new ValidationError(`${blocking.length} error(s) in the sites, so their packs are not known:\n${formatFindings(blocking)}`);
    }
    const packs = registryPacks(run.result, registryMap(args));
    return withClient(args, io, (client) =>
      pullPacks({ client, packs, outDir: stringOption(args, 'out') ?? 'packs', force: flag(args, 'force'), output: { out: io.out, err: io.err } }),
    );
  },
};

/** Every registry pack version the sites' profiles use, once each, in profile order. */
export function registryPacks(result: RenderResult, map: ReadonlyMap<string, string>): PackToPull[] {
  const out = new Map<string, PackToPull>();
  for (const site of result.rendered.values()) {
    for (const { json } of site.profiles) {
      for (const pack of json.spec.template.packs) {
        if (pack.type === 'manifest') continue;
        const registryName = pack.registry.metadata.name;
        const key = `${pack.name}\u0000${pack.version}\u0000${registryName}`;
        if (out.has(key)) continue;
        const registryUid = map.get(registryName);
        out.set(key, {
          name: pack.name,
          version: pack.version,
          ...(registryUid !== undefined ? { registryUid } : { registryName }),
          layer: pack.layer,
          cloudType: json.spec.template.cloudType,
        });
      }
    }
  }
  return [...out.values()];
}
