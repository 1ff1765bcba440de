import type { ExternalTrafficPolicy } from './topology';

export type ModeId =
  '1' | '2' | '3a' | '3b' | '3c' | '3d' | '4a' | '4b' | '4c.1' | '4c.2' | '4c.3' | '4d';

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
}

const both: readonly ExternalTrafficPolicy[] = ['Cluster', 'Local'];
const none: readonly ExternalTrafficPolicy[] = [];

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
  },
];

const byId = new Map(MODES.map((m) => [m.id, m]));

/** The mode with this id, or undefined for an unknown id. */
export const findMode = (id: string): Mode | undefined => byId.get(id as ModeId);

/** Whether externalTrafficPolicy changes anything in this mode. */
export const policyApplies = (mode: Mode): boolean => mode.policies.length > 0;
