import { Construct } from 'constructs';
import { Issuer } from '../../../imports/cert-manager.io';
import { ManifestChart } from '../../palette/manifest-layer';

export interface SelfSignedIssuerChartProps {
  /** The Issuer's name; ingresses reference it in `cert-manager.io/issuer`. */
  readonly issuerName: string;
  /** The namespace of the Issuer and of the certificates it signs. */
  readonly namespace: string;
}

/**
 * A manifest holding one self-signed cert-manager `Issuer`. RA rev 1.7 adds it to the
 * Prometheus layer "to create a self-signed Issuer (cert-manager) in the `monitoring`
 * namespace, which will generate the SSL certificate for the Ingress".
 */
export class SelfSignedIssuerChart extends ManifestChart {
  public readonly issuer: Issuer;

  constructor(scope: Construct, id: string, props: SelfSignedIssuerChartProps) {
    super(scope, id);
    this.issuer = new Issuer(this, 'issuer', {
      metadata: { name: props.issuerName, namespace: props.namespace },
      spec: { selfSigned: {} },
    });
  }
}
