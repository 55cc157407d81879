import { ExitCode } from '../exit-code';
import { formatFindingLine, localFindings } from '../local-checks';
import { PaletteClient } from '../palette-client';
import { inPushOrder, loadProfileDocuments, profileLabel, ProfileInput } from '../profile-document';
import { RegistryResolver } from '../registry-resolution';
import { RemoteChecks } from '../remote-checks';
import { CommandOutput } from './command-output';
import { runCommand } from './run-command';

export interface ValidateRemoteOptions {
  readonly client: PaletteClient;
  /** Profile JSON files, site output folders (`dist/<site>/`), or parsed profiles. */
  readonly inputs: readonly ProfileInput[];
  /** `--registry-map`: registry name in the files -> registry uid in Palette. @default by uid, then name and kind */
  readonly registryMap?: ReadonlyMap<string, string>;
  readonly output: CommandOutput;
}

/**
 * `palette-vmo validate --remote` (palette-api.md §6.4): the local profile checks, then for
 * each profile Palette's `import/validate`, a registry for every pack, the user macros it
 * references, and whether the name and version exist (information only).
 * Exit 0 valid, 1 invalid, 3 auth, 4 transport.
 */
export async function validateRemote(options: ValidateRemoteOptions): Promise<ExitCode> {
  const { client, output } = options;
  return runCommand(output, async () => {
    const docs = inPushOrder(loadProfileDocuments(options.inputs));
    let failed = false;
    for (const doc of docs) {
      const { errors, others } = localFindings(doc);
      for (const f of others) output.err(formatFindingLine(doc, f));
      for (const f of errors) output.err(formatFindingLine(doc, f));
      failed ||= errors.length > 0;
    }
    if (failed) return ExitCode.INVALID;
    const checks = new RemoteChecks(client, new RegistryResolver(client, options.registryMap));
    for (const doc of docs) {
      const label = profileLabel(doc.json);
      const result = await checks.check(doc);
      const free = await client.isNameVersionFree(doc.json.metadata.name, doc.json.spec.version);
      for (const p of result.problems) output.err(p);
      if (result.problems.length) {
        failed = true;
        continue;
      }
      const notes = [
        ...(result.exists || !free ? ['exists on Palette (push compares it)'] : []),
        ...(result.rewritten ? [`registries remapped for ${result.remapped.map((c) => `${c.packName} -> '${c.registry.name}'`).join(', ')}`] : []),
      ];
      output.out(`${label}: valid on Palette${notes.length ? `; ${notes.join('; ')}` : ''}`);
    }
    return failed ? ExitCode.INVALID : ExitCode.OK;
  });
}
