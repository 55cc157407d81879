import { ValidationError } from '../../common/errors';
import { ProfileVariable } from '../../palette/profile-variable';

/** The shortest reason accepted for leaving the dashboard without authentication. */
export const NO_AUTH_MIN_REASON_LENGTH = 10;

/**
 * A third-party OIDC provider for PXK's "Custom" option: kube-apiserver's `oidc-*` flags,
 * written as `kubeadmconfig.apiServer.extraArgs` (librarium kubernetes.md, "Configure Custom OIDC").
 */
export interface CustomOidcProps {
  /** `oidc-issuer-url`: the issuer exactly as in the tokens' `iss` claim; kube-apiserver accepts only https. */
  readonly issuerUrl: string;
  /** `oidc-client-id`: the OAuth client the tokens are issued for. */
  readonly clientId: string;
  /** `oidc-username-claim`. @default 'email' */
  readonly usernameClaim?: string;
  /** `oidc-groups-claim`. @default 'groups' */
  readonly groupsClaim?: string;
  /** `oidc-username-prefix` (`-` turns the issuer prefix off). @default not set (Kubernetes' default) */
  readonly usernamePrefix?: string;
  /** `oidc-groups-prefix`. @default not set (no prefix) */
  readonly groupsPrefix?: string;
  /**
   * The OIDC client secret for the kubeconfig Palette hands out (`kubeadmconfig.clientConfig`).
   * A sensitive profile variable without default: the secret is filled in at deploy time.
   * @default no clientConfig is written; users bring their own kubeconfig OIDC settings
   */
  readonly clientSecret?: ProfileVariable;
  /** `clientConfig` `oidc-extra-scope`, only with `clientSecret`. @default 'profile,email' */
  readonly extraScopes?: string;
}

/** The explicit opt-in for a VMO dashboard without authentication. */
export interface UnauthenticatedDashboardProps {
  /** Why this site runs without OIDC, at least 10 characters; it is kept for the site report. */
  readonly reason: string;
}

/**
 * PXK's "OIDC Identity Provider" selector, written to
 * `pack.palette.config.dashboard.identityProvider` (librarium kubernetes.md: None = `noauth`,
 * Custom = `none`, Palette = `palette`, Inherit from Tenant = `tenant`).
 *
 * RA rev 1.7, Kubernetes layer: "You should use an OIDC provider with VMO, otherwise anyone with
 * access to the VM dashboard has full permissions." So the two choices without OIDC (None, and
 * Custom without OIDC settings) exist only behind an explicit opt-in with a reason.
 */
export class IdentityProvider {
  /** Palette is the identity provider (the RA's choice). */
  public static readonly PALETTE = new IdentityProvider('palette');

  /** "Inherit from Tenant": the tenant's OIDC settings (Tenant Settings > SSO must be OIDC, not SAML). */
  public static readonly TENANT = new IdentityProvider('tenant');

  /** "Custom" with a third-party OIDC provider configured on kube-apiserver. */
  public static custom(oidc: CustomOidcProps): IdentityProvider {
    checkOidc(oidc);
    return new IdentityProvider('none', oidc);
  }

  /** "None" (`noauth`): no OIDC; anyone who reaches the VM dashboard has full permissions. */
  public static noAuth(props: UnauthenticatedDashboardProps): IdentityProvider {
    return new IdentityProvider('noauth', undefined, checkReason(props, 'IdentityProvider.noAuth'));
  }

  /** "Custom" (`none`) without OIDC settings: as open as `noAuth`, so it needs the same opt-in. */
  public static customWithoutOidc(props: UnauthenticatedDashboardProps): IdentityProvider {
    return new IdentityProvider('none', undefined, checkReason(props, 'IdentityProvider.customWithoutOidc'));
  }

  /** True when the VM dashboard is open to anyone who reaches it (site rule SEC-003). */
  public readonly dashboardUnauthenticated: boolean;

  private constructor(
    /** The value written to `identityProvider`. */
    public readonly value: string,
    /** The custom OIDC settings, for `custom` only. */
    public readonly oidc?: CustomOidcProps,
    /** The opt-in reason, for the unauthenticated choices only. */
    public readonly unauthenticatedReason?: string,
  ) {
    this.dashboardUnauthenticated = unauthenticatedReason !== undefined;
  }
}

function checkReason(props: UnauthenticatedDashboardProps | undefined, factory: string): string {
  const reason = (props?.reason ?? '').trim();
  if (reason.length < NO_AUTH_MIN_REASON_LENGTH) {
    throw new ValidationError(
      `${factory} reason '${reason}' is too short: a dashboard without authentication needs a reason of at least ${NO_AUTH_MIN_REASON_LENGTH} characters, ` +
        `or use IdentityProvider.PALETTE, IdentityProvider.TENANT or IdentityProvider.custom({ issuerUrl, clientId })`,
    );
  }
  return reason;
}

function checkOidc(oidc: CustomOidcProps): void {
  let url: URL | undefined;
  try {
    url = new URL(oidc.issuerUrl);
  } catch {
    url = undefined;
  }
  if (!url || url.protocol !== 'https:') {
    throw new ValidationError(
      `OIDC issuer URL '${oidc.issuerUrl}' is invalid: kube-apiserver accepts only an https URL, e.g. 'https://idp.example.com/realms/main'`,
    );
  }
  if (!oidc.clientId.trim()) {
    throw new ValidationError(`OIDC client id '${oidc.clientId}' is empty: give the OAuth client id registered for this cluster`);
  }
  const secret = oidc.clientSecret;
  if (secret && (!secret.isSensitive || secret.defaultValue !== undefined)) {
    throw new ValidationError(
      `OIDC client secret variable '${secret.name}' must be sensitive and have no default: define it with isSensitive: true and without defaultValue`,
    );
  }
  if (oidc.extraScopes !== undefined && !secret) {
    throw new ValidationError(`OIDC extraScopes '${oidc.extraScopes}' only apply to the kubeconfig client config: give clientSecret too, or drop extraScopes`);
  }
}
