import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { basename, join } from 'path';
import { ProfileJson } from '../palette/cluster-profile';
import { ValidationError } from '../common/errors';
import { decodeImportEntity, toProfileJson } from './import-entity';
import { parseJson } from './json-shape';

/** One profile to validate, push or compare. */
export interface ProfileDocument {
  /** The file it was read from, or a label for parsed JSON. */
  readonly source: string;
  /** The file name Palette is sent (`<Profile>.json`). */
  readonly fileName: string;
  /** The file's bytes, sent unchanged by `import/file`. */
  readonly bytes: Buffer;
  /** The document as parsed, every field kept (for rewrites before a JSON import). */
  readonly raw: unknown;
  /** The document as the generator's model, for the local checks and comparisons. */
  readonly json: ProfileJson;
}

/** A profile JSON file, a site output folder (`dist/<site>/` with `profiles/*.json`), or parsed JSON. */
export type ProfileInput = string | { readonly source?: string; readonly json: ProfileJson };

/**
 * Reads the inputs: files as they are, folders as `profiles/*.json` (or `*.json` when the
 * folder is the profiles folder itself). Fails with one line on a missing file, a folder
 * without profiles, bad JSON, or a name and version given twice.
 */
export function loadProfileDocuments(inputs: readonly ProfileInput[]): ProfileDocument[] {
  if (inputs.length === 0) throw new ValidationError('no profile given: pass a profile JSON file or a site output folder (dist/<site>/)');
  const docs = inputs.flatMap((input) => (typeof input === 'string' ? readInput(input) : [fromJson(input.json, input.source)]));
  const seen = new Map<string, string>();
  for (const d of docs) {
    const key = `${d.json.metadata.name} ${d.json.spec.version}`;
    const first = seen.get(key);
    if (first !== undefined) throw new ValidationError(`${d.source}: profile ${key} is also in ${first}: pass each profile once`);
    seen.set(key, d.source);
  }
  return docs;
}

/** Reads one profile from bytes (a file's content). */
export function parseProfileDocument(bytes: Buffer, source: string): ProfileDocument {
  const raw = parseJson(bytes.toString('utf8'));
  if (raw === undefined) throw new ValidationError(`${source} is not JSON: pass a profile JSON file as synth writes it`);
  const json = toProfileJson(decodeImportEntity(raw, source), source);
  return { source, fileName: basename(source).endsWith('.json') ? basename(source) : `${json.metadata.name}.json`, bytes, raw, json };
}

/**
 * Push order (palette-api.md §6.4 step 7): Infra and Full (and system) profiles before
 * add-ons, otherwise in the order given (a folder lists its files by name).
 */
export function inPushOrder(docs: readonly ProfileDocument[]): ProfileDocument[] {
  const rank = (d: ProfileDocument): number => (d.json.spec.template.type === 'add-on' ? 1 : 0);
  return docs.map((d, i) => ({ d, i })).sort((a, b) => rank(a.d) - rank(b.d) || a.i - b.i).map((x) => x.d);
}

/** `VMO-RA-Infra 1.7.0`. */
export function profileLabel(profile: { metadata: { name: string }; spec: { version: string } }): string {
  return `${profile.metadata.name} ${profile.spec.version}`;
}

function fromJson(json: ProfileJson, source?: string): ProfileDocument {
  const text = JSON.stringify(json, null, 2) + '\n';
  return parseProfileDocument(Buffer.from(text), source ?? `${json.metadata.name}.json`);
}

function readInput(path: string): ProfileDocument[] {
  if (!existsSync(path)) throw new ValidationError(`no such file or folder '${path}': pass a profile JSON file or a site output folder (dist/<site>/)`);
  if (!statSync(path).isDirectory()) return [parseProfileDocument(readFileSync(path), path)];
  const profilesDir = join(path, 'profiles');
  const dir = existsSync(profilesDir) && statSync(profilesDir).isDirectory() ? profilesDir : path;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && statSync(join(dir, f)).isFile())
    .sort();
  if (files.length === 0) {
    throw new ValidationError(`folder '${path}' holds no profiles/*.json: pass a site output folder (dist/<site>/) or a profile JSON file`);
  }
  return files.map((f) => parseProfileDocument(readFileSync(join(dir, f)), join(dir, f)));
}
