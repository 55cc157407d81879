import { textHash } from '../common/text-hash';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { PAL_007 } from './checks/pal-007-profile-identity';
import { Finding } from './finding';
import { SiteFiles } from './palette-site';

/** A profile a site writes, as PAL-007 compares it across sites: its name, version and a hash of its content. */
export interface ProfileIdentity {
  readonly name: string;
  readonly version: string;
  /** SHA-256 of the profile's import JSON. */
  readonly contentHash: string;
}

/** One site rendered and checked: what a streaming run keeps of it once its constructs are released. */
export interface SiteOutcome {
  /** The site's place in the app, in the order sites were defined. */
  readonly index: number;
  readonly name: string;
  /** The site construct's path, for messages. */
  readonly path: string;
  /** The site's findings (construct validations, profile, site and rule checks), located `site <name>: ...`. */
  readonly findings: readonly Finding[];
  readonly profiles: readonly ProfileIdentity[];
  /** The site's files, when they were asked for and no finding of the site blocks. */
  readonly files?: SiteFiles;
}

/** The hash PAL-007 compares: two profiles with one name and version must have the same content. */
export function profileContentHash(profileText: string): string {
  return textHash(profileText);
}

/**
 * PAL-007 across the sites of one run, fed one site at a time in site order: a profile name
 * and version written by two sites must have one content. Keeps a hash per name and version,
 * not the profiles, so memory does not grow with the profiles' size.
 */
export class ProfileIdentityCheck {
  private readonly byKey = new Map<string, { site: string; hash: string }>();

  /**
   * The findings of the sites added so far against a site an earlier run wrote into the same
   * output folder, which this run keeps (see keptSiteFindings): once imported, both are in
   * Palette side by side.
   */
  public againstKept(kept: string, profiles: readonly ProfileIdentity[]): Finding[] {
    const out: Finding[] = [];
    for (const p of profiles) {
      const known = this.byKey.get(`${p.name}@${p.version}`);
      if (!known || known.hash === p.contentHash) continue;
      out.push({
        ruleId: PAL_007.id,
        level: 'error',
        location: `site ${known.site}: profile ${p.name}`,
        source: PAL_007.source,
        message:
          `site ${known.site} writes profile ${p.name} version ${p.version} with other content than site ${kept}, which an earlier run wrote into this output folder, ` +
          `and Palette keeps one content per name and version: use profile variables for what differs, put the site name in the profile name (profileNamePrefix), give each site its own version (profileVersion), or write the runs to different output folders`,
      });
    }
    return out;
  }

  /** The findings of one more site against the sites added before it. */
  public add(site: string, profiles: readonly ProfileIdentity[]): Finding[] {
    const out: Finding[] = [];
    for (const p of profiles) {
      const key = `${p.name}@${p.version}`;
      const known = this.byKey.get(key);
      if (!known) {
        this.byKey.set(key, { site, hash: p.contentHash });
      } else if (known.hash !== p.contentHash) {
        out.push({
          ruleId: PAL_007.id,
          level: 'error',
          location: `site ${site}: profile ${p.name}`,
          source: PAL_007.source,
          message:
            `sites ${known.site} and ${site} both write profile ${p.name} version ${p.version} with different content, ` +
            `and Palette keeps one content per name and version: use profile variables for what differs, put the site name in the profile name (profileNamePrefix), or give each site its own version (profileVersion)`,
        });
      }
    }
    return out;
  }
}

/**
 * PAL-007 against the site folders an earlier run wrote into `outdir` and this run keeps
 * (`OutputRun.keptSites`): each kept folder's `profiles/*.json`, by name, version and hash.
 */
export function keptSiteFindings(outdir: string, keptSites: readonly string[], identity: ProfileIdentityCheck): Finding[] {
  const out: Finding[] = [];
  for (const site of keptSites) out.push(...identity.againstKept(site, writtenProfiles(join(outdir, site, 'profiles'))));
  return out;
}

/** The profiles a site folder holds; a file that cannot be read or parsed is not a profile (the writer wrote it whole). */
function writtenProfiles(folder: string): ProfileIdentity[] {
  let files: string[];
  try {
    files = readdirSync(folder).filter((f) => f.endsWith('.json')).sort();
  } catch {
    return [];
  }
  const out: ProfileIdentity[] = [];
  for (const f of files) {
    try {
      const text = readFileSync(join(folder, f), 'utf8');
      const json = JSON.parse(text) as { metadata?: { name?: unknown }; spec?: { version?: unknown } };
      if (typeof json.metadata?.name === 'string' && typeof json.spec?.version === 'string') {
        out.push({ name: json.metadata.name, version: json.spec.version, contentHash: profileContentHash(text) });
      }
    } catch {
      // not a profile this check can read
    }
  }
  return out;
}
