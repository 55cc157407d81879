import { join } from 'path';
import { CommandOutput } from '../../lib/api/commands/command-output';
import { PaletteClient } from '../../lib/api/palette-client';
import { PaletteClientConfig } from '../../lib/api/palette-client-config';
import { RetryPolicy } from '../../lib/api/retry-policy';
import { FakePackVersion, FakePalette, FakePaletteOptions, PUBLIC_REPO } from '../support/fake-palette';

export const FIXTURES = join(__dirname, 'fixtures');
/** A site output folder: `profiles/Lab-Addons.json` (add-on) and `profiles/Lab-Infra.json` (infra). */
export const SITE = join(FIXTURES, 'site');
export const INFRA_FILE = join(SITE, 'profiles', 'Lab-Infra.json');
export const ADDONS_FILE = join(SITE, 'profiles', 'Lab-Addons.json');

/** A key that is easy to find in any output it leaks into. */
export const TEST_API_KEY = 'PVMO-TEST-KEY-7f3a9c1e5d';
export const PROJECT_UID = '64f00000000000000000abcd';

/** Retries in milliseconds, so that retry tests take no seconds. */
export const FAST_RETRY: RetryPolicy = { maxRetries: 2, minDelayMs: 1, maxDelayMs: 500 };

/** The registry packs the fixtures use, in the SaaS Public Repo. */
export function catalog(registryUid = PUBLIC_REPO.uid): FakePackVersion[] {
  return [
    { registryUid, name: 'ubuntu-maas', version: '22.04', values: '# ubuntu-maas defaults\nkubeadmconfig:\n  preKubeadmCommands: []\n' },
    { registryUid, name: 'kubernetes', version: '1.32.4', values: '# kubernetes defaults\npack:\n  podCIDR: 192.168.0.0/16\n', schema: 'pack.podCIDR:\n  schema: \'{{ required | format "${ipv4cidr}" }}\'\n' },
    {
      registryUid,
      name: 'cni-cilium-oss',
      version: '1.17.4',
      values: '# cilium defaults\ncharts:\n  cilium:\n    cni:\n      exclusive: true\n',
      presets: 'presets:\n  - name: vmo-enable\n    displayName: Enable VMO\n    group: VMO Compatibility\n',
    },
    { registryUid, name: 'cni-cilium-oss', version: '1.16.6', values: '# older cilium\n' },
    { registryUid, name: 'lb-metallb-helm', version: '0.15.2', values: '# metallb defaults\ncharts:\n  metallb-full: {}\n', presets: [], schema: '' },
  ];
}

export interface Harness {
  readonly fake: FakePalette;
  readonly client: PaletteClient;
  readonly output: CollectedOutput;
  close(): Promise<void>;
}

/** A fake Palette seeded with the catalog, a client for it in project scope, and an output collector. */
export async function startHarness(
  options: FakePaletteOptions = {},
  client: { projectUid?: string | null; apiKey?: string; retry?: RetryPolicy } = {},
): Promise<Harness> {
  const fake = await FakePalette.start({ apiKey: TEST_API_KEY, packs: catalog(), ...options });
  const projectUid = client.projectUid === null ? undefined : (client.projectUid ?? PROJECT_UID);
  const config = new PaletteClientConfig({ host: fake.url, apiKey: client.apiKey ?? TEST_API_KEY, projectUid });
  const paletteClient = new PaletteClient(config, { retry: client.retry ?? FAST_RETRY });
  return {
    fake,
    client: paletteClient,
    output: collectOutput(),
    async close() {
      await paletteClient.close();
      await fake.close();
    },
  };
}

export interface CollectedOutput extends CommandOutput {
  readonly outLines: string[];
  readonly errLines: string[];
  /** Everything written, in order, one line each. */
  text(): string;
  clear(): void;
}

export function collectOutput(): CollectedOutput {
  const all: string[] = [];
  const outLines: string[] = [];
  const errLines: string[] = [];
  return {
    outLines,
    errLines,
    out: (line) => {
      outLines.push(line);
      all.push(line);
    },
    err: (line) => {
      errLines.push(line);
      all.push(line);
    },
    text: () => all.join('\n'),
    clear: () => {
      all.length = 0;
      outLines.length = 0;
      errLines.length = 0;
    },
  };
}
