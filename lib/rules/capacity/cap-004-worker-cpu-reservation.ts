import { isValidationError } from '../../common/errors';
import { FindingLevel, Rule, RuleViolation } from '../../palette/finding';
import { CpuSet } from '../../packs/ubuntu/cpu-set';
import { VmoSiteModel } from '../site-model';

/**
 * CAP-004: the CPUs the OS layer reserves on workers (the `kube.slice` affinity and kubelet's
 * `reservedSystemCPUs`) exist on the workers and leave CPUs for pods and VMs. Seed 002: the
 * RA pins containerd and kubelet to "cores 0–7 by default" (002:873) while its minimum worker
 * has "8 cores" (002:240): on such a worker the RA's default reserves every CPU, and the static
 * CPU Manager has nothing left to give. Reads the reservation the OS layer wrote.
 */
export const CAP_004: Rule<VmoSiteModel> = {
  id: 'CAP-004',
  level: FindingLevel.ERROR,
  // A site that breaks it cannot work (malformed or contradictory input): no suppression lets it through.
  suppressible: false,
  description: 'the CPUs reserved on workers for the OS, containerd and kubelet exist on the workers and leave at least one CPU for pods and VMs',
  source: 'seed 002 (RA rev 1.7), Ubuntu layer "cores 0–7 by default" and "Hardware resources" (minimum 8 cores)',
  check(site) {
    const cpus = site.nodes.workerCpus;
    const out: RuleViolation[] = [];
    if (!(typeof cpus === 'number' && Number.isInteger(cpus) && cpus >= 1)) {
      out.push({
        location: 'nodes.workerCpus',
        message: `worker CPU count '${String(cpus)}' is not a whole number of at least 1: give the logical CPUs of a worker as nproc counts them (the RA minimum is 8 cores)`,
      });
      return out;
    }
    const text = site.os?.reservedCpus;
    if (text === undefined) return out; // no worker tuning: kubelet reserves no CPU
    let reserved: CpuSet;
    try {
      reserved = CpuSet.parse(text);
    } catch (e) {
      if (!isValidationError(e)) throw e;
      out.push({ location: 'nodes.workerCpus', message: `the OS layer reserves CPUs '${text}', which is not a CPU list: ${e.message}` });
      return out;
    }
    const missing = reserved.toArray().filter((id) => id >= cpus);
    const fix = 'give nodes.workerCpus the CPU count of the real workers (the reservation follows from it), or reserve fewer CPUs in the OS layer';
    if (missing.length) {
      out.push({
        location: 'nodes.workerCpus',
        message: `the OS layer reserves CPUs ${reserved.toString()} on every worker, but a worker has ${cpus} CPU${cpus === 1 ? '' : 's'} (0-${cpus - 1}), so CPU ${CpuSet.parse(missing.join(',')).toString()} does not exist and kubelet cannot reserve it: ${fix}`,
      });
    } else if (reserved.size >= cpus) {
      out.push({
        location: 'nodes.workerCpus',
        message: `the OS layer reserves CPUs ${reserved.toString()}: all ${cpus} CPU${cpus === 1 ? '' : 's'} of a worker, leaving none for pods and VMs: ${cpus === 1 ? 'workers need at least 2 CPUs (the RA minimum is 8 cores); ' : ''}${fix}`,
      });
    }
    return out;
  },
};
