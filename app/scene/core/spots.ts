import { textWidth, type Box, type Point } from './geometry';
import type { DiagramLayout } from './layout';
import { badgeLayout, belowBadge, type BadgePlace, type CardSize } from './placement';

// Finding a clear spot for what is drawn beside the wires (the card at rest or at a device, a
// badge, a drop's words): every label on the stage, and the search for the nearest place that
// covers none of them.

/** The title block at the stage's top left (the mode's name and its example). */
const TITLE: Box = { x: 0, y: 0, w: 590, h: 120 };

/**
 * Every box on the stage a resting card must not cover: the title, the
 * cluster's label, each node's name, address and pod range, the node ports,
 * the pods, the client, the load balancer, the policy tag and the legend.
 */
export function labelBoxes(layout: DiagramLayout): Box[] {
  const boxes: Box[] = [TITLE, layout.client, layout.lb, layout.policyTag, layout.legend];
  if (layout.heading) boxes.push(layout.heading);
  if (layout.clientTag) boxes.push(layout.clientTag);
  if (layout.panel) boxes.push(layout.panel);
  const cl = layout.clusterLabel;
  boxes.push({
    x: cl.x,
    y: cl.y - cl.fontSize,
    w: textWidth('Cluster: 10.0.0.0/16', cl.fontSize) * 1.15,
    h: cl.fontSize * 1.3,
  });
  for (const n of layout.nodes) {
    const r = n.labels.range;
    const top = Math.min(n.box.y, n.labels.name.y - n.labels.name.fontSize);
    boxes.push({ x: n.box.x, y: top, w: n.box.w, h: r.y + r.fontSize * 0.35 - top });
    for (const p of n.ports) boxes.push(p.box);
  }
  for (const p of layout.pods) boxes.push(p.box);
  return boxes;
}

/** Thin boxes along a wire's straight stretches (its control points), for what a card would cover. */
function wireBoxes(points: readonly Point[]): Box[] {
  const out: Box[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Point;
    const b = points[i] as Point;
    out.push({
      x: Math.min(a.x, b.x) - 5,
      y: Math.min(a.y, b.y) - 5,
      w: Math.abs(a.x - b.x) + 10,
      h: Math.abs(a.y - b.y) + 10,
    });
  }
  return out;
}

const overlapArea = (a: Box, b: Box): number =>
  Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));

/**
 * A place for the card near `near` (a point on the wire it is about) where it
 * covers no label and no badge: `preferred` when that is clear, else the
 * clear spot closest to `near` among the node corridors, the lanes between
 * rows of nodes and the free column left of the cluster. Where nothing is
 * wholly clear (a crowded cluster), the spot that covers least.
 */
export function clearSpot(
  layout: DiagramLayout,
  preferred: Point,
  near: Point,
  size: CardSize,
  badge: Box | null,
  wire: readonly Point[] = [],
): Point {
  const obstacles = labelBoxes(layout);
  if (badge) obstacles.push(badge);
  // The wire of the hop itself: better seen whole, so covering it costs a little (not a label's price).
  const strokes = wireBoxes(wire);
  const c = layout.cluster;
  const covered = (p: Point) => {
    const card = { x: p.x, y: p.y, w: size.w, h: size.h };
    let sum = 0;
    for (const o of obstacles) sum += overlapArea(card, o);
    let onWire = 0;
    for (const o of strokes) onWire += overlapArea(card, o);
    // Lying across a node's border reads as belonging to neither node.
    let across = 0;
    for (const n of layout.nodes) {
      const a = overlapArea(card, n.box);
      if (a > 0 && a < size.w * size.h) across += Math.min(a, size.w * size.h - a);
    }
    return sum + onWire / 40 + across / 20;
  };
  const labelsCovered = (p: Point) => {
    const card = { x: p.x, y: p.y, w: size.w, h: size.h };
    return obstacles.some((o) => overlapArea(card, o) > 0);
  };
  const wireCovered = (p: Point) => {
    const card = { x: p.x, y: p.y, w: size.w, h: size.h };
    let on = 0;
    let all = 0;
    for (const o of strokes) {
      on += overlapArea(card, o);
      all += o.w * o.h;
    }
    return all === 0 ? 0 : on / all;
  };
  const onStage = (p: Point) => p.x >= 4 && p.y >= 4 && p.x + size.w <= 1596 && p.y + size.h <= 896;
  // Wholly inside the cluster or wholly outside it: never lying across its border.
  const outside = (p: Point) => p.x + size.w <= c.x - 4;
  const within = (p: Point) =>
    p.x >= c.x + 4 &&
    p.x + size.w <= c.x + c.w - 4 &&
    p.y >= c.y + 4 &&
    p.y + size.h <= c.y + c.h - 4;
  // On the side of the cluster's border it was meant for: a card about a hop inside the cluster
  // stays inside it (over a node's border if it must), one about the outside stays out.
  const meantOutside = preferred.x + size.w / 2 < c.x;
  const oneSide = (p: Point) => (meantOutside ? outside(p) : within(p));
  // Where it was meant to rest is kept while it covers no label and leaves most of its wire in view.
  if (
    onStage(preferred) &&
    oneSide(preferred) &&
    !labelsCovered(preferred) &&
    wireCovered(preferred) <= 0.6
  )
    return preferred;

  const candidates: Point[] = [preferred];
  const slide = (x0: number, x1: number, y: number, step = 16) => {
    for (let x = x0; x <= x1; x += step) candidates.push({ x, y });
  };
  for (const n of layout.nodes) {
    const k = n.corridor;
    for (const y of [k.y + (k.h - size.h) / 2, belowBadge(k), k.y + k.h - size.h])
      slide(
        Math.max(c.x + 8, n.box.x - size.w / 2),
        Math.min(c.x + c.w - size.w - 8, n.box.x + n.box.w),
        y,
      );
  }
  for (const y of layout.channels.ys) slide(c.x + 8, c.x + c.w - size.w - 8, y - size.h / 2, 24);
  for (let y = 8; y + size.h <= 892; y += 16) slide(8, c.x - size.w - 8, y, 24);

  let best = preferred;
  let bestScore = Infinity;
  const cx = size.w / 2;
  const cy = size.h / 2;
  const away = (p: Point) => Math.hypot(p.x + cx - near.x, p.y + cy - near.y);
  // Nearest first: once a spot is farther than the best score so far, none after it can win.
  const ranked = candidates.map((p) => ({ p, d: away(p) })).sort((a, b) => a.d - b.d);
  for (const { p, d } of ranked) {
    if (d >= bestScore) break;
    if (!onStage(p) || !oneSide(p)) continue;
    const score = covered(p) * 50 + d;
    if (score < bestScore) {
      bestScore = score;
      best = p;
    }
  }
  // A crowded cluster with no clear spot inside: the free column left of it, rather than a label.
  if (!meantOutside && labelsCovered(best))
    for (const { p } of ranked) if (onStage(p) && outside(p) && !labelsCovered(p)) return p;
  // A left column taken by a panel (a PROXY header's bytes): the nearest clear spot in the cluster.
  if (meantOutside && layout.panel && labelsCovered(best)) {
    const inside = ranked.filter(({ p }) => onStage(p) && within(p) && !labelsCovered(p));
    let score = Infinity;
    for (const { p, d } of inside) {
      const s = covered(p) * 50 + d;
      if (s < score) [score, best] = [s, p];
    }
  }
  return best;
}

