import { ValidationError } from '../common/errors';
import { RegistryKind } from '../palette/pack-registry';
import { ClusterProfileImportEntity, PackImportEntity } from './import-entity';
import { arrayAt, isRecord, recordAt } from './json-shape';
import { PaletteApiError } from './palette-api-error';
import { PaletteClient } from './palette-client';
import { PackRegistryMetadata, RegistryInfo, RegistryPack } from './palette-types';
import { parseProfileDocument, ProfileDocument } from './profile-document';

/** How a pack's registry in the target was chosen (palette-api.md §6.4 step 3). */
export type RegistryChoiceReason = 'registry map' | 'validate match' | 'same uid' | 'name and kind';

export interface RegistryChoice {
  readonly packName: string;
  readonly registry: { readonly uid: string; readonly name: string; readonly kind: string; readonly isPrivate: boolean };
  readonly reason: RegistryChoiceReason;
}

export interface RegistryResolution {
  /** The document to import: the input itself, or a copy with registries (and pack types) rewritten. */
  readonly document: ProfileDocument;
  readonly rewritten: boolean;
  readonly choices: readonly RegistryChoice[];
  /** The choices that changed a pack's registry or type. */
  readonly remapped: readonly RegistryChoice[];
  /** One line each; empty when every registry pack has a registry in the target. */
  readonly problems: readonly string[];
}

/**
 * `--registry-map` entries (`'Public Repo=<uid>'`): registry name in the file -> registry
 * uid in the target Palette.
 */
export function parseRegistryMap(entries: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of entries) {
    const i = entry.lastIndexOf('=');
    const name = i < 0 ? '' : entry.slice(0, i).trim();
    const uid = i < 0 ? '' : entry.slice(i + 1).trim();
    if (!name || !uid) throw new ValidationError(`--registry-map '${entry}' is not NAME=UID: write e.g. 'Public Repo=5eecc89d0b150045ae661cef'`);
    map.set(name, uid);
  }
  return map;
}

/**
 * Finds, for every registry pack of a profile, the registry of the target Palette that holds
 * it (palette-api.md §6.4 step 3): the `--registry-map` entry for the file's registry name;
 * else the `matchingRegistries` of `import/validate` (same uid, then same name and kind, then
 * the only one); else `GET /v1/registries/metadata` by uid, then by (name, kind), confirmed
 * with the pack's tags. Registry and pack answers are cached for the whole run.
 */
export class RegistryResolver {
  private registries?: Promise<RegistryInfo[]>;
  private readonly packs = new Map<string, Promise<RegistryPack | undefined>>();

  constructor(private readonly client: PaletteClient, private readonly registryMap: ReadonlyMap<string, string> = new Map()) {}

  public async resolve(doc: ProfileDocument, validated?: ClusterProfileImportEntity): Promise<RegistryResolution> {
    const choices: RegistryChoice[] = [];
    const problems: string[] = [];
    const rewrites = new Map<number, RegistryChoice>();
    const packs = doc.json.spec.template.packs;
    for (let i = 0; i < packs.length; i++) {
      const pack = packs[i];
      if (pack.type === 'manifest') continue;
      const matching = matchingRegistriesOf(validated, i, pack.name);
      const outcome = await this.choose(pack, matching);
      if (typeof outcome === 'string') {
        problems.push(`${doc.source}: layer ${pack.name}: ${outcome}`);
        continue;
      }
      choices.push(outcome);
      const m = pack.registry.metadata;
      const type = packTypeOf(outcome.registry.kind) ?? pack.type;
      if (outcome.registry.uid !== m.uid || outcome.registry.name !== m.name || outcome.registry.kind !== m.kind || type !== pack.type) {
        rewrites.set(i, outcome);
      }
    }
    if (problems.length || rewrites.size === 0) return { document: doc, rewritten: false, choices, remapped: [], problems };
    return { document: rewrite(doc, rewrites), rewritten: true, choices, remapped: [...rewrites.values()], problems };
  }

