import { describe, it, expect } from 'vitest';
import { numberToIp, parseCidr } from './address';
import type { Cidr, NodeIp, PodIp } from './address';
import type { ModeId } from './modes';
import { exactShares, sampleShares } from './shares';
import type { ShareQuery, Shares } from './shares';
import { SERVICE_A, SERVICE_B, talkCluster } from './talk';
import type { ClusterNode, Pod, Topology } from './topology';
import { validate } from './validate';

const exact = (q: ShareQuery): Shares => {
  const r = exactShares(q);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const sum = (m: ReadonlyMap<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
const entries = (m: ReadonlyMap<string, number>) => Object.fromEntries(m);
/** The talk's cluster with Service B's pods gone: its selector matches nothing. */
const withoutB = (): Topology => {
  const t = talkCluster();
  return { ...t, pods: t.pods.filter((p) => p.labels.app !== 'b') };
};

describe('exactShares', () => {
  it('Cluster on the talk cluster: each Service A pod gets 1/2', () => {
    const s = exact({ topology: talkCluster(), service: SERVICE_A, mode: '3a', policy: 'Cluster' });
    expect(entries(s.pods)).toEqual({ 'pod-a': 0.5, 'pod-c': 0.5 });
    expect(entries(s.nodes)).toEqual({ node1: 0.5, node2: 0.5 });
    expect(s.lost).toBe(0);
  });

  it('slide 39: Local with an LB weighting nodes equally gives the lone pod 1/2 and the six 1/12', () => {
    const s = exact({
      topology: talkCluster('imbalance'),
      service: SERVICE_A,
      mode: '3a',
      policy: 'Local',
    });
    expect(s.pods.get('pod-1')).toBe(0.5);
    for (let i = 2; i <= 7; i++) expect(s.pods.get(`pod-${i}`)).toBeCloseTo(1 / 12, 12);
    expect(s.pods.size).toBe(7);
    expect(entries(s.nodes)).toEqual({ node1: 0.5, node2: 0.5 });
    expect(s.lost).toBe(0);
  });

  it('weighting nodes by their pod count evens it out: every pod 1/7', () => {
    const s = exact({
      topology: talkCluster('imbalance'),
      service: SERVICE_A,
      mode: '3a',
      policy: 'Local',
      weighting: 'by-pods',
    });
    for (let i = 1; i <= 7; i++) expect(s.pods.get(`pod-${i}`)).toBeCloseTo(1 / 7, 12);
    expect(s.nodes.get('node1')).toBeCloseTo(1 / 7, 12);
    expect(s.nodes.get('node2')).toBeCloseTo(6 / 7, 12);
  });

  it('NodePort with Local and Pod-a gone: clients that pick Node1 are dropped', () => {
    const s = exact({
      topology: talkCluster('pod-a-gone'),
      service: SERVICE_A,
      mode: '2',
      policy: 'Local',
    });
    expect(s.lost).toBe(0.5);
    expect(entries(s.pods)).toEqual({ 'pod-c': 0.5 });
    expect(entries(s.nodes)).toEqual({ node1: 0.5, node2: 0.5 });
  });

  it('NodePort with Cluster: every pod 1/n and nothing lost', () => {
    const imbalance = exact({
      topology: talkCluster('imbalance'),
      service: SERVICE_A,
      mode: '2',
      policy: 'Cluster',
    });
    expect(imbalance.lost).toBe(0);
    expect([...imbalance.pods.values()]).toEqual(Array(7).fill(1 / 7));
    const gone = exact({
      topology: talkCluster('pod-a-gone'),
      service: SERVICE_A,
      mode: '2',
      policy: 'Cluster',
    });
    expect(entries(gone.pods)).toEqual({ 'pod-c': 1 });
    expect(gone.lost).toBe(0);
  });

  it('in-cluster ingress spreads what reaches the proxies evenly over the backend', () => {
    const s = exact({
      topology: talkCluster('shared-ingress'),
      service: SERVICE_B,
      mode: '4c.1',
      policy: 'Local',
    });
    expect(entries(s.pods)).toEqual({ 'pod-b': 0.5, 'pod-d': 0.5 });
    expect(s.lost).toBe(0);
  });

  it.each<[string, ShareQuery]>([
    [
      'mode 2 Local',
      { topology: talkCluster('imbalance'), service: SERVICE_A, mode: '2', policy: 'Local' },
    ],
    [
      'mode 2 Local, pod-a gone',
      { topology: talkCluster('pod-a-gone'), service: SERVICE_A, mode: '2', policy: 'Local' },
    ],
    [
      'mode 3c Local',
      { topology: talkCluster('pod-a-gone'), service: SERVICE_B, mode: '3c', policy: 'Local' },
    ],
    ['mode 1', { topology: talkCluster('imbalance'), service: SERVICE_A, mode: '1' }],
    ['mode 4c.3', { topology: talkCluster('shared-ingress'), service: SERVICE_A, mode: '4c.3' }],
  ])('shares sum to 1 − lost: %s', (_name, q) => {
    const s = exact(q);
    expect(sum(s.pods)).toBeCloseTo(1 - s.lost, 12);
  });

  it('a Service with no pods loses everything', () => {
    const s = exact({ topology: withoutB(), service: SERVICE_B, mode: '2', policy: 'Cluster' });
    expect([s.pods.size, s.nodes.size, s.lost]).toEqual([0, 0, 1]);
    const t = talkCluster('imbalance');
    const notReady: Topology = { ...t, pods: t.pods.map((p) => ({ ...p, ready: false })) };
    expect(exact({ topology: notReady, service: SERVICE_A, mode: '3a' }).lost).toBe(1);
  });

  it('gives a clear error for an unknown mode or Service, or an ingress mode without ingress', () => {
    const t = talkCluster();
    expect(exactShares({ topology: t, service: SERVICE_A, mode: '9z' as ModeId })).toEqual({
      ok: false,
      error: '"9z" is not a mode',
    });
    expect(exactShares({ topology: t, service: 'svc-zz', mode: '2' })).toEqual({
      ok: false,
      error: 'There is no Service "svc-zz"',
    });
    expect(exactShares({ topology: t, service: SERVICE_A, mode: '4c.1' })).toEqual({
      ok: false,
      error: 'Mode 4c.1 needs an in-cluster ingress proxy for Service A',
    });
  });
});

describe('sampleShares', () => {
  const cases: [string, ShareQuery][] = [
    [
      '3a Local, imbalance',
      { topology: talkCluster('imbalance'), service: SERVICE_A, mode: '3a', policy: 'Local' },
    ],
    [
      '3a Local, imbalance, by-pods',
      {
        topology: talkCluster('imbalance'),
        service: SERVICE_A,
        mode: '3a',
        policy: 'Local',
        weighting: 'by-pods',
      },
    ],
    [
      '2 Local, pod-a gone',
      { topology: talkCluster('pod-a-gone'), service: SERVICE_A, mode: '2', policy: 'Local' },
    ],
    [
      '2 Cluster, imbalance',
      { topology: talkCluster('imbalance'), service: SERVICE_A, mode: '2', policy: 'Cluster' },
    ],
    ['1, default', { topology: talkCluster(), service: SERVICE_B, mode: '1' }],
    [
      '4c.2 Local, shared ingress',
      {
        topology: talkCluster('shared-ingress'),
        service: SERVICE_A,
        mode: '4c.2',
        policy: 'Local',
      },
    ],
  ];

  it.each(cases)('converges to the exact shares: %s', (_name, q) => {
    const requests = 20_000;
    const s = sampleShares(q, requests, 7);
    if (!s.ok) throw new Error(s.error);
    const want = exact(q);
    expect(s.value.requests).toBe(requests);
    for (const [pod, share] of want.pods)
      expect(Math.abs((s.value.pods.get(pod) ?? 0) / requests - share)).toBeLessThan(0.02);
    expect([...s.value.pods.keys()].every((pod) => want.pods.has(pod))).toBe(true);
    expect(Math.abs(s.value.lost / requests - want.lost)).toBeLessThan(0.02);
    for (const [node, share] of want.nodes)
      expect(Math.abs((s.value.nodes.get(node) ?? 0) / requests - share)).toBeLessThan(0.02);
    expect(sum(s.value.pods) + s.value.lost).toBe(requests);
  });

  it('gives the same counts for the same seed, and other counts for another', () => {
    const q = cases[0]![1];
    const counts = (seed: number) => {
      const r = sampleShares(q, 5000, seed);
      if (!r.ok) throw new Error(r.error);
      return { pods: [...r.value.pods], nodes: [...r.value.nodes], lost: r.value.lost };
    };
    expect(counts(42)).toEqual(counts(42));
    expect(counts(42)).not.toEqual(counts(43));
  });

  it('loses every request for a Service with no pods', () => {
    const s = sampleShares({ topology: withoutB(), service: SERVICE_B, mode: '3c' }, 100);
    if (!s.ok) throw new Error(s.error);
    expect([s.value.requests, s.value.pods.size, s.value.lost]).toEqual([100, 0, 100]);
  });
});

// A cluster far larger than the talk's: 1,000 nodes with 100 pods each.
function largeCluster(nodeCount: number, podsPerNode: number): Topology {
  const cidr = (text: string): Cidr => {
    const r = parseCidr(text);
    if (!r.ok) throw new Error(r.error);
    return r.value;
  };
  const nodes: ClusterNode[] = [];
  const pods: Pod[] = [];
  for (let i = 0; i < nodeCount; i++) {
    const range = `10.${i >> 8}.${i & 255}`;
    nodes.push({
      id: `node${i}`,
      name: `Node${i}`,
      ip: numberToIp(((10 << 24) | (240 << 16)) + i + 1) as string as NodeIp,
      podCidr: cidr(`${range}.0/24`),
    });
    for (let k = 1; k <= podsPerNode; k++)
      pods.push({
        id: `pod-${i}-${k}`,
        name: `pod-${i}-${k}`,
        ip: `${range}.${k}` as PodIp,
        node: `node${i}`,
        labels: { app: k % 2 === 0 ? 'a' : 'b' },
        ready: true,
      });
  }
  const talk = talkCluster();
  return {
    ...talk,
    // 10.0.0.0/12 holds every pod range (10.0.x to 10.3.x) and leaves the nodes' 10.240.x outside.
    clusterCidr: cidr('10.0.0.0/12'),
    nodes,
    pods,
  };
}

describe('exactShares on a large cluster', () => {
  const big = largeCluster(1000, 100);

  it('is a valid topology', () => {
    expect(validate(big)).toEqual([]);
  });

  it.each<[ModeId, 'Cluster' | 'Local']>([
    ['2', 'Cluster'],
    ['2', 'Local'],
    ['3a', 'Local'],
    ['3c', 'Cluster'],
  ])('mode %s %s: shares sum to 1 and every pod of the Service gets one', (mode, policy) => {
    const s = exact({ topology: big, service: SERVICE_A, mode, policy });
    expect(s.lost).toBe(0);
    expect(s.pods.size).toBe(50_000);
    expect(sum(s.pods)).toBeCloseTo(1, 9);
    expect(s.pods.get('pod-999-100')).toBeCloseTo(1 / 50_000, 15);
  });
});
