import { existsSync, readdirSync, statSync } from 'fs';
import { extname, join } from 'path';
import { ProfileInput } from '../api/profile-document';
import { ValidationError } from '../common/errors';
import { formatFindings, isBlocking } from '../palette/finding';
import { OUTPUT_MARKER_FILE } from '../palette/output-marker';
import { CliIo } from './cli-io';
import { isTargetFile } from './load-target';
import { renderTargets } from './site-run';

/**
 * The profiles that `validate --remote`, `push` and `diff` take: profile JSON files, site
 * output folders (`dist/<site>/`), an output folder of sites (`dist/`: each site folder that
 * palette-vmo wrote), or site files and app programs (and folders of them), which are checked
 * and rendered in memory first. A site with errors stops the command before any request.
 */
export function profileInputs(args: readonly string[], io: CliIo): ProfileInput[] {
  const inputs: ProfileInput[] = [];
  const siteTargets: string[] = [];
  for (const arg of args) {
    if (!existsSync(arg)) throw new ValidationError(`${arg}: no such file or folder: give profile JSON files, site output folders (dist/<site>/) or site files`);
    if (!statSync(arg).isDirectory()) {
      if (extname(arg) === '.json') inputs.push(arg);
      else if (isTargetFile(arg)) siteTargets.push(arg);
      else throw new ValidationError(`${arg}: is neither a profile JSON file nor a site file (.yaml) or app program (.ts/.js)`);
      continue;
    }
    const entries = readdirSync(arg);
    if (entries.includes('profiles') || entries.some((e) => e.endsWith('.json'))) {
      inputs.push(arg);
      continue;
    }
    const sites = entries.filter((e) => existsSync(join(arg, e, OUTPUT_MARKER_FILE))).sort();
    if (sites.length) inputs.push(...sites.map((s) => join(arg, s)));
    else siteTargets.push(arg);
  }
  if (siteTargets.length) {
    const run = renderTargets(siteTargets, io);
    if (!run.result) {
      const blocking = run.findings.filter(isBlocking);
      throw new ValidationError(`${blocking.length} error(s) in the sites, so nothing was sent to Palette:\n${formatFindings(blocking)}`);
    }
    for (const [site, rendered] of run.result.rendered) {
      for (const { json } of rendered.profiles) inputs.push({ source: `${run.siteSources.get(site) ?? site} (site ${site}, profile ${json.metadata.name})`, json });
    }
  }
  return inputs;
}
