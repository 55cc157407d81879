import { findingLocation, ruleAnchor, ruleApplies, SiteBookInput } from '../book-input';
import { BookSection } from '../book-section';
import { table } from '../markdown';

/** checks.json as tables: the findings, then the suppressions with their reasons. */
export const FINDINGS: BookSection = {
  title: 'Findings and suppressions',
  render(input) {
    const out: string[] = [];
    const rows = input.findings.map((f) => [
      f.suppressedReason !== undefined ? `${f.level} (suppressed)` : f.level,
      `[${f.ruleId}](#${ruleAnchor(f.ruleId)})`,
      findingLocation(input, f),
      f.message,
    ]);
    out.push(...(rows.length ? table(['Level', 'Rule', 'Setting', 'Finding'], rows) : ['No findings.']));
    out.push('');
    const suppressions = input.suppressions.map((s) => [`[${s.ruleId}](#${ruleAnchor(s.ruleId)})`, s.reason]);
    out.push(...(suppressions.length ? ['Suppressed rules:', '', ...table(['Rule', 'Reason'], suppressions)] : ['No rule is suppressed.']));
    return out;
  },
};

/** What a rule did for this site: not applicable, passed, or its findings by level. */
function result(input: SiteBookInput, id: string): string {
  if (!ruleApplies(input, id)) return 'not applicable';
  const own = input.findings.filter((f) => f.ruleId === id);
  const suppressed = input.suppressions.some((s) => s.ruleId === id);
  if (!own.length) return suppressed ? 'suppressed, nothing to report' : 'passed';
  const levels = (['error', 'warning', 'info'] as const).map((l) => [l, own.filter((f) => f.level === l).length] as const).filter(([, n]) => n > 0);
  return levels.map(([l, n]) => `${n} ${l}${n > 1 ? 's' : ''}`).join(', ') + (suppressed ? ' (suppressed)' : '');
}

/** Every rule the site ran, with an anchor the checklist and the findings link to. */
export const RULES: BookSection = {
  title: 'Rules checked',
  render(input) {
    const rules = [...input.rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return table(
      ['Rule', 'Level', 'For this site', 'Requires', 'Source'],
      rules.map((r) => [`<a id="${ruleAnchor(r.id)}"></a>${r.id}`, r.level.value, result(input, r.id), r.description, r.source]),
    );
  },
};
