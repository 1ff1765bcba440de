import { line, curveBasis } from 'd3-shape';
import type { Hop } from '../model';
import { center, overlaps, textWidth, type Box, type Point } from './geometry';
import type { DiagramLayout, NodeLayout, PodLayout } from './layout';

const mid = (b: Box, side: 'left' | 'right' | 'top'): Point =>
  side === 'left'
    ? { x: b.x, y: b.y + b.h / 2 }
    : side === 'right'
      ? { x: b.x + b.w, y: b.y + b.h / 2 }
      : { x: b.x + b.w / 2, y: b.y };

const nodeOf = (layout: DiagramLayout, device: string): NodeLayout | undefined =>
  layout.nodes.find((n) => `node:${n.id}` === device);

const podOf = (layout: DiagramLayout, device: string): PodLayout | undefined =>
  layout.pods.find((p) => `pod:${p.id}` === device);

/** The node a pod runs on. */
const homeOf = (layout: DiagramLayout, pod: PodLayout | undefined): NodeLayout | undefined =>
  pod && layout.nodes.find((n) => n.id === pod.node);

/** Where a hop leaves a device or arrives at it. */
export function anchor(layout: DiagramLayout, device: string, end: 'from' | 'to', hop: Hop): Point {
  if (device === 'client') return mid(layout.client, 'right');
  if (device.startsWith('lb:')) {
    // The request comes in from the client's side and goes on into the cluster; a reply the other way.
    const clientSide = (end === 'to') === (hop.direction === 'forward');
    return mid(layout.lb, clientSide ? 'left' : 'right');
  }
  const node = nodeOf(layout, device);
  if (node) {
    // A packet for a node port arrives at that port's tag; everything else at kube-proxy's gate.
    const port =
      end === 'to' ? node.ports.find((p) => p.label === `:${hop.packet.dst.port}`) : undefined;
    return port ? mid(port.box, 'top') : node.gate;
  }
  const pod = podOf(layout, device);
  if (pod) return mid(pod.box, 'top');
  return center(layout.cluster);
}

/**
 * Where the rewrite badge goes: centred above the load balancer or the pod
 * that rewrote, or just inside the node beside kube-proxy's gate.
 */
export function badgeAnchor(layout: DiagramLayout, hop: Hop): Point {
  if (hop.from.startsWith('lb:')) return { x: layout.lb.x + layout.lb.w / 2, y: layout.lb.y - 4 };
  const pod = podOf(layout, hop.from);
  if (pod) return { x: pod.box.x + pod.box.w / 2, y: pod.box.y - 4 };
  const node = nodeOf(layout, hop.from);
  if (node) return { x: node.box.x + 14, y: node.corridor.y + 50 };
  return anchor(layout, hop.from, 'from', hop);
}

/**
 * The x range a rewrite badge must stay in: a pod's badge stays inside the
 * pod's node, the load balancer's outside the cluster (so it never lies across
 * the cluster's border and the wire going in).
 */
export function badgeBounds(
  layout: DiagramLayout,
  hop: Hop,
): readonly [number, number] | undefined {
  if (hop.from.startsWith('lb:')) return [8, layout.cluster.x - 12];
  const node = homeOf(layout, podOf(layout, hop.from));
  return node ? [node.box.x + 6, node.box.x + node.box.w - 6] : undefined;
}

/** The points a hop's wire passes through: straight-ish outside, through the node corridor inside. */
export function hopPoints(layout: DiagramLayout, hop: Hop): Point[] {
  const a = anchor(layout, hop.from, 'from', hop);
  if (!hop.to) {
    // A drop: a short stub out of the device, going nowhere.
    return [a, { x: a.x + 60, y: a.y }, { x: a.x + 120, y: a.y }];
  }
  const b = anchor(layout, hop.to, 'to', hop);
  const fromPod = podOf(layout, hop.from);
  if (hop.to.startsWith('pod:')) {
    // Along the corridor of the node the pod lives on, then down into the pod.
    const pod = podOf(layout, hop.to);
    const corridor = (nodeOf(layout, hop.from) ?? homeOf(layout, pod))?.corridor;
    const y = corridor ? corridor.y + corridor.h / 2 : a.y;
    const start = fromPod ? podExit(layout, fromPod, y) : [a];
    const end = pod ? podEntry(layout, pod, y) : [{ x: b.x, y }, b];
    const s = start[start.length - 1] as Point;
    const e = end[0] as Point;
    return [...start, { x: s.x + (e.x - s.x) * 0.35, y }, ...end];
  }
  const home = homeOf(layout, fromPod);
  if (fromPod && home) {
    // Leaving a pod for a node or the outside (a reply): up into its node's corridor and out
    // along it, so the wire never runs across the other pods' names.
    const y = home.corridor.y + home.corridor.h / 2;
    // Bound for outside the cluster: along the corridors to the cluster's edge, over any node
    // in between; bound for another node: out of this node's side.
    const c = layout.cluster;
    const outside = b.x < c.x || b.x > c.x + c.w;
    const left = b.x < a.x;
    const out = outside ? (left ? c.x : c.x + c.w) : left ? home.box.x : home.box.x + home.box.w;
    const midX = (out + b.x) / 2;
    return [...podExit(layout, fromPod, y), { x: out, y }, { x: midX, y }, { x: midX, y: b.y }, b];
  }
  const toTag =
    hop.to.startsWith('node:') &&
    nodeOf(layout, hop.to)?.ports.some((p) => p.label === `:${hop.packet.dst.port}`);
  if (toTag) {
    // Into a node-port tag on top of the node: over the top, then down.
    const lift = Math.min(a.y, b.y) - 40;
    return [a, { x: a.x + (b.x - a.x) * 0.3, y: lift }, { x: a.x + (b.x - a.x) * 0.7, y: lift }, b];
  }
  // Side to side (into a node's gate, or between devices outside the cluster): an S-curve.
  // From outside into the cluster it climbs to the gate's height before the cluster's edge,
  // then runs along the corridors, clear of the pods of any node on the way.
  const c = layout.cluster;
  const entering = a.x < c.x && b.x > c.x;
  const midX = entering ? Math.min((a.x + b.x) / 2, c.x - 24) : (a.x + b.x) / 2;
  return [a, { x: midX, y: a.y }, { x: midX, y: b.y }, b];
}

