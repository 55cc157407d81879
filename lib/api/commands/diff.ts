import { ValidationError } from '../../common/errors';
import { ExitCode } from '../exit-code';
import { PaletteApiError } from '../palette-api-error';
import { ExportedProfile, PaletteClient } from '../palette-client';
import { compareProfiles, formatDifference } from '../profile-comparison';
import { loadProfileDocuments, profileLabel, ProfileInput } from '../profile-document';
import { ContentComparison } from '../profile-normalisation';
import { CommandOutput } from './command-output';
import { runCommand } from './run-command';

export interface DiffOptions {
  readonly client: PaletteClient;
  /** One profile JSON file, or a parsed profile. */
  readonly input: ProfileInput;
  /** The remote profile's uid (`--uid`). @default the profile with the file's name and version */
  readonly uid?: string;
  /** Compare registry uids too (`--strict-registry`). @default false: by name and kind */
  readonly strictRegistry?: boolean;
  /** @default ContentComparison.DATA */
  readonly content?: ContentComparison;
  readonly output: CommandOutput;
}

/**
 * `palette-vmo diff` (palette-api.md §6.4): exports the remote profile, normalises both sides
 * (§6.6) and prints one line per difference, pack values and manifests as YAML paths.
 * Exit 0 equal, 1 different (or a user error, whose line says so), 3 auth, 4 transport.
 */
export async function diff(options: DiffOptions): Promise<ExitCode> {
  const { client, output } = options;
  return runCommand(output, async () => {
    const docs = loadProfileDocuments([options.input]);
    if (docs.length !== 1) throw new ValidationError(`diff compares one profile, and the input holds ${docs.length}: pass one profile JSON file`);
    const doc = docs[0];
    const label = profileLabel(doc.json);
    let uid = options.uid;
    if (uid === undefined) {
      const found = await client.findProfile(doc.json.metadata.name, doc.json.spec.version);
      if (!found) throw new ValidationError(`${label} (${doc.source}) is not on Palette in ${client.scope} scope: push it first, or pass --uid`);
      uid = found.uid;
    }
    let exported: ExportedProfile;
    try {
      exported = await client.exportProfile(uid);
    } catch (e) {
      if (e instanceof PaletteApiError && e.status === 404) throw new ValidationError(`no profile with uid ${uid} on Palette in ${client.scope} scope: check --uid`);
      throw e;
    }
    const changes = compareProfiles(doc.json, exported.entity, { strictRegistry: options.strictRegistry, content: options.content });
    if (changes.length === 0) {
      output.out(`${label}: no differences between ${doc.source} and Palette (uid ${uid})`);
      return ExitCode.OK;
    }
    output.out(`${label}: ${changes.length} difference(s) between ${doc.source} and Palette (uid ${uid}):`);
    for (const c of changes) output.out(`  ${formatDifference(c)}`);
    return ExitCode.DIFFERENT;
  });
}
