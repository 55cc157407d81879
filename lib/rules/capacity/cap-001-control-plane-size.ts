import { RA_DEFAULTS } from '../../model/ra-defaults';
import { FindingLevel, Rule } from '../../palette/finding';
import { VmoSiteModel } from '../site-model';
import { isCount } from './pod-budget';

/** One row of the RA's control-plane sizing table. */
export interface ControlPlaneSizing {
  /** The row holds up to this many workers. */
  readonly workers: number;
  readonly namespaces: number;
  readonly cores: number;
  readonly memoryGB: number;
}

/** Seed 002 "Hardware resources" control-plane sizing table (assumes at least 3 control-plane nodes). */
export const CONTROL_PLANE_SIZING: readonly ControlPlaneSizing[] = RA_DEFAULTS.controlPlaneSizing;

/** The table row for a worker count: the first that holds it; undefined beyond the table (or for a malformed count). */
export function controlPlaneSizing(workers: number): ControlPlaneSizing | undefined {
  return isCount(workers) ? CONTROL_PLANE_SIZING.find((r) => workers <= r.workers) : undefined;
}

/**
 * CAP-001: the control-plane node size for the worker count, from the RA table; a warning
 * beyond the table's 500 workers. Informational: it feeds the site report, so it reports
 * for every site.
 */
export const CAP_001: Rule<VmoSiteModel> = {
  id: 'CAP-001',
  level: FindingLevel.INFO,
  description: 'control-plane size for the worker count (10 -> 4 cores/8 GB, 25 -> 4/16, 100 -> 8/32, 250 -> 16/64, 500 -> 32/128)',
  source: 'seed 002 (RA rev 1.7), "Hardware resources" control-plane sizing table',
  check(site) {
    const workers = site.nodes.workers;
    if (!isCount(workers)) return []; // STO-001 reports a malformed worker count
    const row = controlPlaneSizing(workers);
    if (!row) {
      const last = CONTROL_PLANE_SIZING[CONTROL_PLANE_SIZING.length - 1];
      return [
        {
          level: FindingLevel.WARNING,
          location: 'nodes.workers',
          message: `${workers} workers is beyond the RA sizing table (up to ${last.workers}): size control-plane nodes above ${last.cores} cores and ${last.memoryGB} GB memory and validate, or split the cluster`,
        },
      ];
    }
    return [
      {
        location: 'nodes.controlPlane',
        message: `${workers} workers: give each control-plane node at least ${row.cores} CPU cores and ${row.memoryGB} GB memory (RA sizing table row: up to ${row.workers} workers, ${row.namespaces} namespaces)`,
      },
    ];
  },
};