/**
 * A box for something that belongs at a device (a badge, a drop's words),
 * near `near`: `preferred` while it covers no label and no wire, else the
 * nearest spot that does not (or covers least), inside the cluster when it
 * was meant to be inside, outside when outside.
 */
export function spotFor(
  layout: DiagramLayout,
  preferred: Box,
  near: Point,
  routes: readonly (readonly Point[])[],
): Box {
  const labels = labelBoxes(layout);
  const strokes = routes.flatMap(wireBoxes);
  const c = layout.cluster;
  const inside = preferred.x >= c.x;
  const cost = (b: Box) => {
    let sum = 0;
    for (const o of labels) sum += overlapArea(b, o) * 50;
    for (const o of strokes) sum += overlapArea(b, o) * 5;
    return sum;
  };
  const fits = (b: Box) =>
    b.y >= 4 &&
    b.y + b.h <= 896 &&
    (inside ? b.x >= c.x + 4 && b.x + b.w <= c.x + c.w - 4 : b.x >= 4 && b.x + b.w <= c.x - 4);
  if (fits(preferred) && cost(preferred) === 0) return preferred;
  // Nearest first: the first spot that covers nothing is the one.
  let best = preferred;
  let bestScore = fits(preferred) ? cost(preferred) : Infinity;
  for (const [dx, dy] of OFFSETS) {
    const b = { ...preferred, x: preferred.x + dx, y: preferred.y + dy };
    if (!fits(b)) continue;
    const covered = cost(b);
    const score = covered + Math.hypot(b.x + b.w / 2 - near.x, b.y + b.h / 2 - near.y);
    if (covered === 0) return b;
    if (score < bestScore) {
      bestScore = score;
      best = b;
    }
  }
  // Nothing near is clear (a crowded cluster): the free column left of the cluster, under the
  // slide's title, where nothing else is drawn but a wire climbing to the cluster.
  for (let y = TITLE.y + TITLE.h + 8; y + preferred.h <= layout.client.y - 8; y += 8)
    for (let x = 8; x + preferred.w <= c.x - 8; x += 24) {
      const b = { ...preferred, x, y };
      if (cost(b) === 0) return b;
    }
  return best;
}

/** Moves to try around a preferred spot, nearest first (up to 320 across and 260 up or down). */
const OFFSETS: readonly (readonly [number, number])[] = (() => {
  const out: [number, number][] = [];
  for (let dy = -260; dy <= 260; dy += 8)
    for (let dx = -320; dx <= 320; dx += 12) out.push([dx, dy]);
  return out.sort((a, b) => Math.hypot(a[0], a[1]) - Math.hypot(b[0], b[1]));
})();

/** The badge moved clear of labels and wires where its place would cover them (`spotFor`). */
export function movedBadge(
  layout: DiagramLayout,
  place: BadgePlace,
  near: Point,
  routes: readonly (readonly Point[])[],
): BadgePlace {
  const laid = badgeLayout(place);
  const box = spotFor(layout, laid.box, near, routes);
  return box === laid.box ? place : { ...place, moved: { lines: laid.lines, box } };
}
