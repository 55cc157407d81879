import { posix } from 'path';
import { ValidationError } from '../../common/errors';

/**
 * One entry of the Ubuntu pack's `kubeadmconfig.files`: a file Palette writes on every node
 * before `preKubeadmCommands` run (RA rev 1.7, Ubuntu layer: "The files from the
 * kubeadmconfig.files section are put in place before the preKubeadmCommands section is
 * executed, so we can always assume the files are already there").
 */
export interface KubeadmFile {
  /** Absolute path on the node, e.g. `/etc/multipath.conf`. */
  readonly targetPath: string;
  /** The file's full content. */
  readonly content: string;
  /** `user:group`. @default 'root:root' */
  readonly targetOwner?: string;
  /** Four octal digits, written as a quoted string. @default '0644' */
  readonly targetPermissions?: string;
}

/** What a part contributes to the Ubuntu layer's `kubeadmconfig`. */
export interface KubeadmPartOutput {
  /**
   * Ubuntu packages the part needs. The pack installs the packages of all parts in one
   * apt transaction, just before the commands of the first part that needs any.
   */
  readonly packages?: readonly string[];
  readonly files?: readonly KubeadmFile[];
  readonly preKubeadmCommands?: readonly string[];
  readonly postKubeadmCommands?: readonly string[];
}

/**
 * A self-contained piece of node configuration for the Ubuntu (MAAS) layer: some files
 * and/or commands that belong together (e.g. multipath.conf and the multipathd restart).
 * Implement it to add your own part to `UbuntuMaasPackProps.extraParts`.
 */
export interface KubeadmPart {
  /** A short name, used in error messages (e.g. `multipath`). */
  readonly name: string;
  render(): KubeadmPartOutput;
}

/** The owner and mode the RA gives every file (`"root:root"`, `"0644"`). */
export const DEFAULT_FILE_OWNER = 'root:root';
export const DEFAULT_FILE_PERMISSIONS = '0644';

const PERMISSIONS = /^[0-7]{4}$/;
const OWNER = /^[a-z_][a-z0-9_-]*(:[a-z_][a-z0-9_-]*)?$/;
const PACKAGE = /^[a-z0-9][a-z0-9+.-]+$/;

/** Checks one file entry of a part and throws a ValidationError naming the part. */
export function validateKubeadmFile(file: KubeadmFile, part: string): void {
  const path = file.targetPath;
  if (!path.startsWith('/') || /\s/.test(path) || path.endsWith('/')) {
    throw new ValidationError(`file path '${path}' of part '${part}' is invalid: use an absolute file path without spaces, e.g. '/etc/example.conf'`);
  }
  if (posix.normalize(path) !== path) {
    throw new ValidationError(`file path '${path}' of part '${part}' is not normalized: write it as '${posix.normalize(path)}'`);
  }
  if (file.targetPermissions !== undefined && !PERMISSIONS.test(file.targetPermissions)) {
    throw new ValidationError(
      `file permissions '${file.targetPermissions}' of '${path}' (part '${part}') are invalid: use four octal digits as a string, e.g. '0644'`,
    );
  }
  if (file.targetOwner !== undefined && !OWNER.test(file.targetOwner)) {
    throw new ValidationError(`file owner '${file.targetOwner}' of '${path}' (part '${part}') is invalid: use 'user:group', e.g. 'root:root'`);
  }
}

/** Checks a part's whole output: files, package names and commands. */
export function validatePartOutput(output: KubeadmPartOutput, part: string): void {
  for (const f of output.files ?? []) validateKubeadmFile(f, part);
  for (const p of output.packages ?? []) {
    if (!PACKAGE.test(p)) {
      throw new ValidationError(`package name '${p}' of part '${part}' is invalid: use a Debian package name such as 'nfs-common'`);
    }
  }
  for (const c of [...(output.preKubeadmCommands ?? []), ...(output.postKubeadmCommands ?? [])]) {
    if (!c.trim()) throw new ValidationError(`part '${part}' has an empty command: remove it or write the shell command`);
  }
}
