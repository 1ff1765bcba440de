import {
  parseCidr,
  parseClusterIp,
  parseExternalIp,
  parseNodeIp,
  parseNodePort,
  parsePodIp,
  parsePort,
} from './address';
import { expect } from './result';
import type { ClusterNode, Ingress, Pod, Service, Topology } from './topology';

// The talk's cluster (slides 3–10 and docs/traffic-model.md). These are constants
// written here, so `expect` cannot fail on them.
const cidr = (t: string) => expect(parseCidr(t));
const port = (n: number) => expect(parsePort(n));
const nodePort = (n: number) => expect(parseNodePort(n));

export const SERVICE_A = 'svc-a';
export const SERVICE_B = 'svc-b';
export const INGRESS_SERVICE = 'ingress-nginx';

const node = (n: 1 | 2): ClusterNode => ({
  id: `node${n}`,
  name: `Node${n}`,
  ip: expect(parseNodeIp(`10.240.0.${n}`)),
  podCidr: cidr(`10.0.${n}.0/24`),
});

const pod = (
  id: string,
  name: string,
  ip: string,
  nodeId: string,
  labels: Record<string, string>,
): Pod => ({ id, name, ip: expect(parsePodIp(ip)), node: nodeId, labels, ready: true });

/** Pod-a and Pod-c serve Service A; Pod-b and Pod-d serve Service B (see slide 37). */
const talkPods = (): Pod[] => [
  pod('pod-a', 'Pod-a', '10.0.1.1', 'node1', { app: 'a' }),
  pod('pod-b', 'Pod-b', '10.0.1.2', 'node1', { app: 'b' }),
  pod('pod-c', 'Pod-c', '10.0.2.1', 'node2', { app: 'a' }),
  pod('pod-d', 'Pod-d', '10.0.2.2', 'node2', { app: 'b' }),
];

const services = (): Service[] => [
  {
    id: SERVICE_A,
    name: 'Service A',
    type: 'LoadBalancer',
    selector: { app: 'a' },
    port: port(80),
    targetPort: port(8080),
    nodePort: nodePort(30093),
    externalTrafficPolicy: 'Cluster',
    healthCheckNodePort: nodePort(32093),
    vip: expect(parseExternalIp('203.0.113.10')),
    proxyIp: expect(parseExternalIp('198.51.100.7')),
  },
  {
    id: SERVICE_B,
    name: 'Service B',
    type: 'LoadBalancer',
    selector: { app: 'b' },
    port: port(80),
    targetPort: port(8080),
    nodePort: nodePort(30076),
    externalTrafficPolicy: 'Cluster',
    healthCheckNodePort: nodePort(32076),
    vip: expect(parseExternalIp('203.0.113.11')),
    proxyIp: expect(parseExternalIp('198.51.100.8')),
  },
];

/** The shared in-cluster ingress of 4c: one proxy pod per node, behind its own LoadBalancer. */
const ingressService: Service = {
  id: INGRESS_SERVICE,
  name: 'ingress-nginx',
  type: 'LoadBalancer',
  selector: { app: 'ingress-nginx' },
  port: port(80),
  targetPort: port(80),
  nodePort: nodePort(31080),
  externalTrafficPolicy: 'Cluster',
  healthCheckNodePort: nodePort(32080),
  vip: expect(parseExternalIp('203.0.113.20')),
  proxyIp: expect(parseExternalIp('198.51.100.20')),
};

const ingresses = (proxyService?: string): Ingress[] => [
  { id: 'ing-a', name: 'app-a', host: 'a.example.com', backend: SERVICE_A, proxyService },
  { id: 'ing-b', name: 'app-b', host: 'b.example.com', backend: SERVICE_B, proxyService },
];

const base = (pods: Pod[], extra: Partial<Topology> = {}): Topology => ({
  clusterCidr: cidr('10.0.0.0/16'),
  nodes: [node(1), node(2)],
  pods,
  services: services(),
  ingresses: ingresses(),
  client: { name: 'Client', ip: expect(parseExternalIp('1.2.3.4')), port: port(51234) },
  ...extra,
});

