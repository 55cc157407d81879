import { join } from 'path';
import { ValidationError } from '../../common/errors';
import { ExitCode, exitCodeFor } from '../exit-code';
import { PaletteClient, PackVersion } from '../palette-client';
import { RegistryInfo } from '../palette-types';
import { PulledPackFolder } from '../pulled-pack-folder';
import { CommandOutput } from './command-output';
import { runCommand } from './run-command';

/** One registry pack version to pull; the caller derives the list from a site. */
export interface PackToPull {
  readonly name: string;
  readonly version: string;
  /** The registry's uid in this Palette; wins over registryName. */
  readonly registryUid?: string;
  /** The registry's name (`Public Repo`), looked up in `GET /v1/registries/metadata`. */
  readonly registryName?: string;
  /** Query of the pack lookup (palette-api.md §6.2). @default not sent */
  readonly layer?: string;
  /** @default not sent */
  readonly cloudType?: string;
}

export interface PullPacksOptions {
  readonly client: PaletteClient;
  readonly packs: readonly PackToPull[];
  /** The pack catalog folder: files go to `<outDir>/<pack>/<version>/`. */
  readonly outDir: string;
  /** Overwrite files that pull-packs did not write (`--force`). @default false */
  readonly force?: boolean;
  readonly output: CommandOutput;
}

/**
 * `pull-packs`: fetches each pack version's complete default values (and presets and schema
 * where Palette serves them) and writes the pack-catalog layout
 * `<out>/<pack>/<version>/{values.yaml, presets.yaml?, schema.yaml?}`, values exactly as
 * served. Everything is fetched and checked before anything is written: a missing pack or a
 * file pull-packs did not write (unless forced) writes nothing.
 * Exit 0 ok, 1 missing pack or foreign file, 3 auth, 4 transport.
 */
export async function pullPacks(options: PullPacksOptions): Promise<ExitCode> {
  const { client, output } = options;
  return runCommand(output, async () => {
    let registries: Promise<RegistryInfo[]> | undefined;
    const plans: { pack: PackToPull; folder: PulledPackFolder; files: Map<string, string> }[] = [];
    let failed = false;
    for (const pack of options.packs) {
      try {
        const folder = new PulledPackFolder(join(options.outDir, folderName(pack.name, 'pack name'), folderName(pack.version, `pack ${pack.name} version`)));
        const registryUid = pack.registryUid ?? registryUidOf(pack, await (registries ??= client.listRegistries()));
        const served = await client.findPackVersion(pack.name, pack.version, registryUid, { layer: pack.layer, cloudType: pack.cloudType });
        plans.push({ pack, folder, files: catalogFiles(served) });
      } catch (e) {
        const code = exitCodeFor(e);
        // Auth and transport failures end the run; a missing pack is reported and the rest checked.
        if (code !== ExitCode.INVALID || !(e instanceof Error)) throw e;
        output.err(e.message);
        failed = true;
      }
    }
    if (!options.force) {
      for (const { folder, files } of plans) {
        for (const path of folder.foreignFiles(files)) {
          output.err(`${path} exists and was not written by pull-packs (or was edited since): move it away, or pass --force to overwrite it`);
          failed = true;
        }
      }
    }
    if (failed) return ExitCode.INVALID;
    for (const { pack, folder, files } of plans) {
      const changed = folder.write(files);
      output.out(`${pack.name} ${pack.version}: ${changed.length ? `wrote ${changed.join(', ')}` : 'unchanged'} in ${folder.dir}`);
    }
    if (plans.length) output.out(`next: give the catalog to the sites: palette-vmo synth ... --pack-catalog ${options.outDir}, or 'packCatalog: <path from the site file>' in each site file`);
    return ExitCode.OK;
  });
}

/** values.yaml always (exactly as served); presets.yaml and schema.yaml only when not empty. */
function catalogFiles(served: PackVersion): Map<string, string> {
  const files = new Map<string, string>([['values.yaml', served.values]]);
  if (served.presets) files.set('presets.yaml', served.presets);
  if (served.schema) files.set('schema.yaml', served.schema);
  return files;
}

function registryUidOf(pack: PackToPull, registries: readonly RegistryInfo[]): string {
  if (pack.registryName === undefined) throw new ValidationError(`pack ${pack.name} ${pack.version} names no registry: give its registry name or uid`);
  const named = registries.filter((r) => r.name === pack.registryName);
  if (named.length !== 1) {
    const all = registries.map((r) => `'${r.name}' uid ${r.uid}`).join('; ') || 'none';
    const why = named.length ? `${named.length} registries are named '${pack.registryName}'` : `no registry '${pack.registryName}' on this Palette`;
    throw new ValidationError(`pack ${pack.name} ${pack.version}: ${why} (registries: ${all}): give the registry uid instead`);
  }
  return named[0].uid;
}

/** A pack name or version as one folder name: no separators, no `..`. */
function folderName(value: string, what: string): string {
  if (!value || value === '.' || value === '..' || /[\\/\0]/.test(value)) {
    throw new ValidationError(`${what} '${value}' cannot be a folder name: use the name and version as Palette lists them`);
  }
  return value;
}
