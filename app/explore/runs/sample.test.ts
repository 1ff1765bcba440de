import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  offeredModes,
  sampleShares,
  SERVICE_A,
  syntheticCluster,
  talkCluster,
  type ExternalTrafficPolicy,
  type ModeId,
  type Topology,
} from '../../model';
import { sampleCluster } from '../sample-cluster';
import { createRun, runRequests } from './sample';
import type { RunQuery, RunResult } from './types';

const POLICIES: readonly ExternalTrafficPolicy[] = ['Cluster', 'Local'];

function run(q: RunQuery, n: number, seed = 1): RunResult {
  const got = runRequests(q, n, seed);
  if (!got.ok) throw new Error(got.error);
  return got.value;
}

/** A sampled share lies within 5 standard errors of the exact one (and is 0 where that is 0). */
function near(count: number, n: number, p: number): boolean {
  const se = Math.sqrt((p * (1 - p)) / n);
  return Math.abs(count / n - p) <= 5 * se + 1e-12;
}

function expectConverges(r: RunResult): void {
  for (const bar of [...r.pods, ...r.nodes])
    expect(
      near(bar.count, r.n, bar.expected),
      `${bar.id}: ${bar.count}/${r.n} vs ${bar.expected}`,
    ).toBe(true);
  expect(near(r.lost.count, r.n, r.lost.expected)).toBe(true);
  const delivered = r.pods.reduce((s, b) => s + b.count, 0);
  expect(delivered + r.lost.count).toBe(r.n);
  const fates = r.clientIp;
  expect(fates.l3 + fates.xff + fates['proxy-protocol'] + fates.lost).toBe(delivered);
}

describe('runRequests converges to exactShares', () => {
  it("slide 39: Cluster gives each of the 7 pods 1/7; Local gives Node1's pod 1/2 and each on Node2 1/12", () => {
    const topology = talkCluster('imbalance');
    const cluster = run({ topology, service: SERVICE_A, mode: '3a', policy: 'Cluster' }, 100_000);
    const local = run({ topology, service: SERVICE_A, mode: '3a', policy: 'Local' }, 100_000);
    expectConverges(cluster);
    expectConverges(local);
    for (const pod of cluster.pods) expect(pod.expected).toBeCloseTo(1 / 7, 12);
    expect(local.pods.find((p) => p.id === 'pod-1')?.expected).toBeCloseTo(1 / 2, 12);
    expect(local.pods.find((p) => p.id === 'pod-4')?.expected).toBeCloseTo(1 / 12, 12);
    expect(local.lost.count).toBe(0);
  });

  it("the talk's cluster in every mode and policy Service A offers", () => {
    for (const variant of [
      'default',
      'pod-a-gone',
      'shared-ingress',
      'dedicated-ingress',
    ] as const) {
      const topology = talkCluster(variant);
      for (const mode of offeredModes(topology, SERVICE_A))
        for (const policy of POLICIES)
          expectConverges(run({ topology, service: SERVICE_A, mode, policy }, 20_000, 3));
    }
  });

  it('in-cluster ingress spreads what reaches the proxies over the backend pods', () => {
    const topology = talkCluster('shared-ingress');
    for (const mode of ['4c.1', '4c.2', '4c.3'] as const) {
      const r = run({ topology, service: SERVICE_A, mode, policy: 'Local' }, 50_000);
      expect(r.pods.map((p) => p.id)).toEqual(['pod-a', 'pod-c']);
      for (const pod of r.pods) expect(pod.expected).toBeCloseTo(0.5, 12);
      expectConverges(r);
    }
  });

  it('random clusters, every offered mode, both policies (the counts are sampleShares’ own)', () => {
    const cluster = fc
      .record({
        nodes: fc.integer({ min: 1, max: 8 }),
        seed: fc.integer({ min: 0, max: 2 ** 31 }),
        notReady: fc.array(fc.boolean(), { maxLength: 50 }),
      })
      .map(({ nodes, seed, notReady }): Topology => {
        const t = sampleCluster(nodes, seed);
        return { ...t, pods: t.pods.map((p, i) => (notReady[i] ? { ...p, ready: false } : p)) };
      });
    fc.assert(
      fc.property(cluster, fc.integer({ min: 1, max: 1000 }), (topology, seed) => {
        for (const mode of offeredModes(topology, SERVICE_A))
          for (const policy of POLICIES) {
            const q = { topology, service: SERVICE_A, mode, policy };
            const r = run(q, 4_000, seed);
            expectConverges(r);
            const s = sampleShares(q, 4_000, seed);
            if (!s.ok) throw new Error(s.error);
            for (const pod of r.pods) expect(pod.count).toBe(s.value.pods.get(pod.id) ?? 0);
            for (const node of r.nodes) expect(node.count).toBe(s.value.nodes.get(node.id) ?? 0);
            expect(r.lost.count).toBe(s.value.lost);
          }
      }),
      { numRuns: 25 },
    );
  });
});

