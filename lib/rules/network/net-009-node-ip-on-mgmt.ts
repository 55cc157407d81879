import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { layerLocation, safeProfiles } from '../profile-scan';
import { VmoSiteModel } from '../site-model';
import { parseIpv4Cidr } from '../../common/ipv4-block';

/**
 * NET-009: the OS layer pins kubelet's node IP to the mgmt subnet. Seed 001 Ubuntu layer:
 * `NETWORKS="172.16.0.0/22"` ... `--node-ip=$IP` ("Force specific IP address as the Node
 * InternalIP for kubelet"); without it kubelet may take the data address (it has the
 * default gateway) as InternalIP.
 */
export const NET_009: Rule<VmoSiteModel> = {
  id: 'NET-009',
  level: FindingLevel.INFO,
  description: "the kubelet node IP is pinned to the mgmt subnet: the OS layer's node-ip script uses that CIDR",
  source: 'seed 001 (RA rev 1.2), Ubuntu layer preKubeadmCommands',
  check({ plan, profiles }) {
    const mgmt = parseIpv4Cidr(plan.network.mgmt.cidr);
    if (!mgmt) return []; // NET-001
    const out: RuleViolation[] = [];
    for (const profile of safeProfiles(profiles)) {
      for (const pack of profile.spec.template.packs.filter((p) => p.layer === 'os')) {
        const values = pack.values ?? '';
        if (!values.includes('node-ip')) {
          out.push({
            location: layerLocation(profile, pack),
            message: `the OS layer does not pin the kubelet node IP: kubelet may pick the data address as InternalIP; add the node-ip script with the mgmt subnet ${mgmt.canonical}`,
          });
        } else if (!values.includes(mgmt.canonical)) {
          out.push({
            location: layerLocation(profile, pack),
            message: `the OS layer's node-ip script does not use the mgmt subnet ${mgmt.canonical}: pass network.mgmt.cidr to it so the node IP lands on ${plan.network.mgmt.interface}`,
          });
        }
      }
    }
    return out;
  },
};
