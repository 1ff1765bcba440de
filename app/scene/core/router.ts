import { textWidth, type Box, type Point } from './geometry';
import type { DiagramLayout } from './layout';

/**
 * A small orthogonal router over the diagram's free space: wires run along
 * horizontal and vertical lanes (the layout's channels, and lines just clear of
 * every box), never through a box, with as few turns as it can. Every wire
 * leaves its device by a door in a lane (see routes.ts); this finds the way
 * between two doors. Pure numbers, so it runs in Node and is tested there.
 */

/** A point where a wire leaves a device, and the axis it leaves along. */
export interface Door extends Point {
  readonly axis: 'h' | 'v';
}

export interface Terminal {
  readonly door: Door;
  /** The length already spent getting from the device to the door. */
  readonly cost: number;
}

export interface Route {
  /** Which of the starts and ends the route joins. */
  readonly from: number;
  readonly to: number;
  /** The corners from the start's door to the end's. */
  readonly points: readonly Point[];
}

/** How far a wire keeps from a box it passes. */
export const CLEAR = 12;
/** A turn costs as much as this much length: wires prefer a longer straight way to a wiggle. */
const BEND = 160;
/** Lanes just outside each box, this far from its edge. */
const OFFSET = 22;

/** Every box a wire between two doors goes around. */
export function obstacles(layout: DiagramLayout): Box[] {
  const label = layout.clusterLabel;
  return [
    ...layout.nodes.map((n) => n.box),
    layout.client,
    layout.lb,
    layout.policyTag,
    layout.legend,
    ...(layout.heading ? [layout.heading] : []),
    ...(layout.panel ? [layout.panel] : []),
    {
      x: label.x - 4,
      y: label.y - label.fontSize,
      w: textWidth('Cluster: 100.100.100.100/16', label.fontSize) * 1.1,
      h: label.fontSize * 1.3,
    },
  ];
}

const blocks = (b: Box, x1: number, y1: number, x2: number, y2: number) =>
  Math.max(x1, x2) > b.x - CLEAR &&
  Math.min(x1, x2) < b.x + b.w + CLEAR &&
  Math.max(y1, y2) > b.y - CLEAR &&
  Math.min(y1, y2) < b.y + b.h + CLEAR;

const uniq = (values: number[], lo: number, hi: number) =>
  [...new Set(values.map((v) => Math.round(v * 100) / 100))]
    .filter((v) => v >= lo && v <= hi)
    .sort((a, b) => a - b);

/** A binary min-heap of states keyed by cost. */
class Heap {
  private readonly keys: number[] = [];
  private readonly items: number[] = [];
  get size() {
    return this.items.length;
  }
  push(item: number, key: number) {
    const { keys, items } = this;
    let i = items.length;
    keys.push(key);
    items.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((keys[parent] as number) <= key) break;
      keys[i] = keys[parent] as number;
      items[i] = items[parent] as number;
      i = parent;
    }
    keys[i] = key;
    items[i] = item;
  }
  pop(): [number, number] {
    const { keys, items } = this;
    const top: [number, number] = [items[0] as number, keys[0] as number];
    const lastKey = keys.pop() as number;
    const lastItem = items.pop() as number;
    if (items.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= items.length) break;
        const r = l + 1;
        const c = r < items.length && (keys[r] as number) < (keys[l] as number) ? r : l;
        if ((keys[c] as number) >= lastKey) break;
        keys[i] = keys[c] as number;
        items[i] = items[c] as number;
        i = c;
      }
      keys[i] = lastKey;
      items[i] = lastItem;
    }
    return top;
  }
}

/**
 * The cheapest way from one of `starts` to one of `ends` along the lanes:
 * length plus a cost per turn, plus each terminal's own cost. Null when the
 * boxes leave no way (never on a layout from `layoutDiagram`).
 */
