import { ValidationError } from '../common/errors';

/** The format of a profile variable's value, as Palette validates it at deploy time. */
export class VariableFormat {
  public static readonly STRING = new VariableFormat('string');
  public static readonly NUMBER = new VariableFormat('number');
  /** Only `true` or `false`. */
  public static readonly BOOLEAN = new VariableFormat('boolean');
  public static readonly IPV4 = new VariableFormat('ipv4');
  public static readonly IPV4_CIDR = new VariableFormat('ipv4cidr');
  public static readonly IPV6 = new VariableFormat('ipv6');
  /** A semantic version. */
  public static readonly VERSION = new VariableFormat('version');
  public static readonly BASE64 = new VariableFormat('base64');

  private constructor(public readonly value: string) {}
}

/** How Palette asks for the value at deploy time. */
export class VariableInputType {
  public static readonly TEXT = new VariableInputType('text');
  /** A choice among `options`. */
  public static readonly DROPDOWN = new VariableInputType('dropdown');
  public static readonly MULTILINE = new VariableInputType('multiline');

  private constructor(public readonly value: string) {}
}

/** One choice of a dropdown variable. */
export interface VariableOption {
  readonly value: string;
  /** @default the value */
  readonly label?: string;
  /** @default no description */
  readonly description?: string;
  /** Whether this option is preselected. @default false */
  readonly default?: boolean;
}

export interface ProfileVariableProps {
  /** The label shown at deploy time; unique within a profile. @default the name */
  readonly displayName?: string;
  /** @default no description */
  readonly description?: string;
  /** @default VariableFormat.STRING */
  readonly format?: VariableFormat;
  /**
   * The value used when the deployer gives none, always written as a string. Sensitive
   * variables must not have one: secrets are filled in at deploy time (SEC-001, SEC-004).
   * @default no default
   */
  readonly defaultValue?: string | number | boolean;
  /** An RE2 regular expression the value must match. @default no constraint */
  readonly regex?: string;
  /** @default false */
  readonly required?: boolean;
  /** The UI's "Read-only": the value cannot be changed at deploy time. @default false */
  readonly immutable?: boolean;
  /** @default false */
  readonly hidden?: boolean;
  /** The UI's "Mask value". @default false */
  readonly isSensitive?: boolean;
  /** @default VariableInputType.TEXT */
  readonly inputType?: VariableInputType;
  /** Choices for a dropdown. @default none */
  readonly options?: readonly VariableOption[];
}

/** The JSON of one entry of `spec.variables`. */
export interface VariableJson {
  name: string;
  displayName: string;
  description: string;
  format: string;
  defaultValue?: string;
  regex?: string;
  required: boolean;
  immutable: boolean;
  hidden: boolean;
  isSensitive: boolean;
  inputType?: string;
  options?: { value: string; label: string; description?: string; default: boolean }[];
}

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * A Palette profile variable. Use it as a leaf in pack values, or use `reference` inside
 * manifests; either renders as `'{{.spectro.var.NAME}}'`.
 */
export class ProfileVariable {
  public readonly displayName: string;
  public readonly description: string;
  public readonly format: VariableFormat;
  public readonly defaultValue?: string;
  public readonly regex?: string;
  public readonly required: boolean;
  public readonly immutable: boolean;
  public readonly hidden: boolean;
  public readonly isSensitive: boolean;
  public readonly inputType: VariableInputType;
  public readonly options: readonly VariableOption[];

  constructor(public readonly name: string, props: ProfileVariableProps = {}) {
    if (!NAME.test(name)) {
      throw new ValidationError(
        `profile variable name '${name}' is invalid: use a letter followed by letters, digits or underscores (e.g. 'podCidr')`,
      );
    }
    this.displayName = props.displayName ?? name;
    this.description = props.description ?? '';
    this.format = props.format ?? VariableFormat.STRING;
    this.defaultValue = props.defaultValue === undefined ? undefined : String(props.defaultValue);
    this.regex = props.regex;
    this.required = props.required ?? false;
    this.immutable = props.immutable ?? false;
    this.hidden = props.hidden ?? false;
    this.isSensitive = props.isSensitive ?? false;
    this.inputType = props.inputType ?? VariableInputType.TEXT;
    this.options = props.options ?? [];
    if (this.inputType === VariableInputType.DROPDOWN && this.options.length === 0) {
      throw new ValidationError(`profile variable '${name}' is a dropdown without options: give at least one option`);
    }
  }

  /**
   * True for number and boolean variables: their reference is written unquoted in values, so
   * that after Palette substitutes the text the field reads as a number or boolean, not a string
   * (a quoted `'{{.spectro.var.n}}'` becomes `'5'`, which an int32 CRD field rejects; issue 9).
   * Palette's docs ask for single quotes "to properly validate the schema" (librarium
   * create-cluster-profile-variables.md step 14; palette-api.md §4, palette-profile-format.md
   * §3.2): before substitution the unquoted form reads as a YAML flow map, so a pack schema.yaml
   * constraint at that path would fail. PAL-009 refuses that case; `asText()` writes the quoted
   * form. See UnquotedReference (yaml-format.ts).
   */
  public get keepsType(): boolean {
    return this.format === VariableFormat.NUMBER || this.format === VariableFormat.BOOLEAN;
  }

  /** This variable as a text value, quoted, for string fields (an env var) fed by a number or boolean variable. */
  public asText(): VariableAsText {
    return new VariableAsText(this);
  }

  /** The reference Palette substitutes at deploy time: `{{.spectro.var.NAME}}`. */
  public get reference(): string {
    return `{{.spectro.var.${this.name}}}`;
  }

  /** Two variables are the same definition when their JSON is identical. */
  public sameDefinitionAs(other: ProfileVariable): boolean {
    return JSON.stringify(this.toJson()) === JSON.stringify(other.toJson());
  }

  public toJson(): VariableJson {
    // Key order of real exports: defaultValue and regex sit between format and required.
    const json: VariableJson = {
      name: this.name,
      displayName: this.displayName,
      description: this.description,
      format: this.format.value,
      ...(this.defaultValue !== undefined ? { defaultValue: this.defaultValue } : {}),
      ...(this.regex !== undefined ? { regex: this.regex } : {}),
      required: this.required,
      immutable: this.immutable,
      hidden: this.hidden,
      isSensitive: this.isSensitive,
    };
    if (this.inputType !== VariableInputType.TEXT) json.inputType = this.inputType.value;
    if (this.options.length) {
      json.options = this.options.map((o) => ({
        value: o.value,
        label: o.label ?? o.value,
        ...(o.description ? { description: o.description } : {}),
        default: o.default ?? false,
      }));
    }
    return json;
  }
}

/** A variable used where the field takes text: its reference is written quoted whatever its format. */
export class VariableAsText {
  constructor(public readonly variable: ProfileVariable) {}
}
