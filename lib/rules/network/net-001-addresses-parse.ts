import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { VmoSiteModel } from '../site-model';
import { ipv4ToString, parseIpv4Address, parseIpv4Cidr, parseIpv4Pool } from '../../common/ipv4-block';
import { poolEntries, siteSubnets } from './site-networks';

/** The RA's value for each setting, shown as the example of the right form (seed 002 network table). */
const RA_EXAMPLES: Record<string, string> = {
  'kubernetes.podCidr': '100.64.0.0/18',
  'kubernetes.serviceCidr': '100.64.64.0/18',
  'network.pxe.cidr': '192.168.0.0/22',
  'network.mgmt.cidr': '172.16.0.0/22',
  'network.data.cidr': '10.20.0.0/16',
};

function checkCidr(out: RuleViolation[], label: string, location: string, text: string, example: string): void {
  const block = parseIpv4Cidr(text);
  if (!block) {
    out.push({ location, message: `${label} '${text}' is not an IPv4 CIDR: write four decimal octets and a prefix of 0-32, e.g. ${example}` });
  } else if (block.hostBitsSet) {
    out.push({ location, message: `${label} ${text} has host bits set: use ${block.canonical}` });
  }
}

function checkAddress(out: RuleViolation[], label: string, location: string, text: string | undefined, example: string): void {
  if (text === undefined) return;
  if (parseIpv4Address(text) === undefined) {
    out.push({ location, message: `${label} '${text}' is not an IPv4 address: write four decimal octets, e.g. ${example}` });
  }
}

/** NET-001: every CIDR, address, range and gateway of the site parses, and CIDRs have no host bits set. */
export const NET_001: Rule<VmoSiteModel> = {
  id: 'NET-001',
  level: FindingLevel.ERROR,
  // A site that breaks it cannot work (malformed or contradictory input): no suppression lets it through.
  suppressible: false,
  description: 'every CIDR, address, range and gateway parses as IPv4; the host bits of a CIDR are zero',
  source: 'rules-catalog.md (no RA section: a malformed address breaks every layer that uses it)',
  check(site) {
    const out: RuleViolation[] = [];
    for (const s of siteSubnets(site)) checkCidr(out, s.label, s.location, s.text, RA_EXAMPLES[s.location]);
    for (const role of ['pxe', 'mgmt', 'data'] as const) {
      const subnet = parseIpv4Cidr(site.network[role].cidr);
      const example = subnet && subnet.last - subnet.first > 1 ? ipv4ToString(subnet.first + 1) : '10.20.30.1';
      checkAddress(out, `${role === 'pxe' ? 'PXE' : role} gateway`, `network.${role}.gateway`, site.network[role].gateway, example);
    }
    for (const p of poolEntries(site)) {
      if (p.text.includes('/')) {
        checkCidr(out, p.label, p.location, p.text, '10.20.30.128/26');
      } else if (!parseIpv4Pool(p.text)) {
        out.push({
          location: p.location,
          message:
            `${p.label} '${p.text}' is not a CIDR or an address range: ` +
            'write a.b.c.d/n or a.b.c.d-e.f.g.h with the lower address first, e.g. 10.20.30.100-10.20.30.200',
        });
      }
    }
    const routing = site.cni?.ipv4NativeRoutingCidr;
    if (routing !== undefined) checkCidr(out, 'cilium native routing CIDR', 'cilium.ipv4NativeRoutingCidr', routing, '100.64.0.0/17');
    (site.loadBalancer?.bgpPeers ?? []).forEach((peer, i) =>
      checkAddress(out, 'BGP peer address', `loadBalancer.bgp.peers[${i}].address`, peer.address, '10.20.30.1'),
    );
    (site.storage?.flashArray?.mgmtEndpoints ?? []).forEach((endpoint, i) =>
      checkAddress(out, 'FlashArray management endpoint', `storage.portworx.flashArrays[${i}].mgmtEndpoint`, endpoint, '172.16.200.50'),
    );
    return out;
  },
};
