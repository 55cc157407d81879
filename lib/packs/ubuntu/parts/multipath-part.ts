import { DEFAULT_FILE_OWNER, DEFAULT_FILE_PERMISSIONS, KubeadmPart, KubeadmPartOutput } from '../kubeadm-part';

/** Where the RA places the SAN-boot alias script (rev 1.2). */
export const SAN_BOOT_ALIAS_SCRIPT = '/etc/kubernetes/check_and_fix_mpath_alias.sh';
/** The checksum of the multipath.conf last built into the initramfs of a SAN-booted node. */
export const SAN_BOOT_INITRAMFS_STAMP = '/var/lib/vmo-ra/multipath-initramfs.sha256';

export interface MultipathPartProps {
  /**
   * Also place and run the script that keeps a SAN-booted node bootable after
   * `user_friendly_names` is turned off (RA rev 1.7, Ubuntu layer: "Place a script on the
   * system that can handle SAN boot scenarios when the user_friendly_names option is changed
   * for multipath"): on a SAN-booted node it installs multipath-tools-boot, pins GRUB's
   * friendly name and rebuilds the initramfs (the RA rev 1.2 steps). It does nothing on
   * nodes that boot from a local disk.
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
 * The RA rev 1.2 steps for a SAN-booted node (seed 001:486-507): install multipath-tools-boot
 * (multipath in the initramfs, so the root LUN is found at boot), pin GRUB's friendly
 * multipath name (/dev/mapper/mpathX) as an alias of the boot LUN's WWID so the node still
 * boots once multipath.conf turns friendly names off, and `update-initramfs -u -k all` so the
 * initramfs carries the new multipath.conf. Rev 1.7 keeps these in "a script that can handle
 * SAN boot scenarios" (seed 002:866, 881), so they live here and run on SAN-booted nodes only:
 * a node that boots from a local disk keeps its initramfs free of multipath.
 *
 * Safe to repeat: the WWID comes from the device-mapper UUID of the device / is mounted from
 * (the RA matched the LUN size, 128G, in `multipath -ll`); the package is installed only when
 * missing; the alias is added once; and the initramfs is rebuilt only when multipath.conf
 * differs from the copy last built into it (a checksum kept beside it).
 */
const SAN_BOOT_ALIAS_SCRIPT_CONTENT = `#!/bin/bash
# SAN boot (RA rev 1.2 steps, rev 1.7 "a script that can handle SAN boot scenarios"): multipath in the
# initramfs, GRUB's friendly multipath name pinned to the boot LUN, and the initramfs rebuilt when multipath.conf changes.
set -euo pipefail
CONF=/etc/multipath.conf
STAMP=${SAN_BOOT_INITRAMFS_STAMP}
ALIAS=$(grep -oE '/dev/mapper/mpath[a-z]+' /boot/grub/grub.cfg 2>/dev/null | head -n 1 | sed 's|^/dev/mapper/||' || true)
ROOT_DEV=$(findmnt -n -o MAJ:MIN /)
DM_UUID=$(dmsetup info -c --noheadings -o uuid -j "\${ROOT_DEV%%:*}" -m "\${ROOT_DEV##*:}" 2>/dev/null || true)
case "$DM_UUID" in
  mpath-*|part*-mpath-*) WWID=\${DM_UUID#*mpath-} ;;
  *)
    if [ -n "$ALIAS" ]; then
      echo "SAN boot: GRUB boots from $ALIAS but / is not on a multipath device (dm uuid '$DM_UUID'); add an alias for $ALIAS to $CONF by hand" >&2
      exit 1
    fi
    echo "SAN boot: / is not on a multipath device; nothing to do"
    exit 0
    ;;
esac
# RA rev 1.2: "apt install -y multipath-tools multipath-tools-boot" (multipath in the initramfs).
if ! dpkg-query -W -f='\${Status}' multipath-tools-boot 2>/dev/null | grep -q 'ok installed'; then
  echo "SAN boot: installing multipath-tools-boot"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q multipath-tools-boot
fi
if [ -n "$ALIAS" ]; then
  if grep -q "wwid \\"$WWID\\"" "$CONF"; then
    echo "SAN boot: $CONF already names WWID $WWID"
  else
    echo "SAN boot: pinning $ALIAS to WWID $WWID in $CONF"
    printf '\\nmultipaths {\\n  multipath {\\n    wwid "%s"\\n    alias "%s"\\n  }\\n}\\n' "$WWID" "$ALIAS" >> "$CONF"
  fi
fi
# RA rev 1.2: "update-initramfs -u -k all", here only when the initramfs holds another multipath.conf.
SUM=$(sha256sum "$CONF" | cut -d ' ' -f 1)
if [ "$(cat "$STAMP" 2>/dev/null || true)" = "$SUM" ]; then
  echo "SAN boot: the initramfs already carries this multipath.conf"
  exit 0
fi
echo "SAN boot: rebuilding the initramfs with the new multipath.conf"
update-initramfs -u -k all
mkdir -p "$(dirname "$STAMP")"
echo "$SUM" > "$STAMP"
`;
