import type { ExternalTrafficPolicy } from '../../model';
import { createBatch } from './batch';
import { unpackResult, type RunReply, type RunRequest } from './messages';
import { giveBack, takeWorker, workersFailed } from './pool';
import type { RunProgress, RunQuery, RunResult } from './types';

export { warmRuns } from './pool';

/**
 * Where a run goes: at once on the main thread (small runs, a few milliseconds),
 * in a Web Worker, or on the main thread in slices with a pause between them
 * (when this browser cannot start the worker).
 */
export type RunPlace = 'main' | 'worker' | 'main-sliced';

/** Runs of at most this many requests (over all policies) go at once on the main thread... */
export const INLINE_REQUESTS = 10_000;
/** ...on a cluster this small (the plan and the exact shares walk every pod). */
export const INLINE_OBJECTS = 1_000;
/** A slice of a run on the main thread aims to take this long (well under 50 ms). */
const SLICE_MS = 8;

export interface RunProgressAt extends RunProgress {
  readonly where: RunPlace;
}

export interface RunOptions {
  readonly onProgress?: (progress: RunProgressAt) => void;
  /** For tests: act as if this browser had no Worker. */
  readonly noWorker?: boolean;
}

export interface RunHandle<T> {
  /** The result; rejects with the run's reason (bad N, a mode not offered) or RunCancelled. */
  readonly result: Promise<T>;
  /** Stops the run: the worker is terminated, the result rejects with RunCancelled. */
  cancel(): void;
}

/** The error a cancelled run's result rejects with. */
export class RunCancelled extends Error {
  constructor() {
    super('The run was cancelled');
    this.name = 'RunCancelled';
  }
}

export const isCancelled = (e: unknown): boolean => e instanceof RunCancelled;

/** Whether `total` requests over this query's cluster go at once on the main thread. */
export function runsInline(query: Pick<RunQuery, 'topology'>, total: number): boolean {
  const t = query.topology;
  return total <= INLINE_REQUESTS && t.pods.length + t.nodes.length <= INLINE_OBJECTS;
}

/** Starts a run of n requests under the query's policy. */
export function startRun(
  query: RunQuery,
  n: number,
  seed: number,
  options: RunOptions = {},
): RunHandle<RunResult> {
  const handle = startRuns(query, [query.policy], n, seed, options);
  return { result: handle.result.then((r) => r[0] as RunResult), cancel: handle.cancel };
}

/**
 * Starts n requests under each policy (undefined: the Service's own), one after
 * the other in one worker: inline when small, else in a worker, else in
 * main-thread slices. Results come in the order of `policies`.
 */
export function startRuns(
  query: RunQuery,
  policies: readonly (ExternalTrafficPolicy | undefined)[],
  n: number,
  seed: number,
  options: RunOptions = {},
): RunHandle<RunResult[]> {
  let cancelled = false;
  let settled = false;
  let stop: () => void = () => {};
  const result = new Promise<RunResult[]>((resolveRun, rejectRun) => {
    // Once settled, the worker may already serve another run: Cancel must leave it alone.
    const resolve = (r: RunResult[]) => {
      settled = true;
      resolveRun(r);
    };
    const reject = (e: unknown) => {
      settled = true;
      rejectRun(e);
    };
    stop = () => reject(new RunCancelled());
    const fail = (message: string) => reject(new Error(message));
    const sliced = () =>
      runSliced(query, policies, n, seed, options, () => cancelled).then(resolve, reject);
    if (runsInline(query, n * policies.length)) {
      const made = createBatch(query, policies, n, seed);
      if (!made.ok) return fail(made.error);
      made.value.step(made.value.total);
      options.onProgress?.({ done: made.value.total, total: made.value.total, where: 'main' });
      return resolve(made.value.finish());
    }
    const worker = options.noWorker ? null : takeWorker();
    if (!worker) return sliced();
    let heard = false;
    stop = () => {
      worker.terminate();
      reject(new RunCancelled());
    };
    worker.onmessage = (event: MessageEvent<RunReply>) => {
      heard = true;
      const reply = event.data;
      if (reply.type === 'progress')
        options.onProgress?.({ done: reply.done, total: reply.total, where: 'worker' });
      else {
        giveBack(worker);
        if (reply.type === 'done') resolve(reply.results.map(unpackResult));
        else fail(reply.message);
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      if (heard) return fail(`The run stopped: ${event.message || 'the worker failed'}`);
      // The worker's script could not load (e.g. a page opened from a file): go on here.
      workersFailed();
      stop = () => reject(new RunCancelled());
      sliced();
    };
    try {
      const request: RunRequest = { type: 'run', query, policies, n, seed };
      worker.postMessage(request);
    } catch {
      // Something in the query could not be copied to the worker: run it here instead.
      worker.terminate();
      stop = () => reject(new RunCancelled());
      sliced();
    }
  });
  return {
    result,
    cancel() {
      if (cancelled || settled) return;
      cancelled = true;
      stop();
    },
  };
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A run on the main thread, a slice at a time, giving the page a turn between slices. */
async function runSliced(
  query: RunQuery,
  policies: readonly (ExternalTrafficPolicy | undefined)[],
  n: number,
  seed: number,
  options: RunOptions,
  cancelled: () => boolean,
): Promise<RunResult[]> {
  const made = createBatch(query, policies, n, seed);
  if (!made.ok) throw new Error(made.error);
  const batch = made.value;
  let slice = 5_000;
  while (batch.done < batch.total) {
    await pause();
    if (cancelled()) throw new RunCancelled();
    const began = performance.now();
    batch.step(slice);
    const took = performance.now() - began;
    // Aim each slice at SLICE_MS whatever this machine's speed.
    slice = Math.max(
      1_000,
      Math.min(500_000, Math.round(slice * (SLICE_MS / Math.max(took, 0.5)))),
    );
    options.onProgress?.({ done: batch.done, total: batch.total, where: 'main-sliced' });
  }
  await pause();
  if (cancelled()) throw new RunCancelled();
  return batch.finish();
}
