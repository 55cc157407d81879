import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { isValidationError, loadSiteFile, PaletteApp, parseSiteYaml, VmoSite } from '../../lib';
import { VMO_SITE_RULES } from '../../lib/site/vmo-site';
import { MAX_SITE_ALIAS_COPIES, MAX_SITE_ALIASES, MAX_SITE_FILE_BYTES, MAX_SITE_NESTING } from '../../lib/site/site-file';
import { tempDirs, validationError } from '../helpers';
import { TEST_CA_PEM } from '../packs/ubuntu-fixtures';
import { RA_SITE } from './fixtures';

const tempDir = tempDirs('site-file-');

const VALID = `name: lab
network:
  layout: four-nic
  mgmt: { vlan: 10, cidr: 172.16.0.0/22 }
  data: { vlan: 20, cidr: 10.20.0.0/16, gateway: 10.20.30.1 }
`;

const error = (fn: () => unknown): string => validationError(fn).message;

describe('site files', () => {
  test('a valid file gives the props it spells', () => {
    const props = parseSiteYaml(VALID, 'sites/lab.yaml');
    expect(props.network).toEqual({ layout: 'four-nic', mgmt: { vlan: 10, cidr: '172.16.0.0/22' }, data: { vlan: 20, cidr: '10.20.0.0/16', gateway: '10.20.30.1' } });
  });

  test('the RA fixture is valid against the schema', () => {
    expect(parseSiteYaml(stringify(RA_SITE), 'ra.yaml')).toEqual(RA_SITE);
  });

  test('fails: malformed YAML gives one line naming file, line and column', () => {
    const msg = error(() => parseSiteYaml('name: lab\nnetwork: [oops\n', 'sites/lab.yaml'));
    expect(msg.split('\n')).toHaveLength(1);
    expect(msg).toMatch(/^sites\/lab\.yaml:\d+:\d+: not valid YAML: /);
  });

  test('fails: duplicate keys are refused', () => {
    expect(error(() => parseSiteYaml('name: a\nname: b\n', 'dup.yaml'))).toMatch(/^dup\.yaml:2:1: not valid YAML: .*unique/);
  });

  test('fails: a schema violation gives one line naming file and path', () => {
    const msg = error(() => parseSiteYaml(VALID.replace('layout: four-nic', 'layout: three-nic'), 'sites/lab.yaml'));
    expect(msg).toBe('sites/lab.yaml:3:3: network.layout must be one of "four-nic", "two-nic", "two-nic-vm-on-data-vlan", not "three-nic"');
  });

  test('fails: an unknown setting names its path', () => {
    const msg = error(() => parseSiteYaml(VALID + 'storage:\n  portworx:\n    sanTyp: FC\n', 'x.yaml'));
    expect(msg).toBe(
      "x.yaml:8:5: storage.portworx.sanTyp is not a known setting: did you mean 'sanType'? the settings here are version, sanType, deviceSizeGiB, replication, maxStorageNodes, flashArrays, preferRemoteNodeOnly",
    );
  });

  test('fails: an unknown top-level key gets a suggestion, and thousands of mistakes stay a short message', () => {
    expect(error(() => parseSiteYaml(VALID + 'vmVlan: "21-100"\n', 'v.yaml'))).toContain("v.yaml:6:1: vmVlan is not a known setting: did you mean 'vmVlans'?");
    const many = VALID + Array.from({ length: 500 }, (_, i) => `junk${i}: 1`).join('\n') + '\n';
    const lines = error(() => parseSiteYaml(many, 'm.yaml')).split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[20]).toBe('m.yaml: ... and 480 more problems of the same kind');
  });

  test('fails: a suppression reason shorter than 10 characters says so; vmVlans as a number shows a VLAN list to write', () => {
    const short = error(() => parseSiteYaml(`${VALID}suppressions: [{ ruleId: PAL-008, reason: short }]\n`, 's.yaml'));
    expect(short).toMatch(/^s\.yaml:6:\d+: suppressions\.0\.reason must be at least 10 characters, not "short"/);
    const vlans = error(() => parseSiteYaml(`${VALID}vmVlans: 30\n`, 'v.yaml'));
    expect(vlans).toBe("v.yaml:6:1: vmVlans must be text, not 30: write the text, in quotes if it could read as a number or true/false, e.g. '21-100'");
  });

  test('fails: a wrong type and a missing field each name their path', () => {
    const msg = error(() => parseSiteYaml('name: lab\nnodes: { workers: five }\nnetwork: { layout: two-nic, mgmt: { vlan: 10, cidr: 172.16.0.0/22 } }\n', 'y.yaml'));
    expect(msg.split('\n').sort()).toEqual([
      'y.yaml:3:1: network.data is required (The end-user access (data) network: the default gateway and the MetalLB addresses)',
      'y.yaml:2:10: nodes.workers must be a whole number, not "five": write digits without quotes, e.g. 5',
    ].sort());
  });

  test('fails: a number out of range, a name of the wrong form and a wrong choice name the line, what was written and what to write', () => {
    const text = 'name: Lab_1\nnodes:\n  workers: 0\nstorage: { backend: ceph }\nnetwork: { layout: two-nic, mgmt: { vlan: 10, cidr: 172.16.0.0/22 }, data: { vlan: 20, cidr: 10.0.0.0/24 } }\n';
    const lines = error(() => parseSiteYaml(text, 'z.yaml')).split('\n');
    expect(lines).toContain('z.yaml:1:1: name "Lab_1" does not have the form ^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$: write e.g. lab-east (The site\'s name: it names the output folder `dist/<name>/`)');
    expect(lines).toContain('z.yaml:3:3: nodes.workers must be >= 1, not 0 (Worker nodes (RA: "We recommend a minimum worker pool of 5 nodes"))');
    expect(lines).toContain('z.yaml:4:12: storage.backend must be one of "portworx", "longhorn", "rook-ceph", not "ceph"');
  });

  test('fails: an unreadable file names it', () => {
    expect(error(() => loadSiteFile('/nonexistent/site.yaml'))).toBe('/nonexistent/site.yaml: cannot read the site file (ENOENT)');
  });

  test('loads from disk', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'lab.yaml'), VALID);
    expect(loadSiteFile(join(dir, 'lab.yaml')).name).toBe('lab');
  });
});

