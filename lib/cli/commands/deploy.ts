import { existsSync, readFileSync, statSync } from 'fs';
import { join, resolve } from 'path';
import { ClusterValidation, NamedResource, validationErrors } from '../../api/cluster-types';
import { CommandOutput } from '../../api/commands/command-output';
import { runCommand } from '../../api/commands/run-command';
import { ExitCode } from '../../api/exit-code';
import { PaletteClient } from '../../api/palette-client';
import { ValidationError } from '../../common/errors';
import { DEPLOY_FOLDER } from '../../palette/cluster/maas-cluster-files';
import { SpectroMaasClusterEntity } from '../../palette/cluster/maas-cluster-payload';
import { fillPlaceholders, Placeholder, placeholdersIn } from '../../palette/cluster/placeholders';
import { terraformVariableName } from '../../palette/cluster/terraform-json';
import { PaletteApp } from '../../palette/palette-app';
import { addTarget, isTargetFile } from '../load-target';

/** What `validate` needs of Palette; `PaletteClient` is one. */
export type ClusterValidator = Pick<PaletteClient, 'listProfileMetadata' | 'listMaasCloudAccounts' | 'listBackupLocations' | 'validateMaasCluster'>;

export interface DeployOptions {
  /** Site files, app programs, or site output folders (`dist/<site>`, or its `deploy/`). */
  readonly targets: readonly string[];
  /**
   * Send each cluster to `POST /v1/spectroclusters/maas/validate`, placeholders filled in.
   * @default false: print each cluster and the inputs it needs, offline
   */
  readonly validate?: boolean;
  /** Palette, for `validate`. @default none (validate then fails with the fix) */
  readonly client?: ClusterValidator;
  /** Where input variable values are read: `TF_VAR_<name>`, as Terraform reads them. Never printed. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly output: CommandOutput;
}

/** A cluster payload and where it came from. */
interface ClusterPayload {
  readonly source: string;
  readonly entity: SpectroMaasClusterEntity;
}

const PAYLOAD_FILE = 'cluster.maas.json';

/**
 * `palette-vmo deploy <site>... [--validate]`: the MAAS cluster each site describes
 * (`deploy/cluster.maas.json`). Offline it lists each cluster's pools, profiles and the inputs
 * it needs. With `validate` it fills the placeholders (profile uids by name and version, the
 * cloud account and backup location by name, input variables from `TF_VAR_<name>`) and asks
 * Palette to validate the cluster, without creating it. Exit 0 valid, 1 invalid, 3 auth, 4 transport.
 */
export async function deploy(options: DeployOptions): Promise<ExitCode> {
  const { output } = options;
  return runCommand(output, async () => {
    const payloads = options.targets.flatMap(loadPayloads);
    if (!options.validate) {
      for (const p of payloads) describeCluster(p, options.env, output);
      return ExitCode.OK;
    }
    const client = options.client;
    if (!client) throw new ValidationError('deploy --validate needs Palette: set PALETTE_API_KEY (and PALETTE_PROJECT_UID for a project)');
    const lookups = new PaletteLookups(client);
    let result: ExitCode = ExitCode.OK;
    for (const p of payloads) {
      const code = await validateOne(p, client, lookups, options);
      if (result === ExitCode.OK) result = code;
    }
    return result;
  });
}

/** The payloads a target holds: a folder's `deploy/cluster.maas.json`, or each site a file defines. */
function loadPayloads(target: string): ClusterPayload[] {
  const path = resolve(target);
  if (existsSync(path) && statSync(path).isDirectory()) {
    const file = [join(path, DEPLOY_FOLDER, PAYLOAD_FILE), join(path, PAYLOAD_FILE)].find((f) => existsSync(f));
    if (!file) {
      throw new ValidationError(
        `${target}: no ${DEPLOY_FOLDER}/${PAYLOAD_FILE} in this folder: give a site output folder (dist/<site>/ of a site with maas: settings, after synth), a site file or an app program`,
      );
    }
    return [{ source: file, entity: parsePayload(readFileSync(file, 'utf8'), file) }];
  }
  if (!isTargetFile(path)) throw new ValidationError(`${target}: give a site file, an app program or a site output folder`);
  const app = new PaletteApp({ outdir: '/nonexistent' });
  addTarget(app, target);
  const out: ClusterPayload[] = [];
  for (const [site, files] of app.render().sites) {
    const text = files.get(`${DEPLOY_FOLDER}/${PAYLOAD_FILE}`);
    if (text === undefined) throw new ValidationError(`site ${site} (${target}) describes no cluster: add maas (domain, cloudAccount, availabilityZones) to it`);
    out.push({ source: `site ${site}`, entity: parsePayload(text, target) });
  }
  return out;
}

function parsePayload(text: string, where: string): SpectroMaasClusterEntity {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ValidationError(`${where}: is not JSON: synth the site again`);
  }
  const entity = parsed as Partial<SpectroMaasClusterEntity> | null;
  if (!entity?.metadata?.name || !Array.isArray(entity.spec?.machinepoolconfig) || !Array.isArray(entity.spec?.profiles)) {
    throw new ValidationError(`${where}: is not a MAAS cluster payload (metadata.name, spec.machinepoolconfig, spec.profiles): synth the site again`);
  }
  return parsed as SpectroMaasClusterEntity;
}

