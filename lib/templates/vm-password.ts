import { ValidationError } from '../common/errors';
import { ProfileVariable } from '../palette/profile-variable';

/**
 * The sensitive profile variables that hold VM template passwords. Passwords are never literals in
 * a manifest: the manifest carries the reference and Palette fills the value in at deploy time
 * (rules SEC-001, SEC-002).
 */
export class VmPassword {
  /**
   * The password of the default user (`ubuntu`) of VMs made from the Ubuntu template. It is written
   * single-quoted into cloud-config, so it may not contain a quote or a line break.
   */
  public static ubuntuUser(): ProfileVariable {
    return new ProfileVariable('vmUbuntuPassword', {
      displayName: 'Ubuntu VM password',
      description: "Password of the 'ubuntu' user in VMs created from the Ubuntu 22.04 template",
      regex: "^[^'\\n]{8,128}$",
      required: true,
      isSensitive: true,
    });
  }

  /**
   * The local Administrator password of VMs made from the Windows template. It is written into
   * unattend.xml, so it may not contain '<', '>', '&' or a line break.
   */
  public static windowsAdministrator(): ProfileVariable {
    return new ProfileVariable('vmWindowsAdminPassword', {
      displayName: 'Windows VM Administrator password',
      description: 'Password of the local Administrator in VMs created from the Windows Server 2022 template',
      regex: '^[^<>&\\n]{8,127}$',
      required: true,
      isSensitive: true,
    });
  }

  /** Fails unless the variable can hold a secret: sensitive and without a default (SEC-001, SEC-004). */
  public static check(variable: ProfileVariable, what: string): void {
    if (!variable.isSensitive) {
      throw new ValidationError(`profile variable '${variable.name}' for the ${what} is not sensitive: set isSensitive: true so Palette masks it`);
    }
    if (variable.defaultValue !== undefined) {
      throw new ValidationError(`profile variable '${variable.name}' for the ${what} has a default value: remove it, secrets are entered at deploy time`);
    }
  }

  private constructor() {}
}
