import type { Point } from './geometry';
import type { CardSize } from './placement';

/**
 * How the card got to the step on screen, which decides what it plays:
 * - `on`: one hop further (or the first reply hop after the request). The
 *   card **arrives** at the device along the wire it was on, with the headers
 *   it had there; the device **rewrites** it (the changed fields flip, the
 *   badge appears); then it **leaves** along the new wire with the new headers.
 * - `back`: one hop back. The same, undone in reverse: back along the wire to
 *   the device, the fields flip back, then to where it rested before.
 * - `fresh`: the hop played from the device it starts at (shown after a text
 *   slide, or re-routed by a live policy flip): rewrite, then leave.
 * - `jump`: anywhere else (a link, go-to, the addresses switch, reduced
 *   motion): the step as it ends, at once.
 */
export type Arrival = 'on' | 'back' | 'fresh' | 'jump';

/** Where the card is in the telling of a hop. */
export type Phase = 'arrive' | 'rewrite' | 'leave' | 'rest';

export interface FlightInput {
  /** Identifies the step: a new key is a new flight. */
  readonly key: string;
  readonly arrival: Arrival;
  /** Where the card is now (its top-left), when it is on screen. */
  readonly from: Point | null;
  /** The card's size before the device rewrites it, and after. */
  readonly before: CardSize;
  readonly after: CardSize;
  /**
   * Wire points (centre line) the card follows to reach the device: the rest
   * of the wire it was on (`on`), or the current wire backwards (`back`).
   */
  readonly approach: readonly Point[];
  /** Where the card waits at the device while it is rewritten (top-left). */
  readonly dock: Point | null;
  /** Wire points the card follows from the device (empty: it stays at the device, a drop). */
  readonly depart: readonly Point[];
  /** Where it rests at the end (top-left). */
  readonly rest: Point;
  /** Whether the device changes anything (a route only: no pause to rewrite). */
  readonly rewrites: boolean;
}

export interface FlightPlan {
  readonly key: string;
  /** Keyframes of the card's top-left, and when each is reached (0–1 of `duration`). */
  readonly x: readonly number[];
  readonly y: readonly number[];
  readonly times: readonly number[];
  /** Seconds for the whole flight (0: the card is simply there). */
  readonly duration: number;
  /** Seconds until the fields flip to the new headers and the badge appears (0: from the start). */
  readonly flipAt: number;
  /** Seconds until the card sets off on the new wire, which draws in then. */
  readonly leaveAt: number;
}

/** Units a second the card travels; a short stretch still takes a readable moment. */
const SPEED = 900;
const MIN_LEG = 0.35;
const MAX_LEG = 1.2;
/** Seconds the card waits at the device while its fields flip. */
export const REWRITE_HOLD = 0.9;

const length = (pts: readonly Point[]): number => {
  let sum = 0;
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1] as Point;
    const b = pts[i] as Point;
    sum += Math.hypot(b.x - a.x, b.y - a.y);
  }
  return sum;
};

const legSeconds = (pts: readonly Point[]): number =>
  pts.length < 2 ? 0 : Math.min(MAX_LEG, Math.max(MIN_LEG, length(pts) / SPEED));

/** Wire points (centres) as the card's top-left positions. */
const asCard = (pts: readonly Point[], size: CardSize): Point[] =>
  pts.map((p) => ({ x: p.x - size.w / 2, y: p.y - size.h / 2 }));

/**
 * The part of a wire still ahead of a card resting beside it: from the wire
 * point nearest the card's centre on.
 */
export function wireAhead(wire: readonly Point[], card: Point | null, size: CardSize): Point[] {
  if (!card || wire.length === 0) return [...wire];
  const c = { x: card.x + size.w / 2, y: card.y + size.h / 2 };
  let best = 0;
  let bestD = Infinity;
  wire.forEach((p, i) => {
    const d = Math.hypot(p.x - c.x, p.y - c.y);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  });
  return wire.slice(best);
}

/**
 * The stretch of a wire between the points nearest two card positions, in
 * the wire's own direction: where a card leaving a device joins its wire, and
 * where it turns off to rest.
 */
