import type { ExternalTrafficPolicy } from './topology';

export type ModeId =
  '1' | '2' | '3a' | '3b' | '3c' | '3d' | '4a' | '4b' | '4c.1' | '4c.2' | '4c.3' | '4d';

/** The talk's "Pro:" / "Con:" list for a mode, word for word, with its slide. */
export interface ProsCons {
  readonly slide: number;
  readonly pros: readonly string[];
  readonly cons: readonly string[];
}

export interface Mode {
  readonly id: ModeId;
  /** The talk's heading, e.g. "3a) VIP-like, 2-hops". */
  readonly title: string;
  /** The Kubernetes API the mode belongs to. */
  readonly api: 'Pod IP' | 'Service NodePort' | 'Service LoadBalancer' | 'Ingress';
  /** The talk's example, e.g. "GCP NetworkLB"; null where the talk names none. */
  readonly example: string | null;
  /** Where the client sends its packet first. */
  readonly front: 'pod' | 'node' | 'vip' | 'proxy';
  /** Where the front door sends next: a node (kube-proxy does the rest) or straight to a pod. */
  readonly frontTo: 'node' | 'pod' | null;
  /** What the client speaks: HTTP modes can carry X-Forwarded-For. */
  readonly protocol: 'tcp' | 'http';
  /** The external load balancer's layer: an L4 one copies bytes, an HTTP one adds X-Forwarded-For. */
  readonly lbLayer: 'none' | 'l4' | 'http';
  /** In-cluster ingress proxies between the front door and the backend pods (4c, 4d). */
  readonly ingress: 'none' | 'shared' | 'dedicated';
  /** The policies that change anything here: empty where no node does NAT on entry. */
  readonly policies: readonly ExternalTrafficPolicy[];
  /** False for 3b and 4d: "As far as I know, nobody has implemented this" (in 2020). */
  readonly knownIn2020: boolean;
  /** The talk's slide that introduces the mode. */
  readonly titleSlide: number;
  /** The talk's pro/con lists: for Cluster, and for Local where the talk gives one. */
  readonly prosCons: { readonly Cluster?: ProsCons; readonly Local?: ProsCons };
  /** What changed after 2020. */
  readonly since2020: string;
}

const both: readonly ExternalTrafficPolicy[] = ['Cluster', 'Local'];
const none: readonly ExternalTrafficPolicy[] = [];

const proxyPros = ['Proxy can prevent some classes of attacks', 'Proxy can add value (e.g. TLS)'];
const ingressCons = [
  'You manage and scale the in-cluster proxies',
  'Conflicts can arise between Ingress resources (e.g. use same hostname)',
  'Multiple hops',
];

