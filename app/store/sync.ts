import type { Location } from '../deck';
import type { InboundStore } from './create';
import type { InboundState } from './state';

/**
 * What windows of one browser share while presenting: the place in the deck
 * and every live switch. (Overlays and the theme stay per window.)
 */
export interface Shared extends Location {
  readonly blackout: boolean;
}

/** Just the shared fields (a store's state, or a checked message, has more or other keys). */
const pickShared = (s: Shared): Shared => ({
  slide: s.slide,
  step: s.step,
  policy: s.policy,
  addressView: s.addressView,
  returnHop: s.returnHop,
  blackout: s.blackout,
});

export const selectShared = (s: InboundState): Shared => pickShared(s);

const sameShared = (a: Shared, b: Shared): boolean =>
  a.slide === b.slide &&
  a.step === b.step &&
  a.policy === b.policy &&
  a.addressView === b.addressView &&
  a.returnHop === b.returnHop &&
  a.blackout === b.blackout;

export type SyncMessage =
  /** A window's state. `stamp` is a Lamport clock: a change is stamped one past everything seen. */
  | {
      readonly kind: 'state';
      readonly from: string;
      readonly stamp: number;
      readonly shared: Shared;
    }
  /** A window that just opened or woke up asks the others where they are. */
  | { readonly kind: 'hello'; readonly from: string };

/** How messages travel between windows: BroadcastChannel, or storage events where it is missing. */
export interface SyncTransport {
  post(message: SyncMessage): void;
  listen(onMessage: (message: SyncMessage) => void): () => void;
  close(): void;
}

const isInt = (v: unknown, min: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min;

/** Reads a message from another window; anything malformed (an old version, a stranger) is null. */
export function readSyncMessage(raw: unknown): SyncMessage | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const m = raw as Record<string, unknown>;
  if (typeof m.from !== 'string' || m.from.length > 64) return null;
  if (m.kind === 'hello') return { kind: 'hello', from: m.from };
  if (m.kind !== 'state' || !isInt(m.stamp, 0)) return null;
  const s = m.shared as Record<string, unknown> | null;
  if (typeof s !== 'object' || s === null) return null;
  if (!isInt(s.slide, 1) || !isInt(s.step, 0)) return null;
  if (s.policy !== null && s.policy !== 'Cluster' && s.policy !== 'Local') return null;
  if (s.addressView !== 'talk' && s.addressView !== 'ip') return null;
  if (s.returnHop !== null && !isInt(s.returnHop, 0)) return null;
  if (typeof s.blackout !== 'boolean') return null;
  return {
    kind: 'state',
    from: m.from,
    stamp: m.stamp,
    shared: pickShared(s as unknown as Shared),
  };
}

export interface SyncLink {
  /** Asks the other windows for their state (on opening, and on waking up). */
  hello(): void;
  disconnect(): void;
}

/**
 * Keeps this window's store and the other windows' in agreement; any window
 * can drive. The newest change wins everywhere (ties go to the larger window
 * id), so all windows settle on one state. A window that has just opened
 * takes the first answer to its hello, whatever its stamp: it catches up
 * rather than imposing the place it was loaded at. State applied from another
 * window is not sent back out, so there are no echoes.
 */
export function connectSync(
  store: InboundStore,
  transport: SyncTransport,
  id: string = Math.random().toString(36).slice(2, 12),
): SyncLink {
  let stamp = 0;
  let applying = false;
  let waitingToCatchUp = true;
  let last = selectShared(store.getState());

  const apply = (shared: Shared) => {
    applying = true;
    try {
      const s = store.getState();
      s.applyLocation(shared);
      if (store.getState().blackout !== shared.blackout)
        store.setState({ blackout: shared.blackout });
    } finally {
      applying = false;
    }
    last = selectShared(store.getState());
  };

  const unsubscribe = store.subscribe((state) => {
    const now = selectShared(state);
    if (applying || sameShared(now, last)) return;
    last = now;
    waitingToCatchUp = false;
    stamp += 1;
    transport.post({ kind: 'state', from: id, stamp, shared: now });
  });

  const stopListening = transport.listen((m) => {
    if (m.from === id) return;
    if (m.kind === 'hello') {
      transport.post({ kind: 'state', from: id, stamp, shared: last });
      return;
    }
    const newer = m.stamp > stamp || (m.stamp === stamp && m.from > id);
    if (!newer && !waitingToCatchUp) return;
    waitingToCatchUp = false;
    stamp = Math.max(stamp, m.stamp);
    if (!sameShared(m.shared, last)) apply(m.shared);
  });

  return {
    hello: () => transport.post({ kind: 'hello', from: id }),
    disconnect: () => {
      unsubscribe();
      stopListening();
      transport.close();
    },
  };
}

/** An in-memory bus joining several transports, as windows of one browser are joined. */
export function memoryBus(): () => SyncTransport {
  const listeners = new Set<(m: SyncMessage) => void>();
  return () => {
    let mine: ((m: SyncMessage) => void) | null = null;
    return {
      post: (m) => {
        const copy = readSyncMessage(JSON.parse(JSON.stringify(m)));
        if (copy) for (const l of [...listeners]) if (l !== mine) l(copy);
      },
      listen: (fn) => {
        mine = fn;
        listeners.add(fn);
        return () => listeners.delete(fn);
      },
      close: () => {
        if (mine) listeners.delete(mine);
      },
    };
  };
}
