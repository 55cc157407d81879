import { FindingLevel, Rule } from '../../palette/finding';
import { VmoSiteModel } from '../site-model';
import { hasMaas } from './has-maas';

/**
 * DEP-005: hosts with more than one NIC need the private cloud gateway's ConfigMap
 * `maas-preferred-subnet` (namespace `jet-system`, `preferredSubnets` = the mgmt subnet), or the
 * API server's DNS record may take an address of another subnet (deploy.md §1.5; Sheldonwl
 * spectro-guides "Configure Preferred Subnet", `maas-multi-nic-dns-troubleshooting.md`; fixed
 * for this ConfigMap in Palette 4.7.4). The site writes it to `deploy/maas-preferred-subnet.yaml`.
 */
export const DEP_005: Rule<VmoSiteModel> = {
  id: 'DEP-005',
  level: FindingLevel.INFO,
  description: 'multi-NIC hosts: the gateway ConfigMap maas-preferred-subnet names the mgmt subnet (written to deploy/maas-preferred-subnet.yaml)',
  source: 'deploy.md §1.5 (Sheldonwl/spectro-guides palette-maas-baremetal-vmo.md "Configure Preferred Subnet")',
  appliesTo: hasMaas,
  check(site) {
    if (!site.cluster) return [];
    const nics = site.network.interfaces.filter((i) => i.kind === 'physical').length;
    if (nics < 2) return [];
    const mgmt = site.network.mgmt.cidr;
    if (!site.cluster.preferredSubnets?.includes(mgmt)) {
      return [
        {
          level: FindingLevel.WARNING,
          location: 'network.mgmt.cidr',
          message: `the hosts have ${nics} NICs but the cluster definition names no preferred subnet ${mgmt}: create ConfigMap maas-preferred-subnet in jet-system on the gateway with preferredSubnets: "${mgmt}"`,
        },
      ];
    }
    return [
      {
        location: 'network.mgmt.cidr',
        message:
          `the hosts have ${nics} NICs: before deploying, apply deploy/maas-preferred-subnet.yaml to the private cloud gateway ` +
          `(ConfigMap maas-preferred-subnet in jet-system, preferredSubnets "${mgmt}", Palette 4.7.4 or later), so the API server's DNS record takes a mgmt address`,
      },
    ];
  },
};
