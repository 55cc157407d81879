import { parseIpv4Cidr } from '../../common/ipv4-block';
import { LayerRole } from '../../palette/layer-role';
import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { VmoSiteModel } from '../site-model';

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
  check(site) {
    const mgmt = parseIpv4Cidr(site.network.mgmt.cidr);
    const os = site.rendered.layerWith(LayerRole.OS);
    if (!mgmt || !os) return []; // NET-001; no OS layer to check
    const out: RuleViolation[] = [];
    const location = site.rendered.locate(os);
    const pinned = site.os?.nodeIpCidr;
    if (pinned === undefined) {
      out.push({
        location,
        message: `the OS layer does not pin the kubelet node IP: kubelet may pick the data address as InternalIP; add the node-ip script with the mgmt subnet ${mgmt.canonical}`,
      });
    } else if (pinned !== mgmt.canonical) {
      out.push({
        location,
        message: `the OS layer's node-ip script pins ${pinned}, not the mgmt subnet ${mgmt.canonical}: pass network.mgmt.cidr to it so the node IP lands on ${site.network.mgmt.interface}`,
      });
    }
    return out;
  },
};
