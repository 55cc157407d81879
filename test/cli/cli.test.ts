import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join, relative, resolve } from 'path';
import { tempDirs } from '../helpers';
import { cli, GOOD, siteText, writeSite } from './cli-harness';

const ROOT = resolve(__dirname, '..', '..');
const tempDir = tempDirs('cli-');
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

describe('palette-vmo command line', () => {
  test('--help lists every command; --version prints the package version', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    for (const c of ['synth', 'validate', 'schema', 'push', 'diff', 'packs pull']) expect(help.out).toMatch(new RegExp(`^  ${c} +\\S`, 'm'));
    expect(help.out).toMatch(/Exit codes: 0 done, 1 errors/);
    const version = await cli(['--version']);
    expect([version.code, version.out]).toEqual([0, `${PACKAGE.version}\n`]);
  });

  test('a command\'s --help shows its options', async () => {
    const r = await cli(['synth', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^usage: palette-vmo synth <site\|app\|folder>\.\.\. \[-o dir\]/);
    expect(r.out).toMatch(/-o, --outdir <dir> +the output folder \(default: dist\)/);
    expect(r.out).toMatch(/--strict +warnings fail too/);
  });

  test.each([
    [[], /^usage: palette-vmo <command>/],
    [['frobnicate'], /^palette-vmo: unknown command 'frobnicate'$/m],
    [['synth', '--frob'], /^palette-vmo: unknown option '--frob'$/m],
    [['synth', 'x.yaml', '-o'], /^palette-vmo: -o needs a value$/m],
    [['synth'], /^palette-vmo: 'synth' needs site files, app programs or folders of them$/m],
    [['packs'], /^palette-vmo: 'packs' needs a subcommand: packs pull$/m],
    [['diff', 'a.json', 'b.json'], /^palette-vmo: 'diff' compares one profile JSON file$/m],
  ])('fails: usage error %j exits 2 with the usage', async (argv, message) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toMatch(/usage: palette-vmo/);
  });

  test('validate: a good site exits 0 and prints its findings table', async () => {
    const r = await cli(['validate', writeSite(tempDir(), 'cli-lab')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^site cli-lab: 0 error\(s\)$/m);
  });

  test('validate -q prints only what fails the run: nothing for a good site, the failing site and its errors for a broken one', async () => {
    const good = await cli(['validate', '-q', writeSite(tempDir(), 'cli-lab')]);
    expect([good.code, good.out, good.err]).toEqual([0, '', '']);
    const bad = await cli(['validate', '-q', writeSite(tempDir(), 'cli-bad', `${GOOD.replace('name: cli-lab', 'name: cli-bad')}vmVlans: "10-100"\n`)]);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/^site cli-bad: \d error\(s\)$/m);
    expect(bad.out).toMatch(/error\s+VLAN-002/);
    expect(bad.out).not.toMatch(/warning/);
  });

  test('fails: validate explains a broken site and exits 1', async () => {
    const path = writeSite(tempDir(), 'cli-lab', `${GOOD}vmVlans: "10-100"\n`);
    const r = await cli(['validate', path]);
    expect(r.code).toBe(1);
    // The text table names the file, line and column of the setting, as --json does.
    expect(r.out).toContain(`(${relative(process.cwd(), path)}:8:1)`);
    expect(r.out).toMatch(/^site cli-lab: \d error\(s\)$/m);
    expect(r.out).toMatch(/error\s+VLAN-002\s+site cli-lab: vmVlans\s+.*\b10\b/);
  });

  test('fails: a malformed site file gives one line naming the file, exit 1', async () => {
    const path = writeSite(tempDir(), 'bad', 'name: x\nnetwork: [\n');
    const r = await cli(['validate', path]);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^${path}:\\d+:\\d+: not valid YAML`))]);
  });

  test('fails: a schema violation names file and path, exit 1', async () => {
    const path = writeSite(tempDir(), 'cli-lab', GOOD.replace('vlan: 10,', 'vlan: ten,'));
    const r = await cli(['synth', path, '-o', tempDir()]);
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(`${path}:4:11: network.mgmt.vlan must be a whole number, not "ten": write digits without quotes, e.g. 10`);
  });

  test.each([['validate'], ['synth']])('fails: %s --json reports a site file it cannot load as JSON on stdout (ok false, the one line), exit 1', async (command) => {
    const path = writeSite(tempDir(), 'cli-lab', GOOD.replace('vlan: 10,', 'vlan: ten,'));
    const out = tempDir();
    const r = await cli([command, '--json', path, ...(command === 'synth' ? ['-o', out] : [])]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as Record<string, unknown>;
    expect(report).toEqual({
      ok: false,
      error: { message: `${path}:4:11: network.mgmt.vlan must be a whole number, not "ten": write digits without quotes, e.g. 10`, exitCode: 1 },
      findings: [],
    });
    expect(r.err.trim()).toBe(report.error && (report.error as { message: string }).message);
    expect(readdirSync(out)).toEqual([]);
  });

  test('--json: every finding with its file, setting and line for CI annotations', async () => {
    const path = writeSite(tempDir(), 'cli-lab', `${GOOD}vmVlans: "10-100"\n`);
    const r = await cli(['validate', '--json', path]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { ok: boolean; sites: string[]; findings: Record<string, unknown>[] };
    expect(report.ok).toBe(false);
    expect(report.sites).toEqual(['cli-lab']);
    expect(report.findings.find((f) => f.ruleId === 'VLAN-002')).toEqual(
      expect.objectContaining({ level: 'error', fails: true, site: 'cli-lab', file: expect.stringMatching(/cli-lab\.yaml$/), setting: 'vmVlans', line: 8, column: 1 }),
    );
  });

  test('--strict: a warning fails validate and synth, and synth writes nothing', async () => {
    // The pod and service CIDRs adjacent, chosen by the site (not the RA defaults): NET-008 warns.
    // (PAL-008, the packs whose defaults the built-in catalog lacks, is suppressed: this test is about one warning.)
    const text = GOOD.replace('serviceCidr: 100.65.0.0/18', 'podCidr: 100.70.0.0/18, serviceCidr: 100.70.64.0/18') +
      'suppressions: [{ ruleId: PAL-008, reason: "the pack defaults are checked in Palette by hand" }]\n';
    const path = writeSite(tempDir(), 'cli-lab', text);
    expect((await cli(['validate', path])).code).toBe(0);
    const strict = await cli(['validate', '--strict', path]);
    expect(strict.code).toBe(1);
    expect(strict.out).toMatch(/^site cli-lab: 0 error\(s\), 1 warning\(s\) \(--strict: warnings fail\)$/m);
    const out = tempDir();
    const synth = await cli(['synth', '--strict', path, '-o', out]);
    expect(synth.code).toBe(1);
    expect(synth.err).toMatch(/warning\s+NET-008/);
    expect(readdirSync(out)).toEqual([]);
  });

  test('--pack-catalog: a folder of pack defaults of your own is asked first, for every site of the run', async () => {
    const path = writeSite(tempDir(), 'cli-lab');
    const overlays = (out: string) => out.split('\n').filter((l) => /PAL-008 .*layer ubuntu-maas/.test(l));
    expect(overlays((await cli(['validate', path])).out)).toHaveLength(1);
    const withCatalog = await cli(['validate', '--pack-catalog', join(__dirname, '..', 'fixtures', 'user-catalog'), path]);
    expect(withCatalog.code).toBe(0);
    expect(overlays(withCatalog.out)).toEqual([]);
    const missing = await cli(['validate', '--pack-catalog', join(tempDir(), 'nope'), path]);
    expect(missing.code).toBe(1);
    expect(missing.err.trim()).toMatch(/^pack catalog folder '.*nope' does not exist or is not a folder: give the folder that holds <pack name>\/<version>\/values\.yaml$/);
  });

  test('synth: a warning several sites share is printed once, naming the sites (checks.json keeps each)', async () => {
    const sites = tempDir();
    writeSite(sites, 'east');
    writeSite(sites, 'west');
    const out = tempDir();
    const r = await cli(['synth', sites, '-o', out]);
    expect(r.code).toBe(0);
    const ubuntu = r.err.split('\n').filter((l) => /PAL-008 .*pack ubuntu-maas 22\.04/.test(l));
    expect(ubuntu).toEqual([expect.stringMatching(/^warning {2}PAL-008 {2}2 sites \(east, west\): pack ubuntu-maas 22\.04 has no published defaults/)]);
    for (const site of ['east', 'west']) {
      const checks = JSON.parse(readFileSync(join(out, site, 'checks.json'), 'utf8')) as { findings: { ruleId: string; location: string }[] };
      expect(checks.findings.some((f) => f.ruleId === 'PAL-008' && f.location.endsWith('layer ubuntu-maas'))).toBe(true);
    }
  });

  test('synth: several files and folders in one call, all written together, one success line', async () => {
    const sites = tempDir();
    writeSite(sites, 'east');
    writeSite(sites, 'west');
    writeFileSync(join(sites, 'notes.txt'), 'not a site\n');
    const north = writeSite(tempDir(), 'north');
    const out = join(tempDir(), 'dist');

    const r = await cli(['synth', sites, north, '-o', out]);

    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`^wrote 3 site\\(s\\), \\d+ files, to .*dist/: east, west, north\\n$`));
    expect(readdirSync(out).sort()).toEqual(['east', 'north', 'west']);
    expect(readFileSync(join(out, 'east', '.palette-vmo-site'), 'utf8')).toMatch(/^source: \.\.\/\.\.\/\d+\/east\.yaml$/m);
  });

  test('fails: synth with one bad site writes none of them', async () => {
    const sites = tempDir();
    writeSite(sites, 'east');
    writeSite(sites, 'west', siteText('west').replace('172.16.0.0/22', '172.16.0.1/22'));
    const out = tempDir();
    const r = await cli(['synth', sites, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/NET-001.*172\.16\.0\.1\/22/);
    expect(r.err).toMatch(/nothing was written; .* is unchanged$/m);
    expect(readdirSync(out)).toEqual([]);
  });

  test('fails: a site named like a folder that palette-vmo did not write leaves that folder alone (review D11)', async () => {
    const project = tempDir();
    mkdirSync(join(project, 'sites'));
    writeFileSync(join(project, 'sites', 'notes.txt'), 'important\n');
    const file = writeSite(join(project, 'sites'), 'sites');

    const r = await cli(['synth', file, '-o', project]);

    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(`${join(project, 'sites')} has no .palette-vmo-site marker, so palette-vmo did not write it and will not replace it: move it away, or choose another output folder (-o)`);
    expect(readdirSync(join(project, 'sites')).sort()).toEqual(['notes.txt', 'sites.yaml']);
  });

  test('fails: two site files with one site name: one line naming the second file, exit 1', async () => {
    const a = writeSite(tempDir(), 'same');
    const b = writeSite(tempDir(), 'same');
    const r = await cli(['validate', a, b]);
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(`${b}: name 'same' is already the name of another site of this run: each site needs its own name (it names the output folder)`);
  });

  test('fails: a synth stopped by one site shows what fails the run, and with -q nothing else (no other site\'s warnings)', async () => {
    const dir = tempDir();
    writeSite(dir, 'good', siteText('good'));
    writeSite(dir, 'bad', `${siteText('bad')}vmVlans: "10-100"\n`);
    const loud = await cli(['synth', dir, '-o', tempDir()]);
    const quiet = await cli(['synth', '-q', dir, '-o', tempDir()]);
    for (const r of [loud, quiet]) {
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/^site bad: \d error\(s\)/m);
      expect(r.err).toMatch(/error\s+VLAN-002/);
      expect(r.err).not.toMatch(/^site good:/m);
    }
    expect(loud.err).toMatch(/warning\s+PAL-008/);
    expect(quiet.err).not.toMatch(/warning|info/);
  });

  test('fails: validate reports every file it cannot load, not only the first, exit 1', async () => {
    const dir = tempDir();
    const broken = writeSite(dir, 'broken', 'name: broken\nnetwork: [\n');
    const typo = writeSite(dir, 'typo', GOOD.replace('name: cli-lab', 'name: typo').replace('profiles:', 'profile:'));
    const wrongType = writeSite(dir, 'wrong', GOOD.replace('name: cli-lab', 'name: wrong').replace('vlan: 10,', 'vlan: ten,'));
    const r = await cli(['validate', broken, typo, wrongType]);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^${broken}:\\d+:\\d+: not valid YAML`)),
      expect.stringMatching(new RegExp(`^${typo}:\\d+:1: profile is not a known setting: did you mean 'profiles'\\?`)),
      expect.stringMatching(new RegExp(`^${wrongType}:4:11: network\\.mgmt\\.vlan must be a whole number`)),
    ]);
  });

  test('fails: an app program that throws is one line naming the program, its line and the message; no stack', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'boom.js'), "module.exports = () => {\n  throw new Error('boom in user app');\n};\n");
    const r = await cli(['validate', join(dir, 'boom.js')]);
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(`${join(dir, 'boom.js')}:2:9: the app program failed: boom in user app (PALETTE_VMO_DEBUG=1 shows the stack)`);
  });

  test('fails: deploy of a folder that is not a site output folder says what to give', async () => {
    const dir = tempDir();
    writeSite(dir, 'cli-lab');
    const r = await cli(['deploy', dir]);
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(`${dir}: no deploy/cluster.maas.json in this folder: give a site output folder (dist/<site>/ of a site with maas: settings, after synth), a site file or an app program`);
  });

  test('fails: book -o onto a folder is one line with the filesystem error, exit 1', async () => {
    const dir = tempDir();
    const r = await cli(['book', writeSite(tempDir(), 'cli-lab'), '-o', dir]);
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(`${dir}: cannot write the site book: a folder is where a file should be: move the folder away [EISDIR]`);
  });

  test('output piped into a program that stops reading (| head -1) ends quietly, no EPIPE stack', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${join(ROOT, 'build', 'bin', 'palette-vmo.js')}" book "${join(ROOT, 'sites', 'two-nic.yaml')}" | head -1`], { encoding: 'utf8' });
    expect(r.stdout).toBe('# Site book: two-nic\n');
    expect(r.stderr).toBe('');
  }, 30_000);

  test('fails: -o is a file: one line naming it, nothing left behind', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'outfile'), 'x\n');
    const r = await cli(['synth', writeSite(tempDir(), 'cli-lab'), '-o', join(dir, 'outfile')]);
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(`${join(dir, 'outfile')}: is a file, not a folder: choose an output folder (-o) that is a folder or does not exist yet`);
    expect(readdirSync(dir)).toEqual(['outfile']);
  });

  test('fails: -o under a filesystem that refuses new folders (/proc) is one line, at once (Node 20\'s recursive mkdir never returns there)', async () => {
    const r = await cli(['synth', writeSite(tempDir(), 'cli-lab'), '-o', '/proc/palette-vmo-out/dist']);
    expect(r.code).toBe(1);
    expect(r.err.trim()).toMatch(/^\/proc\/palette-vmo-out: cannot create the output folder: .*\[ENOENT\]$/);
  }, 20_000);

  test('fails: PAL-007 also across runs: a site whose profile name and version an earlier run wrote into the output folder with other content, nothing written', async () => {
    const shared = (name: string, vlans: string) => `${GOOD.replace('name: cli-lab', `name: ${name}\nprofileNamePrefix: VMO-shared`)}vmVlans: "${vlans}"\n`;
    const out = tempDir();
    const east = writeSite(tempDir(), 'east', shared('east', '21-100'));
    expect((await cli(['synth', '-q', east, '-o', out])).code).toBe(0);
    const west = writeSite(tempDir(), 'west', shared('west', '200-300'));

    const r = await cli(['synth', '-q', west, '-o', out]);

    expect(r.code).toBe(1);
    expect(r.err).toMatch(/error\s+PAL-007\s+site west: profile VMO-shared-Full\s+site west writes profile VMO-shared-Full version 1\.7\.0 with other content than site east, which an earlier run wrote into this output folder/);
    expect(readdirSync(out).filter((f) => !f.startsWith('.')).sort()).toEqual(['east']);
    // Writing east again is no conflict (its own folder); --prune (the run's sites are all the sites) removes east instead.
    expect((await cli(['synth', '-q', east, '-o', out])).code).toBe(0);
    const pruned = await cli(['synth', '-q', '--prune', west, '-o', out]);
    expect(pruned.code).toBe(0);
    expect(pruned.out).toMatch(/; removed 1 site\(s\) not in this run \(--prune\): east\n$/);
    expect(readdirSync(out).filter((f) => !f.startsWith('.'))).toEqual(['west']);
  });

  test('synth removes the output of a site whose file was removed or renamed', async () => {
    const sites = tempDir();
    const out = join(tempDir(), 'dist');
    const east = writeSite(sites, 'east');
    writeSite(sites, 'west');
    expect((await cli(['synth', sites, '-o', out])).code).toBe(0);
    rmSync(east);
    writeSite(sites, 'east-2');

    const r = await cli(['synth', sites, '-o', out]);

    expect(r.out).toMatch(/; removed 1 site\(s\) no longer defined: east\n$/);
    expect(readdirSync(out).sort()).toEqual(['east-2', 'west']);
  });

  test('schema prints the committed site JSON Schema byte for byte', async () => {
    const r = await cli(['schema']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(readFileSync(join(ROOT, 'schema', 'site.schema.json'), 'utf8'));
  });

  test('the bin runs as a program: exit codes and one-line errors, no stack', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bin', 'palette-vmo.ts'), 'validate', join(tempDir(), 'missing.yaml')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(/^\S*missing\.yaml: no such file or folder: give site files/);
    expect(existsSync(join(ROOT, 'bin', 'palette-vmo.ts'))).toBe(true);
  });
});
