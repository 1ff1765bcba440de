import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { forAllSinceTraces, sinceCaseArb, SINCE_RUNS } from '../test-support/since-cases';
import { healthCheck, isServingTerminating } from './endpoint-pick';
import type { Endpoint } from './packet';
import { exactShares, sampleShares } from './shares';
import { endpointsOf, findService } from './topology';
import type { Pod, Service, TrafficDistribution } from './topology';
import { trace } from './trace';
import type { Hop, Scenario, Trace } from './trace-types';

// Properties of the since-2020 options over random topologies
// (test-support/since-cases.ts): clients inside the cluster, cluster IPs,
// internalTrafficPolicy, trafficDistribution, ipMode and terminating endpoints.

const wire = (e: Endpoint) => ({ ip: e.ip, port: e.port });
const run = (s: Scenario): Trace => {
  const r = trace(s);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const podOf = (pods: readonly Pod[], id: string | null) => pods.find((p) => p.id === id);
const startOf = (s: Scenario): string =>
  s.client?.kind === 'pod'
    ? `pod:${s.client.pod}`
    : s.client?.kind === 'node'
      ? `node:${s.client.node}`
      : 'client';
const clientNode = (s: Scenario): string | null =>
  s.client?.kind === 'pod'
    ? (podOf(s.topology.pods, s.client.pod)?.node ?? null)
    : s.client?.kind === 'node'
      ? s.client.node
      : null;
const bypassed = (tr: Trace) => tr.notes.some((n) => n.includes('did not masquerade'));

describe('since-2020 invariants over random topologies', () => {
  it('internalTrafficPolicy Local never leaves the client’s node', () => {
    let delivered = 0;
    let dropped = 0;
    forAllSinceTraces((c, tr) => {
      const s = c.scenario;
      const svc = findService(c.t, s.service) as Service;
      const local = (s.internalPolicy ?? svc.internalTrafficPolicy) === 'Local';
      if (s.target !== 'cluster-ip' || !local) return;
      const node = clientNode(s) as string;
      for (const hop of tr.forward) expect([undefined, `node:${node}`]).toContain(hop.via);
      if (tr.outcome.kind === 'delivered') {
        expect(podOf(c.t.pods, tr.pod)?.node).toBe(node);
        expect(tr.snat).toBe(
          s.client?.kind === 'node' || tr.podSees?.ip !== tr.forward[0]?.packet.src.ip,
        );
        delivered++;
      } else if (tr.outcome.kind === 'dropped') {
        expect(tr.outcome.at).toBe(`node:${node}`);
        expect(tr.outcome.reason).toContain('internalTrafficPolicy is Local');
        expect(tr.outcome.reason).toContain(c.t.nodes.find((n) => n.id === node)?.name);
        dropped++;
      }
    });
    expect(delivered).toBeGreaterThan(5);
    expect(dropped).toBeGreaterThan(5);
  });

  it('a terminating endpoint is chosen only when no ready one is usable where kube-proxy chose', () => {
    let checked = 0;
    forAllSinceTraces((c, tr) => {
      const pod = podOf(c.t.pods, tr.pod);
      if (tr.outcome.kind !== 'delivered' || !pod || pod.ready) return;
      if (c.scenario.mode === '1' || tr.entryNode === null) return; // chosen by a client or an LB, not kube-proxy
      expect(isServingTerminating(pod)).toBe(true);
      const ready = endpointsOf(c.t, findService(c.t, c.scenario.service) as Service);
      expect(ready.filter((p) => p.node === tr.entryNode)).toEqual([]);
      // Another node's pod can only come from the cluster-wide chain: then none is ready anywhere.
      if (pod.node !== tr.entryNode) expect(ready).toEqual([]);
      checked++;
    });
    expect(checked).toBeGreaterThan(5);
  });

  it('a load balancer under Local sends only to a node whose health check answers 200, when one does', () => {
    let checked = 0;
    forAllSinceTraces((c, tr) => {
      const s = c.scenario;
      const svc = findService(c.t, s.service) as Service;
      if (s.client?.kind !== 'outside' || (s.mode !== '3a' && s.mode !== '3c')) return;
      if ((s.policy ?? svc.externalTrafficPolicy) !== 'Local') return;
      const answers = c.t.nodes.map((n) => healthCheck(c.t, svc, n).status);
      if (!answers.includes(200)) return;
      const entry = c.t.nodes.findIndex((n) => n.id === tr.entryNode);
      expect(answers[entry]).toBe(200);
      checked++;
    });
    expect(checked).toBeGreaterThan(5);
  });

  it('a terminating pod that is no longer serving is never chosen', () => {
    forAllSinceTraces((c, tr) => {
      const pod = podOf(c.t.pods, tr.pod);
      if (pod && !pod.ready) expect(pod.serving).toBe(true);
    });
  });

  it('hairpin: a pod that reaches itself through a Service is always masqueraded to its node', () => {
    let checked = 0;
    forAllSinceTraces((c, tr) => {
      const s = c.scenario;
      if (s.client?.kind !== 'pod' || tr.pod !== s.client.pod) return;
      if (s.mode === '1' && s.target !== 'cluster-ip') return; // a pod dialling its own IP: no Service
      if (tr.forward.some((h) => h.to === 'lb:vip' || h.to === 'lb:proxy')) return; // the LB's own connection
      const into = tr.forward.at(-1) as Hop;
      expect(into.rewrites.map((r) => r.type)).toContain('snat');
      const node = c.t.nodes.find((n) => n.id === tr.entryNode);
      expect(into.packet.src.ip).toBe(node?.ip);
      expect(tr.snat).toBe(true);
      checked++;
    });
    expect(checked).toBeGreaterThan(3);
  });

  it('ipMode Proxy: the backend pod never sees the outside client at L3', () => {
    let checked = 0;
    forAllSinceTraces((c, tr) => {
      const s = c.scenario;
      const svc = findService(c.t, s.service) as Service;
      if ((s.ipMode ?? svc.ipMode) !== 'Proxy' || s.client?.kind !== 'outside') return;
      if (s.mode !== '3a' && s.mode !== '3b') return;
      for (const hop of tr.forward.slice(1)) expect(hop.packet.src.ip).not.toBe(c.t.client.ip);
      if (tr.outcome.kind === 'delivered') expect(tr.clientIp).not.toBe('l3');
      checked++;
    });
    expect(checked).toBeGreaterThan(10);
  });

  it('trafficDistribution never changes a header', () => {
    let checked = 0;
    forAllSinceTraces((c, tr) => {
      const s = c.scenario;
      const svc = findService(c.t, s.service) as Service;
      const distribution =
        s.trafficDistribution === undefined ? svc.trafficDistribution : s.trafficDistribution;
      if (tr.outcome.kind !== 'delivered' || !distribution) return;
      // The same pod without hints: exactly the same wires.
      const plain = run({ ...s, trafficDistribution: null, pod: tr.pod as string });
      expect(plain.pod).toBe(tr.pod);
      expect(tr.forward.map((h) => [wire(h.packet.src), wire(h.packet.dst)])).toEqual(
        plain.forward.map((h) => [wire(h.packet.src), wire(h.packet.dst)]),
      );
      checked++;
    });
    expect(checked).toBeGreaterThan(20);
  });

  it('to a cluster IP, trafficDistribution keeps to the node or zone when a ready endpoint is there, else uses all', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(
        sinceCaseArb,
        fc.constantFrom<TrafficDistribution>('PreferSameNode', 'PreferSameZone', 'PreferClose'),
        (c, distribution) => {
          const client =
            c.scenario.client?.kind === 'outside'
              ? ({ kind: 'node', node: 'node1' } as const)
              : c.scenario.client;
          const s: Scenario = {
            ...c.scenario,
            client,
            target: 'cluster-ip',
            internalPolicy: 'Cluster',
            trafficDistribution: distribution,
            pod: undefined,
          };
          const tr = run(s);
          const svc = findService(c.t, s.service) as Service;
          const ready = endpointsOf(c.t, svc);
          if (tr.outcome.kind !== 'delivered' || ready.length === 0) return;
          const node = c.t.nodes.find((n) => n.id === tr.entryNode)!;
          const zoneOf = (id: string) => c.t.nodes.find((n) => n.id === id)?.zone;
          const pod = podOf(c.t.pods, tr.pod)!;
          // topologyModeFromHints: PreferSameNode writes node and zone hints; the others zone hints.
          const onNode = distribution === 'PreferSameNode' && ready.some((p) => p.node === node.id);
          const inZone =
            ready.every((p) => zoneOf(p.node) !== undefined) &&
            node.zone !== undefined &&
            ready.some((p) => zoneOf(p.node) === node.zone);
          // The shares say the same of every request, whatever the seed.
          const shares = exactShares({ ...s, topology: c.t });
          if (!shares.ok) throw new Error(shares.error);
          const shared = [...shares.value.pods.keys()].map((id) => podOf(c.t.pods, id)!);
          if (onNode) {
            expect(pod.node).toBe(node.id);
            expect(shared).toEqual(ready.filter((p) => p.node === node.id));
            seen.add(ready.every((p) => p.node === node.id) ? 'node' : 'node, others elsewhere');
          } else if (inZone) {
            expect(zoneOf(pod.node)).toBe(node.zone);
            expect(shared).toEqual(ready.filter((p) => zoneOf(p.node) === node.zone));
            seen.add(
              ready.every((p) => zoneOf(p.node) === node.zone) ? 'zone' : 'zone, others elsewhere',
            );
          } else {
            expect(ready).toContain(pod);
            expect(shared).toEqual(ready);
            seen.add('all');
          }
        },
      ),
      SINCE_RUNS,
    );
    expect([...seen].sort()).toEqual([
      'all',
      'node',
      'node, others elsewhere',
      'zone',
      'zone, others elsewhere',
    ]);
  });

  it('a reply reaches the device that sent the request, from the address it dialled', () => {
    let checked = 0;
    forAllSinceTraces((c, tr) => {
      if (tr.outcome.kind !== 'delivered') return;
      const first = tr.forward[0] as Hop;
      const last = tr.back.at(-1) as Hop;
      expect(last.to).toBe(startOf(c.scenario));
      if (bypassed(tr)) {
        // kubernetes/kubernetes#74383: the reply skips the NATing node and comes from the pod itself.
        expect(wire(last.packet.src)).not.toEqual(wire(first.packet.dst));
        return;
      }
      expect(wire(last.packet.src)).toEqual(wire(first.packet.dst));
      expect(wire(last.packet.dst)).toEqual(wire(first.packet.src));
      expect(tr.back[0]?.from).toBe(`pod:${tr.pod}`);
      checked++;
    });
    expect(checked).toBeGreaterThan(100);
  });

  it('an in-cluster trace says where it started; an outside one keeps the talk’s shape', () => {
    forAllSinceTraces((c, tr) => {
      const s = c.scenario;
      if (s.client?.kind === 'outside') expect('client' in tr).toBe(false);
      else expect(tr.client).toEqual(s.client);
    });
  });

  it('naming the outside client, or ipMode VIP, changes nothing for the talk’s client', () => {
    fc.assert(
      fc.property(sinceCaseArb, (c) => {
        const s: Scenario = {
          ...c.scenario,
          client: undefined,
          target: undefined,
          ipMode: undefined,
          internalPolicy: undefined,
        };
        const plain = trace(s);
        expect(trace({ ...s, client: { kind: 'outside' } })).toEqual(plain);
        expect(trace({ ...s, ipMode: 'VIP', internalPolicy: 'Local' })).toEqual(
          trace({
            ...s,
            topology: {
              ...s.topology,
              services: s.topology.services.map((x) => ({ ...x, ipMode: undefined })),
            },
          }),
        );
      }),
      SINCE_RUNS,
    );
  });
});

