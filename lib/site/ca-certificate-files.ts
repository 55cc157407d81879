import { readFileSync, statSync } from 'fs';
import { dirname, isAbsolute, resolve } from 'path';
import { isValidationError, ValidationError } from '../common/errors';
import { VmoSiteProps } from '../model/site-props';

/** The largest CA certificate file read, in bytes: a PEM certificate is 1-3 KB, a chain a few more. */
export const MAX_CA_CERTIFICATE_FILE_BYTES = 64 * 1024;

/**
 * Reads the CA certificate files a site file names (`os.caCertificates[].file`), relative to
 * the site file's folder, so a site repository can keep the PEM files beside its site files.
 * Each entry read becomes a `pem` entry; every problem is one line naming the site file and
 * the setting. The certificate's content is never repeated in a message.
 */
export function readCaCertificateFiles(props: VmoSiteProps, siteFile: string): VmoSiteProps {
  const entries = props.os?.caCertificates;
  if (!entries?.some((c) => c.file !== undefined)) return props;
  const folder = dirname(resolve(siteFile));
  const caCertificates = entries.map((c) => {
    if (c.file === undefined) return c;
    const where = `${siteFile}: os.caCertificates[${c.name}].file '${c.file}'`;
    if (c.pem !== undefined) throw new ValidationError(`${where}: the entry gives both pem and file: keep one of them`);
    if (isAbsolute(c.file)) {
      throw new ValidationError(`${where} is an absolute path: give the path relative to the site file (e.g. certs/${c.name}.pem), so the site repository can move`);
    }
    const path = resolve(folder, c.file);
    let text: string;
    try {
      const size = statSync(path).size;
      if (size > MAX_CA_CERTIFICATE_FILE_BYTES) {
        throw new ValidationError(`${where} is ${Math.ceil(size / 1024)} KiB, more than a CA certificate file has (${MAX_CA_CERTIFICATE_FILE_BYTES / 1024} KiB): check that this is the right file`);
      }
      text = readFileSync(path, 'utf8');
    } catch (e) {
      if (isValidationError(e)) throw e;
      const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      throw new ValidationError(`${where}: cannot read the file (${code}): give the path of a PEM file relative to the site file`);
    }
    if (!text.includes('-----BEGIN CERTIFICATE-----')) {
      throw new ValidationError(`${where} holds no PEM certificate: give a file with one '-----BEGIN CERTIFICATE-----' ... '-----END CERTIFICATE-----' block`);
    }
    const { file: _file, ...rest } = c;
    return { ...rest, pem: text };
  });
  return { ...props, os: { ...props.os, caCertificates } };
}
