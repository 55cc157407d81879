import { DEFAULT_FILE_OWNER, DEFAULT_FILE_PERMISSIONS, KubeadmPart, KubeadmPartOutput } from '../kubeadm-part';

export const PURE_FLASHARRAY_UDEV_RULES = '/etc/udev/rules.d/99-pure-flasharray.rules';

/**
 * Pure Storage's Linux queue settings for FlashArray LUNs as udev rules (RA rev 1.7, Ubuntu
 * layer: "Add udev rules for Pure FlashArray in accordance with best practices"), reloaded
 * after kubeadm ("Reload udev rules to let new udev rules for the Pure FlashArray go into
 * effect"; rev 1.2: reloading "could crash the node so do it after K8S has been configured").
 *
 * The settings (scheduler none, no entropy collection, completions on the issuing CPU, 60 s
 * SCSI timeout, 4 MiB maximum I/O) are the RA rev 1.2 file's. Two fixes to that text: the
 * sysfs writes use udev's assignment `ATTR{...}="..."` (the text shows `==`, a comparison,
 * which would make every rule a no-op), and the first SCSI rule matches whole disks
 * (`sd*[!0-9]`) like the others: partitions have no queue to tune.
 */
export class PureFlashArrayUdevPart implements KubeadmPart {
  public readonly name = 'pure-flasharray-udev';

  public render(): KubeadmPartOutput {
    return {
      files: [{ targetPath: PURE_FLASHARRAY_UDEV_RULES, targetOwner: DEFAULT_FILE_OWNER, targetPermissions: DEFAULT_FILE_PERMISSIONS, content: RULES }],
      postKubeadmCommands: ['udevadm control --reload-rules && udevadm trigger'],
    };
  }
}

const SCSI = 'ACTION=="add|change", KERNEL=="sd*[!0-9]", SUBSYSTEM=="block", ENV{ID_VENDOR}=="PURE"';
const DM = 'ACTION=="add|change", KERNEL=="dm-[0-9]*", SUBSYSTEM=="block", ENV{DM_NAME}=="3624a937*"';

const RULES = [
  '# Recommended settings for Pure Storage FlashArray.',
  '# Use none scheduler for high-performance solid-state storage for SCSI devices',
  `${SCSI}, ATTR{queue/scheduler}="none"`,
  `${DM}, ATTR{queue/scheduler}="none"`,
  '',
  '# Reduce CPU overhead due to entropy collection',
  `${SCSI}, ATTR{queue/add_random}="0"`,
  `${DM}, ATTR{queue/add_random}="0"`,
  '',
  '# Spread CPU load by redirecting completions to originating CPU',
  `${SCSI}, ATTR{queue/rq_affinity}="2"`,
  `${DM}, ATTR{queue/rq_affinity}="2"`,
  '',
  '# Set the HBA timeout to 60 seconds',
  `${SCSI}, ATTR{device/timeout}="60"`,
  '',
  '# Set maximum IO size to 4MB',
  `${SCSI}, ATTR{queue/max_sectors_kb}="4096"`,
  '',
].join('\n');
