import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { cidrContains, NODE_PORT_MAX, NODE_PORT_MIN } from './address';
import { findMode, MODES } from './modes';
import type { ModeId } from './modes';
import type { Endpoint, Packet } from './packet';
import { caseArb, forAllTraces, KUBE_PROXY_MODES, RUNS } from '../test-support/random-cases';
import { SERVICE_A, SERVICE_B, talkCluster } from './talk';
import { endpointsOf, findService } from './topology';
import type { Pod, Topology } from './topology';
import { trace } from './trace';
import type { Hop, Trace } from './trace-types';
import { validate } from './validate';

// Property tests: the invariants at the end of docs/traffic-model.md, checked
// over random valid topologies (test-support/random-cases.ts), every mode, both policies,
// any entry node and seed.

const wire = (e: Endpoint) => ({ ip: e.ip, port: e.port });
const nodeOf = (t: Topology, id: string | null) => t.nodes.find((n) => n.id === id);
const podOf = (t: Topology, id: string | null) => t.pods.find((p) => p.id === id);
const hopFrom = (tr: Trace, device: string) => tr.forward.find((h) => h.from === device);
const hopInto = (tr: Trace, device: string) => tr.forward.find((h) => h.to === device);
const endpointsIn = (p: Packet): Endpoint[] => [
  p.src,
  p.dst,
  ...(p.proxyLine ? [p.proxyLine.src, p.proxyLine.dst] : []),
];