/** Whether another pod stands between `pod` and the corridor at height `y`, in its column. */
function coveredFromAbove(layout: DiagramLayout, pod: PodLayout, y: number): boolean {
  const b = pod.box;
  const x = b.x + b.w / 2;
  return layout.pods.some(
    (p) =>
      p !== pod &&
      p.box.x <= x &&
      x <= p.box.x + p.box.w &&
      p.box.y + p.box.h <= b.y &&
      p.box.y + p.box.h > y,
  );
}

/** Out of a pod and up to the corridor at height `y`: from its top, or, with a pod above it (an ingress pod), from its side and up the gap beside its column. */
function podExit(layout: DiagramLayout, pod: PodLayout, y: number): Point[] {
  const b = pod.box;
  if (!coveredFromAbove(layout, pod, y)) return [mid(b, 'top'), { x: b.x + b.w / 2, y }];
  const side = { x: b.x, y: b.y + b.h / 2 };
  // Each corner twice: the spline then turns tightly, inside the narrow gap between columns,
  // instead of cutting the corner across the neighbouring pod.
  const low = { x: b.x - 9, y: side.y };
  const high = { x: b.x - 9, y };
  return [side, low, low, high, high];
}

/** From the corridor at height `y` into a pod: the way `podExit` leaves it, reversed. */
function podEntry(layout: DiagramLayout, pod: PodLayout, y: number): Point[] {
  const b = pod.box;
  if (!coveredFromAbove(layout, pod, y))
    return [{ x: b.x + b.w / 2, y }, { x: b.x + b.w / 2, y: b.y - 20 }, mid(b, 'top')];
  const high = { x: b.x - 9, y };
  const low = { x: b.x - 9, y: b.y + b.h / 2 };
  return [high, high, low, low, { x: b.x, y: low.y }];
}

const pathLine = line<Point>()
  .x((p) => p.x)
  .y((p) => p.y)
  .curve(curveBasis);

/** The SVG path of a hop's wire. */
export const hopPath = (points: readonly Point[]): string => pathLine(points as Point[]) ?? '';

export interface CardSize {
  readonly w: number;
  readonly h: number;
}

export const CARD_FONT = 30;
export const CARD_LINE = 38;

/** The size of a packet card for its lines. */
export function cardSize(lines: readonly string[]): CardSize {
  const w =
    Math.max(220, ...lines.map((l, i) => textWidth(l, i < 2 ? CARD_FONT : CARD_FONT - 3) * 1.08)) +
    32;
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
  const toInside = hop.to?.startsWith('node:') || hop.to?.startsWith('pod:');
  const fromInside = hop.from.startsWith('node:') || hop.from.startsWith('pod:');
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
  const node =
    layout.nodes.find((n) => `node:${n.id}` === hop.to || `node:${n.id}` === hop.from) ??
    layout.nodes.find((n) =>
      layout.pods.some((p) => `pod:${p.id}` === hop.to && p.node === n.id),
    ) ??
    layout.nodes[0];
  const corridor = node?.corridor ?? c;
  const target = hop.to ? last.x : first.x + 60;
  const x = Math.min(Math.max(c.x + 12, target - size.w / 2), c.x + c.w - size.w - 12);
  // Below the rewrite badge, which docks at the top of the corridor.
  return { x, y: corridor.y + 48 };
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
  if (hop.to === 'client') return layout.client;
  if (hop.to.startsWith('lb:')) return layout.lb;
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
  const fromOutside = hop.from === 'client' || hop.from.startsWith('lb:');
  if (fromOutside && hop.to && !hop.to.startsWith('lb:') && hop.to !== 'client') {
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
