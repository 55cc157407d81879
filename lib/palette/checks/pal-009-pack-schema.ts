import { FindingLevel, Rule, RuleViolation } from '../finding';
import { checkPackSchema } from '../pack-schema';
import { RenderedSite, valueAt } from '../rendered';
import { splitValuePath } from '../values';
import { VARIABLE_REFERENCE } from '../yaml-format';

/**
 * PAL-009: a pack's values satisfy its schema.yaml (Palette's pack constraints: required keys,
 * formats); Palette refuses to save a profile that breaks them. A value at a `${password}` path
 * is a secret: only a profile variable reference (or nothing) may stand there.
 */
export const PAL_009: Rule<RenderedSite> = {
  id: 'PAL-009',
  level: FindingLevel.ERROR,
  description: "a pack's values satisfy its schema.yaml constraints (required keys, formats); password paths hold only variable references",
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
    }
    return out;
  },
};
