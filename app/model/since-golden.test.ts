import { describe, expect, it } from 'vitest';
import { node1, podB, row, run, without } from '../test-support/since-golden';
import type { Hop, Scenario } from './trace-types';
import { SERVICE_A, SERVICE_B, talkCluster } from './talk';
import type { Topology } from './topology';
import { trace } from './trace';
import { validate } from './validate';

// Worked examples for the since-2020 section, with the concrete addresses the
// slides show: clients inside the cluster and ipMode. since-golden-endpoints.test.ts
// has trafficDistribution and terminating endpoints; since-invariants.test.ts the properties.

describe('the since-2020 topologies', () => {
  it.each(['in-cluster', 'zones', 'pod-a-terminating'] as const)('%s has no problems', (v) => {
    expect(validate(talkCluster(v))).toEqual([]);
  });

  it('zones: three nodes over two zones, the client pod on Node1, Service A on Node2 and Node3', () => {
    const t = talkCluster('zones');
    expect(t.nodes.map((n) => [n.name, n.ip, n.zone])).toEqual([
      ['Node1', '10.240.0.1', 'zone-a'],
      ['Node2', '10.240.0.2', 'zone-a'],
      ['Node3', '10.240.0.3', 'zone-b'],
    ]);
    expect(t.pods.map((p) => [p.name, p.ip, p.node])).toEqual([
      ['Client pod', '10.0.1.1', 'node1'],
      ['Pod-c', '10.0.2.1', 'node2'],
      ['Pod-e', '10.0.3.1', 'node3'],
      ['Pod-f', '10.0.3.2', 'node3'],
    ]);
    expect(t.services.map((s) => [s.name, s.clusterIp])).toEqual([['Service A', '10.96.0.10']]);
  });
});

describe('a pod dials a cluster IP', () => {
  it('Pod-b → Service A: kube-proxy on Node1 DNATs to Pod-c, no SNAT; the reply comes from the cluster IP', () => {
    const tr = run({
      service: SERVICE_A,
      mode: '2',
      client: podB,
      target: 'cluster-ip',
      pod: 'pod-c',
    });
    expect(tr.forward.map(row)).toEqual([
      ['pod:pod-b', 'node:node1', '-', 'route', '10.0.1.2:40000', '10.96.0.10:80'],
      ['node:node1', 'pod:pod-c', 'node:node2', 'dnat', '10.0.1.2:40000', '10.0.2.1:8080'],
    ]);
    expect(tr.back.map(row)).toEqual([
      ['pod:pod-c', 'node:node1', 'node:node2', 'route', '10.0.2.1:8080', '10.0.1.2:40000'],
      ['node:node1', 'pod:pod-b', '-', 'unnat', '10.96.0.10:80', '10.0.1.2:40000'],
    ]);
    expect(tr).toMatchObject({
      outcome: { kind: 'delivered', pod: 'pod-c' },
      entryNode: 'node1',
      snat: false,
      clientIp: 'l3',
      podSees: { ip: '10.0.1.2', port: 40000 },
      client: podB,
      policyApplies: false,
    });
  });

  it('a process on Node1 → Service A: masqueraded to Node1 (its source is outside the cluster CIDR)', () => {
    const tr = run({
      service: SERVICE_A,
      mode: '2',
      client: node1,
      target: 'cluster-ip',
      pod: 'pod-c',
    });
    expect(tr.forward.map(row)).toEqual([
      ['node:node1', 'pod:pod-c', 'node:node2', 'dnat+snat', '10.240.0.1:61012', '10.0.2.1:8080'],
    ]);
    expect(tr.back.map(row)).toEqual([
      ['pod:pod-c', 'node:node1', 'node:node2', 'route', '10.0.2.1:8080', '10.240.0.1:61012'],
    ]);
    expect(tr.snat).toBe(true);
  });

  it('hairpin: Pod-b → Service B → Pod-b itself is masqueraded to Node1', () => {
    const tr = run({
      service: SERVICE_B,
      mode: '2',
      client: podB,
      target: 'cluster-ip',
      pod: 'pod-b',
    });
    expect(tr.forward.map(row)).toEqual([
      ['pod:pod-b', 'node:node1', '-', 'route', '10.0.1.2:40000', '10.96.0.11:80'],
      ['node:node1', 'pod:pod-b', '-', 'dnat+snat', '10.240.0.1:61012', '10.0.1.2:8080'],
    ]);
    expect(tr.back.at(-1)?.packet.src).toMatchObject({ ip: '10.96.0.11', port: 80 });
    expect(tr.notes).toContain(
      'Pod-b reached itself through Service B: kube-proxy masquerades hairpin traffic (KUBE-SEP "-s 10.0.1.2 -j KUBE-MARK-MASQ"), so Pod-b sees Node1.',
    );
  });

  it('internalTrafficPolicy Local: only Node1’s Pod-a, even when Pod-c is asked for', () => {
    const tr = run({
      service: SERVICE_A,
      mode: '2',
      client: podB,
      target: 'cluster-ip',
      internalPolicy: 'Local',
      pod: 'pod-c',
    });
    expect(tr.forward.map(row)[1]).toEqual([
      'node:node1',
      'pod:pod-a',
      '-',
      'dnat',
      '10.0.1.2:40000',
      '10.0.1.1:8080',
    ]);
  });

  it('internalTrafficPolicy Local with no pod on Node1: dropped at Node1, saying why', () => {
    const tr = run({
      topology: without('in-cluster', 'pod-a'),
      service: SERVICE_A,
      mode: '2',
      client: podB,
      target: 'cluster-ip',
      internalPolicy: 'Local',
    });
    expect(tr.outcome).toStrictEqual({
      kind: 'dropped',
      at: 'node:node1',
      reason:
        'Node1 has no ready pod of Service A and internalTrafficPolicy is Local, so Node1 drops the packet (Service A has no local endpoints)',
    });
    expect(tr.back).toEqual([]);
    // The Service's own field does the same.
    const t = without('in-cluster', 'pod-a');
    const own: Topology = {
      ...t,
      services: t.services.map((s) => ({ ...s, internalTrafficPolicy: 'Local' as const })),
    };
    expect(
      run({ topology: own, service: SERVICE_A, mode: '2', client: podB, target: 'cluster-ip' })
        .outcome,
    ).toEqual(tr.outcome);
  });

  it('refuses what cannot be asked: a cluster IP from outside, a Service without one, an unknown sender', () => {
    const ask = (s: Partial<Scenario>) =>
      trace({ topology: talkCluster('in-cluster'), service: SERVICE_A, mode: '2', ...s });
    expect(ask({ target: 'cluster-ip' })).toEqual({
      ok: false,
      error: "Service A's cluster IP answers only inside the cluster: send from a pod or a node",
    });
    expect(ask({ topology: talkCluster(), target: 'cluster-ip', client: podB })).toEqual({
      ok: false,
      error: 'Service A has no cluster IP (it is headless, or none was given)',
    });
    expect(ask({ client: { kind: 'pod', pod: 'pod-z' } })).toEqual({
      ok: false,
      error:
        'There is no pod "pod-z" in this topology to send from; the pods are pod-a, pod-b, pod-c, pod-d',
    });
    expect(ask({ client: { kind: 'node', node: 'node9' } })).toEqual({
      ok: false,
      error: 'There is no node "node9" in this topology to send from; the nodes are node1, node2',
    });
  });
});

