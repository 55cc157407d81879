import { VlanSet } from './vlan-set';

/** The VLAN set a list names, or undefined when it does not parse (VLAN-001 reports it); never throws. */
export function tryVlans(text: string | undefined): VlanSet | undefined {
  if (text === undefined) return undefined;
  try {
    return VlanSet.parse(text);
  } catch {
    return undefined;
  }
}

/** The reason a VLAN list does not parse, or undefined (VLAN-001). */
export function vlanListProblem(text: unknown): string | undefined {
  try {
    VlanSet.parse(String(text));
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