export type TalkVariant =
  /** Slides 6–28: four pods. */
  | 'default'
  /** Slides 30, 37, 53: Pod-a is gone; Pod-b (Service B) is still on Node1. */
  | 'pod-a-gone'
  /** Slide 39: one pod on Node1, six on Node2, all serving Service A, the only Service. */
  | 'imbalance'
  /** Slides 103–121: a shared in-cluster ingress proxy pod on each node. */
  | 'shared-ingress'
  /** Slides 122–124: a dedicated proxy pair per Ingress. */
  | 'dedicated-ingress'
  /** Since 2020: Gateway API, a proxy Deployment and LoadBalancer Service per Gateway (4d). */
  | 'gateway'
  /**
   * Since 2020, clients inside the cluster: the default cluster, and each
   * Service has a cluster IP: Service A 10.96.0.10, Service B 10.96.0.11 (port 80).
   */
  | 'in-cluster'
  /** The same with Pod-a gone, as on slide 30: Node1 has no pod of Service A. */
  | 'in-cluster-pod-a-gone'
  /**
   * Since 2020, trafficDistribution: Node1 10.240.0.1 and Node2 10.240.0.2 in
   * zone-a, Node3 10.240.0.3 in zone-b, pods in 10.0.N.0/24. "Client pod"
   * (client-pod, 10.0.1.1, labels app=client, which no Service selects) on
   * Node1; Service A (cluster IP 10.96.0.10) selects Pod-c (10.0.2.1, Node2),
   * Pod-e (10.0.3.1) and Pod-f (10.0.3.2, both Node3). From Node1, PreferSameZone
   * keeps to Pod-c; PreferSameNode finds nothing on Node1 and falls back to the
   * zone hints (Pod-c) as the EndpointSlice controller writes both.
   */
  | 'zones'
  /**
   * Since 2020, KEP-1669: slide 37's cluster, but Pod-a (10.0.1.1, Node1) is
   * still there, terminating: not ready, still serving.
   */
  | 'pod-a-terminating';

/** The talk's cluster: 10.0.0.0/16, Node1 and Node2, Pod-a…Pod-d, the client at 1.2.3.4. */
export function talkCluster(variant: TalkVariant = 'default'): Topology {
  switch (variant) {
    case 'default':
      return base(talkPods());
    case 'pod-a-gone':
      return base(talkPods().filter((p) => p.id !== 'pod-a'));
    case 'imbalance': {
      // The slide draws one Service's pods and nothing else: Service B (and its
      // Ingress) would select no pod here, so it is left out.
      const a = { app: 'a' };
      const pods = [pod('pod-1', 'pod', '10.0.1.1', 'node1', a)];
      for (let i = 1; i <= 6; i++) pods.push(pod(`pod-${i + 1}`, 'pod', `10.0.2.${i}`, 'node2', a));
      return base(pods, {
        services: services().filter((s) => s.id === SERVICE_A),
        ingresses: ingresses().filter((i) => i.backend === SERVICE_A),
      });
    }
    case 'shared-ingress': {
      const proxy = { app: 'ingress-nginx' };
      return base(
        [
          pod('ingress-1', 'Ingress', '10.0.1.3', 'node1', proxy),
          ...talkPods(),
          pod('ingress-2', 'Ingress', '10.0.2.3', 'node2', proxy),
        ],
        { services: [...services(), ingressService], ingresses: ingresses(INGRESS_SERVICE) },
      );
    }
    case 'dedicated-ingress': {
      const dedicated = (letter: 'a' | 'b', octet: number): Service => ({
        ...ingressService,
        id: `ingress-${letter}`,
        name: `ingress-${letter}`,
        selector: { app: `ingress-${letter}` },
        nodePort: nodePort(31080 + octet),
        healthCheckNodePort: nodePort(32080 + octet),
        vip: expect(parseExternalIp(`203.0.113.${20 + octet}`)),
        proxyIp: expect(parseExternalIp(`198.51.100.${20 + octet}`)),
      });
      const proxies: Pod[] = [];
      for (const [letter, octet] of [
        ['a', 3],
        ['b', 4],
      ] as const) {
        for (const n of [1, 2] as const) {
          proxies.push(
            pod(
              `ingress-${letter}${n}`,
              `Ingress ${letter.toUpperCase()}`,
              `10.0.${n}.${octet}`,
              `node${n}`,
              {
                app: `ingress-${letter}`,
              },
            ),
          );
        }
      }
      return base([...talkPods(), ...proxies], {
        services: [...services(), dedicated('a', 1), dedicated('b', 2)],
        ingresses: [
          {
            id: 'ing-a',
            name: 'app-a',
            host: 'a.example.com',
            backend: SERVICE_A,
            proxyService: 'ingress-a',
          },
          {
            id: 'ing-b',
            name: 'app-b',
            host: 'b.example.com',
            backend: SERVICE_B,
            proxyService: 'ingress-b',
          },
        ],
      });
    }
    case 'in-cluster':
      return base(talkPods(), { services: withClusterIps(services()) });
    case 'in-cluster-pod-a-gone':
      return base(
        talkPods().filter((p) => p.id !== 'pod-a'),
        { services: withClusterIps(services()) },
      );
    case 'zones':
      return zonesCluster();
    case 'pod-a-terminating':
      return base(
        talkPods().map((p) =>
          p.id === 'pod-a' ? { ...p, ready: false, terminating: true, serving: true } : p,
        ),
      );
    case 'gateway':
      return gatewayCluster();
  }
}

