import { VmoSiteProps } from '../../lib';
import { renderSite, siteLocation } from '../site/fixtures';

/** The RA four-NIC site with its MAAS side: the RA's resource pools, two AZs, profile variables on. */
export const MAAS_SITE: VmoSiteProps = {
  name: 'lab',
  nodes: { controlPlane: 3, workers: 5 },
  network: {
    layout: 'four-nic',
    mgmt: { vlan: 10, cidr: '172.16.0.0/22' },
    data: { vlan: 20, cidr: '10.20.0.0/16', gateway: '10.20.30.1' },
  },
  profiles: { variables: true },
  maas: { domain: 'metal.example.com', cloudAccount: 'maas-dc1', availabilityZones: ['rack-1', 'rack-2'] },
};

export interface Synthesized {
  readonly files: Map<string, string>;
  /** Blocking findings, as `RULE location`. */
  readonly errors: string[];
}

/** What the site writes, freshly synthesized in memory, or its blocking findings. */
export function synthSite(props: VmoSiteProps = MAAS_SITE): Synthesized {
  const { files, errors } = renderSite(props);
  return { files, errors: errors.map((f) => `${f.ruleId} ${siteLocation(f)}`) };
}

/** A file the site writes, parsed as JSON; fails the test when it is missing. */
export function jsonFile<T = any>(files: Map<string, string>, path: string): T {
  const text = files.get(path);
  if (text === undefined) throw new Error(`${path} was not written; files: ${[...files.keys()].join(', ')}`);
  return JSON.parse(text) as T;
}

/** Every string of a JSON value with its path, e.g. `resource.x.y[0].name`. */
export function strings(value: unknown, path = ''): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}
