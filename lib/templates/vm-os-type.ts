/** The guest OS family of a VM preference: the `instancetype.kubevirt.io/os-type` label. */
export class VmOsType {
  public static readonly LINUX = new VmOsType('linux');
  public static readonly WINDOWS = new VmOsType('windows');

  private constructor(public readonly value: string) {}
}
