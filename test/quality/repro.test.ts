import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { performance } from 'perf_hooks';
import { parse } from 'yaml';
import { isBlocking, isValidationError, PaletteApp, RenderResult, SynthError, VmoSite } from '../../lib';
import { VlanSet } from '../../lib/common/vlan-set';
import { loadSiteFile } from '../../lib/site/site-file';
import { tempDirs } from '../helpers';

/**
 * The reproducers of the December 2026 reliability and newcomer reviews, as a table: each row
 * runs one input through one stage and states the documented behaviour, either a one-line
 * ValidationError naming the file (and line:col when the YAML itself is at fault) or a
 * result, within a time bound measured around the call.
 *
 * To add a reproducer: copy its site file into test/fixtures/repro (or build the text in
 * `text`), pick or add a stage (e.g. one that builds a VmoSite and renders it, for the
 * semantic reproducers r5-r12), and add a row.
 * Set REPRO_TIMINGS=1 to print each row's time.
 */

const FIXTURES = join(__dirname, '..', '..', 'test', 'fixtures', 'repro');
const tempDir = tempDirs('repro-');

/** What a row does with its site file. */
type Stage = (file: string) => unknown;

/** Reads the site file: YAML, then the site schema. */
const load: Stage = (file) => loadSiteFile(file);
/** Reads the site file, then parses its vmVlans as the site plan does. */
const loadVmVlans: Stage = (file) => VlanSet.parse(loadSiteFile(file).vmVlans ?? '').toString();

/** What a site renders to, or the findings that stop it: `<level> <rule> <location>: <message>`. */
interface Rendered {
  readonly result?: RenderResult;
  readonly blocked?: string[];
  readonly warnings: string[];
}

/** Reads the site file and checks and renders the site, as synth does before it writes. */
function render(file: string): Rendered {
  const props = loadSiteFile(file);
  const app = new PaletteApp();
  new VmoSite(app, props.name ?? 'site', props);
  const line = (f: { level: string; ruleId: string; location: string; message: string }) => `${f.level} ${f.ruleId} ${f.location}: ${f.message}`;
  try {
    const result = app.render();
    return { result, warnings: result.findings.filter((f) => f.level === 'warning').map(line) };
  } catch (e) {
    if (!(e instanceof SynthError)) throw e;
    return { blocked: e.findings.filter(isBlocking).map(line), warnings: e.findings.filter((f) => f.level === 'warning').map(line) };
  }
}

/** A rendered site's pack values (first profile that has the pack), parsed. */
function packValues(r: Rendered, pack: string): Record<string, unknown> {
  for (const site of r.result?.rendered.values() ?? []) {
    for (const { json } of site.profiles) {
      const found = json.spec.template.packs.find((p) => p.name === pack);
      if (found) return parse(found.values) as Record<string, unknown>;
    }
  }
  throw new Error(`no pack ${pack} rendered`);
}

/** A rendered site's profile variable default. */
function variableDefault(r: Rendered, name: string): unknown {
  for (const site of r.result?.rendered.values() ?? []) {
    for (const { json } of site.profiles) {
      const found = json.spec.variables.find((v) => v.name === name);
      if (found) return found.defaultValue;
    }
  }
  throw new Error(`no variable ${name} rendered`);
}

/** The value at a dotted path of parsed YAML. */
function at(values: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined), values);
}

type Expected =
  /**
   * A one-line ValidationError `<file>[:<at>]: <message>`, where `at` is the line:col the YAML
   * is at fault; `namesFile: false` for errors about a text alone (VlanSet), with no prefix.
   */
  | { readonly error: { readonly at?: string; readonly message: RegExp; readonly namesFile?: boolean } }
  /** The stage returns this value. */
  | { readonly result: unknown };

interface Reproducer {
  /** The review's id and a few words. */
  readonly id: string;
  /** A file in test/fixtures/repro, or text the test writes to a temporary file of that name. */
  readonly file: string;
  readonly text?: () => string;
  readonly stage: Stage;
  readonly expected: Expected;
  /** @default 2000 */
  readonly withinMs?: number;
}

/** The two-NIC RA site the reproducers start from (r4 less its long vmVlans). */
const twoNic = (vmVlans: string): string => readFileSync(join(FIXTURES, 'r4-vlan-ranges-1000.yaml'), 'utf8').replace(/^vmVlans: .*$/m, `vmVlans: "${vmVlans}"`);
const fullRanges = (n: number): string => Array(n).fill('1-4094').join(',');

