import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { createContext, useContext } from 'react';
import { type Problem } from '../model';
import { validate } from '../model/validate';
import type { ExplorerDoc } from './doc';
// Undo keeps what the user looks at (mode, entry node): settle moves it where it still exists.
import { settle } from './edit/settle';

/** Undo keeps this many edits (the issue asks for at least 100). */
export const HISTORY_LIMIT = 200;

export interface ExplorerState {
  /** What the user made, valid or not. */
  readonly doc: ExplorerDoc;
  /** validate(doc.topology), errors first: shown next to the things they are about. */
  readonly problems: readonly Problem[];
  /**
   * The last doc whose topology had no errors: what the stage draws. An invalid
   * topology is never drawn as if it were valid.
   */
  readonly drawn: ExplorerDoc;
  /** Earlier docs, oldest first, each with the words of the edit that left it. */
  readonly past: readonly Entry[];
  readonly future: readonly Entry[];
  /** The hop on screen: the request's hops, then the reply's. */
  readonly step: number;
  /** What the last edit, undo or redo did, in words (for the status line). */
  readonly said: string;

  /** A change to the cluster (or anything else worth undoing), named for the status line. */
  edit(label: string, change: (doc: ExplorerDoc) => ExplorerDoc): void;
  /**
   * A change that is not an edit (the mode, the entry node, N, the seed, the
   * view). The request's since-2020 switches are edits (setOption): undo takes them back.
   */
  set(patch: Partial<Omit<ExplorerDoc, 'topology'>>): void;
  undo(): void;
  redo(): void;
  setStep(step: number): void;
}

export interface Entry {
  readonly doc: ExplorerDoc;
  readonly label: string;
}

export type ExplorerStore = StoreApi<ExplorerState>;

const hasErrors = (problems: readonly Problem[]) => problems.some((p) => p.severity === 'error');

/** A store for one explorer screen, starting from `doc`. */
export function createExplorerStore(doc: ExplorerDoc): ExplorerStore {
  const problems = validate(doc.topology);
  return createStore<ExplorerState>()((setState, get) => {
    /** Moves to `next`, keeping the last valid drawing when `next` has errors. */
    const arrive = (next: ExplorerDoc, said: string) => {
      const found = next.topology === get().doc.topology ? get().problems : validate(next.topology);
      const drawn = hasErrors(found) ? withSettings(get().drawn, next) : next;
      return { doc: next, problems: found, drawn, said };
    };
    return {
      doc,
      problems,
      drawn: doc,
      past: [],
      future: [],
      step: 0,
      said: '',
      edit(label, change) {
        const before = get().doc;
        const next = change(before);
        if (next === before) return;
        const past = [...get().past, { doc: before, label }].slice(-HISTORY_LIMIT);
        // The hop on screen stays (a live flip re-routes the packet where it is).
        setState({ ...arrive(next, label), past, future: [] });
      },
      set(patch) {
        const next = { ...get().doc, ...patch };
        // A new way in starts the request again; N, the seed or the view leave the hop on screen.
        const keepsStep = Object.keys(patch).every(
          (k) => k === 'view' || k === 'requests' || k === 'seed',
        );
        setState({ ...arrive(next, get().said), step: keepsStep ? get().step : 0 });
      },
      undo() {
        const { past, future, doc: now } = get();
        const last = past[past.length - 1];
        if (!last) return;
        setState({
          ...arrive(
            settle({ ...last.doc, ...settingsOf(now), service: last.doc.service }),
            `Undone: ${last.label}`,
          ),
          past: past.slice(0, -1),
          future: [{ doc: now, label: last.label }, ...future],
          step: 0,
        });
      },
      redo() {
        const { past, future, doc: now } = get();
        const next = future[0];
        if (!next) return;
        setState({
          ...arrive(
            settle({ ...next.doc, ...settingsOf(now), service: next.doc.service }),
            `Redone: ${next.label}`,
          ),
          past: [...past, { doc: now, label: next.label }],
          future: future.slice(1),
          step: 0,
        });
      },
      setStep(step) {
        setState({ step: Math.max(0, Math.floor(step)) });
      },
    };
  });
}

/**
 * The last valid drawing with what the user now looks at and asks: the settings
 * and the request's since-2020 switches of `next`, on the drawn cluster.
 */
function withSettings(drawn: ExplorerDoc, next: ExplorerDoc): ExplorerDoc {
  const out: { -readonly [K in keyof ExplorerDoc]?: ExplorerDoc[K] } = {
    ...drawn,
    ...settingsOf(next),
  };
  if (next.options) out.options = next.options;
  else delete out.options;
  return out as ExplorerDoc;
}

/** The parts of a doc that undo leaves alone: what the user is looking at, not what they built. */
function settingsOf(d: ExplorerDoc): Omit<ExplorerDoc, 'topology' | 'service'> {
  return {
    mode: d.mode,
    entryNode: d.entryNode,
    requests: d.requests,
    seed: d.seed,
    view: d.view,
  };
}

export const ExplorerContext = createContext<ExplorerStore | null>(null);

/** Reads the explorer's store from context (the explorer's components live inside its provider). */
export function useExplorer<T>(select: (s: ExplorerState) => T): T {
  const store = useContext(ExplorerContext);
  if (!store) throw new Error('useExplorer needs an ExplorerContext provider');
  return useStore(store, select);
}

/** The store itself, for event handlers that read without subscribing. */
export function useExplorerStore(): ExplorerStore {
  const store = useContext(ExplorerContext);
  if (!store) throw new Error('useExplorerStore needs an ExplorerContext provider');
  return store;
}
