import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { talkCluster, trace, MODES, type Hop, type Topology } from '../../model';
import { inside, overlaps, STAGE, textWidth, type Box, type Point } from './geometry';
import { FOLD_FLOOR, FOLD_ID, foldWords, wrapWords, type SceneFold } from './fold-box';
import { frameOf } from './frame';
import { layoutDiagram, type DiagramLayout } from './layout';
import { homeOf, hopPath, hopPoints, podOf } from './routes';
import { samplePath } from './sample-path';
import { bigSpecArb, bigTopology, devicesOf, syntheticHop } from './test-topologies';

const NBSP = '\u00a0';
/** The folded box's words as the explorer writes them, the longest it can. */
const LABELS = [
  `+${NBSP}496 nodes without a pod of this Service`,
  `+${NBSP}1 node without a pod of this Service`,
  `+${NBSP}65,524 more nodes (65,513 with pods of this Service)`,
  `+${NBSP}89 more nodes (1 with pods of this Service)`,
];
const stage: Box = { x: 0, y: 0, w: STAGE.w, h: STAGE.h };

/** A random cluster of 1–11 nodes, the folded box taking the twelfth place at the most. */
const foldedArb = fc.record({
  spec: bigSpecArb.map((s) => ({ ...s, nodes: s.nodes.slice(0, 11) })),
  label: fc.constantFrom(...LABELS),
  /** Per node, whether it says it draws only some of its pods, and how many it leaves out. */
  more: fc.array(fc.nat(40), { maxLength: 11 }),
});

function foldedLayout({
  spec,
  label,
  more,
}: {
  spec: Parameters<typeof bigTopology>[0];
  label: string;
  more: readonly number[];
}): { topology: Topology; layout: DiagramLayout; fold: SceneFold } {
  const topology = bigTopology(spec);
  const fold: SceneFold = {
    folded: { label },
    morePods: new Map(
      topology.nodes.flatMap((n, i) => ((more[i] ?? 0) > 0 ? [[n.id, more[i] ?? 0]] : [])),
    ),
  };
  const layout = layoutDiagram(topology, {
    nodePortServices: topology.services.map((s) => s.id),
    fold,
  });
  return { topology, layout, fold };
}

const folded = (layout: DiagramLayout) => layout.nodes.find((n) => n.id === FOLD_ID);

describe('wrapWords', () => {
  it('breaks at spaces only, never between "+" and the count', () => {
    expect(wrapWords(`+${NBSP}496 nodes without a pod of this Service`, 130, 24)).toEqual([
      `+${NBSP}496`,
      'nodes',
      'without a',
      'pod of',
      'this',
      'Service',
    ]);
    expect(wrapWords('one two', 1000, 28)).toEqual(['one two']);
  });
});

