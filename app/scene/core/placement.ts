import { CLIENT, isInCluster, isLoadBalancer, nodeDevice, podDevice, type Hop } from '../../model';
import { overlaps, textWidth, type Box, type Point } from './geometry';
import type { DiagramLayout } from './layout';
import { anchor, homeOf, hopPoints, nodeOf, podOf } from './routes';

/**
 * Where the rewrite badge goes: centred above the load balancer; inside the
 * cluster it hangs from the top of the corridor of the device's node (by the
 * gate for a node, over the pod for a pod), clear of the wires, which run
 * along the corridor's middle and leave a pod from its top.
 */
export function badgeAnchor(layout: DiagramLayout, hop: Hop): Point {
  if (isLoadBalancer(hop.from)) return { x: layout.lb.x + layout.lb.w / 2, y: layout.lb.y - 4 };
  const pod = podOf(layout, hop.from);
  const home = homeOf(layout, pod);
  if (pod && home) return { x: pod.box.x + pod.box.w / 2, y: home.corridor.y + 4 };
  const node = nodeOf(layout, hop.from);
  if (node) return { x: node.box.x + 14, y: node.corridor.y + 4 };
  return anchor(layout, hop.from, 'from', hop);
}

/** Whether the badge of `hop` hangs from its corridor (inside the cluster) rather than standing above. */
export const badgeHangs = (layout: DiagramLayout, hop: Hop): boolean =>
  nodeOf(layout, hop.from) !== undefined || podOf(layout, hop.from) !== undefined;

/**
 * The x range a rewrite badge must stay in: a pod's badge stays inside the
 * pod's node, the load balancer's outside the cluster (so it never lies across
 * the cluster's border and the wire going in).
 */
export function badgeBounds(
  layout: DiagramLayout,
  hop: Hop,
): readonly [number, number] | undefined {
  if (isLoadBalancer(hop.from)) return [8, layout.cluster.x - 12];
  const node = homeOf(layout, podOf(layout, hop.from)) ?? nodeOf(layout, hop.from);
  return node ? [node.box.x + 6, node.box.x + node.box.w - 6] : undefined;
}

/** Where a card rests in a corridor: below the badge that hangs from its top (`badgeAnchor`). */
export const belowBadge = (corridor: Box): number => corridor.y + 4 + 46 + 8;

export interface CardSize {
  readonly w: number;
  readonly h: number;
}

export const CARD_FONT = 30;
export const CARD_LINE = 38;

/** The size of a packet card for its lines (with room on the left for a change bar). */
export function cardSize(lines: readonly string[]): CardSize {
  const w =
    Math.max(220, ...lines.map((l, i) => textWidth(l, i < 2 ? CARD_FONT : CARD_FONT - 3) * 1.08)) +
    36;
  return { w, h: lines.length * CARD_LINE + 18 };
}

/**
 * Where the card rests once its hop is done: outside the cluster above the
 * wire, inside it in the corridor between the node headers and the pods, so it
 * never covers a name or an address.
 */
