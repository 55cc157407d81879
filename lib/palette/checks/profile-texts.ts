import { ProfileJson } from '../cluster-profile';

/** Calls `fn` for every values string and every manifest of a profile, with its location. */
export function forEachText(profile: ProfileJson, fn: (text: string, location: string) => void): void {
  const p = profile.metadata.name;
  for (const pack of profile.spec.template.packs) {
    fn(pack.values, `profile ${p}, layer ${pack.name}, values`);
    for (const m of pack.manifests ?? []) fn(m.content, `profile ${p}, layer ${pack.name}, manifest ${m.name}`);
  }
}
