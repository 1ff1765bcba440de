import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SLIDES, topologyOf, traceFor } from '../../deck';
import { trace, type Hop } from '../../model';
import { caseArb } from '../../test-support/random-cases';
import { textWidth, type Box, type Point } from './geometry';
import { layoutDiagram, type DiagramLayout } from './layout';
import { hopPath, hopPoints, homeOf, nodeOf, podOf } from './routes';
import { samplePath } from './sample-path';
import { bigSpecArb, bigTopology, devicesOf, syntheticHop } from './test-topologies';

/** A box less a margin: a wire may run along an edge, or end at it, but not cross in. */
const core = (b: Box, m = 3): Box => ({ x: b.x + m, y: b.y + m, w: b.w - 2 * m, h: b.h - 2 * m });
const within = (p: Point, b: Box) => p.x > b.x && p.x < b.x + b.w && p.y > b.y && p.y < b.y + b.h;

/** The line of text a node's label takes: no wire runs across a node's name, address or range. */
const lineBox = (
  p: { x: number; y: number; fontSize: number },
  text: string,
  bold = false,
): Box => ({
  x: p.x,
  y: p.y - p.fontSize * 0.75,
  w: textWidth(text, p.fontSize) * (bold ? 1.1 : 1),
  h: p.fontSize * 0.95,
});

/** The boxes a hop's wire must stay out of: every box but those of the devices on its hop. */
function forbidden(layout: DiagramLayout, hop: Hop): [string, Box][] {
  const devices = [hop.from, hop.to ?? '', hop.via ?? ''].filter((d) => d !== '');
  const allowed = new Set<string>();
  for (const d of devices) {
    allowed.add(d);
    const home = homeOf(layout, podOf(layout, d));
    if (home) allowed.add(`node:${home.id}`);
  }
  const out: [string, Box][] = [
    ['the client', layout.client],
    ['the load balancer', layout.lb],
    ['the policy', layout.policyTag],
  ].filter(([name]) =>
    name === 'the client'
      ? !allowed.has('client')
      : name === 'the load balancer'
        ? ![...allowed].some((d) => d.startsWith('lb:'))
        : true,
  ) as [string, Box][];
  const to = hop.to ? nodeOf(layout, hop.to) : undefined;
  const pill = to?.ports.find((p) => p.label === `:${hop.packet.dst.port}`);
  for (const n of layout.nodes) {
    if (!allowed.has(`node:${n.id}`)) out.push([n.id, n.box]);
    out.push(
      [`${n.id}'s name`, lineBox(n.labels.name, 'Node1:', true)],
      [`${n.id}'s address`, lineBox(n.labels.ip, n.labels.ip.text)],
      [`${n.id}'s pod range`, lineBox(n.labels.range, n.labels.range.text)],
    );
    for (const p of n.ports) if (p !== pill) out.push([`${n.id}${p.label}`, p.box]);
  }
  for (const p of layout.pods) if (!allowed.has(`pod:${p.id}`)) out.push([p.id, p.box]);
  return out;
}

/** The boxes a hop's wire, as drawn, passes through without entering them. */
function crossings(layout: DiagramLayout, hop: Hop): string[] {
  const path = samplePath(hopPath(hopPoints(layout, hop)));
  return forbidden(layout, hop)
    .filter(([, box]) => path.some((p) => within(p, core(box))))
    .map(([name]) => name);
}

const talkCases = () => {
  const cases: { where: string; hop: Hop; layout: DiagramLayout }[] = [];
  for (const slide of SLIDES)
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
  return cases;
};

describe('hop wires enter only the boxes of the devices on their hop', () => {
  const cases = talkCases();

  it('on every hop of the talk, forward and reply, under both policies', () => {
    expect(cases.length).toBeGreaterThan(200);
    const crossed = cases.flatMap(({ where, hop, layout }) =>
      crossings(layout, hop).map((box) => `${where} crosses ${box}`),
    );
    expect(crossed).toEqual([]);
  });

  it('53 under Local: the load balancer’s wire to Node2 goes around Node1, the reply around the VIP', () => {
    const here = cases.filter((c) => c.where.startsWith('53.0 Local'));
    const toNode2 = here.find((c) => c.hop.from === 'lb:vip' && c.hop.to === 'node:node2');
    const reply = here.find((c) => c.hop.direction === 'return' && c.hop.to === 'client');
    expect(toNode2 && reply).toBeTruthy();
    for (const c of [toNode2, reply]) {
      if (!c) continue;
      const path = samplePath(hopPath(hopPoints(c.layout, c.hop)));
      const node1 = c.layout.nodes[0]?.box as Box;
      expect(
        path.some((p) => within(p, core(node1))),
        c.where,
      ).toBe(false);
      expect(
        path.some((p) => within(p, core(c.layout.lb))),
        c.where,
      ).toBe(false);
    }
  });

  it('3a’s reply goes from the node straight to the client, around the load balancer', () => {
    const replies = cases.filter(
      (c) =>
        c.where.startsWith('5') &&
        c.hop.direction === 'return' &&
        c.hop.from.startsWith('node:') &&
        c.hop.to === 'client',
    );
    expect(replies.length).toBeGreaterThan(0);
    for (const c of replies) {
      const path = samplePath(hopPath(hopPoints(c.layout, c.hop)));
      expect(
        path.some((p) => within(p, core(c.layout.lb))),
        c.where,
      ).toBe(false);
      // It ends at the client's edge, facing the cluster.
      const end = path[path.length - 1] as Point;
      expect(end.x).toBeCloseTo(c.layout.client.x + c.layout.client.w, 0);
    }
  });

  it('on random topologies, for every hop the simulator makes', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const t = trace(c.scenario);
        if (!t.ok) return;
        const layout = layoutDiagram(c.t, {
          nodePortServices: c.t.services.map((s) => s.id),
        });
        for (const hop of [...t.value.forward, ...t.value.back])
          expect(crossings(layout, hop), `${hop.from}→${hop.to}`).toEqual([]);
      }),
      { seed: 7, numRuns: 150 },
    );
  });

  it('between any two devices of a random cluster of up to 12 nodes', () => {
    fc.assert(
      fc.property(
        bigSpecArb,
        fc.nat(),
        fc.nat(),
        fc.boolean(),
        fc.nat(3),
        (spec, i, j, back, portIndex) => {
          const topology = bigTopology(spec);
          const devices = devicesOf(topology);
          const from = devices[i % devices.length] as string;
          const to = devices[j % devices.length] as string;
          if (from === to) return;
          const layout = layoutDiagram(topology, {
            nodePortServices: topology.services.map((s) => s.id),
          });
          const port = 30000 + portIndex;
          const hop = syntheticHop(from, to, back ? 'return' : 'forward', port);
          expect(crossings(layout, hop), `${from}→${to} :${port}`).toEqual([]);
          // It starts and ends at the devices' edges, on the stage.
          const points = hopPoints(layout, hop);
          for (const p of points) expect(within(p, { x: 0, y: 0, w: 1600, h: 900 })).toBe(true);
        },
      ),
      { seed: 11, numRuns: 300 },
    );
  });
});
