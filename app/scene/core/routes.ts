import { line, curveBasis } from 'd3-shape';
import type { DeviceId, Hop } from '../../model';
import { center, type Box, type Point } from './geometry';
import type { DiagramLayout, NodeLayout, PodLayout } from './layout';
import { orthogonalRoute, type Door } from './router';

/**
 * The wires of the diagram: where a hop leaves and arrives, and the points its
 * wire passes through. A wire enters only the boxes of the devices on its hop
 * (the sender, the receiver, the node a pod's traffic passes through); between
 * them it runs in the free lanes around every other box (see `router.ts`).
 */

export const mid = (b: Box, side: 'left' | 'right' | 'top'): Point =>
  side === 'left'
    ? { x: b.x, y: b.y + b.h / 2 }
    : side === 'right'
      ? { x: b.x + b.w, y: b.y + b.h / 2 }
      : { x: b.x + b.w / 2, y: b.y };

export const nodeOf = (layout: DiagramLayout, device: string): NodeLayout | undefined =>
  layout.nodes.find((n) => `node:${n.id}` === device);

export const podOf = (layout: DiagramLayout, device: string): PodLayout | undefined =>
  layout.pods.find((p) => `pod:${p.id}` === device);

/** The node a pod runs on. */
export const homeOf = (layout: DiagramLayout, pod: PodLayout | undefined): NodeLayout | undefined =>
  pod && layout.nodes.find((n) => n.id === pod.node);

/** The node-port tag a hop arrives at, when it is addressed to one of the node's ports. */
const portTag = (node: NodeLayout, hop: Hop) =>
  node.ports.find((p) => p.label === `:${hop.packet.dst.port}`);

/** Whether the load balancer's side facing the client is the one this end of the hop uses. */
const clientSide = (end: 'from' | 'to', hop: Hop) =>
  (end === 'to') === (hop.direction === 'forward');

/** Where a hop leaves a device or arrives at it. */
export function anchor(layout: DiagramLayout, device: string, end: 'from' | 'to', hop: Hop): Point {
  if (device === 'client') return mid(layout.client, 'right');
  if (device.startsWith('lb:')) return mid(layout.lb, clientSide(end, hop) ? 'left' : 'right');
  const node = nodeOf(layout, device);
  if (node) {
    // A packet for a node port arrives at that port's tag; everything else at kube-proxy's gate.
    const port = end === 'to' ? portTag(node, hop) : undefined;
    return port ? mid(port.box, 'top') : node.gate;
  }
  const pod = podOf(layout, device);
  if (pod) return podTop(pod.box, end);
  return center(layout.cluster);
}

/**
 * Where a wire meets a pod's top: a little left of the middle coming in, a
 * little right going out, so an ingress pod's way in and its new connection
 * out are two lines, each with its own arrowhead.
 */
const podTop = (b: Box, end: 'from' | 'to'): Point => ({
  x: b.x + b.w * (end === 'to' ? 0.38 : 0.62),
  y: b.y,
});

/** The nearest lane left (or right) of x. */
function laneX(layout: DiagramLayout, x: number, side: -1 | 1): number {
  const xs = layout.channels.xs.filter((c) => (side < 0 ? c < x : c > x));
  return (side < 0 ? xs[xs.length - 1] : xs[0]) ?? x + side * 20;
}

/** The nearest lane above y. */
function laneAbove(layout: DiagramLayout, y: number): number {
  const ys = layout.channels.ys.filter((c) => c < y);
  return ys[ys.length - 1] ?? y - 20;
}

/** A way out of a device: its points from the device's edge to a door in a free lane. */
interface Exit {
  /** From the device outward; the last point is the door. */
  readonly path: readonly Point[];
  readonly door: Door;
  /** The node it runs inside before the door (a node's own, or its pod's), if any. */
  readonly node?: NodeLayout;
  /** Its part inside that node: from the device to the corridor (a node's: its gate). */
  readonly inside?: readonly Point[];
}

/** Whether another pod stands between `pod` and the corridor above it, in its column. */
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

