import {
  VirtualMachineClusterPreferenceSpec,
  VirtualMachineClusterPreferenceSpecRequirementsMemoryGuest,
} from '../../imports/instancetype.kubevirt.io';
import { ValidationError } from '../common/errors';
import { VmOsType } from './vm-os-type';

/** Settings the factories of `VmPreferenceSpec` let a site change. */
export interface VmPreferenceOptions {
  /**
   * The fewest vCPUs a VM using the preference may have (`spec.requirements.cpu.guest`).
   * @default 1 (kubevirt/common-instancetypes, Ubuntu and Windows Server)
   */
  readonly requiredCpu?: number;
  /**
   * The least guest memory a VM using the preference may have (`spec.requirements.memory.guest`).
   * @default 2 (kubevirt/common-instancetypes, Ubuntu and Windows Server)
   */
  readonly requiredMemoryGiB?: number;
  /**
   * How long a stopping VM may shut down before it is killed.
   * @default 180 for Linux (the RA's preference), 3600 for Windows (Windows updates on shutdown)
   */
  readonly terminationGracePeriodSeconds?: number;
}

// The RA's CPU placement for both preferences: vCPUs spread over sockets and cores, 4 cores per
// socket (RA Templates export, vmcp-generic-*).
const RA_CPU = { preferredCpuTopology: 'spread', spreadOptions: { across: 'SocketsCores', ratio: 4 } };
// The RA's machine type and disk cache for both preferences (RA Templates export).
const RA_MACHINE = { preferredMachineType: 'q35' };
const RA_DISK_CACHE = 'writethrough';

/**
 * The content of a VirtualMachineClusterPreference, made by a factory that follows
 * kubevirt/common-instancetypes for the guest OS plus the RA's own choices.
 */
export class VmPreferenceSpec {
  /**
   * Linux guests: virtio disks and NICs and a virtio RNG (common-instancetypes), UTC clock, the RA's
   * CPU spread, q35 and write-through cache.
   */
  public static linux(options: VmPreferenceOptions = {}): VmPreferenceSpec {
    return new VmPreferenceSpec(VmOsType.LINUX, {
      clock: { preferredClockOffset: { utc: {} } },
      cpu: RA_CPU,
      devices: {
        preferredDiskBus: 'virtio',
        preferredDiskCache: RA_DISK_CACHE,
        preferredInterfaceModel: 'virtio',
        preferredRng: {},
      },
      machine: RA_MACHINE,
      preferredTerminationGracePeriodSeconds: options.terminationGracePeriodSeconds ?? 180,
      requirements: requirements(options),
    });
  }

  /**
   * Windows Server 2022 as common-instancetypes `windows.2k22` has it: Hyper-V enlightenments, ACPI
   * and APIC, a Windows-friendly clock, EFI with secure boot (and the SMM it needs) and persistent
   * NVRAM, a persistent TPM, SATA disks and an e1000e NIC, which Windows drives without extra drivers.
   */
  public static windows2022(options: VmPreferenceOptions = {}): VmPreferenceSpec {
    return VmPreferenceSpec.windows(options, 'sata', 'e1000e');
  }

  /**
   * `windows2022()` for images with the virtio drivers installed (common-instancetypes
   * `windows.2k22.virtio`): virtio disks and NICs. The RA's Windows template and preference use
   * virtio, so its golden image carries the drivers.
   */
  public static windows2022Virtio(options: VmPreferenceOptions = {}): VmPreferenceSpec {
    return VmPreferenceSpec.windows(options, 'virtio', 'virtio');
  }

  /** A preference written by hand, with the KubeVirt L1 types. */
  public static custom(osType: VmOsType, spec: VirtualMachineClusterPreferenceSpec): VmPreferenceSpec {
    return new VmPreferenceSpec(osType, spec);
  }

  private static windows(options: VmPreferenceOptions, diskBus: string, interfaceModel: string): VmPreferenceSpec {
    return new VmPreferenceSpec(VmOsType.WINDOWS, {
      clock: {
        preferredClockOffset: { utc: {} },
        preferredTimer: {
          hpet: { present: false },
          pit: { tickPolicy: 'delay' },
          rtc: { tickPolicy: 'catchup' },
          hyperv: {},
        },
      },
      cpu: RA_CPU,
      devices: {
        preferredDiskBus: diskBus,
        preferredDiskCache: RA_DISK_CACHE,
        preferredInterfaceModel: interfaceModel,
        // Kept across reboots; needs the VMO pack's VMPersistentState feature gate and TPM storage
        // class (seed 002, VMO layer: "feature gates for persistent TPM", "storageclass ... TPM data").
        preferredTpm: { persistent: true },
      },
      features: {
        preferredAcpi: {},
        preferredApic: {},
        preferredHyperv: {
          relaxed: {},
          vapic: {},
          vpindex: {},
          spinlocks: { spinlocks: 8191 },
          synic: {},
          synictimer: { direct: {} },
          tlbflush: {},
          frequencies: {},
          reenlightenment: {},
          ipi: {},
          runtime: {},
          reset: {},
        },
        // Secure boot firmware does not start without SMM.
        preferredSmm: {},
      },
      firmware: { preferredEfi: { secureBoot: true, persistent: true } },
      machine: RA_MACHINE,
      preferredTerminationGracePeriodSeconds: options.terminationGracePeriodSeconds ?? 3600,
      requirements: requirements(options),
    });
  }

  private constructor(
    public readonly osType: VmOsType,
    public readonly spec: VirtualMachineClusterPreferenceSpec,
  ) {
    const grace = spec.preferredTerminationGracePeriodSeconds;
    if (grace !== undefined && (!Number.isInteger(grace) || grace < 0)) {
      throw new ValidationError(`termination grace period ${grace} s is invalid: give a whole number of seconds, 0 or more (e.g. 3600)`);
    }
  }

  /** True when the preference turns on UEFI secure boot (`preferredEfi.secureBoot` defaults to true). */
  public get secureBoot(): boolean {
    const fw = this.spec.firmware;
    if (!fw) return false;
    if (fw.preferredEfi) return fw.preferredEfi.secureBoot !== false;
    return fw.preferredUseSecureBoot === true;
  }

  /** True when the preference turns on SMM (`preferredSmm.enabled` defaults to true). */
  public get smm(): boolean {
    const smm = this.spec.features?.preferredSmm;
    return smm !== undefined && smm.enabled !== false;
  }
}

function requirements(options: VmPreferenceOptions): VirtualMachineClusterPreferenceSpec['requirements'] {
  const cpu = options.requiredCpu ?? 1;
  const memoryGiB = options.requiredMemoryGiB ?? 2;
  if (!Number.isInteger(cpu) || cpu < 1) {
    throw new ValidationError(`required vCPUs ${cpu} is invalid: give a whole number, at least 1 (e.g. 1)`);
  }
  if (!Number.isInteger(memoryGiB) || memoryGiB < 1) {
    throw new ValidationError(`required memory ${memoryGiB} GiB is invalid: give a whole number of GiB, at least 1 (e.g. 2)`);
  }
  return {
    cpu: { guest: cpu },
    memory: { guest: VirtualMachineClusterPreferenceSpecRequirementsMemoryGuest.fromString(`${memoryGiB}Gi`) },
  };
}
