import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MODES,
  SERVICE_A,
  syntheticCluster,
  talkCluster,
  trace,
  type ModeId,
  type Pod,
  type Topology,
  type Trace,
} from '../model';
import { seededRandom } from '../model/random';
import { foldForScene, foldLabel, SCENE_NODE_LIMIT, SCENE_POD_LIMIT, steadyFold } from './fold';

const NBSP = '\u00a0';

/** A synthetic cluster whose pods' Services are chosen by `app` (the talk's Services and shared ingress). */
function relabel(t: Topology, app: (pod: Pod, k: number) => string | null): Topology {
  const ingress = talkCluster('shared-ingress');
  return {
    ...t,
    services: ingress.services,
    ingresses: ingress.ingresses,
    pods: t.pods.flatMap((p, k) => {
      const label = app(p, k);
      return label === null ? [] : [{ ...p, labels: { app: label } }];
    }),
  };
}

const traceOk = (t: Topology, mode: ModeId, entryNode?: string, seed = 1): Trace => {
  const r = trace({ topology: t, service: SERVICE_A, mode, seed, ...(entryNode && { entryNode }) });
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

/** Every device the request meets (its hops, entry node, pod and proxy) that the drawn cluster lacks. */
function missing(drawn: Topology, t: Trace): string[] {
  const nodes = new Set(drawn.nodes.map((n) => `node:${n.id}`));
  const pods = new Set(drawn.pods.map((p) => `pod:${p.id}`));
  const named = [
    ...[...t.forward, ...t.back].flatMap((h) => [h.from, h.to, h.via]),
    ...(t.entryNode ? [`node:${t.entryNode}`] : []),
    ...(t.pod ? [`pod:${t.pod}`] : []),
    ...(t.ingressPod ? [`pod:${t.ingressPod}`] : []),
  ];
  return named.filter(
    (d): d is string =>
      typeof d === 'string' &&
      ((d.startsWith('node:') && !nodes.has(d)) || (d.startsWith('pod:') && !pods.has(d))),
  );
}

describe('foldForScene', () => {
  // 500 nodes of two pods each; Service A's pods only on Node7, Node250 and Node499.
  const serviceNodes = new Set(['node7', 'node250', 'node499']);
  const big = relabel(syntheticCluster(500, 2), (p) => (serviceNodes.has(p.node) ? 'a' : 'b'));

  it('keeps the entry node and the three nodes with the Service’s pods of 500, and folds the other 496', () => {
    const t = traceOk(big, '2', 'node100');
    const cut = foldForScene(big, { service: SERVICE_A, trace: t, entryNode: 'node100' });
    expect(cut.topology.nodes.map((n) => n.id)).toEqual(['node7', 'node100', 'node250', 'node499']);
    expect(cut.folded).toEqual({
      nodes: 496,
      pods: 992,
      label: `+${NBSP}496 nodes without a pod of this Service`,
    });
    expect(cut.topology.pods).toHaveLength(8);
    expect(cut.morePods.size).toBe(0);
    expect(missing(cut.topology, t)).toEqual([]);
    // The Services and Ingresses are all still there: only nodes and pods are cut.
    expect(cut.topology.services).toBe(big.services);
    expect(cut.topology.ingresses).toBe(big.ingresses);
  });

  it('keeps the doc’s entry node when there is no trace', () => {
    const cut = foldForScene(big, { service: SERVICE_A, trace: null, entryNode: 'node300' });
    expect(cut.topology.nodes.map((n) => n.id)).toEqual(['node7', 'node250', 'node300', 'node499']);
    expect(cut.folded?.label).toBe(`+${NBSP}496 nodes without a pod of this Service`);
  });

  it('keeps the trace’s entry node before the doc’s', () => {
    const t = traceOk(big, '2', 'node42');
    const cut = foldForScene(big, { service: SERVICE_A, trace: t, entryNode: 'node300' });
    expect(cut.topology.nodes.map((n) => n.id)).toEqual(['node7', 'node42', 'node250', 'node499']);
  });

  it('leaves out the doc’s entry node when the request enters at a pod (3b: the VIP sends to the pod)', () => {
    const t = traceOk(big, '3b');
    expect(t.entryNode).toBeNull();
    const podNode = big.pods.find((p) => p.id === t.pod)?.node;
    const cut = foldForScene(big, { service: SERVICE_A, trace: t, entryNode: 'node300' });
    expect(cut.topology.nodes.map((n) => n.id)).toEqual(['node7', 'node250', 'node499']);
    expect(['node7', 'node250', 'node499']).toContain(podNode);
    expect(cut.folded?.label).toBe(`+${NBSP}497 nodes without a pod of this Service`);
  });

  it('keeps the nodes the trace passes where the Service’s pods span more nodes than fit, and counts the rest', () => {
    // 100 nodes, each with a pod of Service A: the trace's two nodes, then the first nine others.
    const all = relabel(syntheticCluster(100, 1), () => 'a');
    const t = traceOk(all, '2', 'node50', 3);
    const podNode = all.pods.find((p) => p.id === t.pod)?.node as string;
    const cut = foldForScene(all, { service: SERVICE_A, trace: t, entryNode: null });
    const kept = cut.topology.nodes.map((n) => n.id);
    expect(kept).toHaveLength(SCENE_NODE_LIMIT - 1);
    expect(kept).toContain('node50');
    expect(kept).toContain(podNode);
    const firsts = all.nodes
      .map((n) => n.id)
      .filter((id) => id !== 'node50' && id !== podNode)
      .slice(0, 9);
    expect(new Set(kept)).toEqual(new Set(['node50', podNode, ...firsts]));
    expect(cut.folded).toEqual({
      nodes: 89,
      pods: 89,
      label: `+${NBSP}89 more nodes (89 with pods of this Service)`,
    });
    expect(missing(cut.topology, t)).toEqual([]);
  });

  it('keeps the in-cluster ingress proxies’ nodes in an ingress mode, and not in others', () => {
    // 40 nodes; Service A on Node3, proxies on Node10 and Node30, Service B everywhere else.
    const t0 = relabel(syntheticCluster(40, 1), (p) =>
      p.node === 'node3' ? 'a' : p.node === 'node10' || p.node === 'node30' ? 'ingress-nginx' : 'b',
    );
    const viaIngress = traceOk(t0, '4c.1');
    const cut = foldForScene(t0, { service: SERVICE_A, trace: viaIngress, entryNode: null });
    const ids = cut.topology.nodes.map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining(['node3', 'node10', 'node30']));
    expect(missing(cut.topology, viaIngress)).toEqual([]);
    const direct = traceOk(t0, '2', 'node20');
    const plain = foldForScene(t0, { service: SERVICE_A, trace: direct, entryNode: 'node20' });
    expect(plain.topology.nodes.map((n) => n.id)).toEqual(['node3', 'node20']);
    expect(plain.folded?.label).toBe(`+${NBSP}38 nodes without a pod of this Service`);
  });

  it('draws a cluster the scene can hold as it is: the same object, nothing folded', () => {
    const t = talkCluster('shared-ingress');
    const cut = foldForScene(t, { service: SERVICE_A, trace: traceOk(t, '4c.1'), entryNode: null });
    expect(cut.topology).toBe(t);
    expect(cut.folded).toBeNull();
    expect(cut.morePods.size).toBe(0);
  });

  it('draws 16 pods of a crowded node, the Service’s first, and counts the rest', () => {
    // One node with 20 pods: the 6th to 10th of Service A, the others of Service B.
    const t0 = relabel(syntheticCluster(2, 20), (p, k) => (k >= 5 && k < 10 ? 'a' : 'b'));
    const t = traceOk(t0, '2', 'node2');
    const cut = foldForScene(t0, { service: SERVICE_A, trace: t, entryNode: 'node2' });
    const drawn = cut.topology.pods.filter((p) => p.node === 'node1');
    expect(drawn).toHaveLength(SCENE_POD_LIMIT);
    // Service A's five, then Service B's first eleven, in the cluster's order.
    expect(drawn.map((p) => p.id)).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16].map((k) => `pod-1-${k}`),
    );
    expect(cut.morePods).toEqual(
      new Map([
        ['node1', 4],
        ['node2', 4],
      ]),
    );
    expect(cut.folded).toBeNull();
    expect(missing(cut.topology, t)).toEqual([]);
  });

  it('gives the same cut back while it draws the same (a policy flip), and a new one when it does not', () => {
    const steady = steadyFold();
    const at = (entryNode: string, policy: 'Cluster' | 'Local', seed: number) => {
      const r = trace({ topology: big, service: SERVICE_A, mode: '2', entryNode, policy, seed });
      return steady(big, { service: SERVICE_A, trace: r.ok ? r.value : null, entryNode });
    };
    const first = at('node100', 'Cluster', 1);
    // Under Local Node100 has no pod of Service A and drops the packet: the same nodes are drawn.
    expect(at('node100', 'Local', 1)).toBe(first);
    expect(at('node100', 'Cluster', 2)).toBe(first);
    const elsewhere = at('node101', 'Cluster', 1);
    expect(elsewhere).not.toBe(first);
    expect(elsewhere.topology.nodes.map((n) => n.id)).toEqual([
      'node7',
      'node101',
      'node250',
      'node499',
    ]);
    // A cluster the scene holds whole is its own cut, every time.
    const small = talkCluster('default');
    const one = steady(small, { service: SERVICE_A, trace: null, entryNode: null });
    expect(one.topology).toBe(small);
    expect(steady(small, { service: SERVICE_A, trace: null, entryNode: 'node2' })).toBe(one);
  });

  it('words the folded box for one node and for thousands', () => {
    expect(foldLabel(1, 0)).toBe(`+${NBSP}1 node without a pod of this Service`);
    expect(foldLabel(1, 1)).toBe(`+${NBSP}1 more node (1 with pods of this Service)`);
    expect(foldLabel(4800, 1200)).toBe(
      `+${NBSP}4,800 more nodes (1,200 with pods of this Service)`,
    );
  });

  it('on random big clusters: draws every device the trace names, at most 12 places and 16 pods a node, and loses count of nothing', () => {
    const modes = MODES.map((m) => m.id);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 0, max: 24 }),
        fc.nat(),
        fc.constantFrom(...modes),
        fc.nat(),
        (nodes, perNode, seed, mode, entry) => {
          const random = seededRandom(seed);
          const apps = ['a', 'b', 'ingress-nginx'];
          // Service A on a few nodes only, so most of the cluster folds.
          const aNodes = new Set(
            Array.from(
              { length: 1 + (seed % 20) },
              () => `node${1 + Math.floor(random() * nodes)}`,
            ),
          );
          const t0 = relabel(syntheticCluster(nodes, perNode), (p) => {
            if (random() < 0.3) return null;
            const app = apps[Math.floor(random() * apps.length)] as string;
            return app === 'a' && !aNodes.has(p.node) ? 'b' : app;
          });
          const entryNode = `node${1 + (entry % nodes)}`;
          const r = trace({ topology: t0, service: SERVICE_A, mode, seed, entryNode });
          const t = r.ok ? r.value : null;
          const cut = foldForScene(t0, { service: SERVICE_A, trace: t, entryNode, mode });
          const drawn = cut.topology;
          if (t) expect(missing(drawn, t)).toEqual([]);
          const entered = t ? t.entryNode : entryNode;
          if (entered) expect(drawn.nodes.map((n) => n.id)).toContain(entered);
          const places = drawn.nodes.length + (cut.folded ? 1 : 0);
          expect(places).toBeLessThanOrEqual(SCENE_NODE_LIMIT);
          expect(drawn.nodes.length + (cut.folded?.nodes ?? 0)).toBe(t0.nodes.length);
          expect(cut.folded === null).toBe(t0.nodes.length <= SCENE_NODE_LIMIT);
          for (const node of drawn.nodes) {
            const here = drawn.pods.filter((p) => p.node === node.id).length;
            const all = t0.pods.filter((p) => p.node === node.id).length;
            expect(here).toBeLessThanOrEqual(SCENE_POD_LIMIT);
            expect(here + (cut.morePods.get(node.id) ?? 0)).toBe(all);
          }
          const onDrawn = new Set(drawn.nodes.map((n) => n.id));
          expect(cut.folded?.pods ?? 0).toBe(t0.pods.filter((p) => !onDrawn.has(p.node)).length);
          // Nodes of Service A are left out only when they could not all fit.
          const aOut = [...aNodes].filter(
            (id) => !onDrawn.has(id) && t0.pods.some((p) => p.node === id && p.labels.app === 'a'),
          );
          if (aOut.length > 0) {
            expect(drawn.nodes.length).toBe(SCENE_NODE_LIMIT - 1);
            expect(cut.folded?.label).toContain(`(${aOut.length} with pods of this Service)`);
          } else if (cut.folded)
            expect(cut.folded.label).toContain('without a pod of this Service');
        },
      ),
      { seed: 10, numRuns: 200 },
    );
  });
});