/** The half-gap beside a pod, towards `side`, up to the corridor: to the nearest pod, or to the node's edge. */
function gapBeside(layout: DiagramLayout, pod: PodLayout, node: NodeLayout, side: -1 | 1): number {
  const b = pod.box;
  const edge = side < 0 ? b.x : b.x + b.w;
  let gap = side < 0 ? b.x - node.box.x : node.box.x + node.box.w - edge;
  for (const p of layout.pods) {
    // Every pod between this one and the corridor above it, in any column, bounds the gap.
    if (p === pod || p.node !== pod.node || p.box.y >= b.y + b.h) continue;
    const d = side < 0 ? b.x - (p.box.x + p.box.w) : p.box.x - edge;
    if (d >= 0) gap = Math.min(gap, d);
  }
  return gap / 2;
}

/** From inside a pod up to its node's corridor: out of its top, or, with a pod above it, out of its side and up the gap. */
function podToCorridor(
  layout: DiagramLayout,
  pod: PodLayout,
  node: NodeLayout,
  end: 'from' | 'to',
): Point[][] {
  const b = pod.box;
  const y = node.corridor.y + node.corridor.h / 2;
  const top = podTop(b, end);
  if (!coveredFromAbove(layout, pod, y)) return [[top, { x: top.x, y }]];
  return ([-1, 1] as const).map((side) => {
    const x = (side < 0 ? b.x : b.x + b.w) + side * gapBeside(layout, pod, node, side);
    const at = { x: side < 0 ? b.x : b.x + b.w, y: b.y + b.h / 2 };
    return [at, { x, y: at.y }, { x, y }];
  });
}

/** Out of a node at the corridor's height, by its left or right side, to the lane beside it. */
function nodeSides(layout: DiagramLayout, node: NodeLayout): { path: Point[]; door: Door }[] {
  const y = node.gate.y;
  return ([-1, 1] as const).map((side) => {
    const edge = side < 0 ? node.box.x : node.box.x + node.box.w;
    const door = { x: laneX(layout, edge, side), y };
    return { path: [{ x: edge, y }, door], door: { ...door, axis: 'h' as const } };
  });
}

/** Every way out of a device for this end of the hop. */
function exits(layout: DiagramLayout, device: string, end: 'from' | 'to', hop: Hop): Exit[] {
  if (device === 'client') {
    const a = mid(layout.client, 'right');
    const door = { x: laneX(layout, a.x, 1), y: a.y };
    return [{ path: [a, door], door: { ...door, axis: 'h' } }];
  }
  if (device.startsWith('lb:')) {
    const left = clientSide(end, hop);
    const a = mid(layout.lb, left ? 'left' : 'right');
    const door = { x: laneX(layout, a.x, left ? -1 : 1), y: a.y };
    return [{ path: [a, door], door: { ...door, axis: 'h' } }];
  }
  const node = nodeOf(layout, device);
  if (node) {
    const port = end === 'to' ? portTag(node, hop) : undefined;
    if (port) {
      const a = mid(port.box, 'top');
      const door = { x: a.x, y: laneAbove(layout, node.box.y) };
      return [{ path: [a, door], door: { ...door, axis: 'v' } }];
    }
    return nodeSides(layout, node).map((s) => ({ ...s, node, inside: s.path.slice(0, 1) }));
  }
  const pod = podOf(layout, device);
  const home = homeOf(layout, pod);
  if (pod && home) {
    const out: Exit[] = [];
    for (const up of podToCorridor(layout, pod, home, end))
      for (const side of nodeSides(layout, home))
        out.push({ path: [...up, ...side.path], door: side.door, node: home, inside: up });
    return out;
  }
  const c = center(layout.cluster);
  return [{ path: [c], door: { ...c, axis: 'h' } }];
}

const length = (points: readonly Point[]) =>
  points.reduce(
    (sum, p, i) => (i === 0 ? 0 : sum + Math.hypot(p.x - points[i - 1]!.x, p.y - points[i - 1]!.y)),
    0,
  );

/** Drops repeated points and the middle of three points on one line. */
function simplify(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.x - p.x) < 0.01 && Math.abs(last.y - p.y) < 0.01) continue;
    const before = out[out.length - 2];
    if (
      before &&
      last &&
      ((Math.abs(before.x - last.x) < 0.01 && Math.abs(last.x - p.x) < 0.01) ||
        (Math.abs(before.y - last.y) < 0.01 && Math.abs(last.y - p.y) < 0.01))
    )
      out.pop();
    out.push(p);
  }
  return out;
}

/** The largest rounding at a corner, in units: the spline turns within this of it. */
const ROUND = 16;

/**
 * Points that make the B-spline `hopPath` draws follow the route: at each
 * corner, two points on either side, so the curve runs straight along each
 * lane and turns within a few units of the corner instead of cutting across.
 */