describe('the folded box', () => {
  it('takes the place after the last node, as large as a node: 4 nodes and the box in one row, 11 and the box in two rows of six', () => {
    const one = foldedLayout({
      spec: { nodes: [[0], [1], [], [0, 0]], services: 2, ingress: false },
      label: LABELS[0] as string,
      more: [],
    });
    const box = folded(one.layout);
    expect(one.layout.nodes.map((n) => n.id)).toEqual([
      'node1',
      'node2',
      'node3',
      'node4',
      FOLD_ID,
    ]);
    const node4 = one.layout.nodes[3]?.box as Box;
    expect(box?.box.y).toBe(node4.y);
    expect(box?.box.w).toBe(node4.w);
    expect(box?.box.h).toBe(node4.h);
    expect(box?.box.x).toBeGreaterThan(node4.x + node4.w);
    expect(box?.ports).toEqual([]);

    const two = foldedLayout({
      spec: { nodes: Array.from({ length: 11 }, () => [0, 1]), services: 2, ingress: false },
      label: LABELS[2] as string,
      more: [],
    });
    const rows = new Set(two.layout.nodes.map((n) => n.box.y));
    expect(rows.size).toBe(2);
    const last = folded(two.layout)?.box as Box;
    expect(last.y).toBe(Math.max(...rows));
    expect(two.layout.nodes.filter((n) => n.box.y === last.y)).toHaveLength(6);
  });

  it('writes its words at 24 units or more (28.8 px at 1080p), inside the box, at every number of nodes', () => {
    for (let nodes = 1; nodes <= 11; nodes++)
      for (const label of LABELS) {
        const { layout } = foldedLayout({
          spec: { nodes: Array.from({ length: nodes }, () => [0]), services: 1, ingress: false },
          label,
          more: [],
        });
        const box = folded(layout);
        const lines = box?.folded?.lines ?? [];
        expect(lines.map((l) => l.text).join(' '), `${nodes} nodes`).toBe(label);
        for (const line of lines) {
          expect(line.fontSize, `${nodes} nodes: ${line.text}`).toBeGreaterThanOrEqual(FOLD_FLOOR);
          const taken = {
            x: line.x,
            y: line.y - line.fontSize * 0.8,
            w: textWidth(line.text, line.fontSize),
            h: line.fontSize,
          };
          expect(inside(taken, box?.box as Box), `${nodes} nodes: ${line.text}`).toBe(true);
        }
      }
  });

  it('writes 28 where the box has room', () => {
    const lines = foldWords({ x: 0, y: 0, w: 400, h: 600 }, LABELS[0] as string);
    expect(lines.map((l) => l.fontSize)).toEqual(lines.map(() => 28));
  });

  it('is laid out with 1–11 random nodes, 0–16 pods a node, up to 6 Services and notes of pods left out: no box overlaps another, every word inside its box', () => {
    fc.assert(
      fc.property(foldedArb, (input) => {
        const { layout, fold } = foldedLayout(input);
        const box = folded(layout);
        expect(box).toBeDefined();
        if (!box) return;
        expect(inside(box.box, layout.cluster)).toBe(true);
        expect(inside(box.box, stage)).toBe(true);
        const others: [string, Box][] = [
          ['client', layout.client],
          ['lb', layout.lb],
          ['policy', layout.policyTag],
          ['legend', layout.legend],
          ...layout.nodes.filter((n) => n !== box).map((n): [string, Box] => [n.id, n.box]),
          ...layout.pods.map((p): [string, Box] => [p.id, p.box]),
        ];
        for (const [name, other] of others)
          expect(overlaps(box.box, other), `the folded box overlaps ${name}`).toBe(false);
        // The rows: the box counts as a node.
        const rows = new Set(layout.nodes.map((n) => n.box.y)).size;
        expect(rows).toBe(layout.nodes.length > 6 ? 2 : 1);
        for (const line of box.folded?.lines ?? []) {
          expect(line.fontSize).toBeGreaterThanOrEqual(FOLD_FLOOR);
          const w = textWidth(line.text, line.fontSize);
          expect(line.x >= box.box.x && line.x + w <= box.box.x + box.box.w, line.text).toBe(true);
          expect(line.y - line.fontSize >= box.box.y && line.y <= box.box.y + box.box.h).toBe(true);
        }
        // A node's note of pods left out sits in the cell after its pods: inside the node, under
        // the corridor, clear of every pod, its words inside the cell.
        for (const node of layout.nodes) {
          const note = node.morePods;
          expect(note !== undefined, node.id).toBe(fold.morePods.has(node.id));
          if (!note) continue;
          expect(inside(note.box, node.box)).toBe(true);
          expect(note.box.y).toBeGreaterThanOrEqual(node.corridor.y + node.corridor.h);
          for (const pod of layout.pods)
            expect(overlaps(note.box, pod.box), `${node.id}'s note on ${pod.id}`).toBe(false);
          expect(note.text).toBe(
            `+ ${fold.morePods.get(node.id)} pod${note.text.endsWith('s') ? 's' : ''}`,
          );
          expect(note.x).toBeGreaterThanOrEqual(note.box.x);
          expect(note.x + textWidth(note.text, note.fontSize)).toBeLessThanOrEqual(
            note.box.x + note.box.w + 1e-9,
          );
          expect(note.fontSize * 1.3).toBeLessThanOrEqual(note.box.h + 1e-9);
        }
      }),
      { seed: 3, numRuns: 200 },
    );
  });

  it('changes nothing when nothing is folded', () => {
    for (const variant of ['default', 'shared-ingress', 'dedicated-ingress'] as const) {
      const t = talkCluster(variant);
      const options = { nodePortServices: ['svc-a', 'svc-b'] };
      expect(layoutDiagram(t, { ...options, fold: { folded: null, morePods: new Map() } })).toEqual(
        layoutDiagram(t, options),
      );
    }
  });
});

