import type { SiteOutcome } from '../palette/site-outcome';

/**
 * What the threads of a streaming run tell each other. Every thread loads the same targets,
 * so every thread numbers the sites the same way (definition order); each thread takes the next
 * site no thread has taken yet (takeSite, a shared counter). The main thread renders too and puts
 * the outcomes back in site order, so the output never depends on scheduling.
 */
export interface WorkerTask {
  /** Site files and app programs, absolute. */
  readonly targets: readonly string[];
  /** The user's pack catalog folder, absolute. */
  readonly packCatalog?: string;
  /** The output folder, absolute. */
  readonly outdir: string;
  /** The run's staging folder, when the run writes (OutputRun.stagingFolder). */
  readonly staging?: string;
  readonly worker: number;
  readonly workers: number;
  /** How many sites the main thread found: a worker that finds another number stops (the programs are not deterministic). */
  readonly siteCount: number;
  /**
   * Int32Array view: [CONTROL_STOP_WRITING] is 1 once a site failed; [CONTROL_LIMIT] is the first
   * site index not to render; [CONTROL_NEXT] the next site index no thread has taken yet.
   */
  readonly control: SharedArrayBuffer;
}

export const CONTROL_STOP_WRITING = 0;
export const CONTROL_LIMIT = 1;
export const CONTROL_NEXT = 2;
export const CONTROL_SLOTS = 3;

/**
 * The next site for a thread to render, or undefined when none is left: threads take sites as
 * they become free (a thread that started late or met slow sites takes fewer), and the main
 * thread still reports them in site order.
 */
export function takeSite(control: Int32Array, total: number): number | undefined {
  const index = Atomics.add(control, CONTROL_NEXT, 1);
  return index < total && index < Atomics.load(control, CONTROL_LIMIT) ? index : undefined;
}

/** One site, rendered and checked (and written into the staging folder when `fileCount` is set). */
export interface SiteMessage extends Omit<SiteOutcome, 'files'> {
  readonly kind: 'site';
  /** Files written into the staging folder, marker included; undefined when not written. */
  readonly fileCount?: number;
}

/** A site could not be built, rendered or written: the run stops with this error. */
export interface ErrorMessage {
  readonly kind: 'error';
  /** The site being built or rendered; -1 while loading the targets. */
  readonly index: number;
  readonly message: string;
  /** A user mistake (ValidationError): one line; otherwise a bug, with its stack. */
  readonly validation: boolean;
  readonly stack?: string;
}

/** The worker rendered every site of its part (or stopped at the limit). */
export interface DoneMessage {
  readonly kind: 'done';
}

export type WorkerMessage = SiteMessage | ErrorMessage | DoneMessage;
