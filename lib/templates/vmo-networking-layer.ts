import { Construct } from 'constructs';
import { ValidationError } from '../common/errors';
import { LayerRole } from '../palette/layer-role';
import { ManifestLayer } from '../palette/manifest-layer';
import { TEMPLATES_INSTALL_PRIORITY, TEMPLATES_LAYER_VERSION } from './ra-defaults';
import { VlanNetwork } from './vlan-network';
import { VlanTag } from './vlan-tag';

/** One VM VLAN offered to end users. */
export interface VmVlanOptions {
  /** The VLAN id, 1..4094. */
  readonly id: number;
  /** @default `vlan-<id>` */
  readonly name?: string;
  /** @default the layer's `namespaces` */
  readonly namespaces?: readonly string[];
}

export interface VmoNetworkingLayerProps {
  /**
   * The VM VLANs, one `nad-vlan-<id>` manifest each. Each must lie in the VMO pack's `allowedVlans`
   * (rule VLAN-003).
   * @default [{ id: 30 }] (the RA's sample `nad-vlan-30`)
   */
  readonly vlans?: readonly VmVlanOptions[];
  /**
   * Whether to add `nad-vlan-untagged`, the network for the bridge's untagged traffic.
   * @default true (the RA has it)
   */
  readonly untagged?: boolean;
  /** The namespaces each network is offered in. @default ['default'] */
  readonly namespaces?: readonly string[];
  /** @default 'br0' */
  readonly bridge?: string;
  /** @default 40 (seed 002, "Install order 40") */
  readonly installPriority?: number;
}

/** The RA's `vmo-networking` manifest layer (VMO-RA-Templates profile): one NAD manifest per VM network. */
export class VmoNetworkingLayer extends ManifestLayer {
  /** The networks in manifest order: the tagged VLANs as given, then the untagged one. */
  public readonly networks: readonly VlanNetwork[];

  constructor(scope: Construct, id: string, props: VmoNetworkingLayerProps = {}) {
    super(scope, id, {
      name: 'vmo-networking',
      version: TEMPLATES_LAYER_VERSION,
      installPriority: props.installPriority ?? TEMPLATES_INSTALL_PRIORITY,
      role: LayerRole.TEMPLATES,
    });
    const vlans = props.vlans ?? [{ id: 30 }];
    const networks: VlanNetwork[] = [];
    const ids = new Set<number>();
    const names = new Set<string>();
    const add = (tag: VlanTag, name?: string, namespaces?: readonly string[]) => {
      const network = new VlanNetwork(this, `nad-${tag.slug}`, {
        vlan: tag,
        name,
        namespaces: namespaces ?? props.namespaces,
        bridge: props.bridge,
      });
      if (names.has(network.networkName)) {
        throw new ValidationError(`VM network name '${network.networkName}' is used twice: give each VLAN its own name`);
      }
      names.add(network.networkName);
      networks.push(network);
    };
    for (const vlan of vlans) {
      if (ids.has(vlan.id)) throw new ValidationError(`VLAN ${vlan.id} is listed twice in the VM networks: list each VLAN once`);
      ids.add(vlan.id);
      add(VlanTag.of(vlan.id), vlan.name, vlan.namespaces);
    }
    if (props.untagged ?? true) add(VlanTag.UNTAGGED);
    if (networks.length === 0) {
      throw new ValidationError('the vmo-networking layer has no VM networks: give at least one VLAN or keep the untagged network');
    }
    this.networks = networks;
  }
}
