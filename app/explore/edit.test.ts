import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  offeredModes,
  parseCidr,
  parseClusterIp,
  parseNodeIp,
  parseNodePort,
  parsePort,
  talkCluster,
  type ServiceType,
  type Topology,
} from '../model';
import { validate } from '../model/validate';
import type { ExplorerDoc } from './doc';
import * as edit from './edit';
import { docOf } from './edit/test-doc';
import { sampleCluster } from './sample-cluster';

const TYPES: ServiceType[] = ['ClusterIP', 'NodePort', 'LoadBalancer'];
const STATES: edit.PodState[] = ['ready', 'not-ready', 'terminating', 'terminating-serving'];
const ZONES = ['zone-a', 'zone-b', ''];
const POLICIES = [undefined, 'Cluster', 'Local'] as const;
const DISTRIBUTIONS = [undefined, 'PreferClose', 'PreferSameZone', 'PreferSameNode'] as const;

/** Picks the i-th of a list, wrapping; a made-up id when the list is empty. */
const nth = <T extends { id: string }>(items: readonly T[], i: number) =>
  items.length ? (items[i % items.length] as T).id : `none-${i}`;

type Op = (doc: ExplorerDoc, i: number, j: number) => ExplorerDoc;

/** The edits that allocate what they need: on a valid cluster they never make it invalid. */
const allocating: Record<string, Op> = {
  addNode: (d) => edit.addNode(d),
  removeNode: (d, i) => edit.removeNode(d, nth(d.topology.nodes, i)),
  addPod: (d, i, j) =>
    edit.addPod(d, nth(d.topology.nodes, i), j % 3 === 0 ? null : nth(d.topology.services, j)),
  movePod: (d, i, j) => edit.movePod(d, nth(d.topology.pods, i), nth(d.topology.nodes, j)),
  removePod: (d, i) => edit.removePod(d, nth(d.topology.pods, i)),
  setPodState: (d, i, j) => edit.setPodState(d, nth(d.topology.pods, i), STATES[j % 4]!),
  addService: (d, i, j) => edit.addService(d, TYPES[i % 3], j % 2 === 0),
  removeService: (d, i) => edit.removeService(d, nth(d.topology.services, i)),
  setType: (d, i, j) => edit.setType(d, nth(d.topology.services, i), TYPES[j % 3]!),
  setPolicy: (d, i, j) =>
    edit.setPolicy(d, nth(d.topology.services, i), j % 2 ? 'Local' : 'Cluster'),
  setProxy: (d, i, j) => edit.setProxy(d, nth(d.topology.services, i), j % 2 === 0),
  pickPods: (d, i, j) =>
    edit.pickPods(
      d,
      nth(d.topology.services, i),
      d.topology.pods.filter((_, k) => (j >> (k % 8)) & 1).map((p) => p.id),
    ),
  addIngress: (d, i, j) =>
    edit.addIngress(d, nth(d.topology.services, i), j % 2 ? 'shared' : 'dedicated'),
  removeIngress: (d, i) => edit.removeIngress(d, nth(d.topology.ingresses, i)),
  newEmptyCluster: (d, i) => (i % 7 === 0 ? edit.newEmptyCluster(d) : d),
  resetToTalk: (d, i) => (i % 7 === 0 ? edit.resetToTalk(d) : d),
  setZone: (d, i, j) => edit.setZone(d, nth(d.topology.nodes, i), ZONES[j % 3]!),
  setInternalPolicy: (d, i, j) =>
    edit.setSinceField(d, nth(d.topology.services, i), 'internalTrafficPolicy', POLICIES[j % 3]),
  setDistribution: (d, i, j) =>
    edit.setSinceField(d, nth(d.topology.services, i), 'trafficDistribution', DISTRIBUTIONS[j % 4]),
};

const TEXTS = [
  '10.0.9.0/24',
  '10.240.0.1',
  '300.1.1.1',
  '',
  ' 10.0.1.0/24',
  '30080',
  'x',
  '-1',
  '99999',
];
const text = (i: number) => TEXTS[i % TEXTS.length] as string;