export function orthogonalRoute(
  layout: DiagramLayout,
  starts: readonly Terminal[],
  ends: readonly Terminal[],
): Route | null {
  const boxes = obstacles(layout);
  const doors = [...starts, ...ends].map((t) => t.door);
  const xs = uniq(
    [
      ...layout.channels.xs,
      ...doors.map((d) => d.x),
      ...boxes.flatMap((b) => [b.x - OFFSET, b.x + b.w + OFFSET]),
    ],
    4,
    1596,
  );
  const ys = uniq(
    [
      ...layout.channels.ys,
      ...doors.map((d) => d.y),
      ...boxes.flatMap((b) => [b.y - OFFSET, b.y + b.h + OFFSET]),
    ],
    4,
    896,
  );
  const nx = xs.length;
  const index = (p: Point) => {
    const i = xs.indexOf(Math.round(p.x * 100) / 100);
    const j = ys.indexOf(Math.round(p.y * 100) / 100);
    return i < 0 || j < 0 ? -1 : j * nx + i;
  };
  const free = (x1: number, y1: number, x2: number, y2: number) =>
    !boxes.some((b) => blocks(b, x1, y1, x2, y2));

  // States: a grid point and the axis the wire moves along there (0 across, 1 up or down).
  const total = nx * ys.length;
  const dist = new Float64Array(total * 2).fill(Infinity);
  const prev = new Int32Array(total * 2).fill(-1);
  const startOf = new Int32Array(total * 2).fill(-1);
  const heap = new Heap();
  starts.forEach((s, k) => {
    const i = index(s.door);
    if (i < 0) return;
    const state = i * 2 + (s.door.axis === 'h' ? 0 : 1);
    if (s.cost < (dist[state] as number)) {
      dist[state] = s.cost;
      startOf[state] = k;
      heap.push(state, s.cost);
    }
  });
  const endAt = new Map<number, number[]>();
  ends.forEach((e, k) => {
    const i = index(e.door);
    if (i >= 0) endAt.set(i, [...(endAt.get(i) ?? []), k]);
  });

  let best: { cost: number; state: number; end: number } | null = null;
  while (heap.size > 0) {
    const [state, cost] = heap.pop();
    if (cost > (dist[state] as number)) continue;
    if (best && cost >= best.cost) break;
    const i = state >> 1;
    const axis = state & 1;
    for (const k of endAt.get(i) ?? []) {
      const e = ends[k] as Terminal;
      const arrive = cost + e.cost + ((e.door.axis === 'h' ? 0 : 1) === axis ? 0 : BEND);
      if (!best || arrive < best.cost) best = { cost: arrive, state, end: k };
    }
    const gx = i % nx;
    const gy = (i - gx) / nx;
    const x = xs[gx] as number;
    const y = ys[gy] as number;
    for (const [dx, dy] of [
      [1, 0],
      [-1, 0],
      [0, 1],
      [0, -1],
    ] as const) {
      const tx = gx + dx;
      const ty = gy + dy;
      if (tx < 0 || ty < 0 || tx >= nx || ty >= ys.length) continue;
      const x2 = xs[tx] as number;
      const y2 = ys[ty] as number;
      if (!free(x, y, x2, y2)) continue;
      const moveAxis = dx !== 0 ? 0 : 1;
      const next = (ty * nx + tx) * 2 + moveAxis;
      const c = cost + Math.abs(x2 - x) + Math.abs(y2 - y) + (moveAxis === axis ? 0 : BEND);
      if (c < (dist[next] as number)) {
        dist[next] = c;
        prev[next] = state;
        startOf[next] = startOf[state] as number;
        heap.push(next, c);
      }
    }
  }
  if (!best) return null;
  const points: Point[] = [];
  for (let s = best.state; s >= 0; s = prev[s] as number) {
    const i = s >> 1;
    points.push({ x: xs[i % nx] as number, y: ys[Math.floor(i / nx)] as number });
  }
  points.reverse();
  return { from: startOf[best.state] as number, to: best.end, points };
}
