import { describe, expect, it } from 'vitest';
import { syntheticCluster, talkCluster, type TalkVariant } from '../../model';
import { inside, overlaps, STAGE, textWidth, type Box } from './geometry';
import { layoutDiagram } from './layout';

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

  it('still lays out a larger cluster without overlaps', () => {
    const layout = layoutDiagram(syntheticCluster(4, 9), { nodePortServices: [] });
    for (let i = 0; i < layout.pods.length; i++)
      for (let j = i + 1; j < layout.pods.length; j++)
        expect(overlaps(layout.pods[i]!.box, layout.pods[j]!.box)).toBe(false);
  });
});
