import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { stringify } from 'yaml';
import { loadSiteFile, parseSiteYaml } from '../../lib';
import { validationError } from '../helpers';
import { RA_SITE } from './fixtures';

const VALID = `name: lab
network:
  layout: four-nic
  mgmt: { vlan: 10, cidr: 172.16.0.0/22 }
  data: { vlan: 20, cidr: 10.20.0.0/16, gateway: 10.20.30.1 }
`;

const error = (fn: () => unknown): string => validationError(fn).message;

describe('site files', () => {
  test('a valid file gives the props it spells', () => {
    const props = parseSiteYaml(VALID, 'sites/lab.yaml');
    expect(props.network).toEqual({ layout: 'four-nic', mgmt: { vlan: 10, cidr: '172.16.0.0/22' }, data: { vlan: 20, cidr: '10.20.0.0/16', gateway: '10.20.30.1' } });
  });

  test('the RA fixture is valid against the schema', () => {
    expect(parseSiteYaml(stringify(RA_SITE), 'ra.yaml')).toEqual(RA_SITE);
  });

  test('fails: malformed YAML gives one line naming file, line and column', () => {
    const msg = error(() => parseSiteYaml('name: lab\nnetwork: [oops\n', 'sites/lab.yaml'));
    expect(msg.split('\n')).toHaveLength(1);
    expect(msg).toMatch(/^sites\/lab\.yaml:\d+:\d+: not valid YAML: /);
  });

  test('fails: duplicate keys are refused', () => {
    expect(error(() => parseSiteYaml('name: a\nname: b\n', 'dup.yaml'))).toMatch(/^dup\.yaml:2:1: not valid YAML: .*unique/);
  });

  test('fails: a schema violation gives one line naming file and path', () => {
    const msg = error(() => parseSiteYaml(VALID.replace('layout: four-nic', 'layout: three-nic'), 'sites/lab.yaml'));
    expect(msg).toBe('sites/lab.yaml: network.layout must be one of "four-nic", "two-nic", "two-nic-vm-on-data-vlan"');
  });

  test('fails: an unknown setting names its path', () => {
    const msg = error(() => parseSiteYaml(VALID + 'storage:\n  portworx:\n    sanTyp: FC\n', 'x.yaml'));
    expect(msg).toBe('x.yaml: storage.portworx.sanTyp is not a known setting: check the spelling against the site schema');
  });

  test('fails: a wrong type and a missing field each name their path', () => {
    const msg = error(() => parseSiteYaml('name: lab\nnodes: { workers: five }\nnetwork: { layout: two-nic, mgmt: { vlan: 10, cidr: 172.16.0.0/22 } }\n', 'y.yaml'));
    expect(msg.split('\n').sort()).toEqual(['y.yaml: network.data is required', 'y.yaml: nodes.workers must be integer']);
  });

  test('fails: an unreadable file names it', () => {
    expect(error(() => loadSiteFile('/nonexistent/site.yaml'))).toBe('/nonexistent/site.yaml: cannot read the site file (ENOENT)');
  });

  test('loads from disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'site-'));
    writeFileSync(join(dir, 'lab.yaml'), VALID);
    expect(loadSiteFile(join(dir, 'lab.yaml')).name).toBe('lab');
  });
});
