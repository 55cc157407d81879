import { Construct } from 'constructs';
import { VirtualMachineClusterPreference } from '../../imports/instancetype.kubevirt.io';
import { ValidationError } from '../common/errors';
import { ManifestChart } from '../palette/manifest-layer';
import { checkDnsSubdomain } from '../common/k8s-names';
import { DESCHEDULER_EVICT_ANNOTATION } from './ra-defaults';
import { VmPreferenceSpec } from './vm-preference-spec';

export interface VmPreferenceProps {
  /** The cluster preference name VMs refer to, e.g. 'generic-linux'. */
  readonly name: string;
  /** The preference content, e.g. `VmPreferenceSpec.linux()`. */
  readonly spec: VmPreferenceSpec;
  /**
   * Whether VMs using the preference carry `descheduler.alpha.kubernetes.io/evict: "true"`, so the
   * descheduler may live-migrate them: "We therefore set this annotation in the VM preferences"
   * (seed 002, VMO layer).
   * @default true
   */
  readonly evictableByDescheduler?: boolean;
  /**
   * The `instancetype.kubevirt.io/vendor` label: who ships the preference ("kubevirt.io" upstream,
   * changed by downstream vendors).
   * @default 'spectrocloud.com' (the RA's Templates profile is Spectro Cloud's)
   */
  readonly vendor?: string;
}

/**
 * A VirtualMachineClusterPreference (seed 002, VMO-VMPreferences layer: "VM preferences ... that
 * optimize performance and reduce overhead"). Refuses secure boot without SMM, which does not boot.
 */
export class VmPreference extends ManifestChart {
  public readonly preferenceName: string;
  public readonly spec: VmPreferenceSpec;

  constructor(scope: Construct, id: string, props: VmPreferenceProps) {
    super(scope, id);
    this.preferenceName = props.name;
    checkDnsSubdomain(this.preferenceName, 'VM preference name', 'generic-linux');
    this.spec = props.spec;
    if (this.spec.secureBoot && !this.spec.smm) {
      throw new ValidationError(
        `VM preference '${this.preferenceName}' enables secure boot without SMM, and such a VM does not boot: add features.preferredSmm: {} or turn secure boot off`,
      );
    }
    const vendor = props.vendor ?? 'spectrocloud.com';
    if (!/^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/.test(vendor)) {
      throw new ValidationError(`VM preference vendor '${vendor}' is not a valid label value: use up to 63 letters, digits, '-', '_' or '.' (e.g. 'example.com')`);
    }

    const spec = this.spec.spec;
    const annotations = { ...spec.annotations };
    if (props.evictableByDescheduler ?? true) annotations[DESCHEDULER_EVICT_ANNOTATION] = 'true';
    const labels: Record<string, string> = {
      'instancetype.kubevirt.io/os-type': this.spec.osType.value,
      'instancetype.kubevirt.io/vendor': vendor,
    };
    // common-instancetypes mirrors the requirements in labels so UIs can filter without reading the spec.
    const required = spec.requirements;
    if (required?.cpu) labels['instancetype.kubevirt.io/required-cpu'] = String(required.cpu.guest);
    if (required?.memory) labels['instancetype.kubevirt.io/required-memory'] = String(required.memory.guest.value);

    new VirtualMachineClusterPreference(this, 'preference', {
      metadata: { name: this.preferenceName, labels },
      spec: { ...spec, annotations: Object.keys(annotations).length ? annotations : undefined },
    });
  }
}