describe('since-2020 shares over random topologies', () => {
  it('agree with the trace: a pod a trace reaches has a share, and a lost request means something is lost', () => {
    const seen = { delivered: 0, lost: 0 };
    fc.assert(
      fc.property(sinceCaseArb, (c) => {
        // Shares know no pinned pod and no chosen entry node: only what a trace picks freely.
        const s: Scenario = { ...c.scenario, pod: undefined, entryNode: undefined };
        const tr = run(s);
        const shares = exactShares({ ...s, topology: c.t });
        if (!shares.ok) throw new Error(shares.error);
        if (tr.outcome.kind === 'delivered') {
          expect(shares.value.pods.get(tr.pod as string)).toBeGreaterThan(0);
          seen.delivered++;
        } else {
          expect(shares.value.lost).toBeGreaterThan(0);
          seen.lost++;
        }
      }),
      SINCE_RUNS,
    );
    expect(seen.delivered).toBeGreaterThan(100);
    expect(seen.lost).toBeGreaterThan(20);
  });

  it('exact shares sum to 1 with what is lost, and samples converge to them', () => {
    fc.assert(
      fc.property(sinceCaseArb, (c) => {
        const s = c.scenario;
        const q = {
          topology: c.t,
          service: s.service,
          mode: s.mode,
          policy: s.policy,
          client: s.client,
          target: s.target,
          internalPolicy: s.internalPolicy,
          trafficDistribution: s.trafficDistribution,
          ipMode: s.ipMode,
        };
        const exact = exactShares(q);
        if (!exact.ok) throw new Error(exact.error);
        const total = [...exact.value.pods.values()].reduce((a, b) => a + b, 0) + exact.value.lost;
        expect(total).toBeCloseTo(1, 9);
        const sample = sampleShares(q, 4000, 3);
        if (!sample.ok) throw new Error(sample.error);
        for (const [pod, share] of exact.value.pods)
          expect(Math.abs((sample.value.pods.get(pod) ?? 0) / 4000 - share)).toBeLessThan(0.05);
        expect(Math.abs(sample.value.lost / 4000 - exact.value.lost)).toBeLessThan(0.05);
        // Every pod with a share is one a trace can reach.
        for (const id of exact.value.pods.keys()) expect(podOf(c.t.pods, id)).toBeDefined();
      }),
      { ...SINCE_RUNS, numRuns: 150 },
    );
  });
});
