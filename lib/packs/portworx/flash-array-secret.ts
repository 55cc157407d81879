import { KubeSecret } from '../../palette/kube';
import { Construct } from 'constructs';
import { ValidationError } from '../../common/errors';
import { isIpv4Address } from '../../common/ip-address';
import { ManifestChart } from '../../palette/manifest-layer';
import { ProfileLayer } from '../../palette/profile-layer';
import { ProfileVariable, VariableFormat } from '../../palette/profile-variable';
import { addRuleCheck } from '../../palette/rule-validation';

/** The secret name Portworx reads the FlashArray credentials from. */
export const PX_PURE_SECRET_NAME = 'px-pure-secret';

/** One Pure Storage FlashArray Portworx provisions its drives from (an entry of `pure.json`). */
export interface PureFlashArray {
  /** The array's management IPv4 address (`MgmtEndPoint`). */
  readonly mgmtEndpoint: string;
  /**
   * The API token with administrative access (`APIToken`), a sensitive profile variable
   * without default, filled in at deploy time.
   * @default a sensitive variable `flashArrayApiToken` (the 2nd array `flashArrayApiToken2`, ...)
   */
  readonly apiToken?: ProfileVariable;
}

export interface FlashArraySecretProps {
  /** The StorageCluster's namespace: Portworx looks for the secret there. */
  readonly namespace: string;
  /** At least one FlashArray. */
  readonly flashArrays: readonly PureFlashArray[];
}

/** The default token variable of the array at `index` (0-based). */
export function defaultApiToken(index: number, mgmtEndpoint: string): ProfileVariable {
  const n = index === 0 ? '' : String(index + 1);
  return new ProfileVariable(`flashArrayApiToken${n}`, {
    displayName: `FlashArray${n ? ` ${n}` : ''} API token`,
    description: `API token with administrative access to the FlashArray at ${mgmtEndpoint} (px-pure-secret)`,
    format: VariableFormat.STRING,
    required: true,
    isSensitive: true,
  });
}

/** Throws unless `v` is a sensitive variable without default, as every secret must be. */
export function checkSecretVariable(v: ProfileVariable, what: string): void {
  if (!v.isSensitive || v.defaultValue !== undefined) {
    throw new ValidationError(
      `profile variable '${v.name}' for the ${what} must be sensitive and have no default ` +
        `(isSensitive: ${v.isSensitive}, defaultValue: ${v.defaultValue === undefined ? 'none' : 'set'}): ` +
        'set isSensitive: true and remove the defaultValue; secrets are entered at deploy time',
    );
  }
}

/**
 * The manifest `px-pure-secret` on the Portworx layer: `pure.json` listing each FlashArray's
 * management endpoint and API token (RA rev 1.7, Portworx layer, "we also add an extra
 * manifest to the layer, named px-pure-secret").
 *
 * The RA writes the file base64-encoded under `data`. Here it is `stringData` instead:
 * Palette substitutes variable references as text, and a reference inside base64 would not
 * be found. The RA's sample shows namespace `kube-system`, but Portworx reads the secret from
 * the StorageCluster's namespace, which is `portworx` in pack 3.3.1 (pack-values.md §5).
 */
export class FlashArraySecret extends ManifestChart {
  /** The management endpoints, in `pure.json` order. */
  public readonly mgmtEndpoints: readonly string[];

  constructor(scope: Construct, id: string, props: FlashArraySecretProps) {
    super(scope, id);
    if (props.flashArrays.length === 0) {
      throw new ValidationError(
        "portworx needs at least one FlashArray for px-pure-secret: give flashArrays: [{ mgmtEndpoint: '<array management IPv4>' }]",
      );
    }
    const seen = new Set<string>();
    const endpoints = props.flashArrays.map((fa) => fa.mgmtEndpoint);
    // NET-001: the same check the site rule runs on the written secret.
    addRuleCheck(this, 'NET-001', () =>
      endpoints.filter((e) => !isIpv4Address(e)).map((e) => `FlashArray management endpoint '${e}' is not an IPv4 address: use the array's management IP (a.b.c.d)`),
    );
    for (const fa of props.flashArrays) {
      if (seen.has(fa.mgmtEndpoint)) {
        throw new ValidationError(`FlashArray management endpoint '${fa.mgmtEndpoint}' is listed twice: list each array once`);
      }
      seen.add(fa.mgmtEndpoint);
    }
    this.mgmtEndpoints = props.flashArrays.map((fa) => fa.mgmtEndpoint);

    const layer = ProfileLayer.of(this);
    const arrays = props.flashArrays.map((fa, i) => {
      const token = fa.apiToken ?? defaultApiToken(i, fa.mgmtEndpoint);
      checkSecretVariable(token, `API token of FlashArray ${fa.mgmtEndpoint}`);
      return { MgmtEndPoint: fa.mgmtEndpoint, APIToken: layer.useVariable(token) };
    });

    new KubeSecret(this, PX_PURE_SECRET_NAME, {
      metadata: { name: PX_PURE_SECRET_NAME, namespace: props.namespace },
      type: 'Opaque',
      stringData: { 'pure.json': JSON.stringify({ FlashArrays: arrays }, null, 2) },
    });
  }
}
