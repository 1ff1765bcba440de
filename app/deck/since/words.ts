import type { SinceWords } from './words-types';

/**
 * The words of the "since 2020" section, one entry per id of SINCE_IDS, in order. None of
 * them are the talk's: every slide here is added to it. Versions and dates were checked
 * against the sources each entry names (feature-gate pages, KEPs, project docs); the
 * packets themselves come from the model, so captions only quote what it computes for
 * the talk's cluster (client 1.2.3.4:51234, Node1 10.240.0.1, Pod-c 10.0.2.1:8080, …).
 */
export const SINCE_WORDS: readonly SinceWords[] = [
  {
    id: 'since',
    title: 'Since 2020',
    lines: [
      'Since 2020',
      'What changed on the way into a cluster',
      'The kind of load balancer is in the API',
      'Clients inside: cluster IP, policies, zones',
      'Terminating pods keep serving under Local',
      'Replies that skip the entry node: DSR',
      'Load balancers that send straight to pods',
      'PROXY protocol: the client IP, in-band',
      'Nodes weighted by their pods',
      'Gateway API: the talk’s 4d, now usual',
    ],
    badge: { label: 'Kubernetes 1.21 → 1.35', year: 2026 },
  },
  {
    id: 'ipmode',
    title: 'LoadBalancer ipMode: VIP or Proxy',
    lines: [],
    badge: { label: 'Kubernetes 1.32 · KEP-1860', year: 2024 },
  },
  {
    id: 'ipmode-inside',
    title: 'ipMode from inside the cluster',
    lines: [],
    badge: { label: 'Kubernetes 1.32 · KEP-1860', year: 2024 },
  },
  {
    id: 'cluster-ip',
    title: 'Clients inside: the cluster IP',
    lines: [],
    badge: { label: 'kube-proxy · same NAT in nftables (GA 1.33)', year: 2025 },
  },
  {
    id: 'internal-policy',
    title: 'internalTrafficPolicy',
    lines: [],
    badge: { label: 'Kubernetes 1.26 · KEP-2086', year: 2022 },
  },
  {
    id: 'traffic-distribution',
    title: 'trafficDistribution',
    lines: [],
    badge: { label: 'Kubernetes 1.35 · KEP-4444 · KEP-3015', year: 2025 },
  },
  {
    id: 'terminating',
    title: 'Terminating pods under Local',
    lines: [],
    badge: { label: 'Kubernetes 1.28 · KEP-1669', year: 2023 },
  },
  {
    id: 'dsr',
    title: 'Direct server return',
    lines: [],
    badge: { label: 'Cilium · kube-router · kube-proxy 1.35', year: 2025 },
  },
  {
    id: 'lb-to-pods',
    title: 'Load balancers that send to pods',
    lines: [],
    badge: { label: 'AWS LB Controller v2.2 · GKE NEGs', year: 2021 },
  },
  {
    id: 'proxy-protocol',
    title: 'PROXY protocol',
    lines: [],
    badge: { label: 'PROXY protocol v2 · ipMode: Proxy (1.32)', year: 2024 },
  },
  {
    id: 'weighted',
    title: 'Nodes weighted by their pods',
    lines: [],
    badge: { label: 'GKE 1.31 · weighted load balancing', year: 2024 },
  },
  {
    id: 'gateway',
    title: 'Gateway API: 4d, now usual',
    lines: [],
    badge: { label: 'Gateway API v1.0', year: 2023 },
  },
];
