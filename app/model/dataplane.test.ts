import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { caseArb, KUBE_PROXY_MODES, RUNS } from '../test-support/random-cases';
import { packetLines } from './format';
import type { ModeId } from './modes';
import { SERVICE_A, talkCluster } from './talk';
import type { TalkVariant } from './talk';
import { trace } from './trace';
import type { Dataplane, Hop, Scenario, Trace } from './trace-types';

// Direct server return and IPVS as it was (dataplane.ts), on the talk's cluster
// with concrete addresses, then as properties over random topologies.

const run = (scenario: Scenario): Trace => {
  const r = trace(scenario);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

/** Each hop as "from → to (via): Src …, Dst …" with the concrete addresses. */
const wires = (hops: readonly Hop[]) =>
  hops.map(
    (h) =>
      `${h.from} → ${h.to}${h.via ? ` (${h.via})` : ''} [${h.kind}]: ${packetLines(h.packet, 'ip').join(', ')}`,
  );

const talk = (
  mode: ModeId,
  dataplane: Dataplane | undefined,
  extra: Partial<Scenario> = {},
  variant: TalkVariant = 'default',
): Trace =>
  run({
    topology: talkCluster(variant),
    service: SERVICE_A,
    mode,
    policy: 'Cluster',
    entryNode: 'node1',
    pod: 'pod-c',
    dataplane,
    ...extra,
  });

describe('direct server return under Cluster (Pod-c on Node2, entering at Node1)', () => {
  it('mode 2: Pod-c sees the client; Node2 answers from node1:node-port, never via Node1', () => {
    const tr = talk('2', 'dsr');
    expect(wires(tr.forward)).toEqual([
      'client → node:node1 [pass]: Src: 1.2.3.4:51234, Dst: 10.240.0.1:30093',
      'node:node1 → pod:pod-c (node:node2) [pass]: Src: 1.2.3.4:51234, Dst: 10.0.2.1:8080',
    ]);
    expect(wires(tr.back)).toEqual([
      'pod:pod-c → node:node2 [pass]: Src: 10.0.2.1:8080, Dst: 1.2.3.4:51234',
      'node:node2 → client [pass]: Src: 10.240.0.1:30093, Dst: 1.2.3.4:51234',
    ]);
    expect(tr.back.map((h) => h.rewrites.map((r) => r.type))).toEqual([['route'], ['unnat']]);
    expect(tr.forward[1]?.rewrites.map((r) => r.type)).toEqual(['dnat']);
    expect(tr.podSees).toEqual({ ip: '1.2.3.4', port: 51234, host: 'client', portName: null });
    expect([tr.clientIp, tr.snat, tr.outcome]).toEqual([
      'l3',
      false,
      { kind: 'delivered', pod: 'pod-c' },
    ]);
    expect(tr.notes).toEqual([
      "Direct server return (Cilium loadBalancer.mode=dsr; kube-router's DSR): Node1 rewrites the destination to Pod-c but not the source, so Pod-c sees the client (1.2.3.4:51234). Node1 tells Node2 the Service address that was dialed, 10.240.0.1:30093 (Cilium: in an IP option or a Geneve header; kube-router: an IPIP tunnel), and Node2 answers from it straight to the client: the reply never goes back through Node1.",
    ]);
  });

  it('mode 3a: the reply leaves Node2 from the VIP, skipping Node1 and the load balancer', () => {
    const tr = talk('3a', 'dsr');
    expect(wires(tr.forward)).toEqual([
      'client → lb:vip [pass]: Src: 1.2.3.4:51234, Dst: 203.0.113.10:80',
      'lb:vip → node:node1 [pass]: Src: 1.2.3.4:51234, Dst: 203.0.113.10:80',
      'node:node1 → pod:pod-c (node:node2) [pass]: Src: 1.2.3.4:51234, Dst: 10.0.2.1:8080',
    ]);
    expect(wires(tr.back)).toEqual([
      'pod:pod-c → node:node2 [pass]: Src: 10.0.2.1:8080, Dst: 1.2.3.4:51234',
      'node:node2 → client [pass]: Src: 203.0.113.10:80, Dst: 1.2.3.4:51234',
    ]);
    expect(tr.notes).toContain(
      'The load balancer is passthrough: the reply goes from Node2 straight to the client, with the VIP as its source.',
    );
    expect(tr.notes[0]).toMatch(/never goes back through Node1 or the load balancer\.$/);
  });

  it('keeps kube-proxy’s forward path otherwise: the same hops, only the SNAT is gone', () => {
    const dsr = talk('3a', 'dsr');
    const kube = talk('3a', undefined);
    expect(kube.forward[2]?.packet.src.ip).toBe('10.240.0.1');
    expect(dsr.forward.map((h) => [h.from, h.to, h.via])).toEqual(
      kube.forward.map((h) => [h.from, h.to, h.via]),
    );
    expect(dsr.forward[2]?.packet.dst).toEqual(kube.forward[2]?.packet.dst);
  });

  it('a pod on the entry node: the reply simply leaves that node', () => {
    const tr = talk('2', 'dsr', { pod: 'pod-a' });
    expect(wires(tr.back)).toEqual([
      'pod:pod-a → node:node1 [pass]: Src: 10.0.1.1:8080, Dst: 1.2.3.4:51234',
      'node:node1 → client [pass]: Src: 10.240.0.1:30093, Dst: 1.2.3.4:51234',
    ]);
    expect(tr.podSees?.ip).toBe('1.2.3.4');
    expect(tr.notes[0]).toContain('Pod-a is on Node1 itself, so the reply simply leaves Node1');
  });

  it('mode 3c: the pod sees the proxy, and Node2 answers the proxy from node1:node-port', () => {
    const tr = talk('3c', 'dsr');
    expect(wires(tr.back)).toEqual([
      'pod:pod-c → node:node2 [pass]: Src: 10.0.2.1:8080, Dst: 198.51.100.7:41000',
      'node:node2 → lb:proxy [pass]: Src: 10.240.0.1:30093, Dst: 198.51.100.7:41000',
      'lb:proxy → client [pass]: Src: 198.51.100.7:80, Dst: 1.2.3.4:51234',
    ]);
    expect(tr.podSees?.ip).toBe('198.51.100.7');
  });

  it('4c.1: the ingress pod sees the client, so X-Forwarded-For names the client, not node1', () => {
    const tr = talk('4c.1', 'dsr', { ingressPod: 'ingress-2', pod: 'pod-c' }, 'shared-ingress');
    expect(tr.forward[3]?.packet.xff).toEqual([{ ip: '1.2.3.4', host: 'client' }]);
    expect(tr.clientIp).toBe('xff');
    expect(wires(tr.back).slice(1)).toEqual([
      'pod:ingress-2 → node:node2 [pass]: Src: 10.0.2.3:80, Dst: 1.2.3.4:51234',
      'node:node2 → client [pass]: Src: 203.0.113.20:80, Dst: 1.2.3.4:51234',
    ]);
  });

  it('under Local nothing changes but a note', () => {
    const local = { policy: 'Local' as const };
    const dsr = talk('3a', 'dsr', local);
    const kube = talk('3a', undefined, local);
    expect({ ...dsr, notes: [] }).toEqual({ ...kube, notes: [] });
    expect(dsr.notes[0]).toBe(
      'Direct server return changes nothing under Local: Pod-a is on Node1, which keeps the source anyway, and the reply leaves Node1 from 203.0.113.10:80.',
    );
  });

  it('changes nothing where no node NATs on entry (3b, 3d)', () => {
    for (const mode of ['3b', '3d'] as const)
      expect(talk(mode, 'dsr')).toEqual(talk(mode, undefined));
  });
});

describe('IPVS as it was (ipvs-2020)', () => {
  const gone = (dataplane: Dataplane | undefined) =>
    talk('2', dataplane, { policy: 'Local', pod: undefined }, 'pod-a-gone');

  it('slide 37 without a local pod: forwards to Pod-c unmasqueraded, and the reply is lost', () => {
    const tr = gone('ipvs-2020');
    expect(wires(tr.forward)).toEqual([
      'client → node:node1 [pass]: Src: 1.2.3.4:51234, Dst: 10.240.0.1:30093',
      'node:node1 → pod:pod-c (node:node2) [pass]: Src: 1.2.3.4:51234, Dst: 10.0.2.1:8080',
    ]);
    expect(wires(tr.back)).toEqual([
      'pod:pod-c → client (node:node2) [drop]: Src: 10.0.2.1:8080, Dst: 1.2.3.4:51234',
    ]);
    const reason =
      "Pod-c's reply leaves Node2 from 10.0.2.1:8080, not the 10.240.0.1:30093 the client dialed, so the client discards it";
    expect(tr.outcome).toStrictEqual({ kind: 'dropped', at: 'client', reason });
    expect(tr.back[0]?.rewrites).toEqual([
      {
        type: 'drop',
        at: { ip: '1.2.3.4', port: 51234, host: 'client', portName: null },
        reason,
      },
    ]);
    expect([tr.pod, tr.podSees?.ip, tr.snat]).toEqual(['pod-c', '1.2.3.4', false]);
    expect(tr.notes[0]).toContain('a black hole instead of a clean drop at Node1');
  });

  it('kube-proxy drops the same request cleanly at Node1', () => {
    const tr = gone(undefined);
    expect(tr.outcome.kind).toBe('dropped');
    expect(tr.back).toEqual([]);
  });

  it('is kube-proxy wherever there is a local pod, and under Cluster', () => {
    expect(talk('2', 'ipvs-2020', { policy: 'Local', pod: 'pod-a' })).toEqual(
      talk('2', undefined, { policy: 'Local', pod: 'pod-a' }),
    );
    for (const mode of ['2', '3a', '3c'] as const)
      expect(talk(mode, 'ipvs-2020')).toEqual(talk(mode, undefined));
  });

  it('a load balancer honouring the health check never sends to the node without a pod', () => {
    const tr = talk('3a', 'ipvs-2020', { policy: 'Local', pod: undefined }, 'pod-a-gone');
    expect(tr.entryNode).toBe('node2');
    expect(tr.outcome).toEqual({ kind: 'delivered', pod: 'pod-c' });
  });
});

/** Random cases of the kube-proxy modes, with a dataplane set. */
const withDataplane = (dataplane: Dataplane) =>
  caseArb
    .filter((c) => KUBE_PROXY_MODES.has(c.mode.id))
    .map((c) => ({ ...c, scenario: { ...c.scenario, dataplane } }));

const traced = (scenario: Scenario): Trace => {
  const r = trace(scenario);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('direct server return over random topologies', () => {
  it('the reply never passes the entry node unless the pod is on it', () => {
    let remote = 0;
    fc.assert(
      fc.property(withDataplane('dsr'), (c) => {
        const tr = traced(c.scenario);
        if (tr.outcome.kind !== 'delivered' || c.mode.ingress !== 'none') return;
        const entry = `node:${tr.entryNode}`;
        const podNode = c.t.pods.find((p) => p.id === tr.pod)?.node;
        const touches = tr.back.some((h) => h.from === entry || h.to === entry || h.via === entry);
        expect(touches).toBe(podNode === tr.entryNode);
        if (podNode !== tr.entryNode) remote++;
      }),
      RUNS,
    );
    expect(remote).toBeGreaterThan(10);
  });

  it('the client still receives Src = its first Dst, in one chain from the pod', () => {
    let checked = 0;
    fc.assert(
      fc.property(withDataplane('dsr'), (c) => {
        const tr = traced(c.scenario);
        if (tr.outcome.kind !== 'delivered') return;
        const first = tr.forward[0] as Hop;
        const last = tr.back.at(-1) as Hop;
        expect(last.to).toBe('client');
        expect([last.packet.src.ip, last.packet.src.port]).toEqual([
          first.packet.dst.ip,
          first.packet.dst.port,
        ]);
        expect(tr.back[0]?.from).toBe(`pod:${tr.pod}`);
        tr.back.forEach((h, i) => i > 0 && expect(h.from).toBe(tr.back[i - 1]?.to));
        checked++;
      }),
      RUNS,
    );
    expect(checked).toBeGreaterThan(50);
  });

  it('no node SNATs, and under Cluster the pod sees what arrived at the entry node', () => {
    fc.assert(
      fc.property(withDataplane('dsr'), (c) => {
        const tr = traced(c.scenario);
        expect(tr.snat).toBe(false);
        const out = tr.forward.find((h) => h.from === `node:${tr.entryNode}`);
        const into = tr.forward.find((h) => h.to === `node:${tr.entryNode}`);
        if (out?.kind === 'pass') expect(out.packet.src).toEqual(into?.packet.src);
      }),
      RUNS,
    );
  });
});

describe('ipvs-2020 over random topologies', () => {
  it('differs from kube-proxy only where Local finds no local pod, and then loses the reply', () => {
    let lost = 0;
    fc.assert(
      fc.property(withDataplane('ipvs-2020'), (c) => {
        const tr = traced(c.scenario);
        const kube = traced({ ...c.scenario, dataplane: undefined });
        if (tr.outcome.kind !== 'dropped' || tr.outcome.at !== 'client') {
          expect(tr).toEqual(kube);
          return;
        }
        lost++;
        expect(kube.outcome).toMatchObject({ kind: 'dropped', at: `node:${tr.entryNode}` });
        expect(tr.policy).toBe('Local');
        expect(tr.back).toHaveLength(1);
        expect(tr.back[0]).toMatchObject({ kind: 'drop', to: 'client', from: `pod:${tr.pod}` });
        expect(tr.back[0]?.packet.src.ip).not.toBe(tr.forward[0]?.packet.dst.ip);
      }),
      RUNS,
    );
    expect(lost).toBeGreaterThan(0);
  });
});
