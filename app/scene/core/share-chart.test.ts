import { describe, expect, it } from 'vitest';
import type { Scene } from '../../deck';
import {
  PACKET_SERVICE,
  shareExtras,
  shareLabels,
  SLIDES,
  talkPolicy,
  topologyOf,
} from '../../deck';
import { SINCE_SCENES } from '../../deck/since/scenes';
import type { SinceId } from '../../deck/since/words-types';
import { CLIENT, nodeDevice } from '../../model';
import { inside, overlaps, STAGE, type Box } from './geometry';
import { layoutDiagram } from './layout';
import { wirePoints } from './routes';
import {
  CHART_FONT,
  CHART_TITLE,
  valueText,
  valueWidth,
  type ShareChartLayout,
} from './share-chart';
import { chartRoom, stepChart } from './share-chart-step';
import { stepGeometry } from './diagram-geometry';

// The histogram on the steps with shares of since/6 (trafficDistribution) and
// since/11 (a load balancer weighting nodes by their pods), as Diagram asks for
// it: the shares now and, where the switch has moved, as the slide opened.

/**
 * Where Diagram's since-2020 heading ends for a badge on two lines (both slides'):
 * 22 + (78 + 8 + 2 × 34 + 34) − 10.
 */
const HEADING: Box = { x: 28, y: 22, w: 500, h: 178 };
const HEADING_BOTTOM = HEADING.y + HEADING.h;

const sharesStep = (id: SinceId): readonly Scene[] => {
  const plan = SINCE_SCENES[id];
  const step = plan?.steps.find((s) => s[0]?.shares);
  if (!plan?.switch || !step) throw new Error(`${id} has no step with shares`);
  return step;
};

/** The chart of `id`'s shares step with its switch at value `alt`, as the diagram draws it. */
function chartOf(id: SinceId, alt: number): ShareChartLayout {
  const scenes = sharesStep(id);
  const values = SINCE_SCENES[id]!.switch!.values;
  const scene = scenes[alt]!;
  const chart = stepChart({
    scene,
    scenes,
    topology: topologyOf(scene.variant),
    service: PACKET_SERVICE,
    policy: talkPolicy(scene),
    value: values[alt]!.label,
    first: values[0]!.label,
    headingBottom: HEADING_BOTTOM,
  });
  if (!chart) throw new Error(`no chart for ${id} at ${alt}`);
  return chart;
}

const valuesOf = (c: ShareChartLayout) => c.units.map((u) => [u.name, valueText(u)]);
const nowOf = (c: ShareChartLayout) => Object.fromEntries(c.bars.map((b) => [b.pod, b.now.share]));
const beforeOf = (c: ShareChartLayout) =>
  Object.fromEntries(c.bars.map((b) => [b.pod, b.before?.share ?? null]));

describe('since/11: slide 39’s cluster, the load balancer weighting nodes equally or by pods', () => {
  it('equal alone: Node1’s one pod takes 50%, each of Node2’s six 8.3%; one set of bars', () => {
    const c = chartOf('weighted', 0);
    expect(valuesOf(c)).toEqual([
      ['Node1', '50%'],
      ['Node2', '8.3% each'],
    ]);
    expect(nowOf(c)).toEqual({
      'pod-1': 0.5,
      ...Object.fromEntries([2, 3, 4, 5, 6, 7].map((k) => [`pod-${k}`, 1 / 12])),
    });
    expect(c.bars.every((b) => b.before === null)).toBe(true);
    expect(c.legend.map((m) => m.text)).toEqual(['now: equal']);
  });

  it('by pods: every pod 14.3% (1/7), over ghost bars at 50% and 8.3%', () => {
    const c = chartOf('weighted', 1);
    expect(valuesOf(c)).toEqual([
      ['Node1', '50% → 14.3%'],
      ['Node2', '8.3% → 14.3% each'],
    ]);
    expect(Object.values(nowOf(c))).toEqual(Array(7).fill(1 / 7));
    expect(beforeOf(c)).toEqual({
      'pod-1': 0.5,
      ...Object.fromEntries([2, 3, 4, 5, 6, 7].map((k) => [`pod-${k}`, 1 / 12])),
    });
    expect(c.legend.map((m) => m.text)).toEqual(['was: equal', 'now: by pods']);
    expect(c.description).toBe(
      'Share of requests per pod, before (equal) and now (by pods): ' +
        "Node1 50% before, 14.3% now; Node2's pods 8.3% before, 14.3% now each.",
    );
  });
});