export function cardRest(layout: DiagramLayout, hop: Hop, size: CardSize): Point {
  const points = hopPoints(layout, hop);
  const last = points[points.length - 1] as Point;
  const first = points[0] as Point;
  const toInside = isInCluster(hop.to);
  const fromInside = isInCluster(hop.from);
  const c = layout.cluster;
  if (!hop.to) {
    // A drop: the card stays outside the node, level with where it stopped, so the ✕ shows.
    return { x: Math.max(16, c.x - size.w - 24), y: first.y - size.h / 2 };
  }
  if (!fromInside && !toInside) {
    // Between the client and the load balancer: well clear above both boxes.
    const x = (first.x + last.x) / 2 - size.w / 2;
    return { x: Math.max(16, x), y: Math.min(first.y, last.y) - size.h - 100 };
  }
  if (!fromInside) {
    // Entering the cluster: above the client and the load balancer, left of where the wire
    // climbs to the cluster's edge (24 short of it, see hopPoints).
    return {
      x: Math.max(16, Math.min(c.x - 24 - 20 - size.w, (first.x + c.x) / 2 - size.w / 2)),
      y: layout.client.y - size.h - 150,
    };
  }
  if (!toInside && hop.to) {
    // Leaving the cluster (a reply, or a hop out to the load balancer): beside what it goes to,
    // above it, outside the cluster.
    const box = hop.to === CLIENT ? layout.client : layout.lb;
    return {
      x: Math.max(16, Math.min(c.x - 24 - size.w, box.x + box.w / 2 - size.w / 2)),
      y: box.y - size.h - 24,
    };
  }
  // The node of what the hop arrives at: its pod's node, or the node itself; else where it leaves.
  const node =
    layout.nodes.find((n) =>
      layout.pods.some((p) => podDevice(p.id) === hop.to && p.node === n.id),
    ) ??
    layout.nodes.find((n) => nodeDevice(n.id) === hop.to || nodeDevice(n.id) === hop.from) ??
    layout.nodes[0];
  const corridor = node?.corridor ?? c;
  const target = hop.to ? last.x : first.x + 60;
  // Within the node's box when it fits (never straddling two nodes), else within the cluster.
  const fits = node && node.box.w - 12 >= size.w;
  const [lo, hi] = fits
    ? [node.box.x + 6, node.box.x + node.box.w - 6 - size.w]
    : [c.x + 12, c.x + c.w - size.w - 12];
  const x = Math.min(Math.max(lo, target - size.w / 2), hi);
  return { x, y: belowBadge(corridor) };
}

/**
 * The card's resting place moved off the rewrite badge, if it would cover it:
 * to the badge's right, else its left, else below it, inside the cluster.
 */
export function clearOf(
  rest: Point,
  size: CardSize,
  badge: Box | null,
  layout: DiagramLayout,
): Point {
  const card = { ...rest, w: size.w, h: size.h };
  if (!badge || !overlaps(card, badge)) return rest;
  const c = layout.cluster;
  // The card stays on its own side of the cluster's border: a card resting outside it (beside
  // the client or the load balancer) moves within the space left of the cluster.
  const outside = rest.x + size.w <= c.x;
  const [lo, hi] = outside ? [8, c.x - 12] : [c.x + 12, c.x + c.w - 12];
  const right = badge.x + badge.w + 12;
  if (right >= lo && right + size.w <= hi) return { x: right, y: rest.y };
  const left = badge.x - 12 - size.w;
  if (left >= lo && left + size.w <= hi) return { x: left, y: rest.y };
  // Beside it there is no room: above the badge outside the cluster, below it inside.
  return outside ? { x: rest.x, y: badge.y - size.h - 8 } : { x: rest.x, y: badge.y + badge.h + 8 };
}

/**
 * What the card should not land on at the end of a hop: the pod, the load
 * balancer or the client box it arrives at; for a node, whose box holds the
 * whole route inside it, just the gate or port where the wire arrives.
 */
function targetBox(layout: DiagramLayout, hop: Hop, end: Point): Box | undefined {
  if (!hop.to) return undefined;
  if (hop.to === CLIENT) return layout.client;
  if (isLoadBalancer(hop.to)) return layout.lb;
  if (nodeOf(layout, hop.to)) return { x: end.x, y: end.y, w: 0, h: 0 };
  return podOf(layout, hop.to)?.box;
}

/**
 * The wire points the card travels through: the wire less its last stretch
 * into the device it arrives at, so the card docks beside the pod or the box
 * (where it rests) instead of landing on its name and jumping back.
 */
export function flightPoints(layout: DiagramLayout, hop: Hop, points: readonly Point[]): Point[] {
  const c = layout.cluster;
  const fromOutside = hop.from === CLIENT || isLoadBalancer(hop.from);
  if (fromOutside && hop.to && !isLoadBalancer(hop.to) && hop.to !== CLIENT) {
    // Into the cluster: the card rests outside it (cardRest), so it follows the wire to the
    // cluster's edge and turns there, rather than running in and coming all the way back.
    const outside = points.filter((p, i) => i === 0 || p.x < c.x);
    if (outside.length >= 2) return outside;
  }
  const last = points[points.length - 1];
  const box = last && targetBox(layout, hop, last);
  if (!box) return [...points];
  const near = { x: box.x - 20, y: box.y - 20, w: box.w + 40, h: box.h + 40 };
  const inside = (p: Point) =>
    p.x >= near.x && p.x <= near.x + near.w && p.y >= near.y && p.y <= near.y + near.h;
  let end = points.length;
  while (end > 1 && inside(points[end - 1] as Point)) end--;
  // A hop that runs wholly beside its target (a reply up into its own node) keeps its wire.
  return end >= 2 ? points.slice(0, end) : [...points];
}

