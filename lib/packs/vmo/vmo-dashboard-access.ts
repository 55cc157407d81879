/**
 * The VMO pack's "Access" choice (`pack.palette.config.dashboard.access`), which also
 * fixes the dashboard Service type (the pack's template/parameters.yaml, pack-values.md §1.5).
 */
export class VmoDashboardAccess {
  /**
   * "Proxied": the recommended option for Palette SaaS tenants. The dashboard Service is
   * ClusterIP and is reached through the Spectro Proxy pack, which the Palette UI adds with
   * `manifests.spectro-proxy.vmDashboardIntegration.enabled: true` (RA rev 1.7 VMO layer).
   */
  public static readonly PROXIED = new VmoDashboardAccess('Proxied', 'private', 'ClusterIP');

  /**
   * "Direct": only for self-hosted Palette. The dashboard Service is a LoadBalancer (an
   * address from MetalLB) that users must be able to reach (RA rev 1.7 VMO layer).
   */
  public static readonly DIRECT = new VmoDashboardAccess('Direct', 'public', 'LoadBalancer');

  private constructor(
    /** The label the Palette UI shows. */
    public readonly label: string,
    /** The value of `pack.palette.config.dashboard.access`. */
    public readonly value: string,
    /** The matching `charts.virtual-machine-orchestrator.service.type`. */
    public readonly serviceType: string,
  ) {}
}