  private async choose(pack: PackImportEntity & { version: string; tag: string }, matching: readonly PackRegistryMetadata[]): Promise<RegistryChoice | string> {
    const file = pack.registry?.metadata ?? {};
    const mapped = file.name !== undefined ? this.registryMap.get(file.name) : undefined;
    if (mapped !== undefined) {
      const target = (await this.listRegistries()).find((r) => r.uid === mapped);
      if (!target) return `--registry-map '${file.name}=${mapped}' names no registry of this Palette (${await this.describeRegistries()}): use one of these uids`;
      return (await this.confirm(pack, target)) ?? { packName: pack.name, registry: target, reason: 'registry map' };
    }
    if (matching.length) {
      const pick =
        matching.find((r) => r.uid === file.uid) ??
        matching.find((r) => r.name === file.name && r.kind === file.kind) ??
        (matching.length === 1 ? matching[0] : undefined);
      if (pick) return { packName: pack.name, registry: pick, reason: 'validate match' };
      return (
        `${pack.name} ${pack.version} is in ${matching.length} registries (${matching.map(describe).join('; ')}) and none is '${file.name ?? ''}': ` +
        `choose one with --registry-map '${file.name ?? ''}=<uid>'`
      );
    }
    const registries = await this.listRegistries();
    const byUid = registries.find((r) => r.uid === file.uid);
    const byName = registries.filter((r) => r.name === file.name && r.kind === file.kind);
    const target = byUid ?? (byName.length === 1 ? byName[0] : undefined);
    if (!target) {
      const why = byName.length > 1 ? `${byName.length} registries are named '${file.name}' (kind ${file.kind})` : `no registry '${file.name ?? ''}' (kind ${file.kind ?? ''}) on this Palette`;
      return `${why}: map it with --registry-map '${file.name ?? ''}=<uid>' (registries: ${await this.describeRegistries()})`;
    }
    return (await this.confirm(pack, target)) ?? { packName: pack.name, registry: target, reason: byUid ? 'same uid' : 'name and kind' };
  }

  /** A problem line when the registry lacks the pack's tag and version; undefined when it holds it. */
  private async confirm(pack: { name: string; version: string; tag: string }, registry: RegistryInfo): Promise<string | undefined> {
    const found = await this.registryPack(pack.name, registry.uid);
    if (found?.tags.some((t) => t.tag === pack.tag || t.version === pack.version)) return undefined;
    const available = found?.tags.map((t) => t.version).join(', ');
    return (
      `${pack.name} ${pack.version} is not in registry '${registry.name}' (uid ${registry.uid})` +
      `${available ? ` (versions there: ${available})` : ''}: use a version the registry holds, or map another registry with --registry-map`
    );
  }

  private registryPack(name: string, registryUid: string): Promise<RegistryPack | undefined> {
    const key = `${registryUid}/${name}`;
    let pending = this.packs.get(key);
    if (!pending) {
      pending = this.client.getRegistryPack(name, registryUid).catch((e: unknown) => {
        // A 404 means "not in this registry"; anything else is a real failure.
        if (e instanceof PaletteApiError && e.status === 404) return undefined;
        throw e;
      });
      this.packs.set(key, pending);
    }
    return pending;
  }

  private listRegistries(): Promise<RegistryInfo[]> {
    this.registries ??= this.client.listRegistries();
    return this.registries;
  }

  private async describeRegistries(): Promise<string> {
    const all = await this.listRegistries();
    return all.length ? all.map(describe).join('; ') : 'none';
  }
}

function describe(r: { uid: string; name: string; kind: string }): string {
  return `'${r.name}' kind ${r.kind} uid ${r.uid}`;
}

function matchingRegistriesOf(validated: ClusterProfileImportEntity | undefined, index: number, name: string): readonly PackRegistryMetadata[] {
  const packs = validated?.spec.template.packs ?? [];
  const pack = packs[index]?.name === name ? packs[index] : packs.find((p) => p.name === name);
  return pack?.registry?.matchingRegistries ?? [];
}

/** The pack `type` a registry kind requires (`pack` -> `spectro`, palette-api.md §6.4 step 3c). */
function packTypeOf(kind: string): string | undefined {
  return [RegistryKind.PACK, RegistryKind.OCI, RegistryKind.HELM].find((k) => k.value === kind)?.packType;
}

/** A copy of the document with the chosen registries written into the packs; every other field kept. */
function rewrite(doc: ProfileDocument, rewrites: ReadonlyMap<number, RegistryChoice>): ProfileDocument {
  const raw: unknown = structuredClone(doc.raw);
  const packs = arrayAt(recordAt(recordAt(raw, 'spec'), 'template'), 'packs');
  for (const [i, choice] of rewrites) {
    const pack = packs[i];
    if (!isRecord(pack)) throw new Error(`pack ${i} of ${doc.source} vanished while rewriting`);
    const type = packTypeOf(choice.registry.kind);
    if (type) pack.type = type;
    if (!isRecord(pack.registry)) pack.registry = {};
    const registry = recordAt(pack, 'registry');
    const { uid, name, kind, isPrivate } = choice.registry;
    registry.metadata = { ...recordAt(registry, 'metadata'), uid, name, kind, isPrivate };
  }
  return parseProfileDocument(Buffer.from(JSON.stringify(raw, null, 2) + '\n'), doc.source);
}
