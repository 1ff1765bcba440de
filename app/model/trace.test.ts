import { describe, it, expect } from 'vitest';
import { packetLines } from './format';
import { MODES } from './modes';
import type { ModeId } from './modes';
import { exactShares } from './shares';
import { syntheticCluster } from './synthetic';
import { SERVICE_A, talkCluster } from './talk';
import type { TalkVariant } from './talk';
import type { Topology } from './topology';
import { trace } from './trace';
import type { Scenario, Trace } from './trace-types';

// Worked examples on the talk's cluster; invariants.test.ts holds the properties.

const run = (scenario: Scenario): Trace => {
  const r = trace(scenario);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

/** The talk's cluster with every pod of one app taken out of service (not ready). */
const notReady = (variant: TalkVariant, app: string): Topology => {
  const t = talkCluster(variant);
  return { ...t, pods: t.pods.map((p) => (p.labels.app === app ? { ...p, ready: false } : p)) };
};

const lastLines = (tr: Trace, view: 'talk' | 'ip') =>
  packetLines((tr.forward.at(-1) as Trace['forward'][number]).packet, view);

describe('trace: names it does not know', () => {
  const talk = talkCluster();

  it('refuses an unknown entry node, naming it and listing the nodes', () => {
    expect(trace({ topology: talk, service: SERVICE_A, mode: '2', entryNode: 'node9' })).toEqual({
      ok: false,
      error: 'There is no node "node9" in this topology; the nodes are node1, node2',
    });
  });

  it('refuses an unknown entry node even in a mode that does not use one', () => {
    expect(trace({ topology: talk, service: SERVICE_A, mode: '3b', entryNode: 'Node1' })).toEqual({
      ok: false,
      error: 'There is no node "Node1" in this topology; the nodes are node1, node2',
    });
  });

  it('refuses an unknown pod and an unknown ingress pod', () => {
    expect(trace({ topology: talk, service: SERVICE_A, mode: '2', pod: 'pod-z' })).toEqual({
      ok: false,
      error: 'There is no pod "pod-z" in this topology; the pods are pod-a, pod-b, pod-c, pod-d',
    });
    expect(
      trace({
        topology: talkCluster('shared-ingress'),
        service: SERVICE_A,
        mode: '4c.1',
        ingressPod: 'ingress-9',
      }),
    ).toEqual({
      ok: false,
      error:
        'There is no pod "ingress-9" in this topology to use as the ingress proxy; the pods are ingress-1, pod-a, pod-b, pod-c, pod-d, ingress-2',
    });
  });

  it('keeps the message short: a long id is clipped, a long list counted', () => {
    const big = syntheticCluster(1000, 1);
    const r = trace({
      topology: big,
      service: SERVICE_A,
      mode: '2',
      entryNode: 'n'.repeat(10_000),
    });
    expect(r).toEqual({
      ok: false,
      error: `There is no node "${'n'.repeat(40)}" in this topology; the nodes are node1, node2, node3, node4, node5, node6, node7, node8 and 992 more`,
    });
  });

  it('still treats a pod that exists but is no candidate as a seeded choice', () => {
    // Pod-b serves Service B: not a candidate for Service A, so kube-proxy picks one.
    const tr = run({ topology: talk, service: SERVICE_A, mode: '2', pod: 'pod-b', seed: 3 });
    expect(tr.outcome.kind).toBe('delivered');
    expect(['pod-a', 'pod-c']).toContain(tr.pod);
    expect(tr).toEqual(run({ topology: talk, service: SERVICE_A, mode: '2', seed: 3 }));
  });
});

describe('trace: mode 1 with no ready pod', () => {
  const noPods = () => run({ topology: notReady('default', 'a'), service: SERVICE_A, mode: '1' });

  it('is an outcome like any other mode’s, not an error', () => {
    expect(noPods()).toMatchObject({
      outcome: {
        kind: 'rejected',
        at: 'client',
        reason: 'Service A has no ready pods, so the client has no pod IP to talk to',
      },
      forward: [],
      back: [],
      hopCount: 0,
      talkHops: 0,
      pod: null,
      podSees: null,
      clientIp: 'lost',
      entryNode: null,
      ingressPod: null,
      snat: false,
    });
  });
});

describe('trace: how a refusal is answered', () => {
  const refused = (variant: TalkVariant, app: string, mode: ModeId) =>
    run({
      topology: notReady(variant, app),
      service: SERVICE_A,
      mode,
      entryNode: 'node1',
      policy: 'Cluster',
      ...(variant === 'shared-ingress' ? { ingressPod: 'ingress-1' } : {}),
    });

  it.each<[string, TalkVariant, string, ModeId, string[], string[]]>([
    [
      'kube-proxy with no endpoints sends ICMP port unreachable',
      'default',
      'a',
      '2',
      ['Src: node1', 'Dst: client', 'ICMP port unreachable'],
      ['Src: 10.240.0.1', 'Dst: 1.2.3.4', 'ICMP port unreachable'],
    ],
    [
      '3d: an L4 proxy resets the connection',
      'default',
      'a',
      '3d',
      ['Src: proxy:service-port', 'Dst: client', 'TCP RST'],
      ['Src: 198.51.100.7:80', 'Dst: 1.2.3.4:51234', 'TCP RST'],
    ],
    [
      '4b: an HTTP load balancer answers 503',
      'default',
      'a',
      '4b',
      ['Src: proxy:service-port', 'Dst: client', 'HTTP 503 Service Unavailable'],
      ['Src: 198.51.100.7:80', 'Dst: 1.2.3.4:51234', 'HTTP 503 Service Unavailable'],
    ],
    [
      '4c.1: the in-cluster ingress pod answers 503 to the node that sent to it',
      'shared-ingress',
      'a',
      '4c.1',
      ['Src: ingress:pod-port', 'Dst: node1', 'HTTP 503 Service Unavailable'],
      ['Src: 10.0.1.3:80', 'Dst: 10.240.0.1:61012', 'HTTP 503 Service Unavailable'],
    ],
    [
      '4c.3: an L4 proxy with no ingress pod resets, though the request was HTTP',
      'shared-ingress',
      'ingress-nginx',
      '4c.3',
      ['Src: proxy:service-port', 'Dst: client', 'TCP RST'],
      ['Src: 198.51.100.20:80', 'Dst: 1.2.3.4:51234', 'TCP RST'],
    ],
  ])('%s', (_name, variant, app, mode, talkLines, ipLines) => {
    const tr = refused(variant, app, mode);
    expect(tr.outcome.kind).toBe('rejected');
    expect(lastLines(tr, 'talk')).toEqual(talkLines);
    expect(lastLines(tr, 'ip')).toEqual(ipLines);
  });

  it('carries what the proxy answered back to the client', () => {
    const tr = refused('default', 'a', '3d');
    expect(tr.back.map((h) => [h.kind, h.from, h.to, h.packet.answer])).toEqual([
      ['reject', 'lb:proxy', 'client', 'tcp-reset'],
    ]);
  });
});

describe('trace: outcomes carry exactly their fields', () => {
  it('dropped (slide 37: Local, Pod-a gone, entering at Node1)', () => {
    const tr = run({
      topology: talkCluster('pod-a-gone'),
      service: SERVICE_A,
      mode: '2',
      policy: 'Local',
      entryNode: 'node1',
    });
    expect(tr.outcome).toStrictEqual({
      kind: 'dropped',
      at: 'node:node1',
      reason:
        'Node1 has no ready pod of Service A and externalTrafficPolicy is Local, so Node1 drops the packet silently',
    });
  });

  it('rejected by kube-proxy, by a load balancer proxy and by an ingress pod', () => {
    const a = notReady('default', 'a');
    expect(run({ topology: a, service: SERVICE_A, mode: '3a' }).outcome).toStrictEqual({
      kind: 'rejected',
      at: 'node:node1',
      reason:
        'Service A has no ready pods anywhere, so kube-proxy on Node1 rejects the connection (ICMP port unreachable)',
    });
    expect(run({ topology: a, service: SERVICE_A, mode: '4b' }).outcome).toStrictEqual({
      kind: 'rejected',
      at: 'lb:proxy',
      reason: 'Service A has no ready pods, so the proxy answers HTTP 503',
    });
    const ingress = notReady('shared-ingress', 'a');
    expect(
      run({ topology: ingress, service: SERVICE_A, mode: '4c.2', ingressPod: 'ingress-1' }).outcome,
    ).toStrictEqual({
      kind: 'rejected',
      at: 'pod:ingress-1',
      reason: 'Service A has no ready pods, so the proxy answers HTTP 503',
    });
  });

  it('dropped by a VIP with nowhere to send (3b)', () => {
    const tr = run({ topology: notReady('default', 'a'), service: SERVICE_A, mode: '3b' });
    expect(tr.outcome).toStrictEqual({
      kind: 'dropped',
      at: 'lb:vip',
      reason:
        'Service A has no ready pods, so the load balancer has nowhere to send and drops the packet',
    });
  });
});

describe('trace: externalTrafficPolicy where it changes nothing', () => {
  const variantOf: Record<string, TalkVariant> = {
    none: 'default',
    shared: 'shared-ingress',
    dedicated: 'dedicated-ingress',
  };

  it.each(MODES.filter((m) => m.policies.length === 0).map((m) => [m.id, m]))(
    'mode %s reports Cluster when asked for Local, as exactShares counts it',
    (_id, mode) => {
      const topology = talkCluster(variantOf[mode.ingress]);
      const ask = (policy: 'Cluster' | 'Local') =>
        run({ topology, service: SERVICE_A, mode: mode.id, policy, entryNode: 'node1' });
      expect([ask('Local').policy, ask('Local').policyApplies]).toEqual(['Cluster', false]);
      expect(ask('Local')).toEqual(ask('Cluster'));
      const shares = (policy: 'Cluster' | 'Local') =>
        exactShares({ topology, service: SERVICE_A, mode: mode.id, policy });
      expect(shares('Local')).toEqual(shares('Cluster'));
    },
  );

  it('lists exactly the modes without a policy', () => {
    expect(MODES.filter((m) => m.policies.length === 0).map((m) => m.id)).toEqual([
      '1',
      '3b',
      '3d',
      '4b',
      '4c.3',
    ]);
  });

  it('still reports the policy asked for where it applies (mode 2)', () => {
    const tr = run({ topology: talkCluster(), service: SERVICE_A, mode: '2', policy: 'Local' });
    expect([tr.policy, tr.policyApplies]).toEqual(['Local', true]);
  });
});
