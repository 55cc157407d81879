import { ExitCode } from '../exit-code';
import { formatFindingLine, localFindings } from '../local-checks';
import { PaletteApiError } from '../palette-api-error';
import { PaletteClient } from '../palette-client';
import { compareProfiles, formatDifference } from '../profile-comparison';
import { inPushOrder, loadProfileDocuments, profileLabel, ProfileDocument, ProfileInput } from '../profile-document';
import { ContentComparison } from '../profile-normalisation';
import { RegistryResolver } from '../registry-resolution';
import { RemoteCheckResult, RemoteChecks } from '../remote-checks';
import { CommandOutput } from './command-output';
import { OnExists } from './on-exists';
import { runCommand } from './run-command';

export interface PushOptions {
  readonly client: PaletteClient;
  /** Profile JSON files, site output folders (`dist/<site>/`), or parsed profiles. */
  readonly inputs: readonly ProfileInput[];
  /** @default OnExists.SKIP_IF_IDENTICAL */
  readonly onExists?: OnExists;
  /** `--registry-map`: registry name in the files -> registry uid in Palette. @default by uid, then name and kind */
  readonly registryMap?: ReadonlyMap<string, string>;
  /** Compare registry uids too when deciding "unchanged". @default false */
  readonly strictRegistry?: boolean;
  /** @default ContentComparison.DATA */
  readonly content?: ContentComparison;
  readonly output: CommandOutput;
}

/** What happened to one profile; printed as `<name> <version>: <action> (uid <uid>)`. */
export type PushAction = 'created' | 'unchanged' | 'replaced';

/**
 * `palette-vmo push` (palette-api.md §6.4): idempotent import of each profile, Infra and Full
 * before add-ons. Same name, version and content (after §6.6) is "unchanged"; other content
 * fails with "bump the version" unless `replace` is asked for and no cluster uses it; a new
 * profile is imported with `publish=true` (multipart `importFile` with the file's bytes, or
 * JSON when its registries were rewritten for the target). Stops at an auth or transport
 * failure; otherwise goes on with the next profile and returns the first failure's code.
 * Exit 0 ok, 1 invalid, 2 exists and differs, 3 auth, 4 transport.
 */
export async function push(options: PushOptions): Promise<ExitCode> {
  const { output } = options;
  return runCommand(output, async () => {
    const docs = inPushOrder(loadProfileDocuments(options.inputs));
    let invalid = false;
    for (const doc of docs) {
      for (const f of localFindings(doc).errors) {
        output.err(formatFindingLine(doc, f));
        invalid = true;
      }
    }
    // Nothing is sent while any profile fails the local checks (§6.4 step 1).
    if (invalid) return ExitCode.INVALID;
    const pusher = new ProfilePusher(options);
    let result: ExitCode = ExitCode.OK;
    for (const doc of docs) {
      const code = await pusher.push(doc);
      if (result === ExitCode.OK) result = code;
    }
    return result;
  });
}

class ProfilePusher {
  private readonly client: PaletteClient;
  private readonly resolver: RegistryResolver;
  private readonly checks: RemoteChecks;
  private readonly onExists: OnExists;

  constructor(private readonly options: PushOptions) {
    this.client = options.client;
    this.resolver = new RegistryResolver(options.client, options.registryMap);
    this.checks = new RemoteChecks(options.client, this.resolver);
    this.onExists = options.onExists ?? OnExists.SKIP_IF_IDENTICAL;
  }

  public async push(doc: ProfileDocument): Promise<ExitCode> {
    const { name } = doc.json.metadata;
    const { version } = doc.json.spec;
    const existing = await this.client.findProfile(name, version);
    if (!existing) return this.create(doc);
    const label = profileLabel(doc.json);
    const info = await this.client.getProfile(existing.uid);
    if (info.scope !== undefined && info.scope !== this.client.scope) {
      return this.fail(
        ExitCode.EXISTS_AND_DIFFERS,
        `${label}: exists on Palette in ${info.scope} scope (uid ${existing.uid}), not in ${this.client.scope} scope: bump the version, or push to the ${info.scope} scope`,
      );
    }
    if (this.onExists === OnExists.FAIL) {
      return this.fail(ExitCode.EXISTS_AND_DIFFERS, `${label}: exists on Palette (uid ${existing.uid}) and --on-exists is fail: bump the version (spec.version)`);
    }
    const differences = await this.differences(doc, existing.uid);
    if (differences.length === 0) return this.done(doc, existing.uid, 'unchanged');
    if (this.onExists !== OnExists.REPLACE) {
      return this.fail(
        ExitCode.EXISTS_AND_DIFFERS,
        `${label}: exists on Palette (uid ${existing.uid}) with other content (${differences.length} difference(s), first ${differences[0]}): ` +
          `bump the version (spec.version), or pass --on-exists=replace if no cluster uses it`,
      );
    }
    return this.replace(doc, existing.uid);
  }