describe('suppressions of a site file', () => {
  const withSuppressions = (...ids: string[]) =>
    `${VALID}suppressions:\n${ids.map((id) => `  - { ruleId: ${id}, reason: "the cluster will not grow beyond 64 nodes" }\n`).join('')}`;

  test('a known rule id loads', () => {
    expect(parseSiteYaml(withSuppressions('NET-008'), 'sites/lab.yaml').suppressions).toEqual([{ ruleId: 'NET-008', reason: 'the cluster will not grow beyond 64 nodes' }]);
  });

  test('fails: an unknown rule id is one line naming the file and suppressions[i].ruleId, with a did-you-mean', () => {
    expect(error(() => parseSiteYaml(withSuppressions('NET-008', 'VLAN-011'), 'sites/lab.yaml'))).toBe(
      "sites/lab.yaml: suppressions[1].ruleId 'VLAN-011' names no rule of this site: did you mean VLAN-001 or VLAN-010?",
    );
  });

  test('fails: an unknown rule id without a near one lists the known ids', () => {
    const message = error(() => parseSiteYaml(withSuppressions('FOO-001'), 'sites/lab.yaml'));
    expect(message).toMatch(/^sites\/lab\.yaml: suppressions\[0\]\.ruleId 'FOO-001' names no rule of this site: use the id a finding shows, one of CAP-001, /);
    for (const id of ['NET-008', 'PAL-009', 'SEC-003', 'SITE-001', 'STO-001', 'VLAN-010']) expect(message).toContain(id);
    expect(message).not.toContain('\n');
  });

  test.each(['NET-001', 'NET-002', 'NET-005', 'VLAN-001', 'DEP-006', 'DEP-007', 'CAP-004'])('fails: %s (input that cannot work) cannot be suppressed', (id) => {
    expect(error(() => parseSiteYaml(withSuppressions(id), 'sites/lab.yaml'))).toMatch(new RegExp(`^sites/lab\\.yaml: suppressions\\[0\\]\\.ruleId ${id} cannot be suppressed \\(.*\\): fix the site instead$`));
  });

  test('fails: a rule that cannot be suppressed is refused on load, naming the file and the setting', () => {
    expect(error(() => parseSiteYaml(withSuppressions('SEC-001'), 'sites/lab.yaml'))).toMatch(/^sites\/lab\.yaml: suppressions\[0\]\.ruleId SEC-001 cannot be suppressed \(.*\): fix the site instead$/);
  });

  test('the ids a site file may name are the rules a VmoSite runs', () => {
    const site = new VmoSite(new PaletteApp({ outdir: '/nonexistent' }), 'lab', RA_SITE);
    expect(VMO_SITE_RULES.map((r) => r.id).sort()).toEqual(site.rules.map((r) => r.id).sort());
  });
});