export function wireBetween(
  wire: readonly Point[],
  from: Point | null,
  to: Point | null,
  size: CardSize,
): Point[] {
  const nearest = (card: Point | null, fallback: number) => {
    if (!card || wire.length === 0) return fallback;
    const c = { x: card.x + size.w / 2, y: card.y + size.h / 2 };
    let best = fallback;
    let bestD = Infinity;
    wire.forEach((p, i) => {
      const d = Math.hypot(p.x - c.x, p.y - c.y);
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    });
    return best;
  };
  const a = nearest(from, 0);
  const b = nearest(to, wire.length - 1);
  return a <= b ? wire.slice(a, b + 1) : [];
}

/** Drops repeated points, which would make the card stand still for a keyframe. */
function dedupe(pts: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of pts) {
    const last = out[out.length - 1];
    if (!last || Math.hypot(p.x - last.x, p.y - last.y) > 0.5) out.push(p);
  }
  return out;
}

/**
 * The flight of the card for one step, told in order: arrive, rewrite, leave.
 * Pure: the same input gives the same plan, so a re-render never restarts it.
 */
export function planFlight(input: FlightInput): FlightPlan {
  const { key, arrival, rest } = input;
  const still = (): FlightPlan => ({
    key,
    x: [rest.x],
    y: [rest.y],
    times: [1],
    duration: 0,
    flipAt: 0,
    leaveAt: 0,
  });
  if (arrival === 'jump') return still();

  // Arrive: from where the card is, along the approach, to the dock at the device.
  const dock = input.dock;
  const arrive: Point[] = [];
  if (arrival !== 'fresh' && dock) {
    if (input.from) arrive.push(input.from);
    arrive.push(...asCard(input.approach, input.before), dock);
  } else if (dock) {
    arrive.push(dock);
  }
  const arrivePts = dedupe(arrive);
  const arriveS = legSeconds(arrivePts);

  // Rewrite: the card waits at the device while the fields flip (only if anything changes).
  const hold = dock && input.rewrites ? REWRITE_HOLD : dock ? 0.2 : 0;

  // Leave: from the dock (or where the card is), along the new wire, to rest.
  const start = dock ?? input.from;
  const departPts = dedupe([...(start ? [start] : []), ...asCard(input.depart, input.after), rest]);
  const leaveS = legSeconds(departPts);

  const pts: Point[] = [];
  const at: number[] = [];
  arrivePts.forEach((p, i) => {
    pts.push(p);
    at.push(arrivePts.length < 2 ? 0 : (arriveS * i) / (arrivePts.length - 1));
  });
  if (dock) {
    // Waiting at the dock: the same point twice, the rewrite's pause between.
    if (pts.length === 0) {
      pts.push(dock);
      at.push(0);
    }
    pts.push(dock);
    at.push(arriveS + hold);
  }
  const leaveAt = (at[at.length - 1] ?? 0) || 0;
  departPts.forEach((p, i) => {
    if (i === 0 && pts.length > 0) return; // the dock, already there
    pts.push(p);
    at.push(leaveAt + (departPts.length < 2 ? 0 : (leaveS * i) / (departPts.length - 1)));
  });
  if (pts.length < 2) return still();
  const duration = at[at.length - 1] as number;
  if (duration <= 0) return still();
  // The fields flip a moment after the card reaches the device, so the arrival reads first.
  const flipAt = dock ? arriveS + Math.min(0.25, hold / 3) : 0;
  return {
    key,
    x: pts.map((p) => p.x),
    y: pts.map((p) => p.y),
    times: at.map((t) => t / duration),
    duration,
    flipAt,
    leaveAt,
  };
}

/** Where the card is in the plan at `t` seconds. */
export function phaseAt(plan: FlightPlan, t: number): Phase {
  if (plan.duration === 0 || t >= plan.duration) return 'rest';
  if (t >= plan.leaveAt && plan.leaveAt > 0) return 'leave';
  if (t >= plan.flipAt && plan.flipAt > 0) return 'rewrite';
  return plan.flipAt > 0 ? 'arrive' : 'leave';
}
