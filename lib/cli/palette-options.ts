import type { PaletteClient } from '../api/palette-client';
import { ValidationError } from '../common/errors';
import { CliArgs, CliOption, stringOption, stringOptions } from './cli-command';
import { CliIo } from './cli-io';

/** The options of every command that talks to Palette; each wins over its environment variable. */
export const PALETTE_OPTIONS: readonly CliOption[] = [
  { name: 'host', type: 'string', value: 'url', description: 'Palette API address (env PALETTE_HOST; default https://api.spectrocloud.com)' },
  { name: 'project-uid', type: 'string', value: 'uid', description: 'target project (env PALETTE_PROJECT_UID; unset: tenant scope)' },
  { name: 'api-key', type: 'string', value: 'key', description: 'API key (env PALETTE_API_KEY, preferred: a flag shows in shell history and process lists)' },
];

export const REGISTRY_MAP_OPTION: CliOption = {
  name: 'registry-map',
  type: 'string',
  multiple: true,
  value: "'Name=uid'",
  description: "use this Palette registry uid for the packs of the registry so named in the files, e.g. 'Public Repo=5eecc89d0b150045ae661cef'",
};

/** A client for the Palette the options and environment name (the HTTP client loads only when a command needs it). */
export async function paletteClient(args: CliArgs, io: CliIo): Promise<PaletteClient> {
  const [{ PaletteClient: Client }, { PaletteClientConfig }] = await Promise.all([import('../api/palette-client'), import('../api/palette-client-config')]);
  const config = PaletteClientConfig.fromEnv(io.env, {
    host: stringOption(args, 'host'),
    apiKey: stringOption(args, 'api-key'),
    projectUid: stringOption(args, 'project-uid'),
  });
  return new Client(config);
}

/** `--registry-map 'Public Repo=<uid>'`, repeated: registry name -> uid. */
export function registryMap(args: CliArgs): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of stringOptions(args, 'registry-map')) {
    const at = entry.lastIndexOf('=');
    const name = entry.slice(0, at).trim();
    const uid = entry.slice(at + 1).trim();
    if (at < 0 || !name || !/^[A-Za-z0-9-]+$/.test(uid)) {
      throw new ValidationError(`--registry-map '${entry}' is not 'registry name=uid': e.g. --registry-map 'Public Repo=5eecc89d0b150045ae661cef'`);
    }
    map.set(name, uid);
  }
  return map;
}

/** Runs `body` with a client, and closes it whatever happens. */
export async function withClient<T>(args: CliArgs, io: CliIo, body: (client: PaletteClient) => Promise<T>): Promise<T> {
  const client = await paletteClient(args, io);
  try {
    return await body(client);
  } finally {
    await client.close();
  }
}
