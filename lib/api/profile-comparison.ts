import { escapeRegExp } from '../common/regexp';
import { ClusterProfileImportEntity } from './import-entity';
import { MASKED_RUN, NormaliseOptions, normaliseProfilePair } from './profile-normalisation';
import { DataChange, diffData, formatDataValue } from './yaml-path-diff';

/**
 * The differences between a profile file (left) and Palette's export of it (right), after
 * the normalisation of palette-api.md §6.6. Empty means "the same profile". Pure.
 */
export function compareProfiles(file: ClusterProfileImportEntity, palette: ClusterProfileImportEntity, options: NormaliseOptions = {}): DataChange[] {
  const { local, remote } = normaliseProfilePair(file, palette, options);
  return diffData(local, remote, { leavesMatch: maskedMatches });
}

/**
 * True when the exported (right) string holds masked runs (`********`) and the file's value
 * fits it with each run standing for any text on one line (§6.6: masked `${password}` fields).
 */
export function maskedMatches(file: unknown, palette: unknown): boolean {
  if (typeof palette !== 'string' || !MASKED_RUN.test(palette)) return false;
  if (file === undefined || file === null || typeof file === 'object') return false;
  const pattern = palette
    .split(new RegExp(MASKED_RUN.source, 'g'))
    .map(escapeRegExp)
    .join('[^\\n]*');
  return new RegExp(`^${pattern}$`).test(String(file));
}

/** One difference as one line: `path: file X, Palette Y` (or only in one of them). */
export function formatDifference(change: DataChange): string {
  switch (change.kind) {
    case 'only-left':
      return `${change.path}: only in the file (${formatDataValue(change.left)})`;
    case 'only-right':
      return `${change.path}: only on Palette (${formatDataValue(change.right)})`;
    default:
      return `${change.path}: file ${formatDataValue(change.left)}, Palette ${formatDataValue(change.right)}`;
  }
}
