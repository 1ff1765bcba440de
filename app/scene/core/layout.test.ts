import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticCluster, talkCluster, type TalkVariant, type Topology } from '../../model';
import { inside, overlaps, STAGE, textWidth, type Box } from './geometry';
import {
  layoutDiagram,
  LEGEND_AREA,
  legendEntries,
  legendRows,
  podName,
  POLICY_FONT,
  serviceRoles,
  type DiagramLayout,
} from './layout';
import { bigSpecArb, bigTopology, fullSpecArb, type BigSpec } from './test-topologies';

/** Every box that must not share area with another, by name (a pod and a port sit inside their node). */
function boxesOf(layout: DiagramLayout): [string, Box][] {
  return [
    ['client', layout.client],
    ['lb', layout.lb],
    ['policy', layout.policyTag],
    ['legend', layout.legend],
    ...layout.nodes.map((n): [string, Box] => [n.id, n.box]),
    ...layout.pods.map((p): [string, Box] => [`${p.node}/${p.id}`, p.box]),
    ...layout.nodes.flatMap((n) => n.ports.map((p): [string, Box] => [`${n.id}${p.label}`, p.box])),
  ];
}

/** Pairs of boxes that overlap, other than a pod or a port and its own node. */
function overlapping(layout: DiagramLayout): string[] {
  const boxes = boxesOf(layout);
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, boxA] = boxes[i] as [string, Box];
      const [b, boxB] = boxes[j] as [string, Box];
      const nested = b.startsWith(`${a}/`) || b.startsWith(`${a}:`);
      if (!nested && overlaps(boxA, boxB)) out.push(`${a} overlaps ${b}`);
    }
  return out;
}

/** Words that leave the box they are written in (by the `textWidth` estimate; bold runs 10% wider). */
function overflowing(topology: Topology, layout: DiagramLayout): string[] {
  const out: string[] = [];
  const fits = (
    what: string,
    x: number,
    y: number,
    text: string,
    size: number,
    box: Box,
    bold = false,
  ) => {
    const line = { x, y: y - size * 0.75, w: textWidth(text, size) * (bold ? 1.1 : 1), h: size };
    if (!inside(line, box)) out.push(what);
  };
  for (const n of layout.nodes) {
    const node = topology.nodes.find((t) => t.id === n.id);
    const { name, ip, range } = n.labels;
    fits(`${n.id} name`, name.x, name.y, `${node?.name}:`, name.fontSize, n.box, true);
    fits(`${n.id} ip`, ip.x, ip.y, ip.text, ip.fontSize, n.box);
    fits(`${n.id} range`, range.x, range.y, range.text, range.fontSize, n.box);
    if (!(range.y + range.fontSize * 0.3 <= n.corridor.y))
      out.push(`${n.id} header runs into the corridor`);
    for (const p of n.ports) {
      if (!inside(p.box, n.box)) out.push(`${n.id}${p.label} leaves its node`);
      const w = textWidth(p.label, p.fontSize) * 1.08;
      if (w > p.box.w || p.fontSize > p.box.h) out.push(`${n.id}${p.label} label`);
    }
  }
  for (const p of layout.pods) {
    const pod = topology.pods.find((t) => t.id === p.id);
    if (!pod) continue;
    // Two lines: the name and the address; one: the name alone.
    const widest = Math.max(
      textWidth(podName(pod), p.fontSize) * 1.1,
      p.lines === 2 ? textWidth(pod.ip, p.fontSize) : 0,
    );
    if (widest > p.box.w - 4) out.push(`${p.id} words too wide`);
    if (p.fontSize * (p.lines === 2 ? 2.5 : 1.3) > p.box.h) out.push(`${p.id} words too tall`);
  }
  return out;
}

const variants: TalkVariant[] = [
  'default',
  'pod-a-gone',
  'imbalance',
  'shared-ingress',
  'dedicated-ingress',
];
const stage: Box = { x: 0, y: 0, w: STAGE.w, h: STAGE.h };

