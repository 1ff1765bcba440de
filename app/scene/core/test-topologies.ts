import fc from 'fast-check';
import {
  parseCidr,
  talkCluster,
  type Hop,
  type Pod,
  type Service,
  type Topology,
} from '../../model';
import type { NodeIp, PodIp } from '../../model';

/**
 * Random valid topologies as large as the explorer draws (1–12 nodes, 0–16
 * pods a node, 1–6 Services, sometimes ingress proxy pods), and random hops
 * between any two of their devices, for the scene's property tests.
 */

const cidr = (text: string) => {
  const r = parseCidr(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

export interface BigSpec {
  /** Per node, each pod's Service (its index; past the last Service: an ingress proxy). */
  readonly nodes: readonly (readonly number[])[];
  readonly services: number;
  readonly ingress: boolean;
}

export const bigSpecArb: fc.Arbitrary<BigSpec> = fc.record({
  nodes: fc.array(fc.array(fc.nat(6), { maxLength: 16 }), { minLength: 1, maxLength: 12 }),
  services: fc.integer({ min: 1, max: 6 }),
  ingress: fc.boolean(),
});

export function bigTopology(spec: BigSpec): Topology {
  const talk = talkCluster();
  const base = talk.services[0] as Service;
  const services: Service[] = Array.from({ length: spec.services }, (_, i) => ({
    ...base,
    id: `svc-${i}`,
    name: `Service ${'ABCDEF'[i]}`,
    selector: { app: `s${i}` },
    nodePort: (30000 + i) as Service['nodePort'],
  }));
  if (spec.ingress)
    services.push({ ...base, id: 'proxy', name: 'ingress', selector: { app: 'proxy' } });
  const proxy = (s: number) => s >= spec.services && spec.ingress;
  const pods: Pod[] = spec.nodes.flatMap((list, i) =>
    list.map((s, k) => ({
      id: `pod-${i + 1}-${k + 1}`,
      // Named as the explorer names them: an ingress proxy's name is the longest on a node.
      name: proxy(s) ? `Ingress-${i + 1}-${k + 1}` : `Pod-${i + 1}-${k + 1}`,
      ip: `10.0.${i + 1}.${k + 1}` as PodIp,
      node: `node${i + 1}`,
      labels: { app: s < spec.services ? `s${s}` : spec.ingress ? 'proxy' : 's0' },
      ready: true,
    })),
  );
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
    ingresses: spec.ingress
      ? [{ id: 'ing', name: 'app', host: 'a.example.com', backend: 'svc-0', proxyService: 'proxy' }]
      : [],
  };
}

/** A cluster of `nodes` nodes with `pods` pods each, of random Services, ingress proxies among them. */
export const fullSpecArb = (nodes: number, pods: number): fc.Arbitrary<BigSpec> =>
  fc.record({
    nodes: fc.array(fc.array(fc.nat(6), { minLength: pods, maxLength: pods }), {
      minLength: nodes,
      maxLength: nodes,
    }),
    services: fc.integer({ min: 1, max: 6 }),
    ingress: fc.boolean(),
  });

/** Every device of a topology, as hops name them. */
export const devicesOf = (t: Topology): string[] => [
  'client',
  'lb:vip',
  ...t.nodes.map((n) => `node:${n.id}`),
  ...t.pods.map((p) => `pod:${p.id}`),
];

/** A hop as the scene reads it: from, to, its direction and the port it is addressed to. */
export function syntheticHop(
  from: string,
  to: string,
  direction: 'forward' | 'return',
  port: number,
): Hop {
  const end = { ip: null, port, host: 'x', portName: null };
  return {
    index: 0,
    direction,
    from,
    to,
    via: undefined,
    packet: { src: end, dst: end, protocol: 'tcp' },
    rewrites: [],
    connection: 1,
    kind: 'pass',
  } as Hop;
}
