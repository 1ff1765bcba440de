import { describe, expect, it } from 'vitest';
import { SLIDES, topologyOf, traceFor } from '../deck';
import type { Hop } from '../model';
import type { Box, Point } from './geometry';
import { layoutDiagram } from './layout';
import { hopPoints } from './paths';

/** Where a pod's name and address are written: its box less a small margin for the curve. */
const labelArea = (b: Box): Box => ({ x: b.x + 6, y: b.y + 6, w: b.w - 12, h: b.h - 12 });

const within = (p: Point, b: Box) => p.x > b.x && p.x < b.x + b.w && p.y > b.y && p.y < b.y + b.h;

/** Points every 4 units along the wire's polyline. */
function sample(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Point;
    const b = points[i] as Point;
    const n = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / 4));
    for (let k = 0; k <= n; k++)
      out.push({ x: a.x + ((b.x - a.x) * k) / n, y: a.y + ((b.y - a.y) * k) / n });
  }
  return out;
}

describe('hop wires', () => {
  // Every hop of every diagram step, both ways and under both policies.
  const cases: { where: string; hop: Hop; layout: ReturnType<typeof layoutDiagram> }[] = [];
  for (const slide of SLIDES) {
    slide.steps.forEach((step, k) => {
      const scene = step.scene;
      if (!scene?.mode) return;
      const layout = layoutDiagram(topologyOf(scene.variant), {
        nodePortServices: scene.nodePorts ? ['svc-a', 'svc-b'] : [],
      });
      for (const policy of ['Cluster', 'Local'] as const) {
        const t = traceFor(scene, policy);
        if (!t?.ok) continue;
        for (const hop of [...t.value.forward, ...t.value.back])
          cases.push({
            where: `${slide.n}.${k} ${policy} ${hop.direction} ${hop.from}→${hop.to}`,
            hop,
            layout,
          });
      }
    });
  }

  it('covers the talk’s packets', () => {
    expect(cases.length).toBeGreaterThan(200);
  });

  it('never run across the name of a pod they do not start or end at', () => {
    const crossings: string[] = [];
    for (const { where, hop, layout } of cases) {
      const path = sample(hopPoints(layout, hop));
      for (const pod of layout.pods) {
        if (hop.from === `pod:${pod.id}` || hop.to === `pod:${pod.id}`) continue;
        if (path.some((p) => within(p, labelArea(pod.box))))
          crossings.push(`${where} crosses ${pod.id}`);
      }
    }
    expect(crossings).toEqual([]);
  });
});
