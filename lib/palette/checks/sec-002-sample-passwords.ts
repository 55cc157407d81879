import { FindingLevel, Rule, RuleViolation } from '../finding';
import { RenderedSite } from '../rendered';
import { perText, writtenTexts } from './secret-leaves';

/** Seed 001 Grafana `adminPassword: "welcome"`; the RA templates' cloud-init `password: spectro`. */
const SAMPLE_PASSWORDS = ['welcome', 'spectro'];
/** How a message names each sample password, without its value. */
const SAMPLE_NAMES: Record<string, string> = { welcome: "the RA's sample Grafana admin password", spectro: "the RA templates' sample cloud-init password" };
/** The RA templates' Windows unattend password: distinctive enough to match anywhere. */
const SAMPLE_WINDOWS_PASSWORD = 'P@ssw0rd!';
/** The RA's sample FlashArray API token (seed 001/002 pure.json). */
const SAMPLE_API_TOKEN = '347eba54-4ab6-96cd-e123-f694ab394a3b';
/** Seed 001's sample Portworx activation id. */
const SAMPLE_ACTIVATION_ID = 'your_license_key';

const PASSWORD_KEY = /(pass(word|wd)?|pwd)$/i;
const FIX = 'use a sensitive profile variable without default instead, entered at deploy time';

const WORDS = SAMPLE_PASSWORDS.join('|');
const KEYED = new RegExp(`(pass(?:word|wd)?|pwd)["']?\\s*[:=]\\s*["']?(${WORDS})["']?\\s*(?:$|[,}])`, 'gim');
const XML = new RegExp(`Password>\\s*<Value>\\s*(${WORDS})\\s*</Value>`, 'gi');
const CHPASSWD_LINE = new RegExp(`^\\s*-?\\s*[\\w.-]+:(${WORDS})\\s*$`, 'gm');

/** `password: spectro`-style lines inside text that did not parse as YAML, and chpasswd `user:password` lines. */
function textMatches(value: string, inChpasswd: () => boolean): string[] {
  const lower = value.toLowerCase();
  if (!SAMPLE_PASSWORDS.some((w) => lower.includes(w))) return []; // every pattern below needs one of the words
  const found: string[] = [];
  for (const m of value.matchAll(KEYED)) found.push(m[2]);
  for (const m of value.matchAll(XML)) found.push(m[1]);
  if (inChpasswd()) for (const m of value.matchAll(CHPASSWD_LINE)) found.push(m[1]);
  return found;
}

/** The sample values of one text, each at its most specific path; computed once per distinct text. */
const samplesIn = perText((leaves) => {
  const found = new Map<string, { sample: string; what: string; path: string }>();
  const report = (sample: string, what: string, path: string) => {
    const known = found.get(sample);
    if (!known || path.length > known.path.length) found.set(sample, { sample, what, path });
  };
  for (const leaf of leaves) {
    const v = leaf.value;
    // Messages name the kind of sample, never its value: a message must not carry a secret, even a published one.
    if (v.includes(SAMPLE_WINDOWS_PASSWORD)) report(SAMPLE_WINDOWS_PASSWORD, "the RA templates' sample Windows password", leaf.path);
    const lower = v.toLowerCase();
    if (lower.includes(SAMPLE_API_TOKEN)) report(SAMPLE_API_TOKEN, "the RA's sample FlashArray API token", leaf.path);
    if (lower.includes(SAMPLE_ACTIVATION_ID)) report(SAMPLE_ACTIVATION_ID, "the RA's sample Portworx activation id", leaf.path);
    const word = lower.trim();
    if (PASSWORD_KEY.test(leaf.key) && SAMPLE_PASSWORDS.includes(word)) report(word, `${SAMPLE_NAMES[word]} in '${leaf.key}'`, leaf.path);
    for (const w of textMatches(v, () => /chpasswd/i.test(leaf.path))) report(w.toLowerCase(), SAMPLE_NAMES[w.toLowerCase()], leaf.path);
  }
  return [...found.values()];
});

/**
 * SEC-002: no known sample password anywhere in the output: the RA's Grafana admin sample
 * (seed 001 Prometheus layer), the templates' `spectro` and `P@ssw0rd!`, and the RA's
 * sample FlashArray API token. Matched as values of password keys (welcome, spectro) or
 * anywhere (the two distinctive ones), including base64 Secret data and variable defaults.
 */
export const SEC_002: Rule<RenderedSite> = {
  id: 'SEC-002',
  level: FindingLevel.ERROR,
  description: 'no known sample password (Grafana, cloud-init and Windows template samples), the RA sample API token or sample activation id anywhere in the output',
  source: 'seed 001 (RA rev 1.2) Prometheus layer (Grafana admin sample), pure.json sample token and sample activation id; RA templates (cloud-init and Windows unattend samples)',
  check(site) {
    const out: RuleViolation[] = [];
    // One finding per text and sample value (samplesIn keeps the most specific key path).
    for (const text of writtenTexts(site)) {
      for (const s of samplesIn(text)) out.push({ location: text.location, message: `${s.what} at ${s.path || '(document)'}: ${FIX}` });
    }
    for (const { json: profile } of site.profiles) {
      for (const variable of profile.spec.variables ?? []) {
        const d = variable.defaultValue;
        if (d === undefined) continue;
        const location = `profile ${profile.metadata.name}, variable ${variable.name}`;
        const passwordLike = variable.isSensitive === true || /pass(word|wd)?|pwd/i.test(variable.name);
        const sample = d.includes(SAMPLE_WINDOWS_PASSWORD) || d.toLowerCase().includes(SAMPLE_API_TOKEN) || d.toLowerCase().includes(SAMPLE_ACTIVATION_ID);
        if (sample || (passwordLike && SAMPLE_PASSWORDS.includes(d.trim().toLowerCase()))) {
          out.push({ location, message: `variable '${variable.name}' defaults to a published sample secret of the RA: remove the default and make the variable sensitive, so the value is entered at deploy time` });
        }
      }
    }
    return out;
  },
};
