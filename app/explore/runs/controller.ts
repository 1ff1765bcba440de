import { createStore, type StoreApi } from 'zustand/vanilla';
import { findMode, policyApplies, type ExternalTrafficPolicy } from '../../model';
import { policyOf } from '../derive';
import { optionsKey, type ExplorerDoc } from '../doc';
import type { ExplorerStore } from '../store';
import { isCancelled, runsInline, startRuns, type RunHandle, type RunPlace } from './client';
import type { RunResult } from './types';

/** One column of results: a run under one policy. */
export interface Column {
  readonly policy: ExternalTrafficPolicy;
  /** Whether this is the Service's own policy (the live switch). */
  readonly live: boolean;
  readonly result: RunResult;
}

/** The parts of the explorer's document a run's numbers depend on. */
export type RunKey = Pick<ExplorerDoc, 'topology' | 'service' | 'mode' | 'requests' | 'seed'> & {
  /** The request's since-2020 switches, as optionsKey writes them. */
  readonly options: string;
};

export interface RunsState {
  readonly status: 'idle' | 'running' | 'done' | 'failed' | 'cancelled';
  /** Requests sent so far by the run going on, over all its columns. */
  readonly done: number;
  readonly total: number;
  readonly where: RunPlace | null;
  /** The last finished run's columns (kept through a cancel or a failure). */
  readonly columns: readonly Column[];
  /** What the columns were computed for; compare with the drawn document. */
  readonly ranFor: RunKey | null;
  /** Why the last run gave no numbers. */
  readonly error: string | null;
}

export interface RunsActions {
  /** Sends the doc's N requests, under Cluster and Local where the mode has a policy. */
  start(doc: ExplorerDoc): void;
  /** Stops the run going on; the last numbers stay. */
  cancel(): void;
}

export type RunsStore = StoreApi<RunsState & RunsActions>;

/** Whether the numbers were computed for this document. */
export const isFor = (key: RunKey | null, doc: ExplorerDoc): boolean =>
  !!key &&
  key.topology === doc.topology &&
  key.service === doc.service &&
  key.mode === doc.mode &&
  key.requests === doc.requests &&
  key.seed === doc.seed &&
  key.options === optionsKey(doc.options);

/** The policies a run compares: both where the mode has one, else the one in force. */
export function policiesFor(doc: ExplorerDoc): readonly (ExternalTrafficPolicy | undefined)[] {
  const mode = findMode(doc.mode);
  return mode && policyApplies(mode) ? ['Cluster', 'Local'] : [undefined];
}

const byStore = new WeakMap<ExplorerStore, RunsStore>();

/**
 * The many-request runs of one explorer screen. They outlive the Requests tab
 * (a run goes on while another tab is open, and its numbers are there on return),
 * and after an edit a small run (one that goes at once) is sent again by itself.
 */
export function runsFor(explorer: ExplorerStore): RunsStore {
  let runs = byStore.get(explorer);
  if (!runs) {
    runs = createRuns();
    byStore.set(explorer, runs);
    const own = runs;
    explorer.subscribe((s, before) => {
      if (s.drawn === before.drawn) return;
      const { ranFor, status } = own.getState();
      if (!ranFor || status === 'running' || isFor(ranFor, s.drawn)) return;
      const d = s.drawn;
      if (runsInline(d, d.requests * policiesFor(d).length)) own.getState().start(d);
    });
  }
  return runs;
}

export function createRuns(): RunsStore {
  let handle: RunHandle<RunResult[]> | null = null;
  let generation = 0;
  return createStore<RunsState & RunsActions>()((set, get) => ({
    status: 'idle',
    done: 0,
    total: 0,
    where: null,
    columns: [],
    ranFor: null,
    error: null,
    start(doc) {
      handle?.cancel();
      const mine = ++generation;
      const policies = policiesFor(doc);
      const live = policyOf(doc);
      const key: RunKey = {
        topology: doc.topology,
        service: doc.service,
        mode: doc.mode,
        requests: doc.requests,
        seed: doc.seed,
        options: optionsKey(doc.options),
      };
      set({ status: 'running', done: 0, total: doc.requests * policies.length, error: null });
      const query = {
        topology: doc.topology,
        service: doc.service,
        mode: doc.mode,
        ...(doc.options ? { options: doc.options } : {}),
      };
      const current = startRuns(query, policies, doc.requests, doc.seed, {
        onProgress: (p) => {
          if (mine === generation) set({ done: p.done, total: p.total, where: p.where });
        },
      });
      handle = current;
      current.result.then(
        (results) => {
          if (mine !== generation) return;
          const columns = results.map((result, i) => ({
            policy: result.policy,
            live: policies[i] === undefined || result.policy === live,
            result,
          }));
          set({ status: 'done', columns, ranFor: key, done: get().total });
        },
        (e: unknown) => {
          if (mine !== generation) return;
          if (isCancelled(e)) set({ status: 'cancelled' });
          else set({ status: 'failed', error: e instanceof Error ? e.message : String(e) });
        },
      );
    },
    cancel() {
      if (get().status === 'running') handle?.cancel();
    },
  }));
}