/** The environment variable an input variable is read from. */
export function inputVariableEnv(name: string): string {
  return `TF_VAR_${terraformVariableName(name)}`;
}

/** `name@version` -> [name, version]; the version follows the last `@`. */
function profileKey(key: string): [string, string] {
  const at = key.lastIndexOf('@');
  return [key.slice(0, at), key.slice(at + 1)];
}

function describeCluster(p: ClusterPayload, env: DeployOptions['env'], output: CommandOutput): void {
  const { entity } = p;
  const pools = entity.spec.machinepoolconfig.map((m) => `${m.poolConfig.name} ${m.poolConfig.size}`).join(', ');
  const profiles = placeholdersIn(entity.spec.profiles).filter((x) => x.kind === 'profile-uid').map((x) => x.key);
  output.out(`cluster ${entity.metadata.name} (${p.source}): pools ${pools}; profiles ${profiles.join(', ')}`);
  for (const x of placeholdersIn(entity)) {
    if (x.kind === 'cloud-account-uid') output.out(`  needs MAAS cloud account '${x.key}' in Palette`);
    if (x.kind === 'backup-location-uid') output.out(`  needs backup location '${x.key}' in Palette`);
    if (x.kind === 'variable') output.out(`  needs ${inputVariableEnv(x.key)}${env[inputVariableEnv(x.key)] ? ' (set)' : ''}`);
  }
}

/** Palette's profiles, cloud accounts and backup locations, each listed once per run. */
class PaletteLookups {
  private profiles?: Promise<{ uid: string; name: string; version: string }[]>;
  private accounts?: Promise<NamedResource[]>;
  private locations?: Promise<NamedResource[]>;

  constructor(private readonly client: ClusterValidator) {}

  public async profileUid(name: string, version: string): Promise<string | undefined> {
    this.profiles ??= this.client.listProfileMetadata();
    return (await this.profiles).find((p) => p.name === name && p.version === version)?.uid;
  }

  public async cloudAccounts(): Promise<NamedResource[]> {
    return (this.accounts ??= this.client.listMaasCloudAccounts());
  }

  public async backupLocations(): Promise<NamedResource[]> {
    return (this.locations ??= this.client.listBackupLocations());
  }
}

async function validateOne(p: ClusterPayload, client: ClusterValidator, lookups: PaletteLookups, options: DeployOptions): Promise<ExitCode> {
  const { output, env } = options;
  const name = p.entity.metadata.name;
  const values = new Map<string, string>();
  const secrets: string[] = [];
  const problems: string[] = [];
  const keyOf = (x: Placeholder) => `${x.kind}:${x.key}`;
  for (const x of placeholdersIn(p.entity)) {
    if (x.kind === 'profile-uid') {
      const [profile, version] = profileKey(x.key);
      const uid = await lookups.profileUid(profile, version);
      if (uid) values.set(keyOf(x), uid);
      else problems.push(`profile ${profile} ${version} is not on Palette: push the site's profiles first (palette-vmo push dist/${name})`);
    } else if (x.kind === 'cloud-account-uid' || x.kind === 'backup-location-uid') {
      const list = x.kind === 'cloud-account-uid' ? await lookups.cloudAccounts() : await lookups.backupLocations();
      const found = list.find((a) => a.name === x.key);
      const what = x.kind === 'cloud-account-uid' ? 'MAAS cloud account' : 'backup location';
      if (found) values.set(keyOf(x), found.uid);
      else problems.push(`no ${what} named '${x.key}' in this scope (there: ${list.map((a) => a.name).join(', ') || 'none'}): fix maas.${x.kind === 'cloud-account-uid' ? 'cloudAccount' : 'backup.location'} or the scope`);
    } else {
      const value = env[inputVariableEnv(x.key)];
      if (value) {
        values.set(keyOf(x), value);
        secrets.push(value);
      } else problems.push(`variable ${x.key} needs a value: set ${inputVariableEnv(x.key)} (the variable Terraform reads too)`);
    }
  }
  for (const line of problems) output.err(`${name}: ${line}`);
  if (problems.length) return ExitCode.INVALID;
  const uidToProfile = new Map<string, string>();
  for (const x of placeholdersIn(p.entity.spec.profiles)) uidToProfile.set(values.get(keyOf(x)) ?? '', profileKey(x.key).join(' '));
  // Whatever Palette answers is printed without the secret values it may repeat.
  const redact = (line: string) => secrets.reduce((l, s) => l.split(s).join('[redacted]'), line);
  let validation: ClusterValidation;
  try {
    validation = await client.validateMaasCluster(fillPlaceholders(p.entity, (x) => values.get(keyOf(x))));
  } catch (e) {
    if (e instanceof Error) e.message = `${name}: ${redact(e.message)}`;
    throw e;
  }
  const errors = validationErrors(validation, (uid) => uidToProfile.get(uid) ?? uid);
  for (const line of errors) output.err(redact(`${name}: ${line}`));
  if (errors.length) return ExitCode.INVALID;
  output.out(`${name}: valid on Palette (${p.entity.spec.machinepoolconfig.length} machine pools, ${p.entity.spec.profiles.length} profiles)`);
  return ExitCode.OK;
}
