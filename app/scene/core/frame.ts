import { cardWords, rewriteBadge } from '../../deck';
import { isNode, type AddressView, type Hop, type Trace } from '../../model';
import type { Box, Point } from './geometry';
import type { DiagramLayout } from './layout';
import {
  badgeAnchor,
  badgeBounds,
  badgeHangs,
  badgeLayout,
  cardRest,
  cardSize,
  clearOf,
  dockAt,
  flightPoints,
  type BadgePlace,
  type CardSize,
} from './placement';
import { anchor, hopPath, hopPoints } from './routes';
import { clearSpot, movedBadge, spotFor } from './spots';

/** Which hop is on screen: a forward hop, or a hop of the reply. */
export interface HopRef {
  readonly dir: 'forward' | 'return';
  readonly index: number;
}

export interface FrameOptions {
  readonly view: AddressView;
  /** The card shows Src and Dst only (the talk has not yet said what X-Forwarded-For is). */
  readonly srcDstOnly?: boolean;
}

/** The card's words and size. */
export interface CardFace {
  readonly lines: readonly string[];
  /** Which lines differ from the hop before (highlighted). */
  readonly changed: readonly boolean[];
  readonly size: CardSize;
}

/**
 * Everything drawn for one step of a trace, as positions and words: the hop's
 * wire, the route so far, the card before and after the device rewrites it,
 * where it docks at the device and where it rests, the badge, the drop mark.
 */
export interface Frame {
  readonly hop: Hop;
  readonly ref: HopRef;
  /** The card as the device sends it on this hop. */
  readonly face: CardFace;
  /** The card as it arrived at the device (the hop before's face), or null for the first hop. */
  readonly arrived: CardFace | null;
  /** The hop's wire, centre line (empty where the packet stops at the device). */
  readonly wire: readonly Point[];
  /** The part of the wire the card travels (it docks beside what it arrives at). */
  readonly flight: readonly Point[];
  /** SVG paths of the hops already taken on this trip. */
  readonly trail: readonly string[];
  /** The wires on screen (the route so far and this hop's), as their points. */
  readonly routes: readonly (readonly Point[])[];
  readonly badge: BadgePlace | null;
  readonly badgeBox: Box | null;
  /** Where the card waits while the device rewrites it (top-left), or null (the client). */
  readonly dock: Point | null;
  /** Where the card rests when the step is done (top-left). */
  readonly rest: Point;
  /** Where the packet stopped, for the drop mark; null if it goes on. */
  readonly stop: Point | null;
  /** Where the drop's words go: where a badge would hang, since a drop rewrites nothing. */
  readonly stopLabel: Box | null;
}

/** The point `by` units back along a wire from its end (its start, on a shorter wire). */
function shortOfEnd(wire: readonly Point[], by: number): Point | undefined {
  let left = by;
  for (let i = wire.length - 1; i > 0; i--) {
    const end = wire[i] as Point;
    const before = wire[i - 1] as Point;
    const d = Math.hypot(end.x - before.x, end.y - before.y);
    if (d >= left && d > 0)
      return {
        x: end.x + ((before.x - end.x) * left) / d,
        y: end.y + ((before.y - end.y) * left) / d,
      };
    left -= d;
  }
  return wire[0];
}

/** The size of a drop's words ("? Failure", 38 units, bold). */
const DROP_WORDS = { w: 215, h: 46 };

const hopsOf = (trace: Trace, dir: HopRef['dir']) =>
  dir === 'return' ? trace.back : trace.forward;

/** The hop before `ref` on the trip: the reply's first hop follows the request's last. */
export function hopBefore(trace: Trace, ref: HopRef): Hop | undefined {
  if (ref.index > 0) return hopsOf(trace, ref.dir)[ref.index - 1];
  if (ref.dir === 'return') {
    const last = trace.forward[trace.forward.length - 1];
    return last?.kind === 'pass' ? last : undefined;
  }
  return undefined;
}

/** The card's face for a hop: its words (as far as the talk has said), what changed, its size. */
export function faceOf(hop: Hop, before: Hop | undefined, options: FrameOptions): CardFace {
  const { lines, changed } = cardWords(hop, before, options.view, {
    headers: !options.srcDstOnly,
  });
  return { lines, changed, size: cardSize(lines) };
}

/** Frames already laid out, by layout and trace (both immutable, so a frame never goes stale). */
const made = new WeakMap<DiagramLayout, WeakMap<Trace, Map<string, Frame | null>>>();

const frameKey = (ref: HopRef, options: FrameOptions) =>
  `${ref.dir}:${ref.index}|${options.view}|${options.srcDstOnly === true}`;

/** Whether the frame of this step has been laid out already (`frameOf` would only look it up). */
export const frameMade = (
  layout: DiagramLayout,
  trace: Trace,
  ref: HopRef,
  options: FrameOptions,
): boolean => made.get(layout)?.get(trace)?.has(frameKey(ref, options)) === true;

/**
 * The frame of one step: the hop `ref` of `trace`, laid out on `layout`.
 * Remembered, so a step laid out ahead of time (`framesToPrepare`, at idle)
 * costs the key press that shows it nothing.
 */
export function frameOf(
  layout: DiagramLayout,
  trace: Trace,
  ref: HopRef,
  options: FrameOptions,
): Frame | null {
  let byTrace = made.get(layout);
  if (!byTrace) made.set(layout, (byTrace = new WeakMap()));
  let frames = byTrace.get(trace);
  if (!frames) byTrace.set(trace, (frames = new Map()));
  const key = frameKey(ref, options);
  const known = frames.get(key);
  if (known !== undefined) return known;
  const frame = layOut(layout, trace, ref, options);
  frames.set(key, frame);
  return frame;
}