describe('the random topologies', () => {
  it('are valid (no errors; a Service may match nothing, which is a warning)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const errors = validate(c.t).filter((p) => p.severity === 'error');
        expect(errors).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe('trace invariants over random valid topologies', () => {
  it('reaches the outcome the rules predict, at the device they name', () => {
    const seen = forAllTraces((c, tr) => {
      const { t, mode, front, backend } = c;
      const frontEps = endpointsOf(t, front);
      const backendEps = endpointsOf(t, backend);
      // A mode where no node NATs on entry reports Cluster, whatever was asked.
      const policy =
        mode.policies.length > 0 ? (c.scenario.policy ?? front.externalTrafficPolicy) : 'Cluster';
      expect(tr.policy).toBe(policy);
      expect(tr.policyApplies).toBe(KUBE_PROXY_MODES.has(mode.id));
      const ingressRejects = mode.ingress !== 'none' && backendEps.length === 0;
      let expected: Trace['outcome']['kind'] = 'delivered';
      let at: string | undefined;
      if (KUBE_PROXY_MODES.has(mode.id)) {
        const requested = nodeOf(t, c.scenario.entryNode ?? null) ?? t.nodes[0];
        const healthy = t.nodes.filter((n) => frontEps.some((p) => p.node === n.id));
        const lbSkips =
          mode.front !== 'node' &&
          policy === 'Local' &&
          healthy.length > 0 &&
          !healthy.includes(requested!);
        if (lbSkips) expect(healthy.map((n) => n.id)).toContain(tr.entryNode);
        else expect(tr.entryNode).toBe(requested?.id);
        const local = frontEps.filter((p) => p.node === tr.entryNode);
        if (frontEps.length === 0) [expected, at] = ['rejected', `node:${tr.entryNode}`];
        else if (policy === 'Local' && local.length === 0)
          [expected, at] = ['dropped', `node:${tr.entryNode}`];
        else if (ingressRejects) [expected, at] = ['rejected', `pod:${tr.ingressPod}`];
      } else {
        expect(tr.entryNode).toBeNull();
        if (frontEps.length === 0)
          [expected, at] =
            mode.front === 'pod'
              ? ['rejected', 'client']
              : mode.front === 'proxy'
                ? ['rejected', 'lb:proxy']
                : ['dropped', 'lb:vip'];
        else if (ingressRejects) [expected, at] = ['rejected', `pod:${tr.ingressPod}`];
      }
      expect(tr.outcome.kind).toBe(expected);
      if (tr.outcome.kind !== 'delivered') expect(tr.outcome.at).toBe(at);
      // Exactly the fields of its type, nothing that leaked from the walk.
      expect(Object.keys(tr.outcome).sort()).toEqual(
        tr.outcome.kind === 'delivered' ? ['kind', 'pod'] : ['at', 'kind', 'reason'],
      );
    });
    expect(seen.delivered).toBeGreaterThan(50);
    expect(seen.dropped).toBeGreaterThan(0);
    expect(seen.rejected).toBeGreaterThan(0);
  });

  it('after DNAT, Dst is the chosen pod:targetPort, a ready pod of the Service', () => {
    forAllTraces((c, tr) => {
      if (tr.outcome.kind !== 'delivered') return;
      const pod = podOf(c.t, tr.pod) as Pod;
      expect(endpointsOf(c.t, c.backend)).toContain(pod);
      expect(wire(hopInto(tr, `pod:${pod.id}`)!.packet.dst)).toEqual({
        ip: pod.ip,
        port: c.backend.targetPort,
      });
      if (c.mode.ingress === 'none') return expect(tr.ingressPod).toBeNull();
      const proxy = podOf(c.t, tr.ingressPod) as Pod;
      expect(endpointsOf(c.t, c.front)).toContain(proxy);
      expect(wire(hopInto(tr, `pod:${proxy.id}`)!.packet.dst)).toEqual({
        ip: proxy.ip,
        port: c.front.targetPort,
      });
    });
  });

  it('honours a pinned pod when it is a candidate', () => {
    forAllTraces((c, tr) => {
      if (tr.outcome.kind !== 'delivered') return;
      const local = (pods: Pod[]) =>
        KUBE_PROXY_MODES.has(c.mode.id) && tr.policy === 'Local'
          ? pods.filter((p) => p.node === tr.entryNode)
          : pods;
      const backendEps = endpointsOf(c.t, c.backend);
      const podCandidates = c.mode.ingress === 'none' ? local(backendEps) : backendEps;
      expect(podCandidates.map((p) => p.id)).toContain(tr.pod);
      if (podCandidates.some((p) => p.id === c.scenario.pod)) expect(tr.pod).toBe(c.scenario.pod);
      if (c.mode.ingress === 'none') return;
      const proxies = local(endpointsOf(c.t, c.front));
      expect(proxies.map((p) => p.id)).toContain(tr.ingressPod);
      if (proxies.some((p) => p.id === c.scenario.ingressPod))
        expect(tr.ingressPod).toBe(c.scenario.ingressPod);
    });
  });

  it('Cluster: the hop out of the entry node has Src = the entry node, and SNAT happened', () => {
    let checked = 0;
    forAllTraces((c, tr) => {
      if (!KUBE_PROXY_MODES.has(c.mode.id) || tr.policy !== 'Cluster') return;
      if (tr.outcome.kind === 'rejected' && tr.outcome.at.startsWith('node:')) return;
      const out = hopFrom(tr, `node:${tr.entryNode}`) as Hop;
      expect(out.kind).toBe('pass');
      expect(out.packet.src.ip).toBe(nodeOf(c.t, tr.entryNode)!.ip);
      expect(tr.snat).toBe(true);
      checked++;
    });
    expect(checked).toBeGreaterThan(20);
  });

  it('Local: the pod (or ingress pod) is on the entry node and the node leaves Src alone', () => {
    let checked = 0;
    forAllTraces((c, tr) => {
      if (!KUBE_PROXY_MODES.has(c.mode.id) || tr.policy !== 'Local') return;
      const out = hopFrom(tr, `node:${tr.entryNode}`) as Hop;
      if (out.kind !== 'pass') return;
      const into = hopInto(tr, `node:${tr.entryNode}`) as Hop;
      expect(wire(out.packet.src)).toEqual(wire(into.packet.src));
      const reached = podOf(c.t, c.mode.ingress === 'none' ? tr.pod : tr.ingressPod) as Pod;
      expect(out.to).toBe(`pod:${reached.id}`);
      expect(reached.node).toBe(tr.entryNode);
      expect(tr.snat).toBe(false);
      checked++;
    });
    expect(checked).toBeGreaterThan(20);
  });

  it('Local with no ready local pod on the entry node (mode 2): dropped there, no hop reaches a pod', () => {
    let checked = 0;
    forAllTraces((c, tr) => {
      if (c.mode.id !== '2' || tr.policy !== 'Local') return;
      const eps = endpointsOf(c.t, c.backend);
      if (eps.length === 0 || eps.some((p) => p.node === tr.entryNode)) return;
      expect(tr.outcome).toMatchObject({ kind: 'dropped', at: `node:${tr.entryNode}` });
      expect(tr.forward.some((h) => h.to?.startsWith('pod:'))).toBe(false);
      expect(tr.forward.at(-1)?.packet.dst.host).toBe('???');
      expect(tr.back).toEqual([]);
      expect(tr.pod).toBeNull();
      checked++;
    });
    expect(checked).toBeGreaterThan(0);
  });

  it('a Service with no ready pods anywhere is rejected by kube-proxy, not dropped', () => {
    let checked = 0;
    forAllTraces((c, tr) => {
      if (!KUBE_PROXY_MODES.has(c.mode.id) || endpointsOf(c.t, c.front).length > 0) return;
      expect(tr.outcome).toMatchObject({ kind: 'rejected', at: `node:${tr.entryNode}` });
      const last = tr.forward.at(-1) as Hop;
      expect(last.packet).toMatchObject({ protocol: 'icmp', answer: 'icmp-port-unreachable' });
      expect(tr.back[0]?.kind).toBe('reject');
      checked++;
    });
    expect(checked).toBeGreaterThan(0);
  });

  it('a proxy refuses in its own protocol: an L4 proxy resets, an HTTP proxy answers 503', () => {
    const answers = new Set<string>();
    forAllTraces((c, tr) => {
      if (tr.outcome.kind !== 'rejected' || tr.outcome.at.startsWith('node:')) return;
      const last = tr.forward.at(-1);
      if (tr.outcome.at === 'client') return expect(last).toBeUndefined();
      // The LB proxy, or an in-cluster ingress proxy (nginx answers 503 with no endpoints).
      const http = tr.outcome.at.startsWith('pod:') || c.mode.lbLayer === 'http';
      const answer = http ? 'http-503' : 'tcp-reset';
      expect(last?.packet).toMatchObject({ protocol: http ? 'http' : 'tcp', answer });
      // It answers from the address the request was sent to, back to its sender.
      const into = tr.forward.at(-2) as Hop;
      expect(last?.packet.src).toEqual(into.packet.dst);
      expect(last?.packet.dst).toEqual(into.packet.src);
      answers.add(answer);
    });
    expect([...answers].sort()).toEqual(['http-503', 'tcp-reset']);
  });

  it('mode 1 with no ready pod: rejected at the client, nothing sent, nothing back', () => {
    let checked = 0;
    forAllTraces((c, tr) => {
      if (c.mode.id !== '1' || endpointsOf(c.t, c.backend).length > 0) return;
      expect(tr.outcome).toStrictEqual({
        kind: 'rejected',
        at: 'client',
        reason: `${c.backend.name} has no ready pods, so the client has no pod IP to talk to`,
      });
      expect([tr.forward, tr.back, tr.hopCount, tr.talkHops]).toEqual([[], [], 0, 0]);
      expect([tr.pod, tr.podSees, tr.clientIp, tr.snat]).toEqual([null, null, 'lost', false]);
      checked++;
    });
    expect(checked).toBeGreaterThan(0);
  });

  it('proxy-like modes: no hop after the proxy carries the client IP at L3', () => {
    forAllTraces((c, tr) => {
      if (c.mode.front !== 'proxy') return;
      expect(tr.forward[0]?.to).toBe('lb:proxy');
      for (const hop of tr.forward.slice(1)) expect(hop.packet.src.ip).not.toBe(c.t.client.ip);
      if (tr.outcome.kind === 'delivered') expect(tr.clientIp).not.toBe('l3');
    });
  });

  it('delivered: the reply retraces the path and reaches the client from the address it sent to', () => {
    forAllTraces((c, tr) => {
      if (tr.outcome.kind !== 'delivered') return;
      const first = tr.forward[0] as Hop;
      const last = tr.back.at(-1) as Hop;
      expect(last.to).toBe('client');
      expect(wire(last.packet.src)).toEqual(wire(first.packet.dst));
      expect(wire(last.packet.dst)).toEqual(wire(first.packet.src));
      // The return hops form one chain from the backend pod back to the client.
      expect(tr.back[0]?.from).toBe(`pod:${tr.pod}`);
      tr.back.forEach((hop, i) => {
        expect(hop.direction).toBe('return');
        if (i > 0) expect(hop.from).toBe(tr.back[i - 1]?.to);
        const reversed = tr.forward.some(
          (f) =>
            f.kind === 'pass' &&
            f.packet.protocol === hop.packet.protocol &&
            JSON.stringify(wire(f.packet.src)) === JSON.stringify(wire(hop.packet.dst)) &&
            JSON.stringify(wire(f.packet.dst)) === JSON.stringify(wire(hop.packet.src)),
        );
        expect(reversed).toBe(true);
      });
      // A passthrough VIP (2-hop VIP-like modes) is skipped on the way back.
      const passthrough = c.mode.front === 'vip' && c.mode.frontTo === 'node';
      expect(tr.back.length).toBe(tr.forward.length - (passthrough ? 1 : 0));
    });
  });

  it('an HTTP proxy appends to X-Forwarded-For the address it received from', () => {
    let checked = 0;
    forAllTraces((c, tr) => {
      tr.forward.forEach((hop, i) => {
        const added = hop.rewrites.find((r) => r.type === 'xff');
        if (!added || added.type !== 'xff') return;
        // nginx trusts a PROXY protocol line when there is one; otherwise its L3 peer.
        const arrived = (tr.forward[i - 1] as Hop).packet;
        expect(added.add.ip).toBe((arrived.proxyLine?.src ?? arrived.src).ip);
        expect(hop.packet.xff?.at(-1)?.ip).toBe(added.add.ip);
        checked++;
      });
      if (tr.outcome.kind === 'delivered' && c.mode.lbLayer === 'http')
        expect(tr.clientIp).toBe('xff');
    });
    expect(checked).toBeGreaterThan(20);
  });

  it('on the way back each device undoes what it did: unnat after NAT, its own end after a proxy', () => {
    forAllTraces((_c, tr) => {
      for (const hop of tr.back.filter((h) => h.kind === 'pass')) {
        const did = tr.forward.find((f) => f.from === hop.from && f.kind === 'pass')?.rewrites;
        const expected = did?.some((r) => r.type === 'proxy')
          ? 'proxy'
          : did?.some((r) => r.type === 'dnat' || r.type === 'snat')
            ? 'unnat'
            : 'route';
        expect(hop.rewrites.map((r) => r.type)).toEqual([expected]);
      }
    });
  });

  it('every pod address shown lies in its node range; every node port in 30000–32767', () => {
    forAllTraces((c, tr) => {
      for (const hop of [...tr.forward, ...tr.back]) {
        const shown = [
          ...endpointsIn(hop.packet).map((e) => ({ ip: e.ip, host: e.host, e })),
          ...(hop.packet.xff ?? []).map((h) => ({ ip: h.ip, host: h.host, e: null })),
        ];
        for (const { ip, host, e } of shown) {
          if (ip === null) continue;
          if (host === 'pod' || host === 'ingress' || cidrContains(c.t.clusterCidr, ip)) {
            const pod = c.t.pods.find((p) => p.ip === ip) as Pod;
            expect(pod, `${ip} (${host}) is no pod's address`).toBeDefined();
            expect(cidrContains(nodeOf(c.t, pod.node)!.podCidr, ip)).toBe(true);
          }
          if (e?.portName === 'node-port') {
            expect(e.port).toBeGreaterThanOrEqual(NODE_PORT_MIN);
            expect(e.port).toBeLessThanOrEqual(NODE_PORT_MAX);
            expect(e.port).toBe(c.front.nodePort);
          }
        }
      }
    });
  });
});

describe('trace on any input', () => {
  it('never throws: unknown mode, Service, node or pod ids give ok: false with a message', () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.oneof(fc.constantFrom(...MODES.map((m) => m.id as string)), fc.string()),
        fc.oneof(fc.constantFrom(SERVICE_A, SERVICE_B, 'ingress-nginx'), fc.string()),
        fc.option(fc.string(), { nil: undefined }),
        fc.oneof(fc.integer(), fc.double()),
        (c, mode, service, entryNode, seed) => {
          const scenario = {
            ...c.scenario,
            mode: mode as ModeId,
            service,
            entryNode,
            pod: entryNode,
            seed,
          };
          const result = trace(scenario);
          if (!findMode(mode)) {
            expect(result.ok).toBe(false);
            if (!result.ok) expect(result.error).toMatch(/is not a mode; the modes are 1, 2/);
          } else if (!findService(c.t, service)) {
            expect(result).toEqual({
              ok: false,
              error: `There is no Service "${service.slice(0, 40)}" in this topology`,
            });
          } else if (entryNode !== undefined && !c.t.nodes.some((n) => n.id === entryNode)) {
            expect(result).toEqual({
              ok: false,
              error: `There is no node "${entryNode.slice(0, 40)}" in this topology; the nodes are ${c.t.nodes.map((n) => n.id).join(', ')}`,
            });
          } else if (entryNode !== undefined && !c.t.pods.some((p) => p.id === entryNode)) {
            expect(result.ok).toBe(false);
            if (!result.ok)
              expect(result.error).toMatch(/^There is no pod ".*" in this topology; /s);
          } else if (!result.ok) {
            expect(result.error.length).toBeGreaterThan(10);
          }
        },
      ),
      RUNS,
    );
  });

  it('names the missing piece when an ingress mode meets a topology without ingress', () => {
    for (const mode of MODES.filter((m) => m.ingress !== 'none'))
      expect(trace({ topology: talkCluster(), service: SERVICE_A, mode: mode.id })).toEqual({
        ok: false,
        error: `Mode ${mode.id} needs an in-cluster ingress proxy for Service A, and this topology has none`,
      });
  });

  it('gives a clear error for a 10 kB mode or Service id, without echoing it whole', () => {
    const huge = 'x'.repeat(10_000);
    for (const scenario of [
      { topology: talkCluster(), service: SERVICE_A, mode: huge as ModeId },
      { topology: talkCluster(), service: huge, mode: '2' as ModeId },
    ]) {
      const result = trace(scenario);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.length).toBeLessThan(200);
    }
  });
});
