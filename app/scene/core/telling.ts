import { planFlight, wireAhead, wireBetween, type Arrival, type FlightPlan } from './flight';
import type { CardFace, Frame } from './frame';
import type { BadgePlace, CardSize } from './placement';
import type { Point } from './geometry';

/** What identifies the step on screen, beyond the hop: a change of any of these is a new step. */
export interface Place {
  /** The mode, the variant and the pods the scene pins: the same run of slides. */
  readonly run: string;
  readonly policy: string;
  readonly view: string;
  /** Counts the times the hop was shown afresh (after a text slide): each plays it from its start. */
  readonly entries: number;
}

/** A step as it was shown: where, and what was drawn. */
export interface Shown {
  readonly place: Place;
  readonly frame: Frame | null;
}

/** How the step on screen is told: the card's flight, and what it leaves behind. */
export interface Telling {
  readonly key: string;
  readonly arrival: Arrival;
  readonly plan: FlightPlan;
  /** The card's face until the fields flip (`plan.flipAt`); then the frame's own. */
  readonly before: CardFace | null;
  /** Stepping back: the badge and the wire of the hop being undone, until the card is back. */
  readonly undoing: { readonly badge: BadgePlace | null; readonly wire: readonly Point[] } | null;
}

export const stepKey = (s: Shown): string =>
  `${s.place.run}|${s.place.policy}|${s.place.view}|${s.frame ? `${s.frame.ref.dir}:${s.frame.ref.index}` : '-'}|${s.place.entries}`;

/** Whether `b` is the hop right after `a` on the trip (the reply follows the request). */
function follows(a: Frame, b: Frame, forwardCount: number): boolean {
  if (a.ref.dir === b.ref.dir) return b.ref.index === a.ref.index + 1;
  return (
    a.ref.dir === 'forward' &&
    b.ref.dir === 'return' &&
    b.ref.index === 0 &&
    a.ref.index === forwardCount - 1
  );
}

/** How the card gets from the step shown before to this one. */
export function arrivalOf(prev: Shown | null, cur: Shown, forwardCount: number): Arrival {
  const a = prev?.frame;
  const b = cur.frame;
  if (!b) return 'jump';
  // Shown afresh after a text slide: the hop plays from the device it starts at.
  if (prev && cur.place.entries !== prev.place.entries) return 'fresh';
  if (!prev || !a) return 'jump';
  if (prev.place.view !== cur.place.view || prev.place.run !== cur.place.run) return 'jump';
  // The live policy re-routed the packet: play the hop again from its device.
  if (prev.place.policy !== cur.place.policy) return 'fresh';
  if (follows(a, b, forwardCount)) return 'on';
  if (follows(b, a, forwardCount)) return 'back';
  return 'jump';
}

/**
 * Wire points (centres) that bring a card of `size` nearer `to` than it is at
 * `from`, in order: a short leave or return never doubles back to reach its
 * wire (a card is wider than many of a node's wires are long).
 */
function toward(points: readonly Point[], from: Point | null, to: Point, size: CardSize): Point[] {
  if (!from) return [...points];
  const gap = (p: Point) => Math.hypot(p.x - to.x, p.y - to.y);
  let left = gap(from);
  const out: Point[] = [];
  for (const p of points) {
    const card = { x: p.x - size.w / 2, y: p.y - size.h / 2 };
    const g = gap(card);
    if (g < left) {
      out.push(p);
      left = g;
    }
  }
  return out;
}

/** The way a card of `size` leaves `from` along `wire` for its rest `to`: joined where the wire passes, never doubling back. */
const leaving = (wire: readonly Point[], from: Point | null, to: Point, size: CardSize): Point[] =>
  toward(wireBetween(wire, from, to, size), from, to, size);

const differs = (a: CardFace | null, b: CardFace) =>
  a === null || a.lines.length !== b.lines.length || a.lines.some((l, i) => l !== b.lines[i]);

/** The telling of the step `cur`, coming from `prev`; with `reduce`, the step as it ends, at once. */
export function tell(
  prev: Shown | null,
  cur: Shown,
  forwardCount: number,
  reduce: boolean,
): Telling | null {
  const f = cur.frame;
  if (!f) return null;
  const key = stepKey(cur);
  const arrival = reduce ? 'jump' : arrivalOf(prev, cur, forwardCount);
  const p = prev?.frame ?? null;
  if (arrival === 'on' && p) {
    const before = f.arrived ?? p.face;
    return {
      key,
      arrival,
      before,
      undoing: null,
      plan: planFlight({
        key,
        arrival,
        from: p.rest,
        before: before.size,
        after: f.face.size,
        approach: wireAhead(p.wire, p.rest, p.face.size),
        dock: f.dock,
        // Joins its wire where it passes the device, not back at the wire's start.
        depart: leaving(f.flight, f.dock, f.rest, f.face.size),
        rest: f.rest,
        rewrites: differs(before, f.face),
      }),
    };
  }
  if (arrival === 'back' && p) {
    return {
      key,
      arrival,
      before: p.face,
      undoing: { badge: p.badge, wire: p.wire },
      plan: planFlight({
        key,
        arrival,
        from: p.rest,
        before: p.face.size,
        after: f.face.size,
        approach: wireAhead([...p.flight].reverse(), p.rest, p.face.size),
        dock: p.dock,
        // Back the way it came: along the earlier hop's wire, from the device toward where it rested.
        depart: leaving([...f.wire].reverse(), p.dock, f.rest, f.face.size),
        rest: f.rest,
        rewrites: differs(p.face, f.face),
      }),
    };
  }
  if (arrival === 'fresh') {
    const before = f.arrived;
    return {
      key,
      arrival,
      before,
      undoing: null,
      plan: planFlight({
        key,
        arrival,
        from: null,
        before: (before ?? f.face).size,
        after: f.face.size,
        approach: [],
        // The first hop leaves the client, which rewrites nothing: it sets off from the wire's start.
        dock: before ? f.dock : null,
        depart: before ? leaving(f.flight, f.dock, f.rest, f.face.size) : f.flight,
        rest: f.rest,
        rewrites: differs(before, f.face),
      }),
    };
  }
  return {
    key,
    arrival: 'jump',
    before: null,
    undoing: null,
    plan: planFlight({
      key,
      arrival: 'jump',
      from: null,
      before: f.face.size,
      after: f.face.size,
      approach: [],
      dock: null,
      depart: [],
      rest: f.rest,
      rewrites: false,
    }),
  };
}
