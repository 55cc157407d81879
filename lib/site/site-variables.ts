import { ProfileVariable, VariableFormat } from '../palette/profile-variable';
import { SitePlan } from '../model/site-plan';
import { tryVlans } from '../common/vlan-list';
import { WILDCARD_HOST_NAME_REGEX } from '../common/dns-names';

/**
 * The profile variables of RA rev 1.7 ("Implement cluster profile variables"), with the
 * site's values as defaults. Names are ours; display names follow the RA's wording.
 */
export interface SiteVariables {
  readonly podCidr: ProfileVariable;
  readonly serviceCidr: ProfileVariable;
  readonly maxStorageNodes: ProfileVariable;
  readonly metallbAddresses: ProfileVariable;
  readonly metallbInterfaces: ProfileVariable;
  readonly vmVlans: ProfileVariable;
  readonly allowVlansOnSelf: ProfileVariable;
  readonly br0Vlans: ProfileVariable;
  /** Not an RA variable: the Grafana ingress host is per site (fidelity review D14), so the variable form asks for it too. */
  readonly grafanaHost: ProfileVariable;
}

export function siteVariables(plan: SitePlan): SiteVariables {
  const pool = plan.loadBalancer.pools[0];
  return {
    // RA Kubernetes layer: "This variable defaults to 100.64.0.0/18 and is read-only."
    podCidr: new ProfileVariable('podCidr', {
      displayName: 'Pod CIDR',
      description: 'Kubernetes pod network; one /24 per node (see the RA Solution Sizing chapter before changing it)',
      format: VariableFormat.IPV4_CIDR,
      defaultValue: plan.kubernetes.podCidr,
      immutable: true,
      required: true,
    }),
    serviceCidr: new ProfileVariable('serviceCidr', {
      displayName: 'Service CIDR',
      description: 'Kubernetes service network',
      format: VariableFormat.IPV4_CIDR,
      defaultValue: plan.kubernetes.serviceCidr,
      immutable: true,
      required: true,
    }),
    // RA Portworx layer: "At cluster deployment, set this variable to the number of worker nodes".
    maxStorageNodes: new ProfileVariable('pxMaxStorageNodes', {
      displayName: 'Portworx max storage nodes',
      description: 'Set to the number of worker nodes, so cloud drives move to other nodes on repave',
      format: VariableFormat.NUMBER,
      defaultValue: plan.storage.maxStorageNodes,
      required: true,
    }),
    metallbAddresses: new ProfileVariable('metallbAddresses', {
      displayName: 'MetalLB addresses',
      description: 'Addresses MetalLB hands out, a CIDR or a range in the data network',
      format: VariableFormat.STRING,
      defaultValue: pool?.addresses[0] ?? '',
      required: true,
    }),
    metallbInterfaces: new ProfileVariable('metallbInterfaces', {
      displayName: 'MetalLB L2 interface',
      description: 'The host interface MetalLB announces addresses on (the data VLAN interface)',
      format: VariableFormat.STRING,
      defaultValue: plan.loadBalancer.l2Interfaces[0],
      required: true,
    }),
    vmVlans: new ProfileVariable('vmVlans', {
      displayName: 'VLANs for VMs',
      description: "VLAN ids and ranges VMs may use on br0, e.g. '21-100'",
      format: VariableFormat.STRING,
      // Normalised ('21-50, 60-100' -> '21-50,60-100'), so the default matches the regex (review D12).
      defaultValue: tryVlans(plan.vmVlans)?.toString() ?? plan.vmVlans,
      regex: '^[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*$',
      required: true,
    }),
    allowVlansOnSelf: new ProfileVariable('allowVlansOnSelf', {
      displayName: 'Allow VLANs on br0 itself',
      description: 'Enable when br0 on the host has an IP address or VLAN subinterfaces',
      format: VariableFormat.BOOLEAN,
      defaultValue: plan.vmo.allowVlansOnSelf,
      required: true,
    }),
    br0Vlans: new ProfileVariable('br0Vlans', {
      displayName: 'VLANs on top of br0',
      description: 'VLANs the host itself uses on br0 (1 when br0 has an address); the VM VLANs are added automatically',
      format: VariableFormat.STRING,
      defaultValue: plan.vmo.hostBridgeVlans,
      regex: '^[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*$',
      required: true,
    }),
    grafanaHost: new ProfileVariable('grafanaHost', {
      displayName: 'Grafana host name',
      description: 'The DNS name Grafana is served on through the Nginx ingress (HTTPS)',
      format: VariableFormat.STRING,
      defaultValue: plan.monitoring.grafanaHost,
      regex: WILDCARD_HOST_NAME_REGEX,
      required: true,
    }),
  };
}