describe('lost requests', () => {
  it('slide 37: a client picking Node1 under Local is dropped there, in the trace’s words', () => {
    const topology = talkCluster('pod-a-gone');
    const r = run({ topology, service: SERVICE_A, mode: '2', policy: 'Local' }, 10_000);
    expect(r.lost.expected).toBe(0.5);
    expect(r.lost.dropped).toBe(r.lost.count);
    expect(r.lost.rejected).toBe(0);
    expect(r.lost.reasons).toEqual([
      {
        kind: 'dropped',
        reason:
          'Node1 has no ready pod of Service A and externalTrafficPolicy is Local, so Node1 drops the packet silently',
        count: r.nodes.find((n) => n.id === 'node1')?.count,
      },
    ]);
    // A load balancer under Local health-checks the nodes and never sends to Node1.
    const lb = run({ topology, service: SERVICE_A, mode: '3a', policy: 'Local' }, 10_000);
    expect(lb.lost.count).toBe(0);
    expect(lb.nodes.find((n) => n.id === 'node1')).toMatchObject({ count: 0, expected: 0 });
  });

  it('a Service with no ready pod anywhere rejects every request', () => {
    const t = talkCluster('default');
    const topology = { ...t, pods: t.pods.map((p) => ({ ...p, ready: false })) };
    const r = run({ topology, service: SERVICE_A, mode: '2', policy: 'Cluster' }, 1_000);
    expect(r.lost).toMatchObject({ count: 1_000, rejected: 1_000, dropped: 0, expected: 1 });
    expect(r.lost.reasons[0]?.reason).toContain('ICMP port unreachable');
  });

  it('many dropping nodes: the largest are named, the rest summed, every request still counted', () => {
    const t = talkCluster('default');
    const extra = [3, 4, 5, 6, 7, 8].map((i) => ({
      ...(t.nodes[0] as Topology['nodes'][number]),
      id: `node${i}`,
      name: `Node${i}`,
    }));
    const topology = { ...t, nodes: [...t.nodes, ...extra] };
    const r = run({ topology, service: SERVICE_A, mode: '2', policy: 'Local' }, 16_000);
    expect(r.lost.reasons).toHaveLength(4);
    expect(r.lost.reasons[3]?.reason).toBe(
      '3 more nodes have no ready local pod, so they drop it the same way',
    );
    expect(r.lost.reasons.reduce((s, x) => s + x.count, 0)).toBe(r.lost.count);
    expect(r.lost.expected).toBeCloseTo(6 / 8, 12);
    expectConverges(r);
  });
});