describe('since/6: trafficDistribution from the client pod on Node1 (zone-a)', () => {
  // Endpoints: Pod-c on Node2 (zone-a), Pod-e and Pod-f on Node3 (zone-b); none on Node1.
  it('off: kube-proxy on Node1 spreads over all three endpoints, a third each', () => {
    const c = chartOf('traffic-distribution', 0);
    expect(valuesOf(c)).toEqual([
      ['Node2', '33.3%'],
      ['Node3', '33.3% each'],
    ]);
    expect(nowOf(c)).toEqual({ 'pod-c': 1 / 3, 'pod-e': 1 / 3, 'pod-f': 1 / 3 });
  });

  it('PreferSameZone: only zone-a’s Pod-c, which had a third', () => {
    const c = chartOf('traffic-distribution', 1);
    expect(valuesOf(c)).toEqual([
      ['Node2', '33.3% → 100%'],
      ['Node3', '33.3% → 0% each'],
    ]);
    expect(nowOf(c)).toEqual({ 'pod-c': 1, 'pod-e': 0, 'pod-f': 0 });
    expect(beforeOf(c)).toEqual({ 'pod-c': 1 / 3, 'pod-e': 1 / 3, 'pod-f': 1 / 3 });
    expect(c.legend.map((m) => m.text)).toEqual(['was: off', 'now: PreferSameZone']);
  });

  it('PreferSameNode: Node1 has no endpoint, so the zone hint decides: Pod-c again', () => {
    const c = chartOf('traffic-distribution', 2);
    expect(valuesOf(c)).toEqual([
      ['Node2', '33.3% → 100%'],
      ['Node3', '33.3% → 0% each'],
    ]);
    expect(nowOf(c)).toEqual({ 'pod-c': 1, 'pod-e': 0, 'pod-f': 0 });
  });
});

describe('one scale for every value of the switch', () => {
  const height = (c: ShareChartLayout, pod: string) => c.bars.find((b) => b.pod === pod)!.now.h;

  it('since/6: Pod-c’s bar triples when PreferSameZone comes on, Pod-e’s and Pod-f’s go', () => {
    const [off, zone, node] = [0, 1, 2].map((alt) => chartOf('traffic-distribution', alt));
    expect(height(off!, 'pod-c')).toBeGreaterThan(30);
    expect(height(zone!, 'pod-c')).toBeCloseTo(3 * height(off!, 'pod-c'), 6);
    expect(height(zone!, 'pod-e')).toBe(0);
    expect(height(node!, 'pod-c')).toBeCloseTo(height(zone!, 'pod-c'), 6);
  });

  it('since/11: Node1’s pod drops from 50% to 1/7, Node2’s grow from 1/12 to 1/7', () => {
    const [equal, byPods] = [0, 1].map((alt) => chartOf('weighted', alt));
    expect(height(byPods!, 'pod-1')).toBeCloseTo((height(equal!, 'pod-1') * 2) / 7, 6);
    expect(height(byPods!, 'pod-2')).toBeCloseTo((height(equal!, 'pod-2') * 12) / 7, 6);
  });
});

/** Every chart: both slides, every switch value. */
const ALL: [SinceId, number][] = [
  ['weighted', 0],
  ['weighted', 1],
  ['traffic-distribution', 0],
  ['traffic-distribution', 1],
  ['traffic-distribution', 2],
];

