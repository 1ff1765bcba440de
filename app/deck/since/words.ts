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
    lines: [
      'The load balancer says what kind it is',
      'status.loadBalancer.ingress[].ipMode',
      'VIP: packets arrive with Dst = the LB IP',
      'Proxy: Dst = node:NodePort, Src = the LB',
      'The talk’s 3a and 3c, now in the API',
    ],
    badge: { label: 'Kubernetes 1.32 · KEP-1860', year: 2024 },
    switchWords: ['ipMode: VIP', 'ipMode: Proxy'],
  },
  {
    id: 'ipmode-inside',
    title: 'ipMode from inside the cluster',
    lines: [
      'A pod dials the LB IP',
      'VIP: kube-proxy catches it on the pod’s node',
      'and the LB never sees the packet',
      'Proxy: the packet really goes out to the LB',
      'and comes back in, with what the LB adds',
    ],
    badge: { label: 'Kubernetes 1.32 · KEP-1860', year: 2024 },
    switchWords: ['ipMode: VIP', 'ipMode: Proxy'],
  },
  {
    id: 'cluster-ip',
    title: 'Clients inside: the cluster IP',
    lines: [
      'Pod-b dials Service A’s cluster IP',
      '10.96.0.10:80',
      'Node1, the client’s node, DNATs to a pod',
      'No SNAT: Pod-c sees Pod-b',
      'A pod reaching itself is SNATed: hairpin',
    ],
    badge: { label: 'kube-proxy · same NAT in nftables (GA 1.33)', year: 2025 },
  },
  {
    id: 'internal-policy',
    title: 'internalTrafficPolicy',
    lines: [
      'Local, for clients inside the cluster',
      'Only endpoints on the client’s own node',
      'None there: dropped, no other node tried',
      'No SNAT: the pod sees the client pod',
      'externalTrafficPolicy never applies to pods',
    ],
    badge: { label: 'Kubernetes 1.26 · KEP-2086', year: 2022 },
    switchWords: ['internalTrafficPolicy: Cluster', 'internalTrafficPolicy: Local'],
  },
  {
    id: 'traffic-distribution',
    title: 'trafficDistribution',
    lines: [
      'Prefer a close pod, fall back to any',
      'PreferSameZone: a pod in the client’s zone',
      'PreferSameNode: one on the client’s node',
      'None there: the next best, never a drop',
      'Same headers; only the chosen pod changes',
    ],
    badge: { label: 'Kubernetes 1.35 · KEP-4444 · KEP-3015', year: 2025 },
    switchWords: ['trafficDistribution: not set', 'PreferSameZone', 'PreferSameNode'],
  },
  {
    id: 'terminating',
    title: 'Terminating pods under Local',
    lines: [
      'Pod-a is shutting down, still serving',
      'Node1’s health check says 503: drained',
      'A packet that still lands on Node1',
      'goes to Pod-a, not into a black hole',
      'The health check reports the pod count',
    ],
    badge: { label: 'Kubernetes 1.28 · KEP-1669', year: 2023 },
  },
  {
    id: 'dsr',
    title: 'Direct server return',
    lines: [
      'Cluster, without losing the client IP',
      'Node1 forwards without SNAT',
      'Pod-c sees Src = 1.2.3.4',
      'The reply leaves Node2 straight for the client',
      'with Src = node1:30093, as the client expects',
    ],
    badge: { label: 'Cilium · kube-router · kube-proxy 1.35', year: 2025 },
    switchWords: ['kube-proxy', 'DSR'],
  },
  {
    id: 'lb-to-pods',
    title: 'Load balancers that send to pods',
    lines: [
      'The LB targets pod IPs, not nodes',
      'No node hop, no kube-proxy',
      'AWS NLB, IP targets: 3b, client IP kept',
      'or like 3d, from the NLB’s own address',
      'GKE container-native LB (NEGs): 3d, 4b',
    ],
    badge: { label: 'AWS LB Controller v2.2 · GKE NEGs', year: 2021 },
    switchWords: ['Client IP preservation: on', 'Client IP preservation: off'],
  },
  {
    id: 'proxy-protocol',
    title: 'PROXY protocol',
    lines: [
      'The proxy writes the client into the stream',
      'v1: one text line ahead of the payload',
      'PROXY TCP4 1.2.3.4 198.51.100.7 51234 80\\r\\n',
      'v2: 28 binary bytes for TCP over IPv4',
      'The IP header still says Src = the proxy',
    ],
    badge: { label: 'PROXY protocol v2 · ipMode: Proxy (1.32)', year: 2024 },
    switchWords: ['PROXY v1', 'PROXY v2'],
  },
  {
    id: 'weighted',
    title: 'Nodes weighted by their pods',
    lines: [
      'Slide 39: 1 pod on Node1, 6 on Node2',
      'Equal per node: 50%, and 8.3% for each of six',
      'Weighted by pods: 1/7 each',
      'kube-proxy’s health check reports the count',
      'GKE weights nodes by it, with Local',
    ],
    badge: { label: 'GKE 1.31 · weighted load balancing', year: 2024 },
    switchWords: ['Equal per node', 'Weighted by pods'],
  },
  {
    id: 'gateway',
    title: 'Gateway API: 4d, now usual',
    lines: [
      'GatewayClass, Gateway, HTTPRoute',
      'GA in Gateway API v1.0, October 2023',
      'A Gateway gets its own proxy pods',
      'The talk’s 4d, by default in Istio, Envoy Gateway',
      'ingress-nginx, 4c’s example: retired in 2026',
    ],
    badge: { label: 'Gateway API v1.0', year: 2023 },
  },
];