describe('layoutDiagram', () => {
  for (const variant of variants) {
    describe(variant, () => {
      const topology = talkCluster(variant);
      const layout = layoutDiagram(topology, { nodePortServices: ['svc-a', 'svc-b'] });

      it('places every node and pod, each pod inside its own node', () => {
        expect(layout.nodes.map((n) => n.id)).toEqual(topology.nodes.map((n) => n.id));
        expect(layout.pods.map((p) => p.id).sort()).toEqual(topology.pods.map((p) => p.id).sort());
        for (const pod of layout.pods) {
          const node = layout.nodes.find((n) => n.id === pod.node);
          expect(node && inside(pod.box, node.box), pod.id).toBe(true);
        }
      });

      it('has no two boxes overlapping', () => {
        const boxes: [string, Box][] = [
          ['client', layout.client],
          ['lb', layout.lb],
          ...layout.nodes.map((n): [string, Box] => [n.id, n.box]),
          ...layout.pods.map((p): [string, Box] => [p.id, p.box]),
          ...layout.nodes.flatMap((n) =>
            n.ports.map((p): [string, Box] => [`${n.id}${p.label}`, p.box]),
          ),
        ];
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++) {
            const [a, boxA] = boxes[i] as [string, Box];
            const [b, boxB] = boxes[j] as [string, Box];
            const nested =
              (a.startsWith('node') && b.startsWith(a)) ||
              layout.pods.some((p) => (p.id === b && p.node === a) || (p.id === a && p.node === b));
            if (!nested) expect(overlaps(boxA, boxB), `${a} overlaps ${b}`).toBe(false);
          }
      });

      it('keeps everything on the stage, the client and load balancer outside the cluster', () => {
        for (const box of [
          layout.cluster,
          layout.client,
          layout.lb,
          ...layout.nodes.map((n) => n.box),
        ])
          expect(inside(box, stage)).toBe(true);
        expect(overlaps(layout.client, layout.cluster)).toBe(false);
        expect(overlaps(layout.lb, layout.cluster)).toBe(false);
      });

      it('leaves each pod room for its name and address', () => {
        for (const pod of layout.pods) {
          expect(textWidth('10.0.2.255', pod.fontSize * 0.92)).toBeLessThan(pod.box.w);
          expect(pod.fontSize * 2.6).toBeLessThan(pod.box.h);
        }
      });

      it('keeps the corridor between the node header and the pods clear', () => {
        for (const node of layout.nodes)
          for (const pod of layout.pods.filter((p) => p.node === node.id))
            expect(overlaps(node.corridor, pod.box)).toBe(false);
      });
    });
  }

  it('puts ingress proxy pods first on each node, as the talk draws them', () => {
    const layout = layoutDiagram(talkCluster('shared-ingress'), { nodePortServices: [] });
    for (const node of layout.nodes) {
      const first = layout.pods
        .filter((p) => p.node === node.id)
        .sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x)[0];
      expect(first?.role).toBe('ingress');
    }
  });

  it('writes the talk’s diagram at 28 units or more (28 px at 1080p): node words, pods, node ports, legend, policy', () => {
    for (const variant of variants) {
      const topology = talkCluster(variant);
      const layout = layoutDiagram(topology, { nodePortServices: ['svc-a', 'svc-b'] });
      const sizes: [string, number][] = [
        ['policy', POLICY_FONT],
        ...layout.nodes.flatMap((n): [string, number][] => [
          [`${n.id} name`, n.labels.name.fontSize],
          [`${n.id} ip`, n.labels.ip.fontSize],
          [`${n.id} range`, n.labels.range.fontSize],
          ...n.ports.map((p): [string, number] => [`${n.id}${p.label}`, p.fontSize]),
        ]),
        ...layout.pods.map((p): [string, number] => [p.id, p.fontSize]),
      ];
      const roles = new Set(layout.pods.map((p) => p.role));
      const legend = legendRows(LEGEND_AREA, legendEntries(topology, roles, true));
      sizes.push(['legend', legend.fontSize]);
      expect(
        sizes.filter(([, size]) => size < 28),
        variant,
      ).toEqual([]);
    }
  });

  it('uses the space left of the cluster only for the title, the client, the load balancer, the policy and the legend: the cluster takes 60% of the stage’s width', () => {
    const layout = layoutDiagram(talkCluster(), { nodePortServices: [] });
    expect(layout.cluster.w).toBeGreaterThanOrEqual(0.6 * STAGE.w);
    expect(layout.cluster.h).toBeGreaterThanOrEqual(0.95 * STAGE.h);
    expect(layout.client.x + layout.client.w).toBeLessThan(layout.lb.x);
    expect(layout.lb.x + layout.lb.w).toBeLessThan(layout.cluster.x);
  });

  it('gives each Service its colour by its order, the ingress proxies theirs, whatever the ids', () => {
    const renamed = talkCluster('shared-ingress');
    const t: Topology = {
      ...renamed,
      services: renamed.services.map((s) => ({ ...s, id: `x-${s.id}` })),
      ingresses: renamed.ingresses.map((i) => ({
        ...i,
        backend: `x-${i.backend}`,
        proxyService: i.proxyService && `x-${i.proxyService}`,
      })),
    };
    expect([...serviceRoles(t).values()]).toEqual(['a', 'b', 'ingress']);
    const layout = layoutDiagram(t, { nodePortServices: ['x-svc-a', 'x-svc-b'] });
    expect(layout.pods.find((p) => p.id === 'pod-c')?.role).toBe('a');
    expect(layout.pods.find((p) => p.id === 'pod-d')?.role).toBe('b');
    expect(layout.pods.find((p) => p.id === 'ingress-2')?.role).toBe('ingress');
    expect(layout.nodes[0]?.ports.map((p) => p.role)).toEqual(['a', 'b']);
  });

  it('lays out any cluster of 1–12 nodes, 0–16 pods a node and up to 6 Services on the stage: no box overlaps another, no words leave their box', () => {
    fc.assert(
      fc.property(bigSpecArb, fc.boolean(), (spec, ports) => {
        const topology = bigTopology(spec);
        const layout = layoutDiagram(topology, {
          nodePortServices: ports ? topology.services.map((s) => s.id) : [],
        });
        expect(overlapping(layout)).toEqual([]);
        expect(overflowing(topology, layout)).toEqual([]);
        for (const [name, box] of boxesOf(layout)) expect(inside(box, stage), name).toBe(true);
        for (const pod of layout.pods) {
          const node = layout.nodes.find((n) => n.id === pod.node);
          expect(node && inside(pod.box, node.box) && !overlaps(pod.box, node.corridor)).toBe(true);
        }
        // More than six nodes take two rows.
        const rows = new Set(layout.nodes.map((n) => n.box.y)).size;
        expect(rows).toBe(spec.nodes.length > 6 ? 2 : 1);
      }),
      { seed: 5, numRuns: 200 },
    );
  });

  it('gives every box a positive width and height, and puts every pod inside its node, below the corridor', () => {
    const check = (spec: BigSpec, ports: boolean) => {
      const topology = bigTopology(spec);
      const layout = layoutDiagram(topology, {
        nodePortServices: ports ? topology.services.map((s) => s.id) : [],
      });
      const boxes: [string, Box][] = [
        ...boxesOf(layout),
        ...layout.nodes.map((n): [string, Box] => [`${n.id} corridor`, n.corridor]),
      ];
      for (const [name, box] of boxes) {
        expect(box.w, `${name} width`).toBeGreaterThan(0);
        expect(box.h, `${name} height`).toBeGreaterThan(0);
      }
      for (const pod of layout.pods) {
        const node = layout.nodes.find((n) => n.id === pod.node);
        expect(node && inside(pod.box, node.box), pod.id).toBe(true);
        expect(pod.box.y, pod.id).toBeGreaterThanOrEqual(
          (node?.corridor.y ?? 0) + (node?.corridor.h ?? 0),
        );
        expect(pod.fontSize, pod.id).toBeGreaterThan(0);
      }
    };
    // Five pods on the fifth of seven nodes once got boxes 4.7 units below nothing.
    check({ nodes: [[], [], [], [], [0, 0, 0, 0, 0], [], []], services: 1, ingress: false }, false);
    fc.assert(fc.property(bigSpecArb, fc.boolean(), check), { seed: 11, numRuns: 300 });
  });

  it('writes every pod of 8 nodes × 6 pods with its name and address at 10 units or more (12 px at 1080p), the nodes’ words at 14 or more', () => {
    // Measured over 300 such clusters: pods 10.5 at the least (two columns of 83 × 47 with an
    // ingress proxy's 14-letter name), 15–20 in most; node addresses 15.5, names 17.7.
    fc.assert(
      fc.property(fullSpecArb(8, 6), fc.boolean(), (spec, ports) => {
        const topology = bigTopology(spec);
        const layout = layoutDiagram(topology, {
          nodePortServices: ports ? topology.services.slice(0, 2).map((s) => s.id) : [],
        });
        for (const pod of layout.pods) {
          expect(pod.lines, pod.id).toBe(2);
          expect(pod.fontSize, pod.id).toBeGreaterThanOrEqual(10);
        }
        for (const node of layout.nodes) {
          expect(node.labels.name.fontSize).toBeGreaterThanOrEqual(16);
          expect(node.labels.ip.fontSize).toBeGreaterThanOrEqual(14);
          expect(node.labels.range.fontSize).toBeGreaterThanOrEqual(14);
          for (const port of node.ports) expect(port.fontSize).toBeGreaterThanOrEqual(14);
        }
        expect(overflowing(topology, layout)).toEqual([]);
      }),
      { seed: 7, numRuns: 150 },
    );
  });

  it('stacks the pods of a tall narrow node in one column where that writes them larger than the talk’s two', () => {
    // Four nodes in one row: each 202 wide and 752 tall; two columns would write "Pod-1-6:" at 13.
    const layout = layoutDiagram(
      bigTopology({ nodes: [[0, 0, 0, 0], [0], [0], [0]], services: 1, ingress: false }),
      { nodePortServices: [] },
    );
    const first = layout.pods.filter((p) => p.node === 'node1');
    expect(new Set(first.map((p) => p.box.x)).size).toBe(1);
    for (const pod of first) expect(pod.fontSize).toBeGreaterThanOrEqual(28);
  });

  it('still lays out a larger cluster without overlaps', () => {
    const layout = layoutDiagram(syntheticCluster(4, 9), { nodePortServices: [] });
    for (let i = 0; i < layout.pods.length; i++)
      for (let j = i + 1; j < layout.pods.length; j++)
        expect(overlaps(layout.pods[i]!.box, layout.pods[j]!.box)).toBe(false);
  });
});