describe.each(ALL)('%s under switch value %i', (id, alt) => {
  const c = chartOf(id, alt);
  const scene = sharesStep(id)[alt]!;
  const topology = topologyOf(scene.variant);

  it('takes its numbers from the simulator: the pods’ own labels say the same', () => {
    const labels = shareLabels(
      topology,
      PACKET_SERVICE,
      scene.mode!,
      talkPolicy(scene),
      shareExtras(scene),
    );
    for (const u of c.units)
      for (const b of c.bars.filter((b) => (u.each ? b.node : b.pod) === u.key))
        expect(labels?.pods.get(b.pod) ?? '0%', `${b.pod}`).toBe(u.now);
  });

  it('draws every bar, before and now, to one scale: height ∝ share, on the axis', () => {
    const heights = c.bars.flatMap((b) => [b.now, ...(b.before ? [b.before] : [])]);
    const tallest = heights.reduce((a, h) => (h.share > a.share ? h : a));
    const perShare = tallest.h / tallest.share;
    expect(perShare).toBeGreaterThan(60);
    for (const h of heights) {
      expect(h.h).toBeCloseTo(h.share * perShare, 6);
      expect(h.y + h.h).toBeCloseTo(c.axis.y, 6);
    }
  });

  it('writes everything at 28 or more, inside its box, its lines apart', () => {
    expect(c.fontSize).toBeGreaterThanOrEqual(28);
    expect(CHART_FONT).toBeGreaterThanOrEqual(28);
    const line = (x: number, y: number, w: number): Box => ({
      x,
      y: y - c.fontSize * 0.8,
      w,
      h: c.fontSize,
    });
    const texts = [
      line(c.title.at.x, c.title.at.y, CHART_TITLE.length * c.fontSize * 0.62),
      ...c.legend.map((m) => m.swatch),
      ...c.legend.map((m) => line(m.textAt.x, m.textAt.y, m.text.length * c.fontSize * 0.6)),
      ...c.units.map((u) => line(u.valueAt.x - valueWidth(u) / 2, u.valueAt.y, valueWidth(u))),
      ...c.units.map((u) => line(u.nameAt.x - u.w / 2, u.nameAt.y, u.w)),
    ];
    for (const t of texts) expect(inside(t, c.box), JSON.stringify(t)).toBe(true);
    for (const [i, a] of texts.entries())
      for (const b of texts.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
    // Each unit's percentages sit over its own bars, clear of every bar.
    for (const u of c.units) {
      const box = line(u.valueAt.x - valueWidth(u) / 2, u.valueAt.y, valueWidth(u));
      expect(box.x).toBeGreaterThanOrEqual(u.x - 0.01);
      expect(box.x + box.w).toBeLessThanOrEqual(u.x + u.w + 0.01);
      for (const b of c.bars)
        for (const h of [b.now, ...(b.before ? [b.before] : [])])
          expect(overlaps(box, { x: b.x, y: h.y, w: b.w, h: h.h })).toBe(false);
    }
  });

  it('keeps its box whatever the switch (the wires do not move when it flips)', () => {
    // Through the diagram's own path, with the slide's real heading: the cluster, the client
    // and every node sit where they sit under the switch's first value.
    const scenes = sharesStep(id);
    const slide = SLIDES.find((s) => s.since?.id === id);
    const values = SINCE_SCENES[id]!.switch!.values;
    if (!slide?.since) throw new Error(`${id} is no slide`);
    const heading = {
      title: slide.title,
      badge: `${slide.since.badge.year} · ${slide.since.badge.label}`,
    };
    const geometry = (k: number) =>
      stepGeometry({
        scene: scenes[k]!,
        trace: null,
        policy: talkPolicy(scenes[k]!),
        returnHop: null,
        heading,
        switchTag: { value: values[k]!.label, first: values[0]!.label },
        switchScenes: scenes,
      });
    const now = geometry(alt);
    const first = geometry(0);
    expect(c.box).toEqual(chartRoom(HEADING_BOTTOM));
    expect(now.chart?.box).toEqual(first.chart?.box);
    expect(now.chart).not.toBeNull();
    expect(now.layout.nodes.map((n) => n.box)).toEqual(first.layout.nodes.map((n) => n.box));
    expect(now.layout.client).toEqual(first.layout.client);
  });

  it('sits on the stage, clear of the heading, the cluster, the client, the load balancer, the policy, the legend', () => {
    const layout = layoutDiagram(topology, {
      nodePortServices: [],
      heading: HEADING,
      ...(scene.rows ? { rows: scene.rows } : {}),
      panel: c.box,
    });
    expect(inside(c.box, { x: 0, y: 0, ...STAGE })).toBe(true);
    const others: Box[] = [
      HEADING,
      layout.cluster,
      layout.client,
      layout.lb,
      layout.policyTag,
      layout.legend,
    ];
    for (const b of others) expect(overlaps(c.box, b), JSON.stringify(b)).toBe(false);
    // The share arrows (client to each node) route around it.
    for (const n of layout.nodes) {
      const points = wirePoints(layout, CLIENT, nodeDevice(n.id));
      for (let i = 1; i < points.length; i++) {
        const [a, b] = [points[i - 1]!, points[i]!];
        const stroke = {
          x: Math.min(a.x, b.x) - 2,
          y: Math.min(a.y, b.y) - 2,
          w: Math.abs(a.x - b.x) + 4,
          h: Math.abs(a.y - b.y) + 4,
        };
        expect(overlaps(stroke, c.box), `${n.id}: ${JSON.stringify(stroke)}`).toBe(false);
      }
    }
  });
});
