import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { cidrContains, NODE_PORT_MAX, NODE_PORT_MIN, parseCidr } from './address';
import type { Cidr, NodeIp, PodIp } from './address';
import { findMode, MODES } from './modes';
import type { Mode, ModeId } from './modes';
import type { Endpoint, Packet } from './packet';
import { SERVICE_A, SERVICE_B, talkCluster } from './talk';
import { endpointsOf, findService, ingressFor } from './topology';
import type { ExternalTrafficPolicy, Pod, Service, Topology } from './topology';
import { trace } from './trace';
import type { Hop, Scenario, Trace } from './trace-types';
import { validate } from './validate';

// Property tests: the invariants at the end of docs/traffic-model.md, checked
// over random valid topologies, every mode, both policies, any entry node and seed.

const RUNS = { seed: 42, numRuns: 300 } as const;

const cidr = (text: string): Cidr => {
  const r = parseCidr(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

type App = 'a' | 'b' | 'proxy-a' | 'proxy-b';
type IngressKind = 'none' | 'shared' | 'dedicated';
interface Spec {
  /** Per node, its pods. */
  readonly nodes: readonly (readonly { app: App; ready: boolean }[])[];
  readonly ingress: IngressKind;
  readonly policies: readonly [ExternalTrafficPolicy, ExternalTrafficPolicy, ExternalTrafficPolicy];
}

const policyArb = fc.constantFrom<ExternalTrafficPolicy>('Cluster', 'Local');
const specArb: fc.Arbitrary<Spec> = fc.record({
  nodes: fc.array(
    fc.array(
      fc.record({
        app: fc.constantFrom<App>('a', 'b', 'proxy-a', 'proxy-b'),
        // Mostly ready, sometimes not.
        ready: fc.constantFrom(true, true, true, false),
      }),
      { maxLength: 5 },
    ),
    { minLength: 1, maxLength: 6 },
  ),
  ingress: fc.constantFrom<IngressKind>('none', 'shared', 'dedicated'),
  policies: fc.tuple(policyArb, policyArb, policyArb),
});

/**
 * Node i is 10.240.0.i with pods in 10.0.i.0/24. Proxy pods carry role=proxy, which
 * the shared ingress Service selects; a dedicated one selects app=proxy-a or proxy-b.
 */
const labelsFor = (app: App): Record<string, string> =>
  app.startsWith('proxy') ? { app, role: 'proxy' } : { app };

function buildTopology(spec: Spec): Topology {
  const [policyA, policyB, proxyPolicy] = spec.policies;
  const talk = talkCluster();
  const pods: Pod[] = spec.nodes.flatMap((list, i) =>
    list.map((p, k) => ({
      id: `pod-${i + 1}-${k + 1}`,
      name: `Pod-${i + 1}-${k + 1}`,
      ip: `10.0.${i + 1}.${k + 1}` as PodIp,
      node: `node${i + 1}`,
      labels: labelsFor(p.app),
      ready: p.ready,
    })),
  );
  const [a, b] = talk.services as [Service, Service];
  const services: Service[] = [
    { ...a, externalTrafficPolicy: policyA },
    { ...b, externalTrafficPolicy: policyB },
  ];
  let ingresses = talk.ingresses;
  if (spec.ingress === 'shared') {
    const shared = talkCluster('shared-ingress');
    const proxy = findService(shared, 'ingress-nginx') as Service;
    services.push({ ...proxy, selector: { role: 'proxy' }, externalTrafficPolicy: proxyPolicy });
    ingresses = shared.ingresses;
  } else if (spec.ingress === 'dedicated') {
    const dedicated = talkCluster('dedicated-ingress');
    for (const letter of ['a', 'b']) {
      const proxy = findService(dedicated, `ingress-${letter}`) as Service;
      services.push({
        ...proxy,
        selector: { app: `proxy-${letter}` },
        externalTrafficPolicy: proxyPolicy,
      });
    }
    ingresses = dedicated.ingresses;
  }
  return {
    ...talk,
    nodes: spec.nodes.map((_, i) => ({
      id: `node${i + 1}`,
      name: `Node${i + 1}`,
      ip: `10.240.0.${i + 1}` as NodeIp,
      podCidr: cidr(`10.0.${i + 1}.0/24`),
    })),
    pods,
    services,
    ingresses,
  };
}

interface Case {
  readonly scenario: Scenario;
  readonly t: Topology;
  readonly mode: Mode;
  readonly backend: Service;
  /** The Service the client or LB reaches: the backend, or the ingress proxies' Service. */
  readonly front: Service;
}

const optionalNat = fc.option(fc.nat(), { nil: undefined });
const caseArb: fc.Arbitrary<Case> = fc
  .record({
    spec: specArb,
    mode: fc.constantFrom(...MODES.map((m) => m.id)),
    service: fc.constantFrom(SERVICE_A, SERVICE_B),
    policy: fc.option(policyArb, { nil: undefined }),
    entry: optionalNat,
    pod: optionalNat,
    ingressPod: optionalNat,
    seed: fc.integer(),
    proxyProtocol: fc.boolean(),
  })
  .map((g) => {
    const mode = findMode(g.mode) as Mode;
    // Ingress modes need in-cluster proxies: give them a topology that has some.
    const ingress =
      mode.ingress === 'none' || g.spec.ingress !== 'none' ? g.spec.ingress : 'shared';
    const t = buildTopology({ ...g.spec, ingress });
    const pick = <T>(list: readonly T[], n: number | undefined) =>
      n === undefined || list.length === 0 ? undefined : list[n % list.length];
    const backend = findService(t, g.service) as Service;
    const proxyId = ingressFor(t, g.service)?.proxyService;
    const front = mode.ingress === 'none' ? backend : (findService(t, proxyId ?? '') as Service);
    const scenario: Scenario = {
      topology: t,
      service: g.service,
      mode: g.mode,
      policy: g.policy,
      entryNode: pick(t.nodes, g.entry)?.id,
      pod: pick(t.pods, g.pod)?.id,
      ingressPod: pick(t.pods, g.ingressPod)?.id,
      seed: g.seed,
      proxyProtocol: g.proxyProtocol,
    };
    return { scenario, t, mode, backend, front };
  });

/** Modes where kube-proxy on an entry node does the NAT (and the policy applies). */
const KUBE_PROXY_MODES = new Set<ModeId>(['2', '3a', '3c', '4a', '4c.1', '4c.2', '4d']);

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

/**
 * Runs the property over random cases and calls `check` for every trace that
 * succeeds. Returns how often each outcome came up, so a test can show that
 * its property was not vacuous.
 */
function forAllTraces(check: (c: Case, tr: Trace) => void): Record<string, number> {
  const seen: Record<string, number> = { delivered: 0, dropped: 0, rejected: 0, failed: 0 };
  fc.assert(
    fc.property(caseArb, (c) => {
      const result = trace(c.scenario);
      if (!result.ok) {
        seen.failed = (seen.failed ?? 0) + 1;
        // The only valid topologies a trace may refuse: mode 1 with no ready pod to address.
        expect(c.mode.id).toBe('1');
        expect(endpointsOf(c.t, c.backend)).toEqual([]);
        expect(result.error).toBe(`${c.backend.name} has no ready pods for the client to talk to`);
        return;
      }
      const kind = result.value.outcome.kind;
      seen[kind] = (seen[kind] ?? 0) + 1;
      check(c, result.value);
    }),
    RUNS,
  );
  return seen;
}

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
      const policy = c.scenario.policy ?? front.externalTrafficPolicy;
      expect(tr.policy).toBe(policy);
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
            mode.front === 'proxy' ? ['rejected', 'lb:proxy'] : ['dropped', 'lb:vip'];
        else if (ingressRejects) [expected, at] = ['rejected', `pod:${tr.ingressPod}`];
      }
      expect(tr.outcome.kind).toBe(expected);
      if (tr.outcome.kind !== 'delivered') expect(tr.outcome.at).toBe(at);
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
      expect(last.packet).toMatchObject({ protocol: 'icmp', icmp: 'port-unreachable' });
      expect(tr.back[0]?.kind).toBe('reject');
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
  it('never throws: unknown mode or Service ids give ok: false with a message', () => {
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
