import type { ExternalTrafficPolicy } from '../../model';
import type { RunQuery, RunResult, Tally } from './types';

/** What the page asks the run worker: N requests under each policy. */
export interface RunRequest {
  readonly type: 'run';
  readonly query: RunQuery;
  readonly policies: readonly (ExternalTrafficPolicy | undefined)[];
  readonly n: number;
  readonly seed: number;
}

/**
 * Bars as columns of plain arrays: a cluster of 5,000 pods crosses between
 * threads as a few arrays instead of 5,000 objects, which costs the page far
 * less to read.
 */
interface PackedTallies {
  readonly ids: string[];
  readonly labels: string[];
  readonly nodes: (string | null)[];
  readonly counts: Uint32Array;
  readonly expected: Float64Array;
}

export type PackedResult = Omit<RunResult, 'pods' | 'nodes'> & {
  readonly pods: PackedTallies;
  readonly nodes: PackedTallies;
};

/** What the worker answers: progress between chunks, then the results or why there are none. */
export type RunReply =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly results: readonly PackedResult[] }
  | { readonly type: 'error'; readonly message: string };

/** Whether a message is a run request (anything else is ignored, never trusted). */
export function isRunRequest(data: unknown): data is RunRequest {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  return (
    d.type === 'run' &&
    typeof d.n === 'number' &&
    typeof d.seed === 'number' &&
    Array.isArray(d.policies) &&
    typeof d.query === 'object' &&
    d.query !== null
  );
}

function pack(tallies: readonly Tally[]): PackedTallies {
  return {
    ids: tallies.map((t) => t.id),
    labels: tallies.map((t) => t.label),
    nodes: tallies.map((t) => t.node ?? null),
    counts: Uint32Array.from(tallies, (t) => t.count),
    expected: Float64Array.from(tallies, (t) => t.expected),
  };
}

function unpack(p: PackedTallies): Tally[] {
  return p.ids.map((id, i) => {
    const node = p.nodes[i];
    const base = {
      id,
      label: p.labels[i] ?? id,
      count: p.counts[i] ?? 0,
      expected: p.expected[i] ?? 0,
    };
    return node === null || node === undefined ? base : { ...base, node };
  });
}

export const packResult = (r: RunResult): PackedResult => ({
  ...r,
  pods: pack(r.pods),
  nodes: pack(r.nodes),
});

export const unpackResult = (r: PackedResult): RunResult => ({
  ...r,
  pods: unpack(r.pods),
  nodes: unpack(r.nodes),
});
