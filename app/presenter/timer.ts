import type { StoreApi } from 'zustand';
import type { InboundState } from '../store';

/** The presenter's elapsed timer, as plain data: it is stored, so it survives a reload. */
export interface TimerState {
  /** When the running stretch began (ms since epoch), or null while paused. */
  readonly startedAt: number | null;
  /** Time counted before the running stretch, in ms. */
  readonly banked: number;
}

export const TIMER_ZERO: TimerState = { startedAt: null, banked: 0 };

/**
 * The most a timer counts: 100 hours less a second (99:59:59), beyond any talk
 * or workshop. A stored timer past it is not a timer (a hand edit, a bad
 * write), and is read as zero rather than shown as "2.7e+301:10:40".
 */
export const MAX_ELAPSED_MS = 100 * 3600_000 - 1000;

export const elapsed = (t: TimerState, now: number): number =>
  t.banked + (t.startedAt === null ? 0 : Math.max(0, now - t.startedAt));

export const startTimer = (t: TimerState, now: number): TimerState =>
  t.startedAt === null ? { startedAt: now, banked: t.banked } : t;

export const pauseTimer = (t: TimerState, now: number): TimerState =>
  t.startedAt === null ? t : { startedAt: null, banked: elapsed(t, now) };

/** "0:07", "12:34", "1:02:03". */
export function formatElapsed(ms: number): string {
  const total = Number.isFinite(ms)
    ? Math.floor(Math.min(Math.max(ms, 0), MAX_ELAPSED_MS) / 1000)
    : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/**
 * A stored timer, or zero if what is stored is not one (an old version, a hand
 * edit): a whole number of ms, a start that is not in the future, and no more
 * time counted than MAX_ELAPSED_MS.
 */
export function readTimer(raw: string | null, now: number): TimerState {
  if (!raw) return TIMER_ZERO;
  try {
    const v = JSON.parse(raw) as Partial<Record<keyof TimerState, unknown>>;
    const { banked, startedAt } = v;
    if (!Number.isSafeInteger(banked) || (banked as number) < 0) return TIMER_ZERO;
    if (startedAt !== null && (!Number.isSafeInteger(startedAt) || (startedAt as number) > now))
      return TIMER_ZERO;
    const t: TimerState = { startedAt: startedAt as number | null, banked: banked as number };
    return elapsed(t, now) <= MAX_ELAPSED_MS ? t : TIMER_ZERO;
  } catch {
    return TIMER_ZERO;
  }
}

/** A place in the deck, as far as the timer cares. */
export interface Place {
  readonly slide: number;
  readonly step: number;
}

/**
 * Whether the deck went from `from` to `to` by one step forward: the slide's
 * next step, or from its last step to the next slide's first. A jump (Go to,
 * End) or a window catching up with the others on opening is not one.
 * `stepsOf(n)` is how many steps slide n has.
 */
export function isStepForward(from: Place, to: Place, stepsOf: (slide: number) => number): boolean {
  if (to.slide === from.slide) return to.step === from.step + 1;
  return to.slide === from.slide + 1 && to.step === 0 && from.step === stepsOf(from.slide) - 1;
}

/**
 * A step forward starts a timer that has counted nothing yet (the talk has
 * begun). One that is running, or that the presenter paused, is left as it
 * is; after Reset it waits for the next step forward again.
 */
export const startOnStepForward = (t: TimerState, now: number): TimerState =>
  t.startedAt === null && t.banked === 0 ? startTimer(t, now) : t;

/**
 * Calls `onStep` each time the deck in `store` steps forward, whichever
 * window made the step (the others' moves arrive by sync), but not for the
 * move that brings a just-opened window to where the others are, even one
 * step on. Returns the unsubscribe.
 */
export function watchStepsForward(
  store: StoreApi<InboundState>,
  stepsOf: (slide: number) => number,
  onStep: () => void,
): () => void {
  let was: Place = store.getState();
  return store.subscribe((s) => {
    const forward = !s.catchingUp && isStepForward(was, s, stepsOf);
    was = s;
    if (forward) onStep();
  });
}