/** The badge's font size: 28 px or more on a 1080p projector, read from the back of the room. */
export const BADGE_FONT = 28;
/** A bold badge line's drawn width: bold text runs wider than the estimate. */
const badgeLineWidth = (line: string) => textWidth(line, BADGE_FONT) * 1.14 + 30;
export const BADGE_LINE = 36;

/** Where a badge goes and how it breaks into lines. */
export interface BadgePlace {
  /** Bottom centre, or bottom left with `align: 'left'`; the top with `hang`. */
  readonly at: Point;
  /** The badge hangs below `at` (from the top of a node's corridor) instead of standing on it. */
  readonly hang?: boolean;
  readonly text: string;
  readonly align: 'center' | 'left';
  /** The x range of the box it belongs in (e.g. the pod's node), if any. */
  readonly within?: readonly [number, number] | undefined;
  /** Where it was moved to, clear of labels and wires (`movedBadge`): its box, as laid out. */
  readonly moved?: { readonly lines: readonly string[]; readonly box: Box };
}

/**
 * A badge's lines and box: it stays inside `within`, putting each rewrite on a
 * line of its own when one line would not fit.
 */
export function badgeLayout({ at, text, align, within, hang, moved }: BadgePlace): {
  lines: string[];
  box: Box;
} {
  if (moved) return { lines: [...moved.lines], box: moved.box };
  const room = within ? within[1] - within[0] : Infinity;
  const lines = badgeLineWidth(text) <= room ? [text] : text.split(' · ');
  const w = Math.max(...lines.map(badgeLineWidth));
  const wanted = align === 'left' ? at.x : at.x - w / 2;
  const x = within ? Math.max(within[0], Math.min(wanted, within[1] - w)) : Math.max(8, wanted);
  const h = 46 + BADGE_LINE * (lines.length - 1);
  return { lines, box: { x, y: hang ? at.y : at.y - 22 - h, w, h } };
}

/**
 * Where the card waits at the device that sends `hop`, while the device
 * rewrites it: inside a node, in its corridor by the gate (below the badge);
 * below a load balancer (its badge is above it); in the corridor above a pod.
 * The client rewrites nothing: a hop from it has no dock. The dock is moved
 * off the badge if it would cover it.
 */
export function dockAt(
  layout: DiagramLayout,
  hop: Hop,
  size: CardSize,
  badge: Box | null,
): Point | null {
  const c = layout.cluster;
  const inCluster = (x: number) => Math.min(Math.max(c.x + 12, x), c.x + c.w - size.w - 12);
  let at: Point | null = null;
  if (isLoadBalancer(hop.from)) {
    const lb = layout.lb;
    at = {
      x: Math.max(16, Math.min(c.x - 24 - size.w, lb.x + lb.w / 2 - size.w / 2)),
      y: lb.y + lb.h + 16,
    };
  }
  const node = nodeOf(layout, hop.from);
  if (node) {
    // By the side of the node the wire leaves from (the gate is on its left).
    const start = hopPoints(layout, hop)[0] ?? node.gate;
    const x = start.x > node.box.x + node.box.w / 2 ? start.x - size.w - 10 : node.corridor.x + 4;
    at = { x: inCluster(x), y: belowBadge(node.corridor) };
  }
  const pod = podOf(layout, hop.from);
  const home = homeOf(layout, pod);
  if (pod && home)
    at = { x: inCluster(pod.box.x + pod.box.w / 2 - size.w / 2), y: belowBadge(home.corridor) };
  return at && clearOf(at, size, badge, layout);
}
