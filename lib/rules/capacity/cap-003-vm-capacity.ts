import { FindingLevel, Rule } from '../../palette/finding';
import { VmoSiteModel } from '../site-model';
import { describeBudget, formatCount, MAX_VMS_PER_NODE, vmCapacity } from './pod-budget';

/**
 * CAP-003: the VM capacity estimate: pods left after the overhead, at most about 200 VMs per
 * worker (seed 002 "Solution Sizing": "12,500 virtual machines, which allows for just under
 * 200 VMs per bare metal node. The actual number of VMs per node will depend on available
 * CPU/RAM"). Informational: it feeds the site report, so it reports for every site whose
 * sizing inputs parse.
 */
export const CAP_003: Rule<VmoSiteModel> = {
  id: 'CAP-003',
  level: FindingLevel.INFO,
  description: 'VM capacity estimate: pods left after overhead, at most ~200 VMs per node',
  source: 'seed 002 (RA rev 1.7), "Solution Sizing"',
  check(site) {
    const capacity = vmCapacity(site);
    if (!capacity) return [];
    const { budget: b, workers, byNodes, vms } = capacity;
    return [
      {
        location: 'nodes',
        message:
          `about ${formatCount(vms)} VMs at most: ${describeBudget(b)}, and ~${MAX_VMS_PER_NODE} VMs per worker x ${workers} workers = ${formatCount(byNodes)}; ` +
          'CPU and memory per worker decide the real number',
      },
    ];
  },
};
