import { ClusterProfileImportEntity } from './import-entity';
import { macroReferences } from './macro-references';
import { PaletteApiError } from './palette-api-error';
import { PaletteClient } from './palette-client';
import { Macro } from './palette-types';
import { ProfileDocument } from './profile-document';
import { RegistryChoice, RegistryResolver } from './registry-resolution';

/** What Palette says about a profile before it is imported (palette-api.md §6.4 `validate --remote` step 2). */
export interface RemoteCheckResult {
  /** The document to import: the input, or a copy with the target's registries. */
  readonly document: ProfileDocument;
  /** True when the document differs from the input's bytes (import it as JSON, §6.4 step 4). */
  readonly rewritten: boolean;
  readonly choices: readonly RegistryChoice[];
  /** The packs whose registry (or type) was changed to the target's. */
  readonly remapped: readonly RegistryChoice[];
  /** One line each; empty when Palette would accept the profile. */
  readonly problems: readonly string[];
  /** `import/validate` answered that this name and version exist. */
  readonly exists: boolean;
}

/** The status and code of a duplicate name and version [INFERRED: TF's mock server only, palette-api.md §6.1, §8 Q6]. */
function isDuplicate(e: PaletteApiError): boolean {
  return e.status === 409 || e.code === 'ClusterProfileAlreadyExists';
}

/**
 * Runs Palette's checks for one profile: `import/validate`, a registry for every pack, and
 * every referenced user macro. Auth and transport failures are thrown; what Palette rejects
 * becomes a problem line. Macros are listed once per run.
 */
export class RemoteChecks {
  private macros?: Promise<Macro[]>;

  constructor(private readonly client: PaletteClient, private readonly resolver: RegistryResolver) {}

  /**
   * `import/validate` runs on the document as it will be imported: first on the input (its
   * `matchingRegistries` guide the registry choice), and again on the copy when the registries
   * were rewritten. When the first validation fails (an unknown registry uid, §8 Q1), the
   * registries are still resolved, so a remap can make the copy valid.
   */
  public async check(doc: ProfileDocument): Promise<RemoteCheckResult> {
    const first = await this.validate(doc);
    const resolution = await this.resolver.resolve(doc, first.entity);
    let outcome = first;
    if (resolution.rewritten) outcome = await this.validate(resolution.document);
    const problems = [...(outcome.problem ? [outcome.problem] : []), ...resolution.problems];
    const wanted = macroReferences(doc.json);
    if (wanted.length) {
      this.macros ??= this.client.listMacros();
      const known = new Set((await this.macros).map((m) => m.name));
      for (const name of wanted.filter((n) => !known.has(n))) {
        problems.push(`${doc.source}: macro '${name}' is not defined on this Palette: create it (project or tenant macros) before importing`);
      }
    }
    return {
      document: resolution.document,
      rewritten: resolution.rewritten,
      choices: resolution.choices,
      remapped: resolution.remapped,
      problems,
      exists: outcome.exists,
    };
  }

  private async validate(doc: ProfileDocument): Promise<{ entity?: ClusterProfileImportEntity; problem?: string; exists: boolean }> {
    try {
      return { entity: await this.client.validateImport(doc.raw), exists: false };
    } catch (e) {
      if (!(e instanceof PaletteApiError) || e.isAuthFailure || e.isTransportFailure) throw e;
      // A duplicate is information here: push compares it, validate reports it (§6.4 step 2d).
      if (isDuplicate(e)) return { exists: true };
      return { problem: `${doc.source}: ${e.message}`, exists: false };
    }
  }
}
