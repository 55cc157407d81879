import { readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { CliIo } from '../../lib/cli/cli-io';
import { runCli } from '../../lib/cli/run-cli';

export interface CliRun {
  readonly code: number;
  /** stdout, one line per out() call. */
  readonly out: string;
  readonly err: string;
}

/** Runs the real command line in this process, with its own environment and collected output. */
export async function cli(argv: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  let raw = '';
  const io: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    write: (t) => (raw += t),
    status: () => undefined,
    env: { PALETTE_VMO_QUIET: undefined, ...env },
    interactive: false,
  };
  const code = await runCli(argv, io);
  return { code, out: raw + out.map((l) => `${l}\n`).join(''), err: err.map((l) => `${l}\n`).join('') };
}

/** The two-NIC site of the README, as a site file. */
export const GOOD = `name: cli-lab
network:
  layout: two-nic
  mgmt: { vlan: 10, cidr: 172.16.0.0/22 }
  data: { vlan: 20, cidr: 10.20.0.0/16, gateway: 10.20.30.1 }
kubernetes: { serviceCidr: 100.65.0.0/18 }
profiles: { layout: full }
`;

/** GOOD as site `name`, with profiles of its own name (two sites may not write one profile name and version with different content). */
export function siteText(name: string): string {
  return GOOD.replace('name: cli-lab', `name: ${name}\nprofileNamePrefix: VMO-${name}`);
}

/** Writes a site file; returns its path. */
export function writeSite(dir: string, name: string, text: string = siteText(name)): string {
  const path = join(dir, `${name}.yaml`);
  writeFileSync(path, text);
  return path;
}

/** Every file under `dir` (dot files included), relative path -> text. */
export function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path);
      else out[path] = readFileSync(join(dir, path), 'utf8');
    }
  };
  walk('');
  return out;
}