/** A box less a margin: a wire may run along an edge, not cross in. */
const core = (b: Box, m = 3): Box => ({ x: b.x + m, y: b.y + m, w: b.w - 2 * m, h: b.h - 2 * m });
const within = (p: Point, b: Box) => p.x > b.x && p.x < b.x + b.w && p.y > b.y && p.y < b.y + b.h;

/** The boxes a hop's wire crosses without entering: nodes, pods, the client and the load balancer. */
function crossed(layout: DiagramLayout, hop: Hop): string[] {
  const allowed = new Set([hop.from, hop.to ?? '', hop.via ?? '']);
  for (const d of [...allowed]) {
    const home = homeOf(layout, podOf(layout, d));
    if (home) allowed.add(`node:${home.id}`);
  }
  const boxes: [string, Box][] = [
    ...layout.nodes
      .filter((n) => !allowed.has(`node:${n.id}`))
      .map((n): [string, Box] => [n.id, n.box]),
    ...layout.pods
      .filter((p) => !allowed.has(`pod:${p.id}`))
      .map((p): [string, Box] => [p.id, p.box]),
    ...(allowed.has('client') ? [] : [['client', layout.client] as [string, Box]]),
    ...([...allowed].some((d) => d.startsWith('lb:')) ? [] : [['lb', layout.lb] as [string, Box]]),
  ];
  const path = samplePath(hopPath(hopPoints(layout, hop)));
  return boxes.filter(([, box]) => path.some((p) => within(p, core(box)))).map(([n]) => n);
}

describe('wires and the folded box', () => {
  it('no wire between two devices of a random folded cluster crosses the folded box or any other box it does not enter', () => {
    fc.assert(
      fc.property(
        foldedArb,
        fc.nat(),
        fc.nat(),
        fc.boolean(),
        fc.nat(3),
        (input, i, j, back, k) => {
          const { topology, layout } = foldedLayout(input);
          const devices = devicesOf(topology);
          const from = devices[i % devices.length] as string;
          const to = devices[j % devices.length] as string;
          if (from === to) return;
          const hop = syntheticHop(from, to, back ? 'return' : 'forward', 30000 + k);
          expect(crossed(layout, hop), `${from}→${to}`).toEqual([]);
        },
      ),
      { seed: 13, numRuns: 300 },
    );
  });

  it('no hop the simulator makes in a random folded cluster crosses the folded box', () => {
    const modes = MODES.map((m) => m.id);
    fc.assert(
      fc.property(foldedArb, fc.constantFrom(...modes), fc.nat(), (input, mode, seed) => {
        const { topology, layout } = foldedLayout(input);
        const r = trace({ topology, service: 'svc-0', mode, seed });
        if (!r.ok) return;
        for (const hop of [...r.value.forward, ...r.value.back])
          expect(crossed(layout, hop), `${mode} ${hop.from}→${hop.to}`).toEqual([]);
      }),
      { seed: 17, numRuns: 200 },
    );
  });

  it('no packet card, at a device or at rest, lies on the folded box, and no rewrite badge on its words', () => {
    const modes = MODES.map((m) => m.id);
    fc.assert(
      fc.property(
        foldedArb,
        fc.constantFrom(...modes),
        fc.nat(),
        fc.constantFrom('talk' as const, 'ip' as const),
        (input, mode, seed, view) => {
          const { topology, layout } = foldedLayout(input);
          const node = folded(layout);
          const box = node?.box as Box;
          // The box's words: a badge hanging from a pod of the next node may reach into the box's
          // empty part, as into any neighbour's, but never over what it says.
          const said = node?.corridor as Box;
          const r = trace({ topology, service: 'svc-0', mode, seed });
          if (!r.ok) return;
          for (const dir of ['forward', 'return'] as const)
            (dir === 'forward' ? r.value.forward : r.value.back).forEach((hop, index) => {
              const f = frameOf(layout, r.value, { dir, index }, { view });
              if (!f) return;
              const where = `${mode} ${dir} ${hop.from}→${hop.to}`;
              const size = f.face.size;
              expect(overlaps({ ...f.rest, ...size }, box), `${where}: card at rest`).toBe(false);
              if (f.dock)
                expect(overlaps({ ...f.dock, ...size }, box), `${where}: card docked`).toBe(false);
              if (f.badgeBox) expect(overlaps(f.badgeBox, said), `${where}: badge`).toBe(false);
            });
        },
      ),
      { seed: 19, numRuns: 150 },
    );
  });
});
