import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { isPaletteReference, safeProfiles } from '../profile-scan';
import { VmoSiteModel } from '../site-model';
import { StringLeaf, stringLeaves } from './string-leaves';

/** Keys whose value is a secret (passwords, tokens, license ids, keys). */
const SECRET_KEYS: readonly RegExp[] = [
  /pass(word|wd|phrase)$/i,
  /^pass$/i,
  /^pwd$/i,
  /token$/i,
  /^activationid$/i,
  /api_?key$/i,
  /license_?key$/i,
  /private_?key$/i,
  /client_?secret$/i,
  /secret_?(access_?)?key$/i,
];

/** `license.saas.key`: the Portworx SaaS license key (pack-values.md §5). */
const isLicenseKey = (leaf: StringLeaf) => leaf.key === 'key' && (leaf.parentKey === 'saas' || leaf.parentKey === 'license');

const PRIVATE_KEY_PEM = /-----BEGIN ([A-Z]+ )*PRIVATE KEY-----/;
const XML_PASSWORD = /<(\w*Password)>\s*<Value>([^<]*)<\/Value>/gi;

/** Says what was found without repeating the secret: its length only. */
const describeSecret = (value: string) => `a literal value (${value.length} characters, not shown)`;
const FIX = 'make it a sensitive profile variable without default and reference it, so the value is entered at deploy time';

/**
 * SEC-001 (output part): no secret value is written to an output file. Any password, token,
 * license id or private key in a values file or manifest must be a `{{.spectro.var.X}}`
 * reference to a sensitive variable. The variable part (sensitive variables without
 * default) is `SEC_001_VARIABLES` in lib/palette/checks.
 */
export const SEC_001_OUTPUT: Rule<VmoSiteModel> = {
  id: 'SEC-001',
  level: FindingLevel.ERROR,
  description: 'no secret value (license key, API token, password, private key) is written to any output file; secrets are sensitive profile variables without default',
  source: 'DESIGN.md output contract ("Secrets ... never appear in dist/")',
  check({ profiles }) {
    const out: RuleViolation[] = [];
    const seen = new Set<string>();
    const report = (leaf: StringLeaf, message: string) => {
      const id = `${leaf.location}|${message}`;
      if (seen.has(id)) return;
      seen.add(id);
      out.push({ location: leaf.location, message });
    };
    for (const leaf of stringLeaves(safeProfiles(profiles))) {
      const value = leaf.value;
      const literal = value.trim() !== '' && !isPaletteReference(value);
      const where = leaf.path || '(document)';
      if (literal && (SECRET_KEYS.some((r) => r.test(leaf.key)) || isLicenseKey(leaf))) {
        report(leaf, `'${leaf.key}' at ${where} holds ${describeSecret(value)}: ${FIX}`);
      }
      // cloud-init `chpasswd: { list: "user:password" }`.
      if (literal && leaf.key === 'list' && leaf.parentKey === 'chpasswd' && /^\s*[\w.-]+:\S+/m.test(value)) {
        report(leaf, `the chpasswd list at ${where} holds literal passwords: ${FIX}`);
      }
      if (literal && PRIVATE_KEY_PEM.test(value)) {
        report(leaf, `${where} holds a private key (PEM): ${FIX}`);
      }
      for (const m of value.matchAll(XML_PASSWORD)) {
        if (m[2].trim() && !isPaletteReference(m[2])) report(leaf, `<${m[1]}> in ${where} holds ${describeSecret(m[2])}: ${FIX}`);
      }
    }
    return out;
  },
};