  /** Deletes and imports again, as the Terraform provider updates (palette-api.md §6.3), only for an unused profile. */
  private async replace(doc: ProfileDocument, uid: string): Promise<ExitCode> {
    const label = profileLabel(doc.json);
    const summary = (await this.client.searchProfiles(doc.json.metadata.name, doc.json.spec.version)).find((s) => s.uid === uid);
    const clusters = summary?.inUseClusters ?? [];
    if (clusters.length) {
      return this.fail(
        ExitCode.EXISTS_AND_DIFFERS,
        `${label}: cannot replace uid ${uid}: ${clusters.length} cluster(s) use it (${clusters.join(', ')}): bump the version (spec.version) instead`,
      );
    }
    const checked = await this.checks.check(doc);
    if (checked.problems.length) return this.invalid(checked);
    await this.client.deleteProfile(uid);
    return this.importOrAdopt(doc, checked, 'replaced');
  }

  private async create(doc: ProfileDocument): Promise<ExitCode> {
    const checked = await this.checks.check(doc);
    if (checked.problems.length) return this.invalid(checked);
    if (checked.exists) {
      return this.fail(
        ExitCode.EXISTS_AND_DIFFERS,
        `${profileLabel(doc.json)}: Palette reports this name and version as taken, but it is not listed in ${this.client.scope} scope: bump the version (spec.version)`,
      );
    }
    return this.importOrAdopt(doc, checked, 'created');
  }

  /**
   * Imports; when the import fails but the profile now exists with the same content (a retry
   * after Palette stored it, or a race), adopts it (palette-api.md §6.4 step 5).
   */
  private async importOrAdopt(doc: ProfileDocument, checked: RemoteCheckResult, action: PushAction): Promise<ExitCode> {
    let uid: string;
    try {
      uid = checked.rewritten ? await this.client.importJson(checked.document.raw) : await this.client.importFile(doc.bytes, doc.fileName);
    } catch (e) {
      if (!(e instanceof PaletteApiError) || e.isAuthFailure) throw e;
      const now = await this.client.findProfile(doc.json.metadata.name, doc.json.spec.version);
      if (!now) throw e;
      const differences = await this.differences(doc, now.uid);
      if (differences.length) {
        return this.fail(
          ExitCode.EXISTS_AND_DIFFERS,
          `${profileLabel(doc.json)}: import failed (${e.code}) and Palette now holds uid ${now.uid} with other content (first ${differences[0]}): bump the version (spec.version)`,
        );
      }
      this.options.output.out(`${profileLabel(doc.json)}: ${action} (uid ${now.uid}; adopted after ${e.status} ${e.code})`);
      return ExitCode.OK;
    }
    return this.done(doc, uid, action);
  }

  /**
   * The differences from Palette's export. With a registry map, the file is compared as it
   * would be imported (registries renamed to the target's), so a second push is "unchanged".
   */
  private async differences(doc: ProfileDocument, uid: string): Promise<string[]> {
    let local = doc;
    if (this.options.registryMap?.size) {
      const resolution = await this.resolver.resolve(doc);
      if (!resolution.problems.length) local = resolution.document;
    }
    const exported = await this.client.exportProfile(uid);
    return compareProfiles(local.json, exported.entity, { strictRegistry: this.options.strictRegistry, content: this.options.content }).map(formatDifference);
  }

  private done(doc: ProfileDocument, uid: string, action: PushAction): ExitCode {
    this.options.output.out(`${profileLabel(doc.json)}: ${action} (uid ${uid})`);
    return ExitCode.OK;
  }

  private invalid(checked: RemoteCheckResult): ExitCode {
    for (const p of checked.problems) this.options.output.err(p);
    return ExitCode.INVALID;
  }

  private fail(code: ExitCode, line: string): ExitCode {
    this.options.output.err(line);
    return code;
  }
}
