import type { RunQuery, RunResult } from './types';

/** What the page asks the run worker: one run. */
export interface RunRequest {
  readonly type: 'run';
  readonly query: RunQuery;
  readonly n: number;
  readonly seed: number;
}

/** What the worker answers: progress between chunks, then the result or why there is none. */
export type RunReply =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly result: RunResult }
  | { readonly type: 'error'; readonly message: string };

/** Whether a message is a run request (anything else is ignored, never trusted). */
export function isRunRequest(data: unknown): data is RunRequest {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  return (
    d.type === 'run' &&
    typeof d.n === 'number' &&
    typeof d.seed === 'number' &&
    typeof d.query === 'object' &&
    d.query !== null
  );
}