describe('the pack catalog folder of a site file', () => {
  test('is resolved relative to the site file', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'catalog'));
    writeFileSync(join(dir, 'lab.yaml'), `${VALID}packCatalog: ./catalog\n`);
    expect(loadSiteFile(join(dir, 'lab.yaml')).packCatalog).toBe(join(dir, 'catalog'));
  });

  test('fails: a folder that does not exist is one line naming the site file, packCatalog, the folder and the fix', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'lab.yaml'), `${VALID}packCatalog: ../our-packs\n`);
    writeFileSync(join(dir, 'file.yaml'), `${VALID}packCatalog: lab.yaml\n`);
    const message = error(() => loadSiteFile(join(dir, 'lab.yaml')));
    expect(message).toBe(
      `${join(dir, 'lab.yaml')}: packCatalog '../our-packs' is the folder ${join(dir, '..', 'our-packs')} (relative to the site file), which does not exist or is not a folder: ` +
        'give the folder that holds <pack name>/<version>/values.yaml, relative to the site file',
    );
    // A file is not a folder.
    expect(error(() => loadSiteFile(join(dir, 'file.yaml')))).toMatch(/file\.yaml: packCatalog 'lab\.yaml' is the folder .*lab\.yaml \(relative to the site file\), which does not exist or is not a folder/);
  });
});

describe('CA certificate files of a site file', () => {
  /** A site file in a fresh folder naming a CA certificate `entry`; returns its path. */
  const siteWith = (entry: string, files: Record<string, string> = {}): string => {
    const dir = tempDir();
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), content);
    }
    mkdirSync(join(dir, 'sites'), { recursive: true });
    const path = join(dir, 'sites', 'lab.yaml');
    writeFileSync(path, `${VALID}os:\n  caCertificates:\n    - name: palette-ca\n      ${entry}\n`);
    return path;
  };

  test('a file named relative to the site file becomes the entry\'s pem', () => {
    const path = siteWith('file: ../certs/palette-ca.pem', { 'certs/palette-ca.pem': TEST_CA_PEM });
    expect(loadSiteFile(path).os?.caCertificates).toEqual([{ name: 'palette-ca', pem: TEST_CA_PEM }]);
  });

  test('a pem entry is kept as written', () => {
    const path = siteWith(`pem: "${TEST_CA_PEM.replace(/\n/g, '\\n')}"`);
    expect(loadSiteFile(path).os?.caCertificates).toEqual([{ name: 'palette-ca', pem: TEST_CA_PEM }]);
  });

  test('fails: a missing file is one line naming the site file, the setting and the path', () => {
    const path = siteWith('file: certs/missing.pem');
    const msg = error(() => loadSiteFile(path));
    expect(msg).toBe(`${path}: os.caCertificates[palette-ca].file 'certs/missing.pem': cannot read the file (ENOENT): give the path of a PEM file relative to the site file`);
  });

  test('fails: an absolute path', () => {
    const path = siteWith('file: /etc/ssl/certs/palette-ca.pem');
    expect(error(() => loadSiteFile(path))).toBe(
      `${path}: os.caCertificates[palette-ca].file '/etc/ssl/certs/palette-ca.pem' is an absolute path: give the path relative to the site file (e.g. certs/palette-ca.pem), so the site repository can move`,
    );
  });

  test('fails: a file without a PEM certificate, without repeating its content', () => {
    const path = siteWith('file: key.pem', { 'sites/key.pem': '-----BEGIN PRIVATE KEY-----\nc2VjcmV0\n-----END PRIVATE KEY-----\n' });
    const msg = error(() => loadSiteFile(path));
    expect(msg).toBe(
      `${path}: os.caCertificates[palette-ca].file 'key.pem' holds no PEM certificate: give a file with one '-----BEGIN CERTIFICATE-----' ... '-----END CERTIFICATE-----' block`,
    );
    expect(msg).not.toContain('c2VjcmV0');
  });

  test('fails: both pem and file', () => {
    const path = siteWith(`file: ca.pem\n      pem: x`, { 'sites/ca.pem': TEST_CA_PEM });
    expect(error(() => loadSiteFile(path))).toBe(`${path}: os.caCertificates[palette-ca].file 'ca.pem': the entry gives both pem and file: keep one of them`);
  });

  test('fails: a file too large to be a certificate', () => {
    const path = siteWith('file: big.pem', { 'sites/big.pem': 'x'.repeat(65 * 1024) });
    expect(error(() => loadSiteFile(path))).toBe(
      `${path}: os.caCertificates[palette-ca].file 'big.pem' is 65 KiB, more than a CA certificate file has (64 KiB): check that this is the right file`,
    );
  });
});

