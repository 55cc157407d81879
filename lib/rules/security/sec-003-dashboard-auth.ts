import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { VmoSiteModel } from '../site-model';

/** The values PXK takes: palette, tenant, none (the UI's "Custom"), noauth (the UI's "None"). */
const PROVIDERS = ['palette', 'tenant', 'none', 'noauth'];

/**
 * SEC-003: the PXK identity provider gives the VMO dashboard an OIDC login. Seed 002
 * Kubernetes layer: "You should use an OIDC provider with VMO, otherwise anyone with access
 * to the VM dashboard has full permissions". Seed 000: "If you select None, VMO will run
 * without authentication (anyone can access the dashboard)". Read from the Kubernetes layer
 * as written; an error unless suppressed with a reason (e.g. a lab behind a jump host).
 */
export const SEC_003: Rule<VmoSiteModel> = {
  id: 'SEC-003',
  level: FindingLevel.ERROR,
  description: 'the PXK identity provider is not none/noauth (the VMO dashboard would be open to anyone); custom needs OIDC settings',
  source: 'seed 000 "OIDC Configuration for VMO"; seed 002 (RA rev 1.7), Kubernetes layer',
  check(site) {
    const out: RuleViolation[] = [];
    const k8s = site.kubernetes;
    if (!k8s || !site.vmo) return out;
    const { identityProvider, oidc } = k8s;
    const fix = `use 'palette' (the RA's), 'tenant', or 'custom' with oidc settings, or suppress SEC-003 with a reason`;
    if (identityProvider === 'noauth') {
      out.push({
        location: 'kubernetes.identityProvider',
        message: `identity provider 'noauth' leaves the VMO dashboard open: anyone who reaches it has full permissions on VMs; ${fix}`,
      });
    } else if (identityProvider === 'none' && !(oidc?.issuerUrl?.trim() && oidc?.clientId?.trim())) {
      out.push({
        location: 'kubernetes.oidc',
        message: `identity provider 'custom' without an oidc issuerUrl and clientId configures no login, leaving the VMO dashboard open: set kubernetes.oidc, or ${fix}`,
      });
    } else if (identityProvider === undefined || !PROVIDERS.includes(identityProvider)) {
      out.push({ location: 'kubernetes.identityProvider', message: `identity provider '${identityProvider ?? '(not set)'}' is unknown: ${fix}` });
    }
    return out;
  },
};