/** Edits of free text, which may well make the cluster invalid (validate then says why). */
const typed: Record<string, Op> = {
  renameNode: (d, i, j) => edit.renameNode(d, nth(d.topology.nodes, i), text(j)),
  setNodeIp: (d, i, j) => {
    const ip = parseNodeIp(text(j));
    return ip.ok ? edit.setNodeIp(d, nth(d.topology.nodes, i), ip.value) : d;
  },
  setPodRange: (d, i, j) => {
    const cidr = parseCidr(text(j));
    return cidr.ok ? edit.setPodRange(d, nth(d.topology.nodes, i), cidr.value) : d;
  },
  setPort: (d, i, j) => {
    const port = parsePort(text(j));
    return port.ok ? edit.setPort(d, nth(d.topology.services, i), port.value) : d;
  },
  setNodePort: (d, i, j) => {
    const port = parseNodePort(text(j));
    return port.ok ? edit.setNodePort(d, nth(d.topology.services, i), port.value) : d;
  },
  setSelector: (d, i, j) => {
    const labels = edit.parseLabels(j % 2 ? 'app=a' : text(j));
    return labels.ok ? edit.setSelector(d, nth(d.topology.services, i), labels.value) : d;
  },
  setClusterIp: (d, i, j) => {
    const ip = parseClusterIp(text(j));
    return ip.ok ? edit.setSinceField(d, nth(d.topology.services, i), 'clusterIp', ip.value) : d;
  },
  setPodLabels: (d, i, j) => {
    const labels = edit.parseLabels(j % 2 ? 'app=b' : text(j));
    return labels.ok ? edit.setPodLabels(d, nth(d.topology.pods, i), labels.value) : d;
  },
};

const cluster = fc.oneof(
  fc
    .constantFrom(
      ...(['default', 'pod-a-gone', 'imbalance', 'shared-ingress', 'dedicated-ingress'] as const),
    )
    .map((v) => talkCluster(v)),
  fc
    .record({ nodes: fc.integer({ min: 1, max: 8 }), seed: fc.integer() })
    .map(({ nodes, seed }) => sampleCluster(nodes, seed)),
);

const steps = (names: string[]) =>
  fc.array(
    fc.record({
      op: fc.constantFrom(...names),
      i: fc.nat({ max: 1000 }),
      j: fc.nat({ max: 1000 }),
    }),
    { maxLength: 25 },
  );

/** Edits that set something to a value: doing one again changes nothing. */
const SETTERS = new Set([
  'setPodState',
  'setType',
  'setPolicy',
  'setProxy',
  'pickPods',
  'setZone',
  'setInternalPolicy',
  'setDistribution',
]);

const errors = (t: Topology) => validate(t).filter((p) => p.severity === 'error');

/** What settle promises: the doc's choices name things that exist, and the mode is offered. */
function expectSettled(doc: ExplorerDoc) {
  const t = doc.topology;
  if (t.services.length) {
    expect(t.services.some((s) => s.id === doc.service)).toBe(true);
    expect(offeredModes(t, doc.service)).toContain(doc.mode);
  }
  if (doc.entryNode !== null) expect(t.nodes.some((n) => n.id === doc.entryNode)).toBe(true);
}

describe('random edits on random clusters', () => {
  it('the allocating edits keep a valid cluster free of errors, and the doc settled', () => {
    fc.assert(
      fc.property(cluster, steps(Object.keys(allocating)), (start, ops) => {
        expect(errors(start)).toEqual([]);
        let doc = docOf(start, '1');
        for (const { op, i, j } of ops) {
          const next = allocating[op]!(doc, i, j);
          expect(errors(next.topology), `${op} ${i} ${j}`).toEqual([]);
          expectSettled(next);
          doc = next;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('no edit ever throws, typed text included, and each changes nothing the second time', () => {
    const all = { ...allocating, ...typed };
    fc.assert(
      fc.property(cluster, steps(Object.keys(all)), (start, ops) => {
        let doc = docOf(start, '1');
        for (const { op, i, j } of ops) {
          const next = all[op]!(doc, i, j);
          if (op in typed || SETTERS.has(op)) expect(all[op]!(next, i, j)).toBe(next);
          expectSettled(next);
          doc = next;
        }
      }),
      { numRuns: 300 },
    );
  });
});
