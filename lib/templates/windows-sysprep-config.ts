import { KubeConfigMap } from '../palette/kube';
import { Construct } from 'constructs';
import { ValidationError } from '../common/errors';
import { ManifestChart } from '../palette/manifest-layer';
import { ProfileLayer } from '../palette/profile-layer';
import { ProfileVariable } from '../palette/profile-variable';
import { checkDnsSubdomain, checkNamespaces } from '../common/k8s-names';
import { UNATTEND_CONFIG_MAP_NAME, VM_NAMESPACES } from './ra-defaults';
import { unattendXml } from './unattend-xml';
import { VmPassword } from './vm-password';

export interface WindowsSysprepConfigProps {
  /** The sensitive profile variable with the local Administrator password. */
  readonly administratorPassword: ProfileVariable;
  /** @default 'win-unattend-xml' */
  readonly name?: string;
  /**
   * The namespaces VMs are created in; a sysprep volume reads a ConfigMap of the VM's own namespace.
   * @default ['default', 'virtual-machines'] (seed 002: "in both the default and the virtual-machines namespace")
   */
  readonly namespaces?: readonly string[];
  /** A Windows time zone id. @default 'UTC' */
  readonly timeZone?: string;
  /** @default 'en-US' */
  readonly locale?: string;
}

/**
 * The sysprep answer file of the Windows template (seed 002, VMO-VMTemplates layer, `cm-unattend-xml`):
 * a ConfigMap with `unattend.xml` in each VM namespace. The Administrator password is a profile
 * variable reference, never a literal.
 */
export class WindowsSysprepConfig extends ManifestChart {
  public readonly configMapName: string;
  public readonly namespaces: readonly string[];

  constructor(scope: Construct, id: string, props: WindowsSysprepConfigProps) {
    super(scope, id);
    VmPassword.check(props.administratorPassword, 'Windows Administrator password');
    this.configMapName = props.name ?? UNATTEND_CONFIG_MAP_NAME;
    checkDnsSubdomain(this.configMapName, 'sysprep ConfigMap name', UNATTEND_CONFIG_MAP_NAME);
    this.namespaces = props.namespaces ?? VM_NAMESPACES;
    checkNamespaces(this.namespaces, 'the sysprep ConfigMap');
    const timeZone = props.timeZone ?? 'UTC';
    if (!/^[A-Za-z0-9 ()+.,_-]{1,64}$/.test(timeZone)) {
      throw new ValidationError(`Windows time zone '${timeZone}' is invalid: give a Windows time zone id such as 'UTC' or 'W. Europe Standard Time'`);
    }
    const locale = props.locale ?? 'en-US';
    if (!/^[a-z]{2,3}-[A-Z]{2}$/.test(locale)) {
      throw new ValidationError(`Windows locale '${locale}' is invalid: give a language-region tag such as 'en-US' or 'de-DE'`);
    }

    const xml = unattendXml({
      administratorPassword: ProfileLayer.of(this).useVariable(props.administratorPassword),
      timeZone,
      locale,
    });
    for (const namespace of this.namespaces) {
      new KubeConfigMap(this, namespace, {
        metadata: { name: this.configMapName, namespace },
        data: { 'unattend.xml': xml },
      });
    }
  }
}