export const MODES: readonly Mode[] = [
  {
    id: '1',
    title: '1) Pod IP',
    api: 'Pod IP',
    example: null,
    front: 'pod',
    frontTo: null,
    protocol: 'tcp',
    lbLayer: 'none',
    ingress: 'none',
    policies: none,
    knownIn2020: true,
    titleSlide: 18,
    prosCons: {
      Cluster: {
        slide: 20,
        pros: [],
        cons: [
          'Requires a fully integrated network (flat IP space)',
          'Doesn’t work well for internet traffic',
          'Requires smart clients and service discovery (pod IPs change when pods move)',
        ],
      },
    },
    since2020: 'Unchanged: pod IPs are routable only where the network is flat.',
  },
  {
    id: '2',
    title: '2) Service NodePort',
    api: 'Service NodePort',
    example: null,
    front: 'node',
    frontTo: null,
    protocol: 'tcp',
    lbLayer: 'none',
    ingress: 'none',
    policies: both,
    knownIn2020: true,
    titleSlide: 24,
    prosCons: {
      Cluster: {
        slide: 32,
        pros: ['No external infrastructure needed'],
        cons: [
          'Can’t use arbitrary ports',
          'Clients have to pick a node (nodes can be added and removed over time)',
          'SNAT loses client IP',
          'Two hops',
        ],
      },
      Local: {
        slide: 40,
        pros: ['No external infrastructure needed', 'Client IP is available'],
        cons: [
          'Can’t use arbitrary ports',
          'Clients have to pick a node with pods',
          'Two hops (but less impactful)',
        ],
      },
    },
    since2020: 'The NodePort range is still 30000–32767 by default.',
  },
  {
    id: '3a',
    title: '3a) VIP-like, 2-hops',
    api: 'Service LoadBalancer',
    example: 'GCP NetworkLB',
    front: 'vip',
    frontTo: 'node',
    protocol: 'tcp',
    lbLayer: 'l4',
    ingress: 'none',
    policies: both,
    knownIn2020: true,
    titleSlide: 45,
    prosCons: {
      Cluster: {
        slide: 55,
        pros: ['Stable VIP', 'Can use any port you want'],
        cons: ['Requires programmable infrastructure', 'SNAT loses client IP', 'Two hops'],
      },
      Local: {
        slide: 60,
        pros: ['Stable VIP', 'Can use any port you want', 'Client IP is available'],
        cons: ['Requires programmable infrastructure', 'Two hops (but less impactful)'],
      },
    },
    since2020:
      'The split is in the API now: status.loadBalancer.ingress[].ipMode is "VIP" (GA in Kubernetes 1.32).',
  },
  {
    id: '3b',
    title: '3b) VIP-like, 1-hop',
    api: 'Service LoadBalancer',
    example: null,
    front: 'vip',
    frontTo: 'pod',
    protocol: 'tcp',
    lbLayer: 'l4',
    ingress: 'none',
    policies: none,
    knownIn2020: false,
    titleSlide: 61,
    prosCons: {},
    since2020:
      'Close to it now: load balancers that target pod IPs directly (e.g. AWS NLB with IP targets), and direct-server-return dataplanes (Cilium DSR) that keep the client IP.',
  },
  {
    id: '3c',
    title: '3c) Proxy-like, 2-hops',
    api: 'Service LoadBalancer',
    example: 'AWS ElasticLB',
    front: 'proxy',
    frontTo: 'node',
    protocol: 'tcp',
    lbLayer: 'l4',
    ingress: 'none',
    policies: both,
    knownIn2020: true,
    titleSlide: 63,
    prosCons: {
      Cluster: {
        slide: 70,
        pros: ['Stable IP', 'Can use any port you want', ...proxyPros],
        cons: [
          'Requires programmable infrastructure',
          'Two hops',
          'Loss of client IP (has to move in-band)',
        ],
      },
      Local: {
        slide: 75,
        pros: ['Stable IP', 'Can use any port you want', ...proxyPros],
        cons: [
          'Requires programmable infrastructure',
          'Two hops',
          'Loss of client IP (has to move in-band)',
        ],
      },
    },
    since2020:
      'ipMode "Proxy" (GA in 1.32) tells kube-proxy to send in-cluster traffic through the proxy too; PROXY protocol carries the client address in-band.',
  },
  {
    id: '3d',
    title: '3d) Proxy-like, 1-hop',
    api: 'Service LoadBalancer',
    example: 'GCP HTTP LB',
    front: 'proxy',
    frontTo: 'pod',
    protocol: 'tcp',
    lbLayer: 'l4',
    ingress: 'none',
    policies: none,
    knownIn2020: true,
    titleSlide: 76,
    prosCons: {
      Cluster: {
        slide: 81,
        pros: ['Stable IP', 'Can use any port you want', ...proxyPros, 'One hop'],
        cons: ['Requires programmable infrastructure', 'Loss of client IP (has to move in-band)'],
      },
    },
    since2020: 'Container-native load balancing (network endpoint groups) made this common.',
  },
  {
    id: '4a',
    title: '4a) External, 2-hops',
    api: 'Ingress',
    example: 'GCP without VPC Native',
    front: 'proxy',
    frontTo: 'node',
    protocol: 'http',
    lbLayer: 'http',
    ingress: 'none',
    policies: both,
    knownIn2020: true,
    titleSlide: 86,
    prosCons: {
      Cluster: {
        slide: 93,
        pros: [...proxyPros, 'Can offer HTTP semantics (e.g. URL maps)'],
        cons: ['Requires programmable infrastructure', 'Two hops'],
      },
    },
    since2020: 'Gateway API (GA 2023) is the successor to Ingress for this.',
  },
  {
    id: '4b',
    title: '4b) External, 1-hop',
    api: 'Ingress',
    example: 'GCP with VPC Native',
    front: 'proxy',
    frontTo: 'pod',
    protocol: 'http',
    lbLayer: 'http',
    ingress: 'none',
    policies: none,
    knownIn2020: true,
    titleSlide: 96,
    prosCons: {
      Cluster: {
        slide: 102,
        pros: [...proxyPros, 'Can offer HTTP semantics (e.g. URL maps)', 'One hop'],
        cons: ['Requires programmable infrastructure'],
      },
    },
    since2020: 'Gateway API (GA 2023) is the successor to Ingress for this.',
  },
  {
    id: '4c.1',
    title: '4c.1) VIP-like',
    api: 'Ingress',
    example: 'nginx',
    front: 'vip',
    frontTo: 'node',
    protocol: 'http',
    lbLayer: 'l4',
    ingress: 'shared',
    policies: both,
    knownIn2020: true,
    titleSlide: 105,
    prosCons: {
      Cluster: {
        slide: 110,
        pros: ['Cost effective (1 VIP)', 'Proxy can add value (e.g. TLS)', 'Flexible'],
        cons: ingressCons,
      },
    },
    since2020: 'Gateway API implementations run the same shape with a shared Gateway.',
  },
  {
    id: '4c.2',
    title: '4c.2) Proxy-like, 2-hops',
    api: 'Ingress',
    example: 'nginx',
    front: 'proxy',
    frontTo: 'node',
    protocol: 'http',
    lbLayer: 'l4',
    ingress: 'shared',
    policies: both,
    knownIn2020: true,
    titleSlide: 111,
    prosCons: {
      Cluster: {
        slide: 116,
        pros: [
          'Cost effective (1 proxy IP)',
          'Proxy can prevent some classes of attacks',
          'Proxies can add value (e.g. TLS)',
          'Flexible',
          'External proxy can be less dynamic (just nodes)',
        ],
        cons: ingressCons,
      },
    },
    since2020:
      'PROXY protocol between the external proxy and the in-cluster proxy keeps the client address.',
  },
  {
    id: '4c.3',
    title: '4c.3) Proxy-like, 1-hop',
    api: 'Ingress',
    example: 'nginx',
    front: 'proxy',
    frontTo: 'pod',
    protocol: 'http',
    lbLayer: 'l4',
    ingress: 'shared',
    policies: none,
    knownIn2020: true,
    titleSlide: 117,
    prosCons: {
      Cluster: {
        slide: 121,
        pros: [
          'Cost effective (1 proxy IP)',
          'Proxy can prevent some classes of attacks',
          'Proxies can add value (e.g. TLS)',
          'Flexible',
        ],
        cons: ingressCons,
      },
    },
    since2020:
      'PROXY protocol between the external proxy and the in-cluster proxy keeps the client address.',
  },
  {
    id: '4d',
    title: '4d) Internal, dedicated',
    api: 'Ingress',
    example: null,
    front: 'vip',
    frontTo: 'node',
    protocol: 'http',
    lbLayer: 'l4',
    ingress: 'dedicated',
    policies: both,
    knownIn2020: false,
    titleSlide: 122,
    prosCons: {},
    since2020:
      'It exists now: Gateway API implementations deploy a dedicated proxy per Gateway (Istio’s automated deployment; Envoy Gateway by default).',
  },
];

const byId = new Map(MODES.map((m) => [m.id, m]));

/** The mode with this id, or undefined for an unknown id. */
export const findMode = (id: string): Mode | undefined => byId.get(id as ModeId);

/** Whether externalTrafficPolicy changes anything in this mode. */
export const policyApplies = (mode: Mode): boolean => mode.policies.length > 0;
