import { FindingLevel, Rule, RuleViolation } from '../finding';
import { checkPackSchema } from '../pack-schema';
import { RenderedSite, valueAt } from '../rendered';
import { splitValuePath } from '../values';
import { unquotedReferences, VARIABLE_REFERENCE } from '../yaml-format';

/**
 * PAL-009: a pack's values satisfy its schema.yaml (Palette's pack constraints: required keys,
 * formats); Palette refuses to save a profile that breaks them. A value at a `${password}` path
 * is a secret: only a profile variable reference (or nothing) may stand there. A number or
 * boolean variable's reference is written unquoted (UnquotedReference, yaml-format.ts); at a path
 * the schema constrains it would read as a map when Palette validates, so it is refused there.
 */
export const PAL_009: Rule<RenderedSite> = {
  id: 'PAL-009',
  level: FindingLevel.ERROR,
  description:
    "a pack's values satisfy its schema.yaml constraints (required keys, formats); password paths hold only variable references; no unquoted variable reference at a constrained path",
  source: 'librarium registries-and-packs/pack-constraints.md; palette-profile-format.md §3.3',
  check(site) {
    const out: RuleViolation[] = [];
    for (const layer of site.layers) {
      const schema = layer.defaults?.schema;
      if (!schema) continue;
      const where = site.locate(layer, 'values');
      for (const p of checkPackSchema(schema, layer.values, { defaults: layer.defaults?.values })) {
        out.push({ location: where, level: p.rule === 'readonly' ? FindingLevel.WARNING : FindingLevel.ERROR, message: `${p.path}: ${p.message}` });
      }
      for (const path of schema.passwordPaths) {
        if (path.includes('$[]')) continue; // list elements: checkPackSchema's format check covers them
        const value = valueAt(layer.values, ...splitValuePath(path));
        const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
        if (text.trim() !== '' && !new RegExp(VARIABLE_REFERENCE.source).test(text)) {
          out.push({
            location: where,
            message: `${path} is a password in the pack's schema and holds a literal value (${text.length} characters, not shown): make it a sensitive profile variable without default`,
          });
        }
      }
      for (const ref of unquotedReferences(layer.pack.values)) {
        if (!schema.constraintAt(ref.keys)) continue;
        const path = valuePathText(ref.keys);
        out.push({
          location: where,
          message:
            `${path} holds the unquoted reference ${ref.reference} and the pack's schema.yaml constrains this path: before substitution ` +
            "Palette validates the values against the schema, and an unquoted reference reads as a YAML map there (Palette's docs: wrap each profile variable in single quotes): " +
            `quote it (ProfileVariable.asText() writes '${ref.reference}') or use a string variable at ${path}`,
        });
      }
    }
    return out;
  },
};

/** Keys as a value path in messages: dotted, `\.` for a dot in a key, `[i]` for a list index (as checkPackSchema names them). */
function valuePathText(keys: readonly (string | number)[]): string {
  return keys.reduce<string>((text, k) => (typeof k === 'number' ? `${text}[${k}]` : `${text ? `${text}.` : ''}${k.replace(/\./g, '\\.')}`), '');
}
