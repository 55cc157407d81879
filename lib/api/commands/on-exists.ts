import { ValidationError } from '../../common/errors';

/** What `push` does when the profile's name and version already exist (palette-api.md §6.4 step 2). */
export class OnExists {
  /** Same content: report "unchanged"; other content: fail with "bump the version" (exit 2). */
  public static readonly SKIP_IF_IDENTICAL = new OnExists('skip-if-identical');
  /** Fail whenever it exists (exit 2). */
  public static readonly FAIL = new OnExists('fail');
  /** Other content: delete and import again, as Terraform does, only when no cluster uses it. */
  public static readonly REPLACE = new OnExists('replace');

  /** The value of `--on-exists`. */
  public static of(value: string): OnExists {
    const known = [OnExists.SKIP_IF_IDENTICAL, OnExists.FAIL, OnExists.REPLACE].find((o) => o.value === value);
    if (!known) throw new ValidationError(`--on-exists '${value}' is not an option: use skip-if-identical, fail or replace`);
    return known;
  }

  private constructor(public readonly value: string) {}
}
