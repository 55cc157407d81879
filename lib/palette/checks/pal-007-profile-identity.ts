import { FindingLevel, Rule, RuleViolation } from '../finding';
import { RenderedSite } from '../rendered';

/**
 * PAL-007: a profile name and version has one content. Palette refuses to import a second
 * profile with a name and version it already holds, and two profile files of one name would
 * overwrite each other in the output. Within a site, profile names are unique; across the
 * sites of one output tree, PaletteApp compares contents (same name+version, other content, is
 * an error naming both sites).
 */
export const PAL_007: Rule<RenderedSite> = {
  id: 'PAL-007',
  level: FindingLevel.ERROR,
  suppressible: false,
  description: 'a profile name and version has one content: unique profile names in a site, and equal content wherever a name+version is written twice',
  source: 'palette-api.md §6.4 (import refuses a duplicate name+version); DESIGN.md output contract',
  check(site) {
    const out: RuleViolation[] = [];
    const seen = new Set<string>();
    for (const { json } of site.profiles) {
      const name = json.metadata.name;
      if (seen.has(name.toLowerCase())) {
        out.push({
          location: `profile ${name}`,
          message: `two profiles of site ${site.name} are named '${name}' (names differing only in case collide on some filesystems): give each profile its own name`,
        });
      }
      seen.add(name.toLowerCase());
    }
    return out;
  },
};
