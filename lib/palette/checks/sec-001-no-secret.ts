import { FindingLevel, Rule, RuleViolation } from '../finding';
import { VariableJson } from '../profile-variable';
import { RenderedSite } from '../rendered';
import { VARIABLE_REFERENCE } from '../yaml-format';
import { perText, SecretLeaf, writtenTexts } from './secret-leaves';

/** Keys whose value is a secret (passwords, tokens, license ids and keys, client secrets, credentials). */
const SECRET_KEYS: readonly RegExp[] = [
  /pass(word|wd|phrase)$/i,
  /^pass$/i,
  /^pwd$/i,
  /token$/i,
  /activation_?id$/i,
  /api_?key$/i,
  /licen[cs]e_?key$/i,
  /^(px[-_])?licen[cs]e$/i,
  /private_?key$/i,
  /secret$/i,
  /secret_?(access_?)?key$/i,
  /credentials?$/i,
];

/** Names of environment variables that carry secrets (`PX_ACTIVATION_ID`, `PURE_FA_API_TOKEN`, `DB_PASSWORD`). */
const SECRET_ENV_NAME = /(PASSWORD|PASSWD|PASSPHRASE|TOKEN|SECRET|ACTIVATION_ID|API_KEY|LICENSE_KEY|PRIVATE_KEY|CREDENTIALS?)$/i;

/** `license.saas.key`: the Portworx SaaS license key (pack-values.md §5). */
const isLicenseKey = (leaf: SecretLeaf) => leaf.key === 'key' && (leaf.parentKey === 'saas' || leaf.parentKey === 'license');

/** A PEM private key block (RSA, EC, OpenSSH, PKCS#8, encrypted). */
export const PRIVATE_KEY_PEM = /-----BEGIN ([A-Z]+ )*PRIVATE KEY-----/;
const XML_PASSWORD = /<(\w*Password)>\s*<Value>([^<]*)<\/Value>/gi;
/** A regular expression that matches one literal string only: it would write the secret itself. */
const LITERAL_REGEX = /^\^?(?:[^\\[\](){}.*+?|^$]|\\[^dDwWsSbB])+\$?$/;

/** VARIABLE_REFERENCE without its flags: `test` keeps no state between texts. */
const REFERENCE = new RegExp(VARIABLE_REFERENCE.source);
const isReference = (text: string) => REFERENCE.test(text) || /\{\{\s*\.spectro\./.test(text);
/** Says what was found without repeating the secret: its length only. */
const describeSecret = (value: string) => `a literal value (${value.length} characters, not shown)`;
const FIX = 'make it a sensitive profile variable without default and reference it, so the value is entered at deploy time';

function secretKey(leaf: SecretLeaf): boolean {
  if (SECRET_KEYS.some((r) => r.test(leaf.key)) || isLicenseKey(leaf)) return true;
  // An environment variable entry: `{name: PX_ACTIVATION_ID, value: ...}`.
  const name = leaf.holder?.name;
  return leaf.key === 'value' && typeof name === 'string' && SECRET_ENV_NAME.test(name);
}

function variableProblems(v: VariableJson): string[] {
  const out: string[] = [];
  const secretName = SECRET_KEYS.some((r) => r.test(v.name));
  if (v.isSensitive) {
    if (v.defaultValue !== undefined && !/^\*+$/.test(v.defaultValue)) {
      out.push(`sensitive variable '${v.name}' has a default, which would write the secret into the profile: remove the default and enter the value at deploy time`);
    }
    if (v.options?.length) {
      out.push(`sensitive variable '${v.name}' has dropdown options, which are written into the profile: make it a text variable without options`);
    }
    if (v.regex !== undefined && LITERAL_REGEX.test(v.regex)) {
      out.push(`sensitive variable '${v.name}' has a regex that matches one literal value only, which writes the secret into the profile: use a pattern of allowed characters (e.g. '^[A-Za-z0-9-]+$')`);
    }
  } else if (secretName && (v.defaultValue ?? '').trim() !== '') {
    out.push(`variable '${v.name}' is named like a secret and has a default of ${describeSecret(v.defaultValue ?? '')}: make it sensitive (isSensitive) and remove the default`);
  }
  return out;
}

/** The messages of one text (each once), from its leaves; computed once per distinct text. */
const secretsIn = perText((leaves) => {
  const out = new Set<string>();
  for (const leaf of leaves) {
    const value = leaf.value;
    // A flag is no secret (`useSecret: false`, `use-service-account-credentials: "true"`).
    const flag = /^(true|false)$/i.test(value.trim());
    // A published default's placeholder (`<Activation ID>`) is no secret either; placeholder checks report it.
    const placeholder = /^<[^<>]+>$/.test(value.trim());
    const literal = value.trim() !== '' && !flag && !placeholder && !isReference(value);
    const where = leaf.path || '(document)';
    if (literal && secretKey(leaf)) out.add(`'${leaf.key}' at ${where} holds ${describeSecret(value)}: ${FIX}`);
    // cloud-init `chpasswd: { list: "user:password" }`.
    if (literal && leaf.key === 'list' && leaf.parentKey === 'chpasswd' && /^\s*[\w.-]+:\S+/m.test(value)) {
      out.add(`the chpasswd list at ${where} holds literal passwords: ${FIX}`);
    }
    if (literal && PRIVATE_KEY_PEM.test(value)) out.add(`${where} holds a private key (PEM): ${FIX}`);
    for (const m of value.matchAll(XML_PASSWORD)) {
      if (m[2].trim() && !isReference(m[2])) out.add(`<${m[1]}> in ${where} holds ${describeSecret(m[2])}: ${FIX}`);
    }
  }
  return [...out];
});

/**
 * SEC-001: no secret value is written to any output file. Any password, token, license id
 * or key, client secret or private key in a values file or manifest must be a
 * `{{.spectro.var.X}}` reference to a sensitive variable without default; a sensitive
 * variable carries its secret in neither a default, dropdown options nor a literal regex.
 * Messages never repeat the value. No site can suppress it.
 */
export const SEC_001: Rule<RenderedSite> = {
  id: 'SEC-001',
  level: FindingLevel.ERROR,
  suppressible: false,
  description: 'no secret value (license key, API token, password, private key) is written to any output file; secrets are sensitive profile variables without default',
  source: 'DESIGN.md output contract ("Secrets ... never appear in dist/")',
  check(site) {
    const out: RuleViolation[] = [];
    const seen = new Set<string>();
    const report = (location: string, message: string) => {
      const id = `${location}|${message}`;
      if (!seen.has(id)) out.push({ location, message });
      seen.add(id);
    };
    for (const text of writtenTexts(site)) for (const message of secretsIn(text)) report(text.location, message);
    for (const p of site.profiles) {
      for (const v of p.json.spec.variables) {
        for (const message of variableProblems(v)) report(`profile ${p.json.metadata.name}, variable ${v.name}`, message);
      }
    }
    return out;
  },
};
