import fc from 'fast-check';
import { parseCidr } from '../model/address';
import type { Cidr, NodeIp, PodIp } from '../model/address';
import { findMode, MODES } from '../model/modes';
import type { Mode, ModeId } from '../model/modes';
import { SERVICE_A, SERVICE_B, talkCluster } from '../model/talk';
import { findService, ingressFor } from '../model/topology';
import type { ExternalTrafficPolicy, Pod, Service, Topology } from '../model/topology';
import { trace } from '../model/trace';
import type { Scenario, Trace } from '../model/trace-types';

// Random valid topologies and scenarios for the property tests (model/invariants.test.ts):
// up to six nodes, up to five pods each, Services A and B, and no, shared or
// dedicated in-cluster ingress. Test support, outside the app's source: only tests
// import it (fast-check is a dev dependency).

export const RUNS = { seed: 42, numRuns: 300 } as const;

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

export interface Case {
  readonly scenario: Scenario;
  readonly t: Topology;
  readonly mode: Mode;
  readonly backend: Service;
  /** The Service the client or LB reaches: the backend, or the ingress proxies' Service. */
  readonly front: Service;
}

const optionalNat = fc.option(fc.nat(), { nil: undefined });
export const caseArb: fc.Arbitrary<Case> = fc
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
export const KUBE_PROXY_MODES = new Set<ModeId>(['2', '3a', '3c', '4a', '4c.1', '4c.2', '4d']);

/**
 * Runs the property over random cases and calls `check` for every trace.
 * Returns how often each outcome came up, so a test can show that its property
 * was not vacuous.
 */
export function forAllTraces(check: (c: Case, tr: Trace) => void): Record<string, number> {
  const seen: Record<string, number> = { delivered: 0, dropped: 0, rejected: 0 };
  fc.assert(
    fc.property(caseArb, (c) => {
      const result = trace(c.scenario);
      // Every mode on a valid topology has an outcome, even one that reaches no pod.
      if (!result.ok) throw new Error(`mode ${c.mode.id}: ${result.error}`);
      const kind = result.value.outcome.kind;
      seen[kind] = (seen[kind] ?? 0) + 1;
      check(c, result.value);
    }),
    RUNS,
  );
  return seen;
}