const REPRODUCERS: Reproducer[] = [
  {
    id: 'r1 billion laughs (D2)',
    file: 'r1-billion-laughs.yaml',
    stage: load,
    expected: { error: { at: '3:8', message: /^alias '\*b' repeats a value that itself uses aliases \(line 2\): site files allow one level of aliases; write the inner values out$/ } },
  },
  {
    id: 'r1b 101 aliases of one scalar (D2)',
    file: 'r1b-101-aliases.yaml',
    stage: load,
    expected: { error: { at: '21:425', message: /^more than 100 aliases: write the values out instead of repeating them with aliases$/ } },
  },
  {
    id: 'r2 undefined alias (D2)',
    file: 'r2-undefined-alias.yaml',
    stage: load,
    expected: { error: { at: '8:12', message: /^alias '\*nope' has no anchor '&nope': mark the value to repeat with '&nope' above this line, or write the value out$/ } },
  },
  {
    id: 'r13 %YAML 1.1 directive (D13.3)',
    file: 'r13-yaml11-directive.yaml',
    stage: load,
    expected: { error: { at: '1:1', message: /^'%YAML 1\.1' would read some values differently \(e\.g\. 0:30 as the number 30\): site files are YAML 1\.2; delete this line$/ } },
  },
  {
    id: 'r4 vmVlans "21-100" 1,000 times (D9): normalised',
    file: 'r4-vlan-ranges-1000.yaml',
    stage: loadVmVlans,
    expected: { result: '21-100' },
  },
  {
    id: 'h2 vmVlans "1-4094" 20,000 times in a site file (D9): over the size limit',
    file: 'h2-vmvlans-20000-full-ranges.yaml',
    text: () => twoNic(fullRanges(20_000)),
    stage: load,
    expected: { error: { message: /^is 13\d KiB, more than the 128 KiB a site file may have: / } },
  },
  {
    id: 'h2 vmVlans "1-4094" 20,000 times (D9): VlanSet parses it',
    file: 'h2-vmvlans-20000.txt',
    text: () => fullRanges(20_000),
    stage: (file) => VlanSet.parse(readFileSync(file, 'utf8')).toString(),
    expected: { result: '1-4094' },
    withinMs: 1000,
  },
  {
    id: 'h2b vmVlans "1-4094" 200,000 times (D9): VlanSet parses it',
    file: 'h2b-vmvlans-200000.txt',
    text: () => fullRanges(200_000),
    stage: (file) => VlanSet.parse(readFileSync(file, 'utf8')).toString(),
    expected: { result: '1-4094' },
    withinMs: 1000,
  },
  {
    id: 'h2b with one id out of range (D9): a short message',
    file: 'h2b-vmvlans-200000-bad.txt',
    text: () => `${fullRanges(200_000)},5000`,
    stage: (file) => VlanSet.parse(readFileSync(file, 'utf8')),
    expected: { error: { namesFile: false, message: /^VLAN id 5000 in '(1-4094,){5}1-409…' is out of range: VLAN ids are whole numbers from 1 to 4094$/ } },
    withinMs: 1000,
  },
  {
    id: 'r5 profileNamePrefix of 250 characters (D10: ENAMETOOLONG at write): refused by the schema',
    file: 'r5-long-profile-prefix.yaml',
    stage: load,
    expected: { error: { at: '20:1', message: /^profileNamePrefix "x+…" \(250 characters\) does not have the form \^\[A-Za-z0-9\]\[A-Za-z0-9\._-\]\{0,63\}\$: write e\.g\. VMO-RA \(The first part of every profile name\)$/ } },
  },
  {
    id: 'r5b site name of 256 characters (D8): refused by the schema',
    file: 'r5b-long-site-name.yaml',
    stage: load,
    expected: { error: { at: '5:1', message: /^name "a+("|…" \(\d+ characters\)) does not have the form \^\[a-z0-9\]\(\[a-z0-9-\]\{0,61\}\[a-z0-9\]\)\?\$: write e\.g\. lab-east/ } },
  },
  {
    id: 'r5c site name of 64 characters (D8): refused by the schema (63 at most)',
    file: 'r5c-site-name-64.yaml',
    stage: load,
    expected: { error: { at: '5:1', message: /^name "a+("|…" \(\d+ characters\)) does not have the form \^\[a-z0-9\]\(\[a-z0-9-\]\{0,61\}\[a-z0-9\]\)\?\$: write e\.g\. lab-east/ } },
  },
  {
    id: 'r6 maxPodsPerNode 300 (D8): a NET-004 warning at the setting, no construct error',
    file: 'r6-maxpods.yaml',
    stage: (file) => {
      const r = render(file);
      return { blocked: r.blocked ?? [], net004: r.warnings.filter((w) => w.includes('NET-004')) };
    },
    expected: {
      result: {
        blocked: [],
        net004: [expect.stringMatching(/^warning NET-004 site two-nic: kubernetes\.maxPodsPerNode: 300 pods per node do not fit a \/24 node block/)],
      },
    },
  },
  {
    id: 'r7 VLAN 30 twice in the VM networks (D8): SITE-001 at templates.networks',
    file: 'r7-dup-nad-vlan.yaml',
    stage: (file) => render(file).blocked,
    expected: { result: ['error SITE-001 site two-nic: templates.networks: VLAN 30 is listed twice in the VM networks: list each VLAN once'] },
  },
  {
    id: 'r8 mode bgp without a bgp block (D6): refused by the schema',
    file: 'r8-bgp-without-bgp.yaml',
    stage: load,
    expected: { error: { at: '20:1', message: /^loadBalancer\.bgp is required when mode is "bgp": add it, or change mode$/ } },
  },
  {
    id: 'r9 vmVlans with blanks and variables on (D12): the variable default is normalised and passes its regex',
    file: 'r9-vmvlans-blank-variables.yaml',
    stage: (file) => {
      const r = render(file);
      return { blocked: r.blocked ?? [], vmVlans: variableDefault(r, 'vmVlans') };
    },
    expected: { result: { blocked: [], vmVlans: '21-50,60-100' } },
  },
  {
    id: 'r10 two addresses in the first pool with variables on (D4): both are written',
    file: 'r10-variables-pool-dropped.yaml',
    stage: (file) => {
      const r = render(file);
      return {
        addresses: at(packValues(r, 'lb-metallb-helm'), 'charts.metallb-full.configuration.ipaddresspools.first-pool.spec.addresses'),
        metallbAddresses: variableDefault(r, 'metallbAddresses'),
      };
    },
    expected: { result: { addresses: ['{{.spectro.var.metallbAddresses}}', '10.20.40.100-10.20.40.150'], metallbAddresses: '10.20.30.100-10.20.30.150' } },
  },
  {
    id: 'r11 nodePodCidrPrefix 26 (D5): the node CIDR mask is written',
    file: 'r11-nodePodCidrPrefix.yaml',
    stage: (file) => {
      const values = packValues(render(file), 'kubernetes');
      return { podCIDR: at(values, 'pack.podCIDR'), mask: at(values, 'kubeadmconfig.controllerManager.extraArgs.node-cidr-mask-size') };
    },
    expected: { result: { podCIDR: '100.64.0.0/20', mask: '26' } },
  },
  {
    id: 'r12 deviceSizeGiB 1e21 (D13.1): refused by the schema',
    file: 'r12-device-size-1e21.yaml',
    stage: load,
    expected: { error: { at: '20:24', message: /^storage\.portworx\.deviceSizeGiB must be <= 1048576, not 1e\+21 \(The size of the FlashArray LUN each worker contributes, GiB/ } },
  },
];

/** Runs `fn`, returning what it returned or threw and how long it took. */
function timed(fn: () => unknown): { value?: unknown; thrown?: unknown; ms: number } {
  const started = performance.now();
  try {
    const value = fn();
    return { value, ms: performance.now() - started };
  } catch (thrown) {
    return { thrown, ms: performance.now() - started };
  }
}

describe('reproducers of the reliability and newcomer reviews', () => {
  test.each(REPRODUCERS.map((r) => [r.id, r] as const))('%s', (_id, r) => {
    let path = join(FIXTURES, r.file);
    if (r.text !== undefined) {
      path = join(tempDir(), r.file);
      writeFileSync(path, r.text());
    }
    const { value, thrown, ms } = timed(() => r.stage(path));
    if (process.env.REPRO_TIMINGS) console.log(`${r.id}: ${ms.toFixed(0)} ms`);

    if ('error' in r.expected) {
      if (!isValidationError(thrown)) throw thrown ?? new Error(`expected a ValidationError, got ${JSON.stringify(value)?.slice(0, 200)}`);
      const message = thrown.message;
      expect(message.split('\n')).toHaveLength(1);
      expect(message.length).toBeLessThan(300);
      const { at, namesFile = true } = r.expected.error;
      expect(namesFile ? stripPrefix(message, `${path}${at ? `:${at}` : ''}: `) : message).toMatch(r.expected.error.message);
    } else {
      if (thrown !== undefined) throw thrown;
      expect(value).toEqual(r.expected.result);
    }
    expect(ms).toBeLessThan(r.withinMs ?? 2000);
  });
});

/** `message` less `prefix`, which it must start with. */
function stripPrefix(message: string, prefix: string): string {
  expect(message.startsWith(prefix) ? prefix : message).toBe(prefix);
  return message.slice(prefix.length);
}