/**
 * The steps of a trip worth laying out before anyone asks: every hop of the
 * request and of the reply, in both address views, each as a thunk (so an idle
 * callback can do one at a time).
 */
export function framesToPrepare(
  layout: DiagramLayout,
  trace: Trace,
  srcDstOnly: boolean,
): (() => void)[] {
  const refs: HopRef[] = [
    ...trace.forward.map((_, index) => ({ dir: 'forward' as const, index })),
    ...trace.back.map((_, index) => ({ dir: 'return' as const, index })),
  ];
  return (['talk', 'ip'] as const).flatMap((view) =>
    refs.map((ref) => () => void frameOf(layout, trace, ref, { view, srcDstOnly })),
  );
}

function layOut(
  layout: DiagramLayout,
  trace: Trace,
  ref: HopRef,
  options: FrameOptions,
): Frame | null {
  const list = hopsOf(trace, ref.dir);
  const hop = list[ref.index];
  if (!hop) return null;
  const before = hopBefore(trace, ref);
  const face = faceOf(hop, before, options);
  const arrived = before
    ? faceOf(before, hopBefore(trace, { ...ref, index: ref.index - 1 }), options)
    : null;
  const stops = hop.to === null;
  const wire = stops ? [] : hopPoints(layout, hop);
  const flight = stops ? [] : flightPoints(layout, hop, wire);
  const trail: string[] = [];
  const routes: Point[][] = [];
  for (let i = 0; i < ref.index; i++) {
    const h = list[i] as Hop;
    if (h.to === null) continue;
    const pts = hopPoints(layout, h);
    trail.push(hopPath(pts));
    routes.push(pts);
  }
  if (wire.length > 0) routes.push(wire);
  const text = rewriteBadge(hop, { headers: !options.srcDstOnly, trace, view: options.view });
  const badge: BadgePlace | null = text
    ? movedBadge(
        layout,
        {
          at: badgeAnchor(layout, hop),
          text,
          align: isNode(hop.from) ? 'left' : 'center',
          within: badgeBounds(layout, hop),
          hang: badgeHangs(layout, hop),
        },
        anchor(layout, hop.from, 'from', hop),
        routes,
      )
    : null;
  const badgeBox = badge ? badgeLayout(badge).box : null;
  // Where the packet stopped: the end of the wire it arrived on.
  const arrivedWire = stops && before && before.to !== null ? hopPoints(layout, before) : [];
  // The cross goes on the wire just short of where it arrived, so it never covers a port's name.
  const stop: Point | null = stops
    ? (shortOfEnd(arrivedWire, 26) ?? anchor(layout, hop.from, 'from', hop))
    : null;
  // Beside the device, clear of every label and of the badge.
  const start = wire[0] ?? stop ?? anchor(layout, hop.from, 'from', hop);
  const docked = dockAt(layout, hop, face.size, badgeBox);
  const dock = docked && clearSpot(layout, docked, start, face.size, badgeBox);
  const end = flight[flight.length - 1] ?? start;
  const rest = stops
    ? (dock ?? { x: 16, y: 16 })
    : clearSpot(
        layout,
        clearOf(cardRest(layout, hop, face.size), face.size, badgeBox, layout),
        end,
        face.size,
        badgeBox,
        wire,
      );
  // A drop's words go where a badge would hang (a drop rewrites nothing), moved clear if need be.
  const stopAt = stops ? badgeAnchor(layout, hop) : null;
  const stopLabel =
    stopAt && stop
      ? spotFor(layout, { x: stopAt.x, y: stopAt.y, ...DROP_WORDS }, stop, routes)
      : null;
  return {
    hop,
    ref,
    face,
    arrived,
    wire,
    flight,
    trail,
    routes,
    badge,
    badgeBox,
    dock,
    rest,
    stop,
    stopLabel,
  };
}

/**
 * Where the words under the slide's title go (the caption, a note): the
 * column left of the cluster, narrowed to stay clear of any wire that climbs
 * through it.
 */
export function wordsColumn(
  layout: DiagramLayout,
  top: number,
  routes: readonly (readonly Point[])[],
  card: Box | null = null,
): { readonly x: number; readonly w: number; readonly h: number } {
  let left = 36;
  let right = layout.cluster.x - 24;
  // Down to the client, or to a card resting above it.
  let bottom = layout.client.y - 16;
  if (card && card.x < right && card.y > top && card.y < bottom) bottom = card.y - 12;
  for (const pts of routes)
    for (let i = 1; i < pts.length; i++) {
      const a = pts[i - 1] as Point;
      const b = pts[i] as Point;
      if (Math.abs(a.y - b.y) <= 1) {
        // A wire running across the column: the words end above it (or start below it).
        const x0 = Math.min(a.x, b.x);
        const x1 = Math.max(a.x, b.x);
        if (x1 <= left || x0 >= right || a.y < top || a.y > bottom) continue;
        if (a.y - top >= 120) bottom = a.y - 12;
        continue;
      }
      if (Math.abs(a.x - b.x) > 1) continue;
      if (Math.max(a.y, b.y) < top || Math.min(a.y, b.y) > bottom) continue;
      if (a.x <= left || a.x >= right) continue;
      // Keep the wider side of the wire.
      if (a.x - left > right - a.x) right = a.x - 20;
      else left = a.x + 20;
    }
  return { x: left, w: Math.max(0, right - left), h: Math.max(120, bottom - top) };
}
