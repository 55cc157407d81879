import { DEFAULT_FILE_OWNER, DEFAULT_FILE_PERMISSIONS, KubeadmPart, KubeadmPartOutput } from '../kubeadm-part';

/** Where the RA places the SAN-boot alias script (rev 1.2). */
export const SAN_BOOT_ALIAS_SCRIPT = '/etc/kubernetes/check_and_fix_mpath_alias.sh';

export interface MultipathPartProps {
  /**
   * Also place and run the script that keeps a SAN-booted node bootable after
   * `user_friendly_names` is turned off (RA rev 1.7, Ubuntu layer: "Place a script on the
   * system that can handle SAN boot scenarios when the user_friendly_names option is changed
   * for multipath"). It does nothing on nodes that boot from a local disk.
   * @default true
   */
  readonly sanBootAliasScript?: boolean;
}

/**
 * Configures dm-multipath for Pure Storage FlashArray as Portworx expects it (RA rev 1.7,
 * Ubuntu layer: "Configure multipath in accordance with Portworx best practices" and "Reload
 * multipathd with the new configuration"). The multipath.conf content is the RA rev 1.2 file:
 * friendly names off (Portworx needs them off), Portworx `pxd` devices blacklisted, and the
 * FlashArray NVMe and SCSI device sections. Rev 1.7 runs the stock multipath-tools of Ubuntu
 * 22.04 (0.8.8), so the rev 1.2 build of 0.9.4 from source is gone.
 */
export class MultipathPart implements KubeadmPart {
  public readonly name = 'multipath';
  public readonly sanBootAliasScript: boolean;

  constructor(props: MultipathPartProps = {}) {
    this.sanBootAliasScript = props.sanBootAliasScript ?? true;
  }

  public render(): KubeadmPartOutput {
    const files = [
      { targetPath: '/etc/multipath.conf', targetOwner: DEFAULT_FILE_OWNER, targetPermissions: DEFAULT_FILE_PERMISSIONS, content: MULTIPATH_CONF },
    ];
    const commands: string[] = [];
    if (this.sanBootAliasScript) {
      // The RA's mode for the script (owner-executable).
      files.push({ targetPath: SAN_BOOT_ALIAS_SCRIPT, targetOwner: DEFAULT_FILE_OWNER, targetPermissions: '0744', content: SAN_BOOT_ALIAS_SCRIPT_CONTENT });
      // Before the restart: with the alias in place multipathd never renames the root map.
      commands.push(SAN_BOOT_ALIAS_SCRIPT);
    }
    // RA rev 1.7: "Reload multipathd with the new configuration".
    commands.push('systemctl restart multipathd');
    return { packages: ['multipath-tools'], files, preKubeadmCommands: commands };
  }
}

const MULTIPATH_CONF = `defaults {
  user_friendly_names no
  find_multipaths no
  polling_interval 10
}
blacklist {
  # Portworx virtual block devices must never be multipathed.
  devnode "^pxd[0-9]*"
  devnode "^pxd*"
  device {
    vendor "VMware"
    product "Virtual disk"
  }
}
devices {
  device {
    vendor "NVME"
    product "Pure Storage FlashArray"
    path_selector "queue-length 0"
    path_grouping_policy group_by_prio
    prio ana
    failback immediate
    fast_io_fail_tmo 10
    user_friendly_names no
    no_path_retry 0
    features 0
    dev_loss_tmo 60
  }
  device {
    vendor "PURE"
    product "FlashArray"
    path_selector "service-time 0"
    hardware_handler "1 alua"
    path_grouping_policy group_by_prio
    prio alua
    failback immediate
    path_checker tur
    fast_io_fail_tmo 10
    user_friendly_names no
    no_path_retry 0
    features 0
    dev_loss_tmo 600
  }
}
`;

/*
 * The RA rev 1.2 script checks whether GRUB boots from a friendly multipath name
 * (/dev/mapper/mpathX) and, if so, pins that name as an alias of the boot LUN's WWID so the
 * node still boots once multipath.conf turns friendly names off. This version keeps those
 * steps and makes them safe to repeat: the WWID comes from the device-mapper UUID of the
 * device / is mounted from (the RA matched the LUN size, 128G, in `multipath -ll`), the alias
 * is added once, and the initramfs (which carries multipath.conf on SAN-booted nodes) is
 * rebuilt only when the alias was added.
 */
const SAN_BOOT_ALIAS_SCRIPT_CONTENT = `#!/bin/bash
# Keeps a SAN-booted node bootable when multipath friendly names are turned off (Portworx needs them off).
set -euo pipefail
CONF=/etc/multipath.conf
ALIAS=$(grep -oE '/dev/mapper/mpath[a-z]+' /boot/grub/grub.cfg 2>/dev/null | head -n 1 | sed 's|^/dev/mapper/||' || true)
if [ -z "$ALIAS" ]; then
  echo "SAN boot alias: GRUB does not boot from a friendly multipath name; nothing to do"
  exit 0
fi
ROOT_DEV=$(findmnt -n -o MAJ:MIN /)
DM_UUID=$(dmsetup info -c --noheadings -o uuid -j "\${ROOT_DEV%%:*}" -m "\${ROOT_DEV##*:}" 2>/dev/null || true)
case "$DM_UUID" in
  mpath-*|part*-mpath-*) WWID=\${DM_UUID#*mpath-} ;;
  *) echo "SAN boot alias: / is not on a multipath device (dm uuid '$DM_UUID'); add an alias for $ALIAS to $CONF by hand" >&2; exit 1 ;;
esac
if grep -q "wwid \\"$WWID\\"" "$CONF"; then
  echo "SAN boot alias: $CONF already names WWID $WWID"
  exit 0
fi
echo "SAN boot alias: pinning $ALIAS to WWID $WWID in $CONF"
printf '\\nmultipaths {\\n  multipath {\\n    wwid "%s"\\n    alias "%s"\\n  }\\n}\\n' "$WWID" "$ALIAS" >> "$CONF"
update-initramfs -u -k all
`;
