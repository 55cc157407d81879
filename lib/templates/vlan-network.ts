import { Construct } from 'constructs';
import { NetworkAttachmentDefinition } from '../../imports/k8s.cni.cncf.io';
import { ManifestChart } from '../palette/manifest-layer';
import { checkInterfaceName } from '../common/interface-name';
import { checkDnsLabel, checkNamespaces } from '../common/k8s-names';
import { VM_BRIDGE } from './ra-defaults';
import { VlanTag } from './vlan-tag';

export interface VlanNetworkProps {
  /** The VLAN VMs on this network are placed on, or `VlanTag.UNTAGGED`. */
  readonly vlan: VlanTag;
  /**
   * The network name end users see (NAD name and CNI network name): "Adjust lines 4 and 10 to reflect
   * the name of this network that end users should see" (seed 002, VMO-Networking).
   * @default `vlan-<id>`, or `vlan-untagged`
   */
  readonly name?: string;
  /**
   * The namespaces the network is offered in; a VM can attach to a NAD of its own namespace, or
   * refer to one as `<namespace>/<name>`. One NAD per namespace (seed 001, "duplicate the resource
   * ... and set the namespace for each copy").
   * @default ['default']
   */
  readonly namespaces?: readonly string[];
  /**
   * The VLAN-aware bridge on the worker nodes (the VMO pack's `vlanFiltering.env.bridgeIF`).
   * @default 'br0'
   */
  readonly bridge?: string;
}

/**
 * A VM network: a Multus NetworkAttachmentDefinition of the CNI `bridge` plugin that places VM
 * interfaces on one VLAN of the node bridge (seed 002, VMO-Networking layer, `nad-vlan-30`).
 */
export class VlanNetwork extends ManifestChart {
  public readonly vlan: VlanTag;
  public readonly networkName: string;
  public readonly namespaces: readonly string[];
  public readonly bridge: string;

  constructor(scope: Construct, id: string, props: VlanNetworkProps) {
    super(scope, id);
    this.vlan = props.vlan;
    this.networkName = props.name ?? props.vlan.slug;
    checkDnsLabel(this.networkName, 'VM network name', props.vlan.slug);
    this.namespaces = props.namespaces ?? ['default'];
    checkNamespaces(this.namespaces, `VM network '${this.networkName}'`);
    this.bridge = checkInterfaceName(props.bridge ?? VM_BRIDGE, 'bridge interface', VM_BRIDGE);

    // Key order as in the RA sample; a missing `vlan` key means untagged traffic.
    const config = {
      cniVersion: '0.3.1',
      name: this.networkName,
      type: 'bridge',
      bridge: this.bridge,
      ...(this.vlan.id === undefined ? {} : { vlan: this.vlan.id }),
      // Addresses come from the VLAN's own DHCP or are static in the guest (seed 002, "Place the
      // entire VM on a VLAN ... responsibility of the VM itself or the network").
      ipam: {},
    };
    for (const namespace of this.namespaces) {
      new NetworkAttachmentDefinition(this, namespace, {
        metadata: { name: this.networkName, namespace },
        spec: { config: JSON.stringify(config, null, 2) },
      });
    }
  }
}
