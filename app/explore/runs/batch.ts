import { err, ok, type ExternalTrafficPolicy, type Result } from '../../model';
import { createRun, type Run } from './sample';
import type { RunQuery, RunResult } from './types';

/** The same N requests under each policy in turn (Cluster and Local side by side), as one run. */
export interface Batch {
  /** Requests over all policies: n × policies. */
  readonly total: number;
  readonly done: number;
  /** Sends up to `max` more requests; returns how many have been sent in all. */
  step(max: number): number;
  /** One result per policy, in the order asked; call once `done === total`. */
  finish(): RunResult[];
}

/**
 * Prepares a run of `n` requests per policy. A policy left undefined means the
 * front Service's own. Any reason one of them cannot run refuses the whole batch.
 */
export function createBatch(
  query: RunQuery,
  policies: readonly (ExternalTrafficPolicy | undefined)[],
  n: number,
  seed: number,
): Result<Batch> {
  const runs: Run[] = [];
  for (const policy of policies) {
    const made = createRun({ ...query, policy }, n, seed);
    if (!made.ok) return err(made.error);
    runs.push(made.value);
  }
  let done = 0;
  return ok({
    total: n * runs.length,
    get done() {
      return done;
    },
    step(max) {
      let left = Math.max(1, Math.floor(max));
      for (const run of runs) {
        if (left <= 0) break;
        const before = run.done;
        run.step(Math.min(left, run.total - run.done));
        left -= run.done - before;
      }
      done = runs.reduce((s, r) => s + r.done, 0);
      return done;
    },
    finish: () => runs.map((r) => r.finish()),
  });
}
