import { IConstruct } from 'constructs';
import { FindingLevel, RuleInfo } from './finding';

const TAGGED = /^\[([A-Z]+-\d{3})\] ([\s\S]*)$/;

/**
 * Registers a check on a construct that reports under a rule id. It is an ordinary cdk8s
 * validation (`node.addValidation`), so a plain cdk8s `App.synth` fails on it too; PaletteApp
 * turns each message into a finding of that rule, with the construct's path as location. A
 * pack construct and a site rule share the predicate behind such a check, and the app reports
 * the problem once.
 */
export function addRuleCheck(scope: IConstruct, ruleId: string, check: () => readonly string[]): void {
  scope.node.addValidation({ validate: () => check().map((m) => `[${ruleId}] ${m}`) });
}

/** A construct validation message split into the rule it reports under and its text (CON-001 when untagged). */
export function parseValidationMessage(message: string): { ruleId: string; message: string } {
  const m = TAGGED.exec(message);
  return m ? { ruleId: m[1], message: m[2] } : { ruleId: CON_001.id, message };
}

/** Untagged construct validations (cdk8s-plus, user constructs) become findings of this rule. */
export const CON_001: RuleInfo = {
  id: 'CON-001',
  level: FindingLevel.ERROR,
  description: 'every construct validation passes (node.addValidation), as cdk8s App.synth requires',
  source: 'cdk8s App.synth (validate every construct of the tree)',
  suppressible: false,
};