/**
 * Gateway API's 4d: implementations such as Istio and Envoy Gateway deploy a
 * proxy Deployment and a LoadBalancer Service for each Gateway. Gateway A's
 * pods gateway-a1 (Node1, 10.0.1.3) and gateway-a2 (Node2, 10.0.2.3) behind
 * Service gateway-a (VIP 203.0.113.30); Gateway B's on .4 behind gateway-b
 * (203.0.113.31). The Ingress type stands for each HTTPRoute (route-a, route-b).
 */
function gatewayCluster(): Topology {
  const gateway = (letter: 'a' | 'b', index: number): Service => ({
    ...ingressService,
    id: `gateway-${letter}`,
    name: `gateway-${letter}`,
    selector: { gateway: `gateway-${letter}` },
    nodePort: nodePort(31090 + index),
    healthCheckNodePort: nodePort(32090 + index),
    vip: expect(parseExternalIp(`203.0.113.${30 + index}`)),
    proxyIp: expect(parseExternalIp(`198.51.100.${30 + index}`)),
  });
  const proxies: Pod[] = [];
  for (const [letter, octet] of [
    ['a', 3],
    ['b', 4],
  ] as const)
    for (const n of [1, 2] as const)
      proxies.push(
        pod(
          `gateway-${letter}${n}`,
          `Gateway ${letter.toUpperCase()}`,
          `10.0.${n}.${octet}`,
          `node${n}`,
          { gateway: `gateway-${letter}` },
        ),
      );
  const route = (letter: 'a' | 'b', backend: string): Ingress => ({
    id: `route-${letter}`,
    name: `route-${letter}`,
    host: `${letter}.example.com`,
    backend,
    proxyService: `gateway-${letter}`,
  });
  return base([...talkPods(), ...proxies], {
    services: [...services(), gateway('a', 0), gateway('b', 1)],
    ingresses: [route('a', SERVICE_A), route('b', SERVICE_B)],
  });
}

/** The cluster IPs of the since-2020 topologies (service CIDR 10.96.0.0/12). */
const withClusterIps = (list: Service[]): Service[] =>
  list.map((svc) => ({
    ...svc,
    clusterIp: expect(parseClusterIp(svc.id === SERVICE_A ? '10.96.0.10' : '10.96.0.11')),
  }));

/** The 'zones' variant: three nodes over two zones, a client pod on Node1, Service A on Node2 and Node3. */
function zonesCluster(): Topology {
  const zoned = (n: 1 | 2 | 3, zone: string): ClusterNode => ({
    id: `node${n}`,
    name: `Node${n}`,
    ip: expect(parseNodeIp(`10.240.0.${n}`)),
    podCidr: cidr(`10.0.${n}.0/24`),
    zone,
  });
  const a = { app: 'a' };
  return base(
    [
      pod('client-pod', 'Client pod', '10.0.1.1', 'node1', { app: 'client' }),
      pod('pod-c', 'Pod-c', '10.0.2.1', 'node2', a),
      pod('pod-e', 'Pod-e', '10.0.3.1', 'node3', a),
      pod('pod-f', 'Pod-f', '10.0.3.2', 'node3', a),
    ],
    {
      nodes: [zoned(1, 'zone-a'), zoned(2, 'zone-a'), zoned(3, 'zone-b')],
      services: withClusterIps(services().filter((svc) => svc.id === SERVICE_A)),
      ingresses: ingresses().filter((i) => i.backend === SERVICE_A),
    },
  );
}

/** The talk's cluster a mode is drawn on: with the in-cluster ingress proxies it needs, if any. */
export function talkVariantFor(ingress: 'none' | 'shared' | 'dedicated'): TalkVariant {
  return ingress === 'shared'
    ? 'shared-ingress'
    : ingress === 'dedicated'
      ? 'dedicated-ingress'
      : 'default';
}
