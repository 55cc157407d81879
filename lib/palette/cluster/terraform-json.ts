/*
 * Terraform JSON (`*.tf.json`) without a Terraform library: in expression positions every JSON
 * string is a string template, so a literal `${` is written `$${` and `%{` is written `%%{`
 * (deploy.md §1.4, `hashicorp/terraform website/docs/language/syntax/json.mdx`). Values built
 * here are plain strings (escaped when written), references and templates (written as they
 * are), and literals for the few arguments Terraform does not read as templates.
 */

/** A Terraform expression such as `var.x` or `data.a.b.id`, written as `${...}`. */
export class TerraformReference {
  constructor(public readonly expression: string) {}
}

/** A string template: literal text (escaped) and references, joined. */
export class TerraformTemplate {
  constructor(public readonly parts: readonly (string | TerraformReference)[]) {}
}

/** A string Terraform reads literally (a `variable` block's `description`): written unescaped. */
export class TerraformLiteral {
  constructor(public readonly text: string) {}
}

export type TerraformValue =
  | string
  | number
  | boolean
  | TerraformReference
  | TerraformTemplate
  | TerraformLiteral
  | readonly TerraformValue[]
  | { readonly [key: string]: TerraformValue };

/** `${expression}`. */
export function tfRef(expression: string): TerraformReference {
  return new TerraformReference(expression);
}

/** Escapes a literal string for a Terraform JSON template position. */
export function escapeTemplate(text: string): string {
  // A replacer function: in a replacement string `$$` would itself mean one `$`.
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/** The plain JSON value Terraform reads. */
export function toTerraformJsonValue(value: TerraformValue): unknown {
  if (typeof value === 'string') return escapeTemplate(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof TerraformReference) return `\${${value.expression}}`;
  if (value instanceof TerraformLiteral) return value.text;
  if (value instanceof TerraformTemplate) return value.parts.map((p) => (typeof p === 'string' ? escapeTemplate(p) : `\${${p.expression}}`)).join('');
  if (Array.isArray(value)) return value.map((v: TerraformValue) => toTerraformJsonValue(v));
  const out: Record<string, unknown> = {};
  // Sorted keys: the same site gives the same bytes.
  for (const key of Object.keys(value).sort()) out[key] = toTerraformJsonValue((value as { readonly [key: string]: TerraformValue })[key]);
  return out;
}

/** A `.tf.json` file's text: keys sorted, two-space indent, final newline. */
export function terraformJson(root: { readonly [key: string]: TerraformValue }): string {
  return JSON.stringify(toTerraformJsonValue(root), null, 2) + '\n';
}

/** Variable names Terraform reserves (`variable "count"` is refused). */
const RESERVED_VARIABLE_NAMES = new Set(['source', 'version', 'providers', 'count', 'for_each', 'lifecycle', 'depends_on', 'locals']);

/**
 * The Terraform variable (and `TF_VAR_` environment variable) for a profile variable: its own
 * name, unless Terraform reserves it.
 */
export function terraformVariableName(profileVariable: string): string {
  return RESERVED_VARIABLE_NAMES.has(profileVariable) ? `${profileVariable}_value` : profileVariable;
}

/** A resource or data source name from free text: lowercase letters, digits and underscores. */
export function terraformName(...parts: readonly string[]): string {
  const name = parts.join('_').toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/_+/g, '_').replace(/^_|_$/g, '');
  return /^[a-z_]/.test(name) ? name : `_${name}`;
}