describe('how the backend pod sees the client (from trace)', () => {
  const talk = talkCluster('default');
  const fates = (mode: ModeId, policy: ExternalTrafficPolicy, proxyProtocol = false) =>
    run({ topology: talk, service: SERVICE_A, mode, policy, proxyProtocol }, 5_000).clientIp;

  it('2 under Cluster: kube-proxy masquerades, so the client is lost at L3', () => {
    expect(fates('2', 'Cluster')).toEqual({ l3: 0, xff: 0, 'proxy-protocol': 0, lost: 5_000 });
  });
  it('3a under Local: no SNAT, the pod sees the client at L3', () => {
    expect(fates('3a', 'Local')).toEqual({ l3: 5_000, xff: 0, 'proxy-protocol': 0, lost: 0 });
  });
  it('4a: an HTTP load balancer carries the client in X-Forwarded-For', () => {
    expect(fates('4a', 'Cluster')).toEqual({ l3: 0, xff: 5_000, 'proxy-protocol': 0, lost: 0 });
    expect(fates('4a', 'Local')).toEqual({ l3: 0, xff: 5_000, 'proxy-protocol': 0, lost: 0 });
  });
  it('3c: lost without PROXY protocol, in the PROXY line with it', () => {
    expect(fates('3c', 'Local')).toEqual({ l3: 0, xff: 0, 'proxy-protocol': 0, lost: 5_000 });
    expect(fates('3c', 'Local', true)).toEqual({
      l3: 0,
      xff: 0,
      'proxy-protocol': 5_000,
      lost: 0,
    });
  });
  it('only delivered requests have a fate: half of slide 37’s NodePort requests never arrive', () => {
    const t = talkCluster('pod-a-gone');
    const r = run({ topology: t, service: SERVICE_A, mode: '2', policy: 'Local' }, 4_000);
    expect(r.clientIp.l3).toBe(4_000 - r.lost.count);
    expect(r.clientIp.lost).toBe(0);
  });
});

describe('seeds, N and refusals', () => {
  const q: RunQuery = { topology: talkCluster('imbalance'), service: SERVICE_A, mode: '2' };

  it('the same seed gives the same counts; another seed other counts', () => {
    expect(run(q, 30_000, 42)).toEqual(run(q, 30_000, 42));
    expect(run(q, 30_000, 43).pods.map((p) => p.count)).not.toEqual(
      run(q, 30_000, 42).pods.map((p) => p.count),
    );
  });

  it('sending in chunks gives what sending at once gives', () => {
    const made = createRun(q, 10_001, 9);
    if (!made.ok) throw new Error(made.error);
    while (made.value.done < 10_001) made.value.step(777);
    expect(made.value.finish()).toEqual(run(q, 10_001, 9));
  });

  it('reports progress chunk by chunk up to N', () => {
    const seen: number[] = [];
    runRequests(q, 120_000, 1, (p) => seen.push(p.done));
    expect(seen).toEqual([50_000, 100_000, 120_000]);
  });

  it.each([
    [0, 'The number of requests must be from 1 to 1,000,000'],
    [1_000_001, 'The number of requests must be from 1 to 1,000,000'],
    [2.5, 'The number of requests must be a whole number'],
    [Number.NaN, 'The number of requests must be a number'],
  ])('N = %s is refused: %s', (n, message) => {
    expect(runRequests(q, n, 1)).toEqual({ ok: false, error: message });
  });

  it('N = 1 and N = 1,000,000 are sent', () => {
    expect(run(q, 1).n).toBe(1);
    expect(run(q, 1_000_000).n).toBe(1_000_000);
  });

  it('a mode the Service does not offer is refused with the trace’s reason', () => {
    const t = talkCluster('default');
    const topology = {
      ...t,
      services: t.services.map((s) =>
        s.id === SERVICE_A ? { ...s, type: 'ClusterIP' as const } : s,
      ),
    };
    const got = runRequests({ topology, service: SERVICE_A, mode: '3a' }, 10, 1);
    expect(got.ok).toBe(false);
    if (!got.ok) expect(got.error).toMatch(/gets no load balancer/);
    expect(runRequests({ topology, service: 'nope', mode: '2' }, 10, 1)).toEqual({
      ok: false,
      error: 'There is no Service "nope"',
    });
  });

  it('an imported-size cluster (500 nodes × 10 pods) is counted in full', () => {
    const topology = syntheticCluster(500, 10);
    const r = run({ topology, service: SERVICE_A, mode: '2', policy: 'Local' }, 100_000);
    expect(r.pods).toHaveLength(5_000);
    expect(r.nodes).toHaveLength(500);
    expect(r.pods.reduce((s, p) => s + p.count, 0)).toBe(100_000);
    expectConverges(r);
  });
});
