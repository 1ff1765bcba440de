import type { RunReply, RunRequest } from './messages';
import { createRun } from './sample';
import type { RunProgress, RunQuery, RunResult } from './types';

/**
 * Where a run goes: at once on the main thread (small runs, well under a frame's
 * worth of work), in a Web Worker, or on the main thread in slices with a pause
 * between them (when this browser cannot start the worker).
 */
export type RunPlace = 'main' | 'worker' | 'main-sliced';

/** Runs this small go at once on the main thread: a few milliseconds at most. */
export const INLINE_REQUESTS = 20_000;
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

export interface RunHandle {
  /** The result; rejects with the run's reason (bad N, a mode not offered) or RunCancelled. */
  readonly result: Promise<RunResult>;
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

/** Whether a run of n requests over this query stays on the main thread, at once. */
export function runsInline(query: RunQuery, n: number): boolean {
  const t = query.topology;
  return n <= INLINE_REQUESTS && t.pods.length + t.nodes.length <= INLINE_OBJECTS;
}

/** Starts a run of n requests: inline when small, else in a worker, else in main-thread slices. */
export function startRun(
  query: RunQuery,
  n: number,
  seed: number,
  options: RunOptions = {},
): RunHandle {
  let stop: () => void = () => {};
  let cancelled = false;
  const result = new Promise<RunResult>((resolve, reject) => {
    const fail = (message: string) => reject(new Error(message));
    stop = () => {
      cancelled = true;
      reject(new RunCancelled());
    };
    if (runsInline(query, n)) {
      const made = createRun(query, n, seed);
      if (!made.ok) return fail(made.error);
      made.value.step(n);
      options.onProgress?.({ done: n, total: n, where: 'main' });
      return resolve(made.value.finish());
    }
    const sliced = () => {
      stop = () => {
        cancelled = true;
        reject(new RunCancelled());
      };
      runSliced(query, n, seed, options, () => cancelled).then(resolve, reject);
    };
    const worker = options.noWorker ? null : spawn();
    if (!worker) return sliced();
    let heard = false;
    stop = () => {
      worker.terminate();
      cancelled = true;
      reject(new RunCancelled());
    };
    worker.onmessage = (event: MessageEvent<RunReply>) => {
      heard = true;
      const reply = event.data;
      if (reply.type === 'progress')
        options.onProgress?.({ done: reply.done, total: reply.total, where: 'worker' });
      else {
        worker.terminate();
        if (reply.type === 'done') resolve(reply.result);
        else fail(reply.message);
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      event.preventDefault();
      // The worker's script could not load (e.g. a page opened from a file): go on here.
      if (!heard) sliced();
      else fail(`The run stopped: ${event.message || 'the worker failed'}`);
    };
    try {
      const request: RunRequest = { type: 'run', query, n, seed };
      worker.postMessage(request);
    } catch {
      // Something in the query could not be copied to the worker: run it here instead.
      worker.terminate();
      sliced();
    }
  });
  return {
    result,
    cancel() {
      if (!cancelled) stop();
    },
  };
}

function spawn(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A run on the main thread, a slice at a time, giving the page a turn between slices. */
async function runSliced(
  query: RunQuery,
  n: number,
  seed: number,
  options: RunOptions,
  cancelled: () => boolean,
): Promise<RunResult> {
  const made = createRun(query, n, seed);
  if (!made.ok) throw new Error(made.error);
  const run = made.value;
  let slice = 5_000;
  while (run.done < run.total) {
    await pause();
    if (cancelled()) throw new RunCancelled();
    const began = performance.now();
    run.step(slice);
    const took = performance.now() - began;
    // Aim each slice at SLICE_MS whatever this machine's speed.
    slice = Math.max(
      1_000,
      Math.min(500_000, Math.round(slice * (SLICE_MS / Math.max(took, 0.5)))),
    );
    options.onProgress?.({ done: run.done, total: run.total, where: 'main-sliced' });
  }
  await pause();
  if (cancelled()) throw new RunCancelled();
  return run.finish();
}