describe('a pod dials a load balancer address (ipMode)', () => {
  it('VIP: kube-proxy on Node1 captures it, Local is ignored for pod traffic, the LB is never touched', () => {
    const tr = run({ service: SERVICE_A, mode: '3a', client: podB, policy: 'Local', pod: 'pod-c' });
    expect(tr.forward.map(row)).toEqual([
      ['pod:pod-b', 'node:node1', '-', 'route', '10.0.1.2:40000', '203.0.113.10:80'],
      ['node:node1', 'pod:pod-c', 'node:node2', 'dnat', '10.0.1.2:40000', '10.0.2.1:8080'],
    ]);
    expect(tr.back.at(-1)?.packet.src).toMatchObject({ ip: '203.0.113.10', port: 80 });
    expect(tr.notes).toEqual([
      "kube-proxy on Node1 captures Service A's load balancer address (ipMode VIP): the packet never goes out to the load balancer.",
      'externalTrafficPolicy Local does not bind traffic from inside: kube-proxy on Node1 sends pod traffic to every endpoint, not masqueraded.',
    ]);
    expect(tr.talkHops).toBe(2);
  });

  it('VIP under Cluster: masqueraded, as all traffic to an external destination is', () => {
    const tr = run({
      service: SERVICE_A,
      mode: '3a',
      client: podB,
      policy: 'Cluster',
      pod: 'pod-c',
    });
    expect(row(tr.forward[1] as Hop)).toEqual([
      'node:node1',
      'pod:pod-c',
      'node:node2',
      'dnat+snat',
      '10.240.0.1:61012',
      '10.0.2.1:8080',
    ]);
  });

  it('Proxy: out to the load balancer, which opens its own connection back in to a node port', () => {
    const tr = run({
      service: SERVICE_A,
      mode: '3a',
      client: podB,
      ipMode: 'Proxy',
      policy: 'Local',
      entryNode: 'node2',
      pod: 'pod-c',
    });
    expect(tr.forward.map(row)).toEqual([
      ['pod:pod-b', 'lb:vip', '-', 'route', '10.0.1.2:40000', '203.0.113.10:80'],
      ['lb:vip', 'node:node2', '-', 'proxy', '203.0.113.10:41000', '10.240.0.2:30093'],
      ['node:node2', 'pod:pod-c', '-', 'dnat', '203.0.113.10:41000', '10.0.2.1:8080'],
    ]);
    expect(tr.back.map(row).at(-1)).toEqual([
      'lb:vip',
      'pod:pod-b',
      '-',
      'proxy',
      '203.0.113.10:80',
      '10.0.1.2:40000',
    ]);
    expect([tr.clientIp, tr.talkHops, tr.entryNode]).toEqual(['lost', 2, 'node2']);
  });

  it('Proxy, for the talk’s outside client: 3a behaves as 3c, from the VIP’s own address', () => {
    const tr = run({
      service: SERVICE_A,
      mode: '3a',
      ipMode: 'Proxy',
      entryNode: 'node1',
      pod: 'pod-c',
    });
    expect(tr.forward.map(row)).toEqual([
      ['client', 'lb:vip', '-', 'route', '1.2.3.4:51234', '203.0.113.10:80'],
      ['lb:vip', 'node:node1', '-', 'proxy', '203.0.113.10:41000', '10.240.0.1:30093'],
      ['node:node1', 'pod:pod-c', 'node:node2', 'dnat+snat', '10.240.0.1:61012', '10.0.2.1:8080'],
    ]);
    expect(tr.back.map((h) => [h.from, h.to])).toEqual([
      ['pod:pod-c', 'node:node1'],
      ['node:node1', 'lb:vip'],
      ['lb:vip', 'client'],
    ]);
    const oneHop = run({ service: SERVICE_A, mode: '3b', ipMode: 'Proxy', pod: 'pod-c' });
    expect(row(oneHop.forward[1] as Hop)).toEqual([
      'lb:vip',
      'pod:pod-c',
      'node:node2',
      'proxy',
      '203.0.113.10:41000',
      '10.0.2.1:8080',
    ]);
  });
});