function rounded(points: readonly Point[]): Point[] {
  if (points.length < 3) return [...points];
  const out: Point[] = [points[0] as Point];
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i - 1] as Point;
    const c = points[i] as Point;
    const n = points[i + 1] as Point;
    const l1 = Math.hypot(c.x - p.x, c.y - p.y);
    const l2 = Math.hypot(n.x - c.x, n.y - c.y);
    const r = Math.min(ROUND, l1 / 4, l2 / 4);
    const d1 = { x: (c.x - p.x) / l1, y: (c.y - p.y) / l1 };
    const d2 = { x: (n.x - c.x) / l2, y: (n.y - c.y) / l2 };
    out.push(
      { x: c.x - 2 * r * d1.x, y: c.y - 2 * r * d1.y },
      { x: c.x - r * d1.x, y: c.y - r * d1.y },
      c,
      { x: c.x + r * d2.x, y: c.y + r * d2.y },
      { x: c.x + 2 * r * d2.x, y: c.y + 2 * r * d2.y },
    );
  }
  out.push(points[points.length - 1] as Point);
  return out;
}

/** The route between two devices as corners: inside a shared node along its corridor, else through the lanes. */
function corners(layout: DiagramLayout, hop: Hop, to: string): Point[] {
  const from = exits(layout, hop.from, 'from', hop);
  const into = exits(layout, to, 'to', hop);
  let best: { points: Point[]; cost: number } | null = null;
  // Within one node (a node and its own pod, two pods of one node): along its corridor.
  for (const a of from)
    for (const b of into) {
      if (!a.node || a.node !== b.node || !a.inside || !b.inside) continue;
      const points = [...a.inside, ...[...b.inside].reverse()];
      const cost = length(points);
      if (!best || cost < best.cost) best = { points, cost };
    }
  if (best) return best.points;
  const route = orthogonalRoute(
    layout,
    from.map((e) => ({ door: e.door, cost: length(e.path) })),
    into.map((e) => ({ door: e.door, cost: length(e.path) })),
  );
  if (!route) return [anchor(layout, hop.from, 'from', hop), anchor(layout, to, 'to', hop)];
  const a = from[route.from] as Exit;
  const b = into[route.to] as Exit;
  return [...a.path, ...route.points, ...[...b.path].reverse()];
}

const cache = new WeakMap<DiagramLayout, Map<string, readonly Point[]>>();

/** The points a hop's wire passes through, from the sender to the receiver (computed once per layout and hop). */
export function hopPoints(layout: DiagramLayout, hop: Hop): Point[] {
  const key = `${hop.direction}|${hop.from}|${hop.to}|${hop.packet.dst.port}`;
  let routes = cache.get(layout);
  if (!routes) cache.set(layout, (routes = new Map()));
  let points = routes.get(key);
  if (!points) {
    points = hop.to ? rounded(simplify(corners(layout, hop, hop.to))) : dropStub(layout, hop);
    routes.set(key, points);
  }
  return [...points];
}

/** A drop: a short stub out of the device, going nowhere (into a node's corridor, where it stopped). */
function dropStub(layout: DiagramLayout, hop: Hop): Point[] {
  const a = anchor(layout, hop.from, 'from', hop);
  const node = nodeOf(layout, hop.from);
  const run = node ? Math.min(120, node.corridor.w / 2) : 40;
  return [a, { x: a.x + run / 2, y: a.y }, { x: a.x + run, y: a.y }];
}

const pathLine = line<Point>()
  .x((p) => p.x)
  .y((p) => p.y)
  .curve(curveBasis);

/** The SVG path of a hop's wire. */
export const hopPath = (points: readonly Point[]): string => pathLine(points as Point[]) ?? '';

/**
 * The route between any two devices, outside a trace (slide 39's arrows from
 * the client to each node): the same lanes and doors as a forward hop's wire.
 */
export function wirePoints(layout: DiagramLayout, from: DeviceId, to: DeviceId): Point[] {
  const end = { ip: null, port: null, host: '', portName: null };
  const hop: Hop = {
    index: 0,
    direction: 'forward',
    from,
    to,
    via: undefined,
    packet: { src: end, dst: end, protocol: 'tcp' },
    rewrites: [],
    connection: 1,
    kind: 'pass',
  };
  return hopPoints(layout, hop);
}
