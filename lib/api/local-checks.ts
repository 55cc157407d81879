import { PROFILE_CHECKS } from '../palette/checks';
import { Finding, isBlocking, runRules } from '../palette/finding';
import { ProfileDocument } from './profile-document';

/** The local profile checks (palette-api.md §6.4 step 1), split into blocking errors and the rest. */
export function localFindings(doc: ProfileDocument): { errors: Finding[]; others: Finding[] } {
  const findings = runRules(PROFILE_CHECKS, doc.json, [], `profile ${doc.json.metadata.name}`);
  return { errors: findings.filter(isBlocking), others: findings.filter((f) => !isBlocking(f)) };
}

/** A finding as one line naming the file: `dist/x/profiles/A.json: PAL-001 error profile A, layer k: ...`. */
export function formatFindingLine(doc: ProfileDocument, f: Finding): string {
  return `${doc.source}: ${f.ruleId} ${f.level} ${f.location}: ${f.message}`;
}