describe('a pod dials a node port', () => {
  it('another node’s port under Local: Node2 sends pod traffic anywhere without SNAT, and the reply goes around it', () => {
    const tr = run({
      service: SERVICE_A,
      mode: '2',
      client: podB,
      entryNode: 'node2',
      policy: 'Local',
      pod: 'pod-a',
    });
    expect(tr.forward.map(row)).toEqual([
      ['pod:pod-b', 'node:node2', 'node:node1', 'route', '10.0.1.2:40000', '10.240.0.2:30093'],
      ['node:node2', 'pod:pod-a', 'node:node1', 'dnat', '10.0.1.2:40000', '10.0.1.1:8080'],
    ]);
    expect(tr.back.map(row)).toEqual([
      ['pod:pod-a', 'pod:pod-b', 'node:node1', 'route', '10.0.1.1:8080', '10.0.1.2:40000'],
    ]);
    expect(tr.notes.at(-1)).toBe(
      "Node2 did not masquerade and the pod is elsewhere: the reply goes straight to Pod-b from the pod's own address, not from the address it dialled, and Pod-b drops it.",
    );
  });

  it('another node’s port under Cluster: Node2 masquerades, and the reply comes back through it', () => {
    const tr = run({
      service: SERVICE_A,
      mode: '2',
      client: podB,
      entryNode: 'node2',
      policy: 'Cluster',
      pod: 'pod-a',
    });
    expect(row(tr.forward[1] as Hop)).toEqual([
      'node:node2',
      'pod:pod-a',
      'node:node1',
      'dnat+snat',
      '10.240.0.2:61012',
      '10.0.1.1:8080',
    ]);
    expect(row(tr.back.at(-1) as Hop)).toEqual([
      'node:node2',
      'pod:pod-b',
      'node:node1',
      'unnat',
      '10.240.0.2:30093',
      '10.0.1.2:40000',
    ]);
  });

  it('a process on Node1 dialling Node2’s port under Local is an outside client to Node2', () => {
    const tr = run({
      topology: without('in-cluster', 'pod-c'),
      service: SERVICE_A,
      mode: '2',
      client: node1,
      entryNode: 'node2',
      policy: 'Local',
    });
    expect(tr.outcome).toMatchObject({ kind: 'dropped', at: 'node:node2' });
  });
});

describe('pod IP and in-cluster ingress from a pod', () => {
  it('mode 1: Pod-b straight to Pod-c, routed, no NAT', () => {
    const tr = run({ service: SERVICE_A, mode: '1', client: podB, pod: 'pod-c' });
    expect(tr.forward.map(row)).toEqual([
      ['pod:pod-b', 'pod:pod-c', 'node:node2', 'route', '10.0.1.2:40000', '10.0.2.1:8080'],
    ]);
  });

  it('4c.1: the ingress VIP captured on Node1, then the ingress pod’s own connection', () => {
    const tr = run({
      topology: talkCluster('shared-ingress'),
      service: SERVICE_A,
      mode: '4c.1',
      client: podB,
      policy: 'Cluster',
      ingressPod: 'ingress-1',
      pod: 'pod-c',
    });
    expect(tr.forward.map(row)).toEqual([
      ['pod:pod-b', 'node:node1', '-', 'route', '10.0.1.2:40000', '203.0.113.20:80'],
      ['node:node1', 'pod:ingress-1', '-', 'dnat+snat', '10.240.0.1:61012', '10.0.1.3:80'],
      ['pod:ingress-1', 'pod:pod-c', 'node:node2', 'xff+proxy', '10.0.1.3:45678', '10.0.2.1:8080'],
    ]);
  });
});
