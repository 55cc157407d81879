import { UbuntuMaasPack, UbuntuMaasPackProps } from '../../lib/packs/ubuntu';
import { PaletteApp, PaletteSite } from '../../lib/palette';
import { renderLayer, RenderedLayer } from '../helpers';

/** The RA rev 1.2 management network (bond_mgmt.10). */
export const MGMT_CIDR = '172.16.0.0/22';

/** Self-signed test-only CA certificates (the keys were discarded when they were made). */
export const TEST_CA_PEM = `-----BEGIN CERTIFICATE-----
MIIBrzCCAVWgAwIBAgIUK3H29IBDGQH+zEExg/T52W2BMBcwCgYIKoZIzj0EAwIw
JDEiMCAGA1UEAwwZY2RrOHMtcGFsZXR0ZS12bW8gdGVzdCBDQTAgFw0yNjExMjEw
MjIzNDVaGA8yMTI2MTAyODAyMjM0NVowJDEiMCAGA1UEAwwZY2RrOHMtcGFsZXR0
ZS12bW8gdGVzdCBDQTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABP3KhiOzwknW
5fAUdpiaCBLKydwNCooVzvB4IYEmL99MlOG8n9nUKwQA+H+kmlkfb4dL+wq3sKfk
mmwPkmPtoX6jYzBhMB0GA1UdDgQWBBQZjxowfJMXAMjCxeefOtdETzzn6jAfBgNV
HSMEGDAWgBQZjxowfJMXAMjCxeefOtdETzzn6jAPBgNVHRMBAf8EBTADAQH/MA4G
A1UdDwEB/wQEAwIBBjAKBggqhkjOPQQDAgNIADBFAiByJdvhusOPYiga1JNiM25x
WmHtKwgykYqaS+COVKlPCQIhAOuQjAkFMTsb9VvPL9MFtS2EeUTQpeJtA7qh2VAw
xjVD
-----END CERTIFICATE-----
`;

export const TEST_CA2_PEM = `-----BEGIN CERTIFICATE-----
MIIBrjCCAVOgAwIBAgIUHHGAB7WcNhJjnaeOxUEV/cA03qswCgYIKoZIzj0EAwIw
KzEpMCcGA1UEAwwgY2RrOHMtcGFsZXR0ZS12bW8gc2Vjb25kIHRlc3QgQ0EwIBcN
MjYxMTIxMDIyMzQ1WhgPMjEyNjEwMjgwMjIzNDVaMCsxKTAnBgNVBAMMIGNkazhz
LXBhbGV0dGUtdm1vIHNlY29uZCB0ZXN0IENBMFkwEwYHKoZIzj0CAQYIKoZIzj0D
AQcDQgAEJ7Izl4YGNCp4v8YQ0G42Z3UmRhFb/25yBLW/C5sG+TXbrMr/AioYwA8H
u4nsU8lWaik0iwOcPJ1LgUQ0p///WaNTMFEwHQYDVR0OBBYEFCPB1Wr3TVIomFab
iFALFII+g2t6MB8GA1UdIwQYMBaAFCPB1Wr3TVIomFabiFALFII+g2t6MA8GA1Ud
EwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSQAwRgIhAM0/nqxxg7mn5F0m9YoEj4Km
S/fLe0mRo0OtHNrvD/vNAiEA0kcYO2hVoIoLp/xm87TWFvrgepomHM8SxelTZKiP
mzM=
-----END CERTIFICATE-----
`;

export interface KubeadmFileValue {
  targetPath: string;
  targetOwner: string;
  targetPermissions: string;
  content: string;
}

export function newSite(): PaletteSite {
  return new PaletteSite(new PaletteApp({ outdir: '/nonexistent' }), 'test');
}

export function ubuntu(props: Partial<UbuntuMaasPackProps> = {}): UbuntuMaasPack {
  return new UbuntuMaasPack(newSite(), 'ubuntu', { managementCidr: MGMT_CIDR, ...props });
}

/** Renders the pack and returns the parsed kubeadmconfig next to the rendered layer. */
export function render(props: Partial<UbuntuMaasPackProps> = {}) {
  const r: RenderedLayer = renderLayer(ubuntu(props));
  const kc = r.values.kubeadmconfig ?? {};
  const files: KubeadmFileValue[] = kc.files ?? [];
  const pre: string[] = kc.preKubeadmCommands ?? [];
  const post: string[] = kc.postKubeadmCommands ?? [];
  const file = (path: string): KubeadmFileValue => {
    const f = files.find((x) => x.targetPath === path);
    if (!f) throw new Error(`no file ${path}; files: ${files.map((x) => x.targetPath).join(', ')}`);
    return f;
  };
  const command = (needle: string): string => {
    const c = pre.find((x) => x.includes(needle));
    if (!c) throw new Error(`no pre-kubeadm command contains '${needle}'`);
    return c;
  };
  return { ...r, kc, files, pre, post, file, command, paths: files.map((f) => f.targetPath) };
}
