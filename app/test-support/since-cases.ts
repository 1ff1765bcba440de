import fc from 'fast-check';
import { parseCidr } from '../model/address';
import type { Cidr, ClusterIp, NodeIp, PodIp } from '../model/address';
import type { ModeId } from '../model/modes';
import { SERVICE_A, SERVICE_B, talkCluster } from '../model/talk';
import type {
  ExternalTrafficPolicy,
  InternalTrafficPolicy,
  IpMode,
  Pod,
  Service,
  Topology,
  TrafficDistribution,
} from '../model/topology';
import { trace } from '../model/trace';
import type { ClientPlace, Scenario, Trace } from '../model/trace-types';

// Random topologies and scenarios for the since-2020 properties
// (model/since-invariants.test.ts): up to five nodes over zones a and b (or
// none), pods ready, not ready, terminating and serving, or terminating and
// not; Services A and B with cluster IPs and random policies, hints and
// ipMode; a client that is a pod, a node, or outside.

export const SINCE_RUNS = { seed: 2020, numRuns: 400 } as const;

const cidr = (text: string): Cidr => {
  const r = parseCidr(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

type PodState = 'ready' | 'not-ready' | 'terminating-serving' | 'terminating';
const stateArb = fc.constantFrom<PodState>(
  'ready',
  'ready',
  'ready',
  'not-ready',
  'terminating-serving',
  'terminating',
);
const podSpecArb = fc.record({ app: fc.constantFrom('a', 'b', 'client'), state: stateArb });
const nodeSpecArb = fc.record({
  zone: fc.constantFrom<string | undefined>('zone-a', 'zone-a', 'zone-b', undefined),
  pods: fc.array(podSpecArb, { maxLength: 4 }),
});
const svcSpecArb = fc.record({
  external: fc.constantFrom<ExternalTrafficPolicy>('Cluster', 'Local'),
  internal: fc.option(fc.constantFrom<InternalTrafficPolicy>('Cluster', 'Local'), {
    nil: undefined,
  }),
  distribution: fc.option(
    fc.constantFrom<TrafficDistribution>('PreferClose', 'PreferSameZone', 'PreferSameNode'),
    { nil: undefined },
  ),
  ipMode: fc.option(fc.constantFrom<IpMode>('VIP', 'Proxy'), { nil: undefined }),
});

const stateFields = (state: PodState): Pick<Pod, 'ready' | 'terminating' | 'serving'> => {
  switch (state) {
    case 'ready':
      return { ready: true };
    case 'not-ready':
      return { ready: false };
    case 'terminating-serving':
      return { ready: false, terminating: true, serving: true };
    case 'terminating':
      // As the explorer writes it: no `serving`, so serving = ready = false.
      return { ready: false, terminating: true };
  }
};

type SvcSpec = typeof svcSpecArb extends fc.Arbitrary<infer T> ? T : never;
type NodeSpec = typeof nodeSpecArb extends fc.Arbitrary<infer T> ? T : never;

/** Node i is 10.240.0.i with pods 10.0.i.k; Service A is 10.96.0.10, B 10.96.0.11. */
function topologyOf(nodes: readonly NodeSpec[], a: SvcSpec, b: SvcSpec): Topology {
  const talk = talkCluster();
  const [svcA, svcB] = talk.services as [Service, Service];
  const withSpec = (svc: Service, spec: SvcSpec, ip: string): Service => ({
    ...svc,
    externalTrafficPolicy: spec.external,
    clusterIp: ip as ClusterIp,
    ...(spec.internal ? { internalTrafficPolicy: spec.internal } : {}),
    ...(spec.distribution ? { trafficDistribution: spec.distribution } : {}),
    ...(spec.ipMode ? { ipMode: spec.ipMode } : {}),
  });
  return {
    ...talk,
    nodes: nodes.map((n, i) => ({
      id: `node${i + 1}`,
      name: `Node${i + 1}`,
      ip: `10.240.0.${i + 1}` as NodeIp,
      podCidr: cidr(`10.0.${i + 1}.0/24`),
      ...(n.zone ? { zone: n.zone } : {}),
    })),
    pods: nodes.flatMap((n, i) =>
      n.pods.map((p, k) => ({
        id: `pod-${i + 1}-${k + 1}`,
        name: `Pod-${i + 1}-${k + 1}`,
        ip: `10.0.${i + 1}.${k + 1}` as PodIp,
        node: `node${i + 1}`,
        labels: { app: p.app },
        ...stateFields(p.state),
      })),
    ),
    services: [withSpec(svcA, a, '10.96.0.10'), withSpec(svcB, b, '10.96.0.11')],
  };
}

export interface SinceCase {
  readonly t: Topology;
  readonly scenario: Scenario;
}

/** The modes without in-cluster ingress: the ones whose kube-proxy choice these options change. */
const MODES_HERE: readonly ModeId[] = ['1', '2', '3a', '3b', '3c', '3d'];

export const sinceCaseArb: fc.Arbitrary<SinceCase> = fc
  .record({
    nodes: fc.array(nodeSpecArb, { minLength: 1, maxLength: 5 }),
    a: svcSpecArb,
    b: svcSpecArb,
    service: fc.constantFrom(SERVICE_A, SERVICE_B),
    client: fc.constantFrom('pod', 'pod', 'node', 'outside'),
    clientIndex: fc.nat(),
    clusterIp: fc.boolean(),
    mode: fc.constantFrom(...MODES_HERE),
    policy: fc.option(fc.constantFrom<ExternalTrafficPolicy>('Cluster', 'Local'), {
      nil: undefined,
    }),
    internalPolicy: fc.option(fc.constantFrom<InternalTrafficPolicy>('Cluster', 'Local'), {
      nil: undefined,
    }),
    distribution: fc.option(
      fc.constantFrom<TrafficDistribution | null>('PreferSameZone', 'PreferSameNode', null),
      { nil: undefined },
    ),
    ipMode: fc.option(fc.constantFrom<IpMode>('VIP', 'Proxy'), { nil: undefined }),
    entry: fc.option(fc.nat(), { nil: undefined }),
    pod: fc.option(fc.nat(), { nil: undefined }),
    seed: fc.integer(),
  })
  .map((g) => {
    const t = topologyOf(g.nodes, g.a, g.b);
    let client: ClientPlace = { kind: 'outside' };
    if (g.client === 'pod' && t.pods.length > 0)
      client = { kind: 'pod', pod: (t.pods[g.clientIndex % t.pods.length] as Pod).id };
    else if (g.client === 'node')
      client = { kind: 'node', node: `node${(g.clientIndex % t.nodes.length) + 1}` };
    const pick = <T>(list: readonly T[], n: number | undefined) =>
      n === undefined || list.length === 0 ? undefined : list[n % list.length];
    const scenario: Scenario = {
      topology: t,
      service: g.service,
      mode: g.mode,
      policy: g.policy,
      entryNode: pick(t.nodes, g.entry)?.id,
      pod: pick(t.pods, g.pod)?.id,
      seed: g.seed,
      client,
      ...(g.clusterIp && client.kind !== 'outside' ? { target: 'cluster-ip' as const } : {}),
      internalPolicy: g.internalPolicy,
      trafficDistribution: g.distribution,
      ipMode: g.ipMode,
    };
    return { t, scenario };
  });

/** Runs `check` on the trace of every random case; every case must trace. */
export function forAllSinceTraces(
  check: (c: SinceCase, tr: Trace) => void,
): Record<string, number> {
  const seen: Record<string, number> = { delivered: 0, dropped: 0, rejected: 0 };
  fc.assert(
    fc.property(sinceCaseArb, (c) => {
      const result = trace(c.scenario);
      if (!result.ok) throw new Error(`${c.scenario.mode}: ${result.error}`);
      const kind = result.value.outcome.kind;
      seen[kind] = (seen[kind] ?? 0) + 1;
      check(c, result.value);
    }),
    SINCE_RUNS,
  );
  return seen;
}
