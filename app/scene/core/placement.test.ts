import { describe, expect, it } from 'vitest';
import { SLIDES, topologyOf, traceFor } from '../../deck';
import { packetLines, type Hop } from '../../model';
import { rewriteBadge } from '../../deck';
import { badgeLayout } from './placement';
import { overlaps, type Box, type Point } from './geometry';
import { layoutDiagram } from './layout';
import { badgeAnchor, badgeBounds, cardRest, cardSize, clearOf, flightPoints } from './placement';
import { hopPath, hopPoints } from './routes';
import { samplePath } from './sample-path';

/** Where a pod's name and address are written: its box less a small margin. */
const labelArea = (b: Box): Box => ({ x: b.x + 6, y: b.y + 6, w: b.w - 12, h: b.h - 12 });

const within = (p: Point, b: Box) => p.x > b.x && p.x < b.x + b.w && p.y > b.y && p.y < b.y + b.h;

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
      const path = samplePath(hopPath(hopPoints(layout, hop)));
      for (const pod of layout.pods) {
        if (hop.from === `pod:${pod.id}` || hop.to === `pod:${pod.id}`) continue;
        if (path.some((p) => within(p, labelArea(pod.box))))
          crossings.push(`${where} crosses ${pod.id}`);
      }
    }
    expect(crossings).toEqual([]);
  });

  it('leave the packet card resting clear of the rewrite badge, on its side of the cluster, in words and in addresses', () => {
    const covered: string[] = [];
    let badges = 0;
    for (const { where, hop, layout } of cases) {
      const text = rewriteBadge(hop);
      if (!text) continue;
      badges++;
      const badge = badgeLayout({
        at: badgeAnchor(layout, hop),
        text,
        align: hop.from.startsWith('node:') ? 'left' : 'center',
        within: badgeBounds(layout, hop),
      }).box;
      for (const view of ['talk', 'ip'] as const) {
        const size = cardSize(packetLines(hop.packet, view));
        const before = cardRest(layout, hop, size);
        const rest = clearOf(before, size, badge, layout);
        const card = { ...rest, ...size };
        const c = layout.cluster;
        if (overlaps(card, badge)) covered.push(`${where} (${view}) covers the badge`);
        // On its own side of the cluster's border, and on the stage.
        const outside = (b: Box) => b.x + b.w <= c.x;
        if (outside({ ...before, ...size }) !== outside(card))
          covered.push(`${where} (${view}) crosses the cluster's border`);
        if (card.x < 0 || card.y < 0 || card.x + card.w > 1600 || card.y + card.h > 900)
          covered.push(`${where} (${view}) leaves the stage`);
        if (outside(card) && overlaps(card, layout.client))
          covered.push(`${where} (${view}) covers the client`);
      }
    }
    expect(badges).toBeGreaterThan(50);
    expect(covered).toEqual([]);
  });

  it('carry the card along the wire to beside the device it arrives at, never onto its name', () => {
    const landed: string[] = [];
    for (const { where, hop, layout } of cases) {
      const wire = hopPoints(layout, hop);
      const flight = flightPoints(layout, hop, wire);
      if (flight.length < 2 && wire.length >= 2) landed.push(`${where}: no travel`);
      const pod = layout.pods.find((p) => hop.to === `pod:${p.id}`);
      const end = flight[flight.length - 1] as Point;
      if (pod && within(end, pod.box)) landed.push(`${where}: ends on ${pod.id}`);
    }
    expect(landed).toEqual([]);
  });

  it('meet the load balancer at its edge, the request from the client’s side and the reply from the cluster’s, never across its name', () => {
    const crossings: string[] = [];
    for (const { where, hop, layout } of cases) {
      if (!hop.from.startsWith('lb:') && !hop.to?.startsWith('lb:')) continue;
      const path = samplePath(hopPath(hopPoints(layout, hop)));
      // The box less a margin for the wire's own end (and its arrowhead) at the edge.
      const lb = layout.lb;
      const inside = { x: lb.x + 12, y: lb.y + 12, w: lb.w - 24, h: lb.h - 24 };
      if (path.some((p) => within(p, inside))) crossings.push(where);
    }
    expect(cases.some((c) => c.hop.direction === 'return' && c.hop.to?.startsWith('lb:'))).toBe(
      true,
    );
    expect(crossings).toEqual([]);
  });
});
