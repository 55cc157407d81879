import { spawnSync } from 'child_process';
import { mkdirSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { stringify } from 'yaml';
import { deploy } from '../../lib/cli/commands/deploy';
import { ExitCode } from '../../lib/api/exit-code';
import { VmoSiteProps } from '../../lib';
import { collectOutput, startHarness, TEST_API_KEY, Harness } from '../api/api-harness';
import { tempDirs } from '../helpers';
import { MAAS_SITE, synthSite } from './fixtures';

/*
 * `palette-vmo deploy`: offline it lists each cluster and the inputs it needs; with --validate it
 * fills the placeholders from Palette (the fake of test/support) and TF_VAR_<name>, and sends the
 * cluster to POST /v1/spectroclusters/maas/validate.
 */

const tempDir = tempDirs('deploy-');
const SECRET = 'S3cr3t-Canary-7f3a';
/** Every sensitive variable of the site's cluster, with the canary as its value. */
const SECRETS_ENV = {
  TF_VAR_flashArrayApiToken: `${SECRET}-fa`,
  TF_VAR_portworxActivationId: `${SECRET}-px`,
  TF_VAR_grafanaAdminPassword: `${SECRET}-gf`,
  TF_VAR_vmUbuntuPassword: `${SECRET}-ub`,
  TF_VAR_vmWindowsAdminPassword: `${SECRET}-win`,
  // not a secret: a required input the site does not give (templates.goldenImageSources.windows2022)
  TF_VAR_windows2022Image: 'docker://registry.example.com/windows/server:2022',
};

function siteFile(props: VmoSiteProps = MAAS_SITE): string {
  const path = join(tempDir(), 'site.yaml');
  writeFileSync(path, stringify(props));
  return path;
}

/** A synthesized site folder (`dist/<site>`): its deploy/ files. */
function siteFolder(props: VmoSiteProps = MAAS_SITE): string {
  const dir = join(tempDir(), props.name ?? 'site');
  for (const [path, text] of synthSite(props).files) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** A fake Palette holding the site's profiles (as a push leaves them) and its cloud account. */
async function paletteWithSite(props: VmoSiteProps = MAAS_SITE, opts: { accounts?: { name: string; uid: string }[]; push?: boolean } = {}): Promise<{ h: Harness; uids: Map<string, string> }> {
  const h = await startHarness({ maasCloudAccounts: opts.accounts ?? [{ name: 'maas-dc1', uid: 'acc-0001' }], backupLocations: [{ name: 'minio', uid: 'bsl-0001' }] });
  const uids = new Map<string, string>();
  if (opts.push !== false) {
    for (const [path, text] of synthSite(props).files) {
      if (/^profiles\/[^/]+\.json$/.test(path)) {
        const doc = JSON.parse(text);
        uids.set(doc.metadata.name, h.fake.seedProfile(doc, { projectUid: '64f00000000000000000abcd' }));
      }
    }
  }
  return { h, uids };
}

describe('deploy (offline)', () => {
  test('lists the cluster, its pools and profiles, and the inputs it needs, from a site file or a site folder', async () => {
    for (const target of [siteFile(), siteFolder()]) {
      const output = collectOutput();
      expect(await deploy({ targets: [target], env: { TF_VAR_vmUbuntuPassword: 'x' }, output })).toBe(ExitCode.OK);
      expect(output.outLines[0]).toMatch(/^cluster lab \(.+\): pools control-plane-pool 3, worker-pool 5; profiles VMO-RA-Infra-MaaS-PureFlashArray@1\.7\.0, VMO-RA-Core-PXKE@1\.7\.0, VMO-RA-Templates@1\.7\.0$/);
      expect(output.outLines).toContain("  needs MAAS cloud account 'maas-dc1' in Palette");
      expect(output.outLines).toContain('  needs TF_VAR_flashArrayApiToken');
      expect(output.outLines).toContain('  needs TF_VAR_vmUbuntuPassword (set)');
      expect(output.text()).not.toContain('x)');
    }
  });

  test('fails with the fix for a site without maas', async () => {
    const { maas: _none, ...plain } = MAAS_SITE;
    const output = collectOutput();
    expect(await deploy({ targets: [siteFile(plain)], env: {}, output })).toBe(ExitCode.INVALID);
    expect(output.errLines).toHaveLength(1);
    expect(output.errLines[0]).toMatch(/^site lab \(.+site\.yaml\) describes no cluster: add maas \(domain, cloudAccount, availabilityZones\) to it$/);
  });
});

describe('deploy --validate', () => {
  test('fills every placeholder and sends the cluster to the validate endpoint', async () => {
    const { h, uids } = await paletteWithSite();
    try {
      const code = await deploy({ targets: [siteFolder()], validate: true, client: h.client, env: SECRETS_ENV, output: h.output });
      expect(h.output.errLines).toEqual([]);
      expect(code).toBe(ExitCode.OK);
      expect(h.output.outLines).toEqual(['lab: valid on Palette (2 machine pools, 3 profiles)']);
      const [sent] = h.fake.requestsTo('POST', '/v1/spectroclusters/maas/validate');
      expect(sent.headers.apikey).toBe(TEST_API_KEY);
      const body = JSON.parse(sent.body.toString('utf8'));
      expect(body.spec.cloudAccountUid).toBe('acc-0001');
      expect(body.spec.profiles.map((p: { uid: string }) => p.uid)).toEqual([
        uids.get('VMO-RA-Infra-MaaS-PureFlashArray'),
        uids.get('VMO-RA-Core-PXKE'),
        uids.get('VMO-RA-Templates'),
      ]);
      const infraVars = Object.fromEntries(body.spec.profiles[0].variables.map((v: { name: string; value: string }) => [v.name, v.value]));
      expect(infraVars.flashArrayApiToken).toBe(`${SECRET}-fa`);
      expect(infraVars.podCidr).toBe('100.64.0.0/18');
      expect(sent.body.toString('utf8')).not.toMatch(/"<(profile-uid|cloud-account-uid|backup-location-uid|variable):/);
      expect(h.output.text()).not.toContain(SECRET);
    } finally {
      await h.close();
    }
  });

  test('fails before sending anything when an input is missing, a profile is not pushed or the cloud account is unknown', async () => {
    const { h } = await paletteWithSite(MAAS_SITE, { accounts: [{ name: 'maas-dc2', uid: 'acc-2' }], push: false });
    try {
      const { TF_VAR_grafanaAdminPassword: _missing, ...env } = SECRETS_ENV;
      expect(await deploy({ targets: [siteFile()], validate: true, client: h.client, env, output: h.output })).toBe(ExitCode.INVALID);
      expect(h.output.errLines).toEqual([
        'lab: no MAAS cloud account named \'maas-dc1\' in this scope (there: maas-dc2): fix maas.cloudAccount or the scope',
        'lab: profile VMO-RA-Infra-MaaS-PureFlashArray 1.7.0 is not on Palette: push the site\'s profiles first (palette-vmo push dist/lab)',
        'lab: profile VMO-RA-Core-PXKE 1.7.0 is not on Palette: push the site\'s profiles first (palette-vmo push dist/lab)',
        'lab: variable grafanaAdminPassword needs a value: set TF_VAR_grafanaAdminPassword (the variable Terraform reads too)',
        'lab: profile VMO-RA-Templates 1.7.0 is not on Palette: push the site\'s profiles first (palette-vmo push dist/lab)',
      ]);
      expect(h.fake.requestsTo('POST', '/v1/spectroclusters/maas/validate')).toEqual([]);
    } finally {
      await h.close();
    }
  });

  test("prints Palette's constraint errors per pool and exits 1", async () => {
    // A 4-node control plane passes synth only suppressed; Palette refuses it.
    const even: VmoSiteProps = {
      ...MAAS_SITE,
      nodes: { controlPlane: 4, workers: 5 },
      suppressions: [{ ruleId: 'DEP-002', reason: 'checking what Palette answers for an even control plane' }],
    };
    const { h } = await paletteWithSite(even);
    try {
      expect(await deploy({ targets: [siteFolder(even)], validate: true, client: h.client, env: SECRETS_ENV, output: h.output })).toBe(ExitCode.INVALID);
      expect(h.output.errLines).toEqual(['lab: machine pool control-plane-pool: InvalidSize: control plane size must be odd']);
    } finally {
      await h.close();
    }
  });

  test('never prints a secret, even when Palette repeats it in an error', async () => {
    const { h } = await paletteWithSite();
    try {
      h.fake.failNext({ method: 'POST', path: '/v1/spectroclusters/maas/validate', status: 400, body: JSON.stringify({ code: 'InvalidParameter', message: `value ${SECRET}-px is invalid`, ref: 'r-1' }) });
      expect(await deploy({ targets: [siteFolder()], validate: true, client: h.client, env: SECRETS_ENV, output: h.output })).toBe(ExitCode.INVALID);
      expect(h.output.text()).toContain('[redacted]');
      expect(h.output.text()).not.toContain(SECRET);
    } finally {
      await h.close();
    }
  });

  test('fails with exit 3 on a wrong API key, without printing it', async () => {
    const { h } = await paletteWithSite();
    try {
      const { PaletteClient } = await import('../../lib/api/palette-client');
      const { PaletteClientConfig } = await import('../../lib/api/palette-client-config');
      const wrong = new PaletteClient(new PaletteClientConfig({ host: h.fake.url, apiKey: 'WRONG-KEY-123', projectUid: '64f00000000000000000abcd' }), { retry: { maxRetries: 0 } });
      try {
        expect(await deploy({ targets: [siteFolder()], validate: true, client: wrong, env: SECRETS_ENV, output: h.output })).toBe(ExitCode.AUTH);
        expect(h.output.text()).not.toContain('WRONG-KEY-123');
      } finally {
        await wrong.close();
      }
    } finally {
      await h.close();
    }
  });
});

describe('palette-vmo deploy (the command line)', () => {
  const ROOT = resolve(__dirname, '..', '..');
  const cli = (...args: string[]) => spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'bin', 'palette-vmo.ts'), 'deploy', ...args], { encoding: 'utf8', env: { ...process.env, PALETTE_API_KEY: '' } });

  test('lists a site file offline and exits 0; a usage error exits 2; --validate without an API key exits 1 with the fix', () => {
    const file = siteFile();
    const ok = cli(file);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^cluster lab /);
    const usage = cli('--nope');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/unknown option '--nope'/);
    const noKey = cli(file, '--validate');
    expect(noKey.status).toBe(1);
    expect(noKey.stderr).toMatch(/PALETTE_API_KEY is not set/);
  }, 60_000);
});
