import { describe, expect, it } from 'vitest';
import { row, run, shares } from '../test-support/since-golden';
import { healthCheck } from './endpoint-pick';
import type { Hop, Scenario } from './trace-types';
import { SERVICE_A, talkCluster } from './talk';
import type { Topology } from './topology';

// Worked examples for the since-2020 section: which endpoint kube-proxy picks
// (trafficDistribution) and which it may still pick (terminating endpoints).

describe('trafficDistribution (zones: the client pod on Node1, zone-a)', () => {
  const zones = talkCluster('zones');
  const clientPod = { kind: 'pod', pod: 'client-pod' } as const;
  const ask = (
    trafficDistribution: Scenario['trafficDistribution'],
    client: Scenario['client'] = clientPod,
  ) =>
    shares({
      topology: zones,
      service: SERVICE_A,
      mode: '2',
      target: 'cluster-ip',
      client,
      trafficDistribution,
    });

  it('none: every endpoint alike', () => {
    expect(ask(undefined)).toEqual({
      pods: { 'pod-c': 1 / 3, 'pod-e': 1 / 3, 'pod-f': 1 / 3 },
      lost: 0,
    });
    expect(ask(null)).toEqual(ask(undefined));
  });

  it('PreferSameZone (and PreferClose): Node2’s Pod-c only', () => {
    expect(ask('PreferSameZone')).toEqual({ pods: { 'pod-c': 1 }, lost: 0 });
    expect(ask('PreferClose')).toEqual(ask('PreferSameZone'));
  });

  it('PreferSameNode: nothing on Node1, so the zone hints it also writes: Pod-c', () => {
    expect(ask('PreferSameNode')).toEqual({ pods: { 'pod-c': 1 }, lost: 0 });
    // From Node3 it keeps to Node3.
    expect(ask('PreferSameNode', { kind: 'node', node: 'node3' })).toEqual({
      pods: { 'pod-e': 0.5, 'pod-f': 0.5 },
      lost: 0,
    });
  });

  it('the wires are the same with and without hints; only the choice changes', () => {
    const one = run({
      topology: zones,
      service: SERVICE_A,
      mode: '2',
      client: clientPod,
      target: 'cluster-ip',
      trafficDistribution: 'PreferSameZone',
      seed: 5,
    });
    expect(one.forward.map(row)).toEqual([
      ['pod:client-pod', 'node:node1', '-', 'route', '10.0.1.1:40000', '10.96.0.10:80'],
      ['node:node1', 'pod:pod-c', 'node:node2', 'dnat', '10.0.1.1:40000', '10.0.2.1:8080'],
    ]);
    expect(one.notes).toEqual([
      "kube-proxy on Node1 follows the zone hints (trafficDistribution PreferSameZone): only Service A's endpoints in zone-a.",
    ]);
  });

  it('outside traffic under Cluster: each entry node keeps to its own zone', () => {
    expect(
      shares({
        topology: zones,
        service: SERVICE_A,
        mode: '3a',
        policy: 'Cluster',
        trafficDistribution: 'PreferSameZone',
      }),
    ).toEqual({
      pods: { 'pod-c': 2 / 3, 'pod-e': 1 / 6, 'pod-f': 1 / 6 },
      lost: 0,
    });
  });
});

describe('terminating endpoints (pod-a-terminating: Pod-a still serving on Node1)', () => {
  const t = talkCluster('pod-a-terminating');

  it('the health check: 503 on Node1 (no ready local endpoint), 200 with weight 1 on Node2', () => {
    const svc = t.services[0]!;
    expect(healthCheck(t, svc, t.nodes[0]!)).toEqual({
      status: 503,
      localEndpoints: 0,
      headers: {
        'Content-Type': 'application/json',
        'X-Content-Type-Options': 'nosniff',
        'X-Load-Balancing-Endpoint-Weight': '0',
      },
    });
    expect(healthCheck(t, svc, t.nodes[1]!)).toMatchObject({
      status: 200,
      localEndpoints: 1,
      headers: { 'X-Load-Balancing-Endpoint-Weight': '1' },
    });
  });

  it('a NodePort client at Node1 under Local is served by the terminating Pod-a', () => {
    const tr = run({
      topology: t,
      service: SERVICE_A,
      mode: '2',
      policy: 'Local',
      entryNode: 'node1',
    });
    expect(tr.forward.map(row)).toEqual([
      ['client', 'node:node1', '-', 'route', '1.2.3.4:51234', '10.240.0.1:30093'],
      ['node:node1', 'pod:pod-a', '-', 'dnat', '1.2.3.4:51234', '10.0.1.1:8080'],
    ]);
    expect(tr.notes).toEqual([
      'Service A has no ready endpoint kube-proxy on Node1 may use, so it sends new connections to Pod-a: terminating, but still serving (KEP-1669).',
    ]);
    expect(shares({ topology: t, service: SERVICE_A, mode: '2', policy: 'Local' })).toEqual({
      pods: { 'pod-a': 0.5, 'pod-c': 0.5 },
      lost: 0,
    });
  });

  it('a load balancer under Local drains Node1 all the same', () => {
    const tr = run({
      topology: t,
      service: SERVICE_A,
      mode: '3a',
      policy: 'Local',
      entryNode: 'node1',
    });
    expect([tr.entryNode, tr.pod]).toEqual(['node2', 'pod-c']);
    expect(tr.notes[0]).toBe(
      'The load balancer skips Node1: its health check on :32093 answers 503 (no ready local pod: Pod-a is terminating), so it sends to Node2.',
    );
    expect(shares({ topology: t, service: SERVICE_A, mode: '3a', policy: 'Local' })).toEqual({
      pods: { 'pod-c': 1 },
      lost: 0,
    });
  });

  it('under Cluster a ready pod always wins; with none ready anywhere, the terminating one serves', () => {
    expect(
      run({ topology: t, service: SERVICE_A, mode: '2', policy: 'Cluster', pod: 'pod-a' }).pod,
    ).toBe('pod-c');
    const noneReady: Topology = {
      ...t,
      pods: t.pods.map((p) => (p.id === 'pod-c' ? { ...p, ready: false } : p)),
    };
    const tr = run({
      topology: noneReady,
      service: SERVICE_A,
      mode: '2',
      policy: 'Cluster',
      entryNode: 'node2',
    });
    expect(row(tr.forward[1] as Hop)).toEqual([
      'node:node2',
      'pod:pod-a',
      'node:node1',
      'dnat+snat',
      '10.240.0.2:61012',
      '10.0.1.1:8080',
    ]);
  });

  it('a terminating pod without `serving` (as the explorer writes it) is not served: slide 37 as before', () => {
    const explorer: Topology = {
      ...t,
      pods: t.pods.map((p) => (p.id === 'pod-a' ? { ...p, serving: undefined } : p)),
    };
    const tr = run({
      topology: explorer,
      service: SERVICE_A,
      mode: '2',
      policy: 'Local',
      entryNode: 'node1',
    });
    const gone = run({
      topology: talkCluster('pod-a-gone'),
      service: SERVICE_A,
      mode: '2',
      policy: 'Local',
      entryNode: 'node1',
    });
    expect(tr.outcome).toEqual(gone.outcome);
    expect(tr.forward.map(row)).toEqual(gone.forward.map(row));
  });
});
