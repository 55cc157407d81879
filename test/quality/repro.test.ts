import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { performance } from 'perf_hooks';
import { isValidationError } from '../../lib';
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
