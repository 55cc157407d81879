import { ValidationError } from '../common/errors';
import { MAX_VLAN_ID, MIN_VLAN_ID } from '../common/vlan-set';

/** The 802.1Q tag of a VM network on the VLAN-aware bridge: a VLAN id, or none (untagged). */
export class VlanTag {
  /** The bridge's untagged (native) traffic: the RA's `nad-vlan-untagged`. */
  public static readonly UNTAGGED = new VlanTag(undefined);

  /** A tagged VLAN, 1..4094 (rule VLAN-001). */
  public static of(id: number): VlanTag {
    if (!Number.isInteger(id) || id < MIN_VLAN_ID || id > MAX_VLAN_ID) {
      throw new ValidationError(`VLAN id ${id} is out of range: VLAN ids are whole numbers from ${MIN_VLAN_ID} to ${MAX_VLAN_ID} (e.g. 30)`);
    }
    return new VlanTag(id);
  }

  private constructor(public readonly id: number | undefined) {}

  /** `vlan-30` or `vlan-untagged`: the RA's network name and, prefixed with `nad-`, its manifest name. */
  public get slug(): string {
    return this.id === undefined ? 'vlan-untagged' : `vlan-${this.id}`;
  }
}
