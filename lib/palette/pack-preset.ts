import { Values } from './values';

/**
 * One entry of a pack's `presets.yaml`: choosing it removes `remove` paths from the
 * values, then deep-merges `add`. Only one preset per group can be active.
 */
export interface PackPreset {
  /** The id recorded in the enabled-presets header, e.g. `vmo-enable`. */
  readonly name: string;
  /** The group, exactly as in presets.yaml (spaces included), e.g. `VMO Compatibility`. */
  readonly group: string;
  /** The label the UI shows. @default the name */
  readonly displayName?: string;
  /**
   * Dotted value paths deleted first; a literal dot inside a key is escaped
   * (`charts.portworx-generic.storageCluster.annotations.portworx\.io/run-on-master`).
   * @default nothing removed
   */
  readonly remove?: readonly string[];
  /** Values merged in after the removals. @default nothing added */
  readonly add?: Values;
}

/** The first line of a values string that records the enabled presets. */
export const PRESET_HEADER_PREFIX = '# spectrocloud.com/enabled-presets: ';

/** The header text for the given presets, in the order given: `<group>:<name>,...`. */
export function presetHeader(presets: readonly PackPreset[]): string {
  return PRESET_HEADER_PREFIX + presets.map((p) => `${p.group}:${p.name}`).join(',');
}