/** The one-line message of a YAML-level refusal: `file:line:col: message`. */
function yamlError(text: string, file = 'sites/lab.yaml'): string {
  const msg = error(() => parseSiteYaml(text, file));
  expect(msg.split('\n')).toHaveLength(1);
  return msg;
}

describe('site files: YAML a site author may get wrong', () => {
  test('an alias whose anchor is missing names it and says how to fix it', () => {
    expect(yamlError(VALID + 'nodes: { workers: *nope }\n')).toBe(
      "sites/lab.yaml:6:19: alias '*nope' has no anchor '&nope': mark the value to repeat with '&nope' above this line, or write the value out",
    );
  });

  test('an alias before its anchor names the anchor\'s line', () => {
    expect(yamlError(VALID + 'nodes: { workers: *w }\nvmVlans: &w "21-100"\n')).toMatch(
      /^sites\/lab\.yaml:6:19: alias '\*w' comes before its anchor '&w' \(line 7\): YAML reads top to bottom; move the anchored value above this line/,
    );
  });

  test('an alias inside the value it repeats is refused', () => {
    expect(yamlError('a: &a [1, *a]\n')).toBe("sites/lab.yaml:1:11: alias '*a' is inside the value it repeats: write the value out");
  });

  test('aliases of values that hold aliases (the billion laughs) are refused at the first one', () => {
    const bomb = 'a: &a [lol, lol]\nb: &b [*a, *a]\nc: &c [*b, *b]\n';
    expect(yamlError(bomb)).toMatch(/^sites\/lab\.yaml:3:8: alias '\*b' repeats a value that itself uses aliases \(line 2\): site files allow one level of aliases/);
  });

  test(`more than ${MAX_SITE_ALIASES} aliases, or aliases copying more than ${MAX_SITE_ALIAS_COPIES} values, are refused`, () => {
    const many = `a: &a x\nb: [${Array(MAX_SITE_ALIASES + 1).fill('*a').join(', ')}]\n`;
    expect(yamlError(many)).toBe(`sites/lab.yaml:2:${5 + 4 * MAX_SITE_ALIASES}: more than ${MAX_SITE_ALIASES} aliases: write the values out instead of repeating them with aliases`);
    const big = `a: &a [${Array(2000).fill('1').join(', ')}]\n${Array.from({ length: 6 }, (_, i) => `b${i}: *a`).join('\n')}\n`;
    expect(yamlError(big)).toBe(`sites/lab.yaml:6:5: the aliases up to here copy more than ${MAX_SITE_ALIAS_COPIES} values: write the values out`);
  });

  test('an alias used correctly gives the anchored value', () => {
    const props = parseSiteYaml(VALID + 'nodes: { controlPlane: &n 3, workers: *n }\n', 'sites/lab.yaml');
    expect(props.nodes).toEqual({ controlPlane: 3, workers: 3 });
  });

  test('a second document is refused where it starts, in words a site author knows', () => {
    const msg = yamlError(VALID + '---\nname: other\n');
    expect(msg).toBe(
      "sites/lab.yaml:6:1: a second YAML document starts here: a site file holds one site; delete this '---' and what follows, or move it to a file of its own",
    );
    expect(msg).not.toMatch(/parseAllDocuments/);
    expect(yamlError(VALID + '---\n')).toMatch(/^sites\/lab\.yaml:6:1: a second YAML document/);
    // A leading '---' starts the one document.
    expect(parseSiteYaml('---\n' + VALID, 'sites/lab.yaml').name).toBe('lab');
  });

  test('a %YAML 1.1 directive (0:30 would read as 30) and %TAG are refused; %YAML 1.2 is accepted', () => {
    expect(yamlError('%YAML 1.1\n---\n' + VALID)).toBe(
      "sites/lab.yaml:1:1: '%YAML 1.1' would read some values differently (e.g. 0:30 as the number 30): site files are YAML 1.2; delete this line",
    );
    expect(yamlError('%TAG !e! tag:example.com,2000:\n---\n' + VALID)).toBe("sites/lab.yaml:1:1: '%TAG !e! tag:example.com,2000:' is not used in site files: delete this line");
    expect(parseSiteYaml('%YAML 1.2\n---\n' + VALID, 'sites/lab.yaml').name).toBe('lab');
  });

  test('an unknown tag is refused instead of silently dropped; a standard tag is read', () => {
    expect(yamlError(VALID.replace('name: lab', 'name: !foo lab'))).toBe(
      "sites/lab.yaml:1:7: unknown tag '!foo': site files use no tags; delete it (quote the value to keep it as text)",
    );
    expect(parseSiteYaml(VALID.replace('name: lab', 'name: !!str lab'), 'sites/lab.yaml').name).toBe('lab');
  });

  test('a list, mapping or multi-line text as a setting name is refused', () => {
    expect(yamlError('? [a, b]\n: 1\n')).toBe(
      "sites/lab.yaml:1:3: a setting name must be a single word, not a list, a mapping or several lines: check for a stray '?' or a misplaced ':'",
    );
    expect(yamlError('? |\n  two\n  lines\n: 1\n')).toMatch(/^sites\/lab\.yaml:1:3: a setting name must be a single word/);
  });

  test('an empty file, or one with only comments, says it is empty', () => {
    for (const text of ['', '\n\n', '# a site\n', '---\n', '~\n']) {
      expect(error(() => parseSiteYaml(text, 'sites/empty.yaml'))).toBe("sites/empty.yaml: is empty: a site file needs at least 'name' and 'network'");
    }
  });

  test(`a file over ${MAX_SITE_FILE_BYTES / 1024} KiB is refused before parsing, from text and from disk`, () => {
    const huge = VALID + `# ${'x'.repeat(MAX_SITE_FILE_BYTES)}\n`;
    const expected = `is ${Math.ceil(Buffer.byteLength(huge) / 1024)} KiB, more than the ${MAX_SITE_FILE_BYTES / 1024} KiB a site file may have`;
    expect(yamlError(huge)).toContain(`sites/lab.yaml: ${expected}`);
    const path = join(tempDir(), 'huge.yaml');
    writeFileSync(path, huge);
    expect(error(() => loadSiteFile(path))).toContain(`${path}: ${expected}`);
  });

  test(`nesting deeper than ${MAX_SITE_NESTING} levels is refused quickly, in brackets and in block lists`, () => {
    const deepFlow = 'name: lab\nx: ' + '['.repeat(20_000) + ']'.repeat(20_000) + '\n';
    const started = Date.now();
    expect(yamlError(deepFlow)).toBe(
      `sites/lab.yaml:2:${4 + MAX_SITE_NESTING}: values are nested more than ${MAX_SITE_NESTING} levels deep here: a site file needs only a few levels; look for an unclosed '[' or '{'`,
    );
    expect(yamlError('x:\n' + '- '.repeat(5_000) + 'a\n')).toMatch(new RegExp(`^sites/lab\\.yaml:2:\\d+: values are nested more than ${MAX_SITE_NESTING} levels deep`));
    expect(Date.now() - started).toBeLessThan(2000);
  });

  test('whatever the text, the yaml library\'s own errors never escape: only ValidationErrors naming the file', () => {
    const piece = fc.constantFrom('a', 'b', ':', ': ', ' ', '  ', '\n', '- ', '[', ']', '{', '}', ',', '&a ', '*a', '&b ', '*b', '!x ', '!!str ', '%YAML 1.1\n', '---\n', '...\n', '"', "'", '|\n', '? ', '#', '\t', '<<: ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        try {
          parseSiteYaml(pieces.join(''), 'fuzz.yaml');
        } catch (e) {
          if (!isValidationError(e)) throw e;
          for (const line of e.message.split('\n')) expect(line).toMatch(/^fuzz\.yaml(:\d+:\d+)?: /);
        }
      }),
      { numRuns: 500, seed: 11 },
    );
  });
});
