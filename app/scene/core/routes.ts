import { line, curveBasis } from 'd3-shape';
import type { Hop } from '../../model';
import { center, type Box, type Point } from './geometry';
import type { DiagramLayout, NodeLayout, PodLayout } from './layout';

/** The wires of the diagram: where a hop leaves and arrives, and the points its wire passes through. */

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
