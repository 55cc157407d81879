import { CONTROL_PLANE_SIZING, controlPlaneSizing } from '../../rules/capacity/cap-001-control-plane-size';
import { describeBudget, MAX_VMS_PER_NODE, vmCapacity } from '../../rules/capacity/pod-budget';
import { keepsQuorum, RECOMMENDED_WORKERS, storageNodeCount, workersForSpareNode } from '../../rules/storage/storage-nodes';
import { BookSection } from '../book-section';
import { count, table } from '../markdown';

/** Seed 002 "Hardware resources": worker minimum and recommendation. */
const WORKER_HARDWARE = { minimum: '8 cores, 24 GB RAM', recommended: '48+ cores, 256 GB RAM or more' } as const;

/**
 * Sizing: the control-plane row (CAP-001), the node counts (CAP-002), the VM capacity
 * (CAP-003) and the storage quorum (STO-001), each from the function its rule uses.
 */
export const SIZING: BookSection = {
  title: 'Sizing',
  render(input) {
    const { model } = input;
    const { controlPlane, workers } = model.nodes;
    const row = controlPlaneSizing(workers);
    const out: string[] = [];
    const figures: (string | undefined)[][] = [
      [
        'Control-plane node size (CAP-001)',
        row ? `at least ${row.cores} CPU cores and ${row.memoryGB} GB memory each` : `beyond the RA table: above ${CONTROL_PLANE_SIZING[CONTROL_PLANE_SIZING.length - 1].cores} cores and ${CONTROL_PLANE_SIZING[CONTROL_PLANE_SIZING.length - 1].memoryGB} GB`,
        row ? `RA table row: up to ${row.workers} workers, ${row.namespaces} namespaces` : `${workers} workers`,
      ],
      ['Control-plane nodes (CAP-002)', String(controlPlane), 'an odd number of at least 3 (etcd quorum)'],
      ['Workers', String(workers), `each ${WORKER_HARDWARE.minimum} minimum, ${WORKER_HARDWARE.recommended} recommended (seed 002 hardware table)`],
    ];
    const capacity = vmCapacity(model);
    if (capacity) {
      figures.push(
        ['Pods (NET-004)', `${count(capacity.budget.podsLeft)} pods left for VMs and workloads`, describeBudget(capacity.budget)],
        ['VM capacity (CAP-003)', `about ${count(capacity.vms)} VMs at most`, `the pods left, and ~${MAX_VMS_PER_NODE} VMs per worker x ${capacity.workers} workers = ${count(capacity.byNodes)}; CPU and memory per worker decide the real number`],
      );
    }
    const storage = model.storage;
    if (storage) {
      const nodes = storageNodeCount(model);
      const vmClass = storage.storageClasses.find((sc) => sc.name === storage.vmStorageClass);
      const repl = vmClass ? storage.replicasOf(vmClass) : undefined;
      const maxNodes = storage.maxStorageNodes !== undefined ? `; maxStorageNodes ${storage.maxStorageNodes} (STO-002: the worker count)` : '';
      figures.push(
        // Only a product that runs a quorum has one to size (STO-001 warns below its spare node).
        keepsQuorum(storage)
          ? [
              `Storage quorum (STO-001)`,
              `${nodes ?? '?'} ${storage.product} storage nodes, quorum needs ${storage.minStorageNodes}${storage.quorum ? ` (${storage.quorum.members} ${storage.quorum.what})` : ''}`,
              `at least ${workersForSpareNode(storage)} workers so one node may go offline, ${RECOMMENDED_WORKERS} recommended${maxNodes}`,
            ]
          : [
              `Storage nodes (STO-001)`,
              `${nodes ?? '?'} ${storage.product} storage nodes, at least ${storage.minStorageNodes} needed; ${storage.product} runs no quorum`,
              `${RECOMMENDED_WORKERS} workers recommended (the RA's minimum worker pool); the replicas need as many storage nodes (STO-004)${maxNodes}`,
            ],
      );
      if (repl !== undefined) figures.push(['Replication (STO-004)', `${repl} copies of each volume (class ${storage.vmStorageClass})`, repl < 2 ? 'one node lost loses data' : 'survives the loss of one node']);
      const size = storage.flashArray?.deviceSizeGiB;
      if (size !== undefined && nodes !== undefined) {
        figures.push(['FlashArray LUNs (STO-009)', `${count(size)} GiB per storage node x ${nodes} = ${count(size * nodes)} GiB`, 'seed 002: 1 TB (or more) per worker']);
      }
    }
    out.push(...table(['Figure', 'This site', 'Basis'], figures), '', 'The RA control-plane sizing table (seed 002 "Hardware resources"):', '');
    out.push(
      ...table(
        ['Workers', 'Namespaces', 'CPU cores', 'Memory (GB)', 'This site'],
        CONTROL_PLANE_SIZING.map((r) => [r.workers, r.namespaces, r.cores, r.memoryGB, r === row ? `${workers} workers` : '']),
      ),
    );
    return out;
  },
};
