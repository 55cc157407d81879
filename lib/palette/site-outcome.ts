import { createHash } from 'crypto';
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
  return createHash('sha256').update(profileText).digest('hex');
}

/**
 * PAL-007 across the sites of one run, fed one site at a time in site order: a profile name
 * and version written by two sites must have one content. Keeps a hash per name and version,
 * not the profiles, so memory does not grow with the profiles' size.
 */
export class ProfileIdentityCheck {
  private readonly byKey = new Map<string, { site: string; hash: string }>();

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
            `and Palette keeps one content per name and version: use profile variables for what differs, put the site name in the profile name, or give each site its own version`,
        });
      }
    }
    return out;
  }
}
