import { ValidationError } from '../common/errors';

/** How serious a finding is: errors stop synth, warnings and infos are printed. */
export class FindingLevel {
  public static readonly ERROR = new FindingLevel('error', 0);
  public static readonly WARNING = new FindingLevel('warning', 1);
  public static readonly INFO = new FindingLevel('info', 2);

  private constructor(public readonly value: 'error' | 'warning' | 'info', public readonly rank: number) {}
}

/** What a rule reports about one bad value. */
export interface RuleViolation {
  /** Names the offending value, the allowed values and the fix. */
  readonly message: string;
  /** Where: `profile X, layer Y`. @default the whole subject */
  readonly location?: string;
  /** Overrides the rule's level for graded rules (E below 3, W below 4, ...). @default the rule's level */
  readonly level?: FindingLevel;
}

/** A check with a stable id, a level and a source, as in cdk-nag rule packs. */
export interface Rule<T> {
  /** e.g. `PAL-001`. Stable: suppressions refer to it. */
  readonly id: string;
  readonly level: FindingLevel;
  /** One sentence: what the rule requires. */
  readonly description: string;
  /** Where the requirement comes from (a RA section, a seed, a doc). */
  readonly source: string;
  /** False for rules no site may turn off: secrets in the output, and input that cannot work (malformed or contradictory). @default true */
  readonly suppressible?: boolean;
  /**
   * Whether the subject has what the rule checks (e.g. the MAAS rules: a site with `maas`);
   * a rule that does not apply is not run, and reports say so instead of "passed".
   * @default always applies
   */
  appliesTo?(subject: T): boolean;
  check(subject: T): RuleViolation[];
}

/** What every rule has besides its check: enough to name it, validate suppressions, and list it. */
export type RuleInfo = Pick<Rule<unknown>, 'id' | 'level' | 'description' | 'source' | 'suppressible'>;

/** A rule violation as reported and recorded in `checks.json`. */
export interface Finding {
  readonly ruleId: string;
  readonly level: 'error' | 'warning' | 'info';
  readonly message: string;
  readonly location: string;
  readonly source: string;
  /** Set when the site suppressed the rule; a suppressed finding never stops synth. */
  readonly suppressedReason?: string;
}

/** A rule a site turns off, with the reason recorded in the output. */
export interface Suppression {
  readonly ruleId: string;
  /** Why the rule does not apply here; at least 10 characters. */
  readonly reason: string;
}

export const MIN_SUPPRESSION_REASON = 10;

export function validateSuppression(s: Suppression, known?: readonly RuleInfo[]): Suppression {
  if (!/^[A-Z]+-\d{3}$/.test(s.ruleId)) {
    throw new ValidationError(`suppression rule id '${s.ruleId}' is not a rule id: use the id a finding shows, e.g. 'SEC-003'`);
  }
  const problem = known ? suppressionRuleProblem(s.ruleId, known) : undefined;
  if (problem) throw new ValidationError(known?.some((r) => r.id === s.ruleId) ? problem : `suppression of ${problem}`);
  if ((s.reason ?? '').trim().length < MIN_SUPPRESSION_REASON) {
    throw new ValidationError(
      `suppression of ${s.ruleId} needs a reason of at least ${MIN_SUPPRESSION_REASON} characters, got '${s.reason ?? ''}': say why the rule does not apply to this site`,
    );
  }
  return s;
}

/**
 * What is wrong with a suppression's rule id for the rules a site runs, or undefined: an id no
 * rule has (with a did-you-mean, else the known ids), or a rule that cannot be suppressed.
 * One line, starting with the id.
 */
export function suppressionRuleProblem(ruleId: string, known: readonly RuleInfo[]): string | undefined {
  const rule = known.find((r) => r.id === ruleId);
  if (!rule) {
    const near = closestRuleIds(ruleId, known);
    const ids = [...new Set(known.map((r) => r.id))].sort();
    return `'${ruleId}' names no rule of this site: ${near.length ? `did you mean ${near.join(' or ')}?` : `use the id a finding shows, one of ${ids.join(', ')}`}`;
  }
  if (rule.suppressible === false) return `${ruleId} cannot be suppressed (${rule.description}): fix the site instead`;
  return undefined;
}

/** Rule ids of the same family whose number differs in one digit, or that differ by one character. */
function closestRuleIds(id: string, known: readonly RuleInfo[]): string[] {
  const distance = (a: string, b: string) => {
    if (a.length !== b.length) return Infinity;
    let d = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) d++;
    return d;
  };
  return known.map((r) => r.id).filter((k) => distance(k, id) === 1).slice(0, 3);
}

/** Runs rules against a subject, applying the suppressions (never to rules that cannot be suppressed). */
export function runRules<T>(rules: readonly Rule<T>[], subject: T, suppressions: readonly Suppression[], defaultLocation: string): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (rule.appliesTo?.(subject) === false) continue;
    const suppression = rule.suppressible === false ? undefined : suppressions.find((s) => s.ruleId === rule.id);
    for (const v of rule.check(subject)) {
      findings.push({
        ruleId: rule.id,
        level: (v.level ?? rule.level).value,
        message: v.message,
        location: v.location ?? defaultLocation,
        source: rule.source,
        ...(suppression ? { suppressedReason: suppression.reason } : {}),
      });
    }
  }
  return findings;
}

/** True when a finding stops synth. */
export function isBlocking(f: Finding): boolean {
  return f.level === 'error' && f.suppressedReason === undefined;
}

/** Findings as aligned text lines, errors first, for terminals and error messages. */
export function formatFindings(findings: readonly Finding[]): string {
  const rank = { error: 0, warning: 1, info: 2 };
  const sorted = [...findings].sort((a, b) => rank[a.level] - rank[b.level]);
  const rows = sorted.map((f) => [
    f.suppressedReason !== undefined ? `${f.level} (suppressed)` : f.level,
    f.ruleId,
    f.location,
    f.message + (f.suppressedReason !== undefined ? ` [suppressed: ${f.suppressedReason}]` : ''),
  ]);
  const widths = [0, 1, 2].map((i) => Math.max(0, ...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c)).join('  ')).join('\n');
}

/** Thrown when a site has blocking findings; nothing has been written. */
export class SynthError extends ValidationError {
  constructor(public readonly findings: readonly Finding[]) {
    const blocking = findings.filter(isBlocking);
    super(`synth stopped: ${blocking.length} error(s); nothing was written\n${formatFindings(findings.filter((f) => f.level !== 'info'))}`);
  }
}

/**
 * Keeps one copy of each text that findings repeat: a fleet's sites report the same warnings
 * (PAL-008 for each pack without defaults) in the same words, and a run keeps every site's
 * findings for its report, so the texts are shared instead of held once per site.
 */
export class FindingTexts {
  private readonly texts = new Map<string, string>();

  public intern(f: Finding): Finding {
    return {
      ...f,
      ruleId: this.text(f.ruleId),
      message: this.text(f.message),
      source: this.text(f.source),
      ...(f.suppressedReason !== undefined ? { suppressedReason: this.text(f.suppressedReason) } : {}),
    };
  }

  private text(t: string): string {
    const known = this.texts.get(t);
    if (known !== undefined) return known;
    this.texts.set(t, t);
    return t;
  }
}
