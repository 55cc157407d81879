import { ProfileJson } from '../palette/cluster-profile';
import { forEachText } from '../palette/checks/profile-texts';

/** `{{.spectro.macro.NAME}}`, with optional spaces and Sprig pipes after the name (palette-api.md §4). */
const MACRO_REFERENCE = /\{\{-?\s*\.spectro\.macro\.([A-Za-z0-9_.-]+)/g;

/**
 * The user macros a profile references, each once, sorted. They must exist in the target
 * before import (palette-api.md §4, §6.4 step 2c); system macros and variables are not macros.
 */
export function macroReferences(profile: ProfileJson): string[] {
  const names = new Set<string>();
  forEachText(profile, (text) => {
    for (const m of text.matchAll(MACRO_REFERENCE)) names.add(m[1].replace(/\.$/, ''));
  });
  return [...names].sort();
}
