/** The presenter's elapsed timer, as plain data: it is stored, so it survives a reload. */
export interface TimerState {
  /** When the running stretch began (ms since epoch), or null while paused. */
  readonly startedAt: number | null;
  /** Time counted before the running stretch, in ms. */
  readonly banked: number;
}

export const TIMER_ZERO: TimerState = { startedAt: null, banked: 0 };

export const elapsed = (t: TimerState, now: number): number =>
  t.banked + (t.startedAt === null ? 0 : Math.max(0, now - t.startedAt));

export const startTimer = (t: TimerState, now: number): TimerState =>
  t.startedAt === null ? { startedAt: now, banked: t.banked } : t;

export const pauseTimer = (t: TimerState, now: number): TimerState =>
  t.startedAt === null ? t : { startedAt: null, banked: elapsed(t, now) };

/** "0:07", "12:34", "1:02:03". */
export function formatElapsed(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/** A stored timer, or zero if what is stored is not one (an old version, a hand edit). */
export function readTimer(raw: string | null, now: number): TimerState {
  if (!raw) return TIMER_ZERO;
  try {
    const v = JSON.parse(raw) as Partial<TimerState>;
    const banked = typeof v.banked === 'number' && v.banked >= 0 ? v.banked : null;
    const startedAt =
      v.startedAt === null || (typeof v.startedAt === 'number' && v.startedAt <= now)
        ? v.startedAt
        : undefined;
    if (banked === null || startedAt === undefined || !Number.isFinite(banked)) return TIMER_ZERO;
    return { startedAt, banked };
  } catch {
    return TIMER_ZERO;
  }
}
