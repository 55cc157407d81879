import { X509Certificate } from 'crypto';
import { ValidationError } from '../../../common/errors';
import { DEFAULT_FILE_OWNER, DEFAULT_FILE_PERMISSIONS, KubeadmPart, KubeadmPartOutput } from '../kubeadm-part';

/** Where Ubuntu's update-ca-certificates picks up local CA certificates (`*.crt` only). */
export const LOCAL_CA_CERTIFICATES_DIR = '/usr/local/share/ca-certificates';

/** A CA certificate every node must trust. */
export interface CaCertificate {
  /**
   * The file name without `.crt` (letters, digits, `.`, `_`, `-`), e.g. `palette-ca`; the
   * certificate lands in `/usr/local/share/ca-certificates/<name>.crt`.
   */
  readonly name: string;
  /** One PEM-encoded certificate (`-----BEGIN CERTIFICATE-----` ... `-----END CERTIFICATE-----`). */
  readonly pem: string;
}

export interface CaCertificatesPartProps {
  /** The certificates to install; at least one. */
  readonly certificates: readonly CaCertificate[];
}

/**
 * Installs custom CA certificates and rebuilds the trust store (RA rev 1.7, Ubuntu layer:
 * "Run update-ca-certificates so that custom CA certificates are trusted. If Palette is used
 * as the OIDC Identity Provider in the Kubernetes layer, the issuing CA for the certificate
 * that Palette is using needs to be installed on all nodes."). The RA ships an example
 * certificate "to be replaced"; this library ships none, so the certificates are an input.
 */
export class CaCertificatesPart implements KubeadmPart {
  public readonly name = 'ca-certificates';
  public readonly certificates: readonly CaCertificate[];

  constructor(props: CaCertificatesPartProps) {
    if (props.certificates.length === 0) {
      throw new ValidationError(`the CA certificates part needs at least one certificate: pass {name, pem} entries or leave the part out`);
    }
    const seen = new Set<string>();
    this.certificates = props.certificates.map((c) => {
      checkName(c.name);
      if (seen.has(c.name)) throw new ValidationError(`CA certificate name '${c.name}' is used twice: give each certificate its own name`);
      seen.add(c.name);
      return { name: c.name, pem: normalizePem(c.name, c.pem) };
    });
  }

  public render(): KubeadmPartOutput {
    return {
      files: this.certificates.map((c) => ({
        targetPath: `${LOCAL_CA_CERTIFICATES_DIR}/${c.name}.crt`,
        targetOwner: DEFAULT_FILE_OWNER,
        targetPermissions: DEFAULT_FILE_PERMISSIONS,
        content: c.pem,
      })),
      preKubeadmCommands: ['update-ca-certificates'],
    };
  }
}

function checkName(name: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) || name.endsWith('.crt')) {
    throw new ValidationError(
      `CA certificate name '${name}' is invalid: use letters, digits, '.', '_' and '-' without the '.crt' extension, e.g. 'palette-ca'`,
    );
  }
}

/** Checks the PEM holds exactly one parsable certificate; returns it trimmed, newline-terminated. */
function normalizePem(name: string, pem: string): string {
  const text = String(pem).trim();
  const count = (text.match(/-----BEGIN CERTIFICATE-----/g) ?? []).length;
  if (!text.startsWith('-----BEGIN CERTIFICATE-----') || !text.endsWith('-----END CERTIFICATE-----') || count === 0) {
    throw new ValidationError(
      `CA certificate '${name}' is not a PEM certificate: paste the block from '-----BEGIN CERTIFICATE-----' to '-----END CERTIFICATE-----'`,
    );
  }
  if (count > 1) {
    throw new ValidationError(`CA certificate '${name}' holds ${count} certificates: give each certificate its own entry`);
  }
  try {
    new X509Certificate(text);
  } catch (e) {
    throw new ValidationError(`CA certificate '${name}' cannot be parsed (${(e as Error).message}): paste the complete, unmodified PEM block`);
  }
  return `${text}\n`;
}
