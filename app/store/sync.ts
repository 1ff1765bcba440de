import { shallow } from 'zustand/shallow';
import type { Location } from '../deck';
import type { InboundStore } from './create';
import { isNormalLocation, pickLocation } from './location';
import type { InboundState } from './state';

/**
 * What windows of one browser share while presenting: the place in the deck
 * and every live switch. (Overlays and the theme stay per window.)
 */
export interface Shared extends Location {
  readonly blackout: boolean;
}

/** Just the shared fields (a store's state, or a checked message, has more or other keys). */
const pickShared = (s: Shared): Shared => ({ ...pickLocation(s), blackout: s.blackout });

export const selectShared = (s: InboundState): Shared => pickShared(s);

export type SyncMessage =
  /**
   * A window's state. `stamp` is a Lamport clock read against the wall clock: a change is
   * stamped one past everything seen, and never below the time (ms) it was made.
   */
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
  Number.isSafeInteger(v) && (v as number) >= min;
const isPolicy = (v: unknown): v is Location['policyOverride'] =>
  v === null || v === 'Cluster' || v === 'Local';

/**
 * Reads a message from another window; anything malformed (an old version, a
 * stranger) is null. A state must be one a window could be in, as the
 * normaliser would leave it: a slide or step the deck does not have, a reply
 * hop past the client or an override where the policy means nothing is not
 * clamped and obeyed but ignored. A stamp must be a safe integer, so that one
 * past it is a different number.
 */
export function readSyncMessage(raw: unknown): SyncMessage | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const m = raw as Record<string, unknown>;
  if (typeof m.from !== 'string' || m.from.length > 64) return null;
  if (m.kind === 'hello') return { kind: 'hello', from: m.from };
  if (m.kind !== 'state' || !isInt(m.stamp, 0)) return null;
  const s = m.shared as Record<string, unknown> | null;
  if (typeof s !== 'object' || s === null) return null;
  // Windows of an older version call the override `policy`.
  const policyOverride = 'policyOverride' in s ? s.policyOverride : s.policy;
  if (!isInt(s.slide, 1) || !isInt(s.step, 0) || !isPolicy(policyOverride)) return null;
  if (s.addressView !== 'talk' && s.addressView !== 'ip') return null;
  if (s.returnHop !== null && !isInt(s.returnHop, 0)) return null;
  if (typeof s.blackout !== 'boolean') return null;
  // The slide's own switch and the markers: absent when at their defaults.
  if (s.alt !== undefined && !isInt(s.alt, 1)) return null;
  if (s.marks !== undefined && s.marks !== true) return null;
  const shared: Shared = {
    slide: s.slide,
    step: s.step,
    policyOverride,
    addressView: s.addressView,
    returnHop: s.returnHop,
    blackout: s.blackout,
    ...(s.alt !== undefined ? { alt: s.alt } : {}),
    ...(s.marks === true ? { marks: true as const } : {}),
  };
  if (!isNormalLocation(shared)) return null;
  return { kind: 'state', from: m.from, stamp: m.stamp, shared };
}

/**
 * How far ahead of this window's clock a stamp may be. A window stamps a
 * change with the time, or one past the newest stamp it has seen; windows of
 * one browser share the clock, so an honest stamp is never far ahead of it.
 * The bound moves with the clock rather than being one fixed number: a stamp
 * taken at the bound still leaves room below the safe integers for every
 * later change, and the clock catches up with it. A day, so that the system
 * clock set back during a talk (by less than that) does not stop the windows.
 */
export const MAX_STAMP_AHEAD_MS = 24 * 3600_000;
/**
 * A stamp just past that limit is held until the clock reaches it rather than
 * dropped: it is an honest window a change or two ahead of a stranger's
 * stamp taken at the limit, and dropping it would leave that change unseen.
 */
const HOLD_PAST_LIMIT_MS = 1000;

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
  clock: () => number = () => Date.now(),
): SyncLink {
  let stamp = 0;
  let applying = false;
  let held: ReturnType<typeof setTimeout> | undefined;
  let waitingToCatchUp = true;
  let last = selectShared(store.getState());

  const apply = (shared: Shared, catchUp: boolean) => {
    applying = true;
    try {
      // Catching up on opening is marked, so that nothing takes it for a step (the timer).
      if (catchUp) store.setState({ catchingUp: true });
      const s = store.getState();
      s.applyLocation(shared);
      if (store.getState().blackout !== shared.blackout)
        store.setState({ blackout: shared.blackout });
    } finally {
      if (catchUp) store.setState({ catchingUp: false });
      applying = false;
    }
    last = selectShared(store.getState());
  };

  const unsubscribe = store.subscribe((state) => {
    const now = selectShared(state);
    if (applying || shallow(now, last)) return;
    last = now;
    waitingToCatchUp = false;
    // Never below the time: the clock keeps stamps in step across windows and reloads.
    stamp = Math.max(stamp + 1, clock());
    transport.post({ kind: 'state', from: id, stamp, shared: now });
  });

  const hear = (m: SyncMessage) => {
    if (m.from === id) return;
    if (m.kind === 'hello') {
      transport.post({ kind: 'state', from: id, stamp, shared: last });
      return;
    }
    const early = m.stamp - (clock() + MAX_STAMP_AHEAD_MS);
    if (early > 0) {
      if (early <= HOLD_PAST_LIMIT_MS) {
        clearTimeout(held);
        held = setTimeout(() => hear(m), early + 1);
      }
      return;
    }
    const newer = m.stamp > stamp || (m.stamp === stamp && m.from > id);
    if (!newer && !waitingToCatchUp) return;
    const catchUp = waitingToCatchUp;
    waitingToCatchUp = false;
    stamp = Math.max(stamp, m.stamp);
    if (!shallow(m.shared, last)) apply(m.shared, catchUp);
  };
  const stopListening = transport.listen(hear);

  return {
    hello: () => transport.post({ kind: 'hello', from: id }),
    disconnect: () => {
      clearTimeout(held);
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
