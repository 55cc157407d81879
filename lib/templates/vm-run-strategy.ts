/** The KubeVirt `runStrategy` of VMs made from a template. */
export class VmRunStrategy {
  /** The VM runs and is restarted whenever it stops (the RA's templates). */
  public static readonly ALWAYS = new VmRunStrategy('Always');
  /** The VM is restarted only after a failure. */
  public static readonly RERUN_ON_FAILURE = new VmRunStrategy('RerunOnFailure');
  /** The VM is started and stopped by hand. */
  public static readonly MANUAL = new VmRunStrategy('Manual');
  /** The VM is created stopped. */
  public static readonly HALTED = new VmRunStrategy('Halted');

  private constructor(public readonly value: string) {}
}
