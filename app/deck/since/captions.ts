/**
 * What each step of the section after the talk shows, in a sentence or two,
 * in the order of SINCE_IDS and of each slide's steps: the words under the
 * stage and the presenter's "on screen". They are loaded when the deck comes
 * near the section (deck/since/captions-loader.ts), not with the first slide.
 */
import type { SinceMark } from './words-types';

export const SINCE_CAPTIONS: readonly (readonly string[])[] = [
  ['Eleven slides follow, one topic each, with packets computed on the talk’s own cluster.'],
  [
    'The client sends to the load balancer: Src 1.2.3.4:51234, Dst 203.0.113.10:80, the ' +
      'same in both modes.',
    'To Node1. VIP: nothing is rewritten, Dst is still 203.0.113.10:80 and Node1 knows the ' +
      'Service by that address. Proxy: a new connection from the LB’s own address to ' +
      '10.240.0.1:30093.',
    'Node1 DNATs to Pod-c 10.0.2.1:8080 and, with Cluster, SNATs to 10.240.0.1:61012; under ' +
      'Proxy the client was already gone one hop earlier.',
  ],
  [
    'Pod-b on Node1 sends to the LB IP: Src 10.0.1.2, Dst 203.0.113.10:80, the same in both ' +
      'modes.',
    'VIP: Node1 itself DNATs to Pod-c 10.0.2.1:8080, so the next hop is Node1 to Node2. ' +
      'Proxy: kube-proxy has no rule for the LB IP, and the packet leaves Node1 for the load ' +
      'balancer.',
    'At Pod-c, Src is a node in both modes, because the Service is Cluster. VIP took two hops ' +
      'and never touched the LB; Proxy went out to the LB and came back in through a NodePort.',
  ],
  [
    'Pod-b leaves Node1 for Service A’s cluster IP: Src 10.0.1.2, Dst 10.96.0.10:80.',
    'Node1 has DNATed it to Pod-c 10.0.2.1:8080 and Node2 only routes it: Src is still ' +
      '10.0.1.2, so Pod-c sees Pod-b.',
    'Hairpin: Pod-a reaching itself through Service A is SNATed to Node1’s address; without ' +
      'it, Pod-a’s reply would never leave the pod to be un-NATed.',
  ],
  [
    'Pod-b on Node1 dials 10.96.0.10:80. Cluster: any pod of Service A, here Pod-c on Node2. ' +
      'Local: only Node1’s Pod-a, 10.0.1.1:8080, and the packet never leaves Node1.',
    'Pod-a is gone. With Local, Node1 has no endpoint of Service A and drops the packet; ' +
      'Pod-c on Node2 is not tried.',
    'Pod-b dials Service A’s LB IP or a NodePort while the Service has externalTrafficPolicy: ' +
      'Local: kube-proxy sends pod traffic to every endpoint, so Local does not hold.',
  ],
  [
    'Shares per pod, for a client on Node1 in zone-a. Not set: 50% to Node2’s pod, 50% to ' +
      'Node3’s. PreferSameZone: 100% to Node2’s pod, the only one in zone-a. PreferSameNode: ' +
      'Node1 runs none, so it falls back to the zone, 100% to Node2’s pod.',
    'One request: Src the client pod, Dst 10.96.0.10:80, DNATed to the chosen pod on port ' +
      '8080. The headers are the same under every value; only the pod changes.',
  ],
  [
    'Pod-a, Node1’s only pod of Service A, is terminating, so Node1’s health check node port ' +
      'answers 503 and the load balancer sends new connections to Node2.',
    'A NodePort client still sends to 10.240.0.1:30093. Node1 has no ready endpoint but a ' +
      'serving, terminating one, so it DNATs to Pod-a 10.0.1.1:8080, Src still 1.2.3.4, ' +
      'instead of dropping.',
    'What the load balancer reads: Node1 answers 503 with X-Load-Balancing-Endpoint-Weight: ' +
      '0; Node2 answers 200 with weight 1 and localEndpoints 1 in the body.',
  ],
  [
    'The client sends to a NodePort: Src 1.2.3.4:51234, Dst 10.240.0.1:30093, the same in ' +
      'both.',
    'Node1 to Pod-c at 10.0.2.1:8080. kube-proxy: SNAT, Src 10.240.0.1:61012. DSR: no SNAT, ' +
      'Src stays 1.2.3.4:51234, and the Service address travels along in an IP option or a ' +
      'tunnel header.',
    'The reply. kube-proxy: Pod-c answers Node1, which undoes both NATs and sends from ' +
      '10.240.0.1:30093. DSR: Node2 sends straight to 1.2.3.4:51234 from 10.240.0.1:30093, ' +
      'one hop fewer.',
    'kube-proxy today: nftables mode GA in 1.33, not the default; IPVS deprecated in 1.35. ' +
      'Under Local, IPVS once sent to remote pods without SNAT, and their replies were lost.',
  ],
  [
    'The client sends to the load balancer: Src 1.2.3.4:51234, Dst 203.0.113.10:80.',
    'The NLB sends straight to Pod-c at 10.0.2.1:8080, no node in between. Preservation on: ' +
      'Src stays 1.2.3.4:51234. Off, the default for IP targets over TCP: Src is the NLB’s ' +
      'private address.',
  ],
  [
    'The client connects to the proxy: Src 1.2.3.4:51234, Dst 198.51.100.7:80.',
    'A new connection to Node1: Src 198.51.100.7:41000, Dst 10.240.0.1:30093, and its first ' +
      'bytes are the header. v1: PROXY TCP4 1.2.3.4 198.51.100.7 51234 80\\r\\n (42 bytes). ' +
      'v2: 0D 0A 0D 0A 00 0D 0A 51 55 49 54 0A 21 11 00 0C 01 02 03 04 C6 33 64 07 C8 22 00 ' +
      '50 (28 bytes).',
    'Node1 DNATs to Pod-c 10.0.2.1:8080 and SNATs to 10.240.0.1:61012. kube-proxy never ' +
      'reads the payload, so the header arrives intact and the server in Pod-c must expect it.',
  ],
  [
    'Shares per pod, under Local. Equal per node: Node1’s only pod gets 50%, each of Node2’s ' +
      'six gets 1/12 (8.3%). Weighted by pods: every pod gets 1/7 (14.3%), and Src stays ' +
      '1.2.3.4.',
  ],
  [
    'The client sends to the Gateway’s address: Src 1.2.3.4:51234, Dst 203.0.113.30:80.',
    'The load balancer passes it to Node1 unchanged, Dst still 203.0.113.30:80, as in 3a.',
    'Node1 DNATs to the Gateway’s own proxy pod; with Cluster it also SNATs, with Local the ' +
      'proxy sees 1.2.3.4.',
    'The proxy opens a new connection to Pod-c 10.0.2.1:8080: Src is the gateway pod, and ' +
      'the client lives on only in X-Forwarded-For or a PROXY line.',
  ],
];

/**
 * The markers on the talk's slides that link to each slide of the section, in
 * the order of SINCE_IDS: shown only when the presenter turns them on (M), so
 * they come with this chunk too.
 */
export const SINCE_MARK_WORDS: readonly (readonly SinceMark[])[] = [
  [{ slides: [9], text: 'It says more now: ipMode, traffic policies, Gateway API' }],
  [
    { slides: [45, 46, 48, 49], text: 'ipMode: VIP names this kind of LB in the API (1.32)' },
    { slides: [63, 64, 65], text: 'ipMode: Proxy names this kind of LB in the API (1.32)' },
  ],
  [
    { slides: [46, 47], text: 'In-cluster clients of the VIP never reach the LB' },
    { slides: [64], text: 'ipMode: Proxy sends in-cluster clients through it' },
  ],
  [
    { slides: [7, 8], text: 'Pods reach Services too: the cluster IP path' },
    { slides: [22], text: 'A Service’s cluster IP hides the moving pod IPs' },
  ],
  [{ slides: [33, 34], text: 'internalTrafficPolicy: Local is the same for pods' }],
  [
    { slides: [34], text: 'trafficDistribution: prefer local pods, never drop' },
    { slides: [57], text: 'Cluster plus trafficDistribution: close, never dropped' },
  ],
  [
    { slides: [36, 37], text: 'Terminating pods keep serving under Local (1.28)' },
    { slides: [59, 74], text: 'The LB drains a node whose pod is terminating' },
  ],
  [
    { slides: [28, 31, 32, 35], text: 'DSR keeps the client IP under Cluster' },
    { slides: [51, 54, 55], text: 'DSR: no SNAT, and the reply skips the entry node' },
  ],
  [
    { slides: [61, 62], text: 'AWS NLB with IP targets does this now' },
    { slides: [76, 79, 80], text: 'NLB IP targets and GKE NEGs track the pod IPs' },
  ],
  [
    { slides: [69, 70, 75], text: 'PROXY protocol moves the client IP in-band at L4' },
    { slides: [90, 92], text: 'Below HTTP, PROXY protocol carries the client IP' },
  ],
  [{ slides: [38, 39], text: 'GKE weights nodes by pod count: 1/7 each here' }],
  [
    { slides: [103, 104], text: 'ingress-nginx is retired (March 2026): Gateway API' },
    { slides: [105, 111, 117], text: 'Gateway API runs this shape with a shared Gateway' },
    { slides: [122, 123, 124], text: 'It exists now: a Gateway gets its own proxies' },
  ],
];

/**
 * The points of each diagram slide of the section, line by line, in the order
 * of SINCE_IDS (the opener's are its own words, on its slide): the presenter's
 * view lists them, and Go to searches them.
 */
export const SINCE_LINES: readonly (readonly string[])[] = [
  [],
  [
    'The load balancer says what kind it is',
    'status.loadBalancer.ingress[].ipMode',
    'VIP: packets arrive with Dst = the LB IP',
    'Proxy: Dst = node:NodePort, Src = the LB',
    'The talk’s 3a and 3c, now in the API',
  ],
  [
    'A pod dials the LB IP',
    'VIP: kube-proxy catches it on the pod’s node',
    'and the LB never sees the packet',
    'Proxy: the packet really goes out to the LB',
    'and comes back in, with what the LB adds',
  ],
  [
    'Pod-b dials Service A’s cluster IP',
    '10.96.0.10:80',
    'Node1, the client’s node, DNATs to a pod',
    'No SNAT: Pod-c sees Pod-b',
    'A pod reaching itself is SNATed: hairpin',
  ],
  [
    'Local, for clients inside the cluster',
    'Only endpoints on the client’s own node',
    'None there: dropped, no other node tried',
    'No SNAT: the pod sees the client pod',
    'externalTrafficPolicy never applies to pods',
  ],
  [
    'Prefer a close pod, fall back to any',
    'PreferSameZone: a pod in the client’s zone',
    'PreferSameNode: one on the client’s node',
    'None there: the next best, never a drop',
    'Same headers; only the chosen pod changes',
  ],
  [
    'Pod-a is shutting down, still serving',
    'Node1’s health check says 503: drained',
    'A packet that still lands on Node1',
    'goes to Pod-a, not into a black hole',
    'The health check reports the pod count',
  ],
  [
    'Cluster, without losing the client IP',
    'Node1 forwards without SNAT',
    'Pod-c sees Src = 1.2.3.4',
    'The reply leaves Node2 straight for the client',
    'with Src = node1:30093, as the client expects',
  ],
  [
    'The LB targets pod IPs, not nodes',
    'No node hop, no kube-proxy',
    'AWS NLB, IP targets: 3b, client IP kept',
    'or like 3d, from the NLB’s own address',
    'GKE container-native LB (NEGs): 3d, 4b',
  ],
  [
    'The proxy writes the client into the stream',
    'v1: one text line ahead of the payload',
    'PROXY TCP4 1.2.3.4 198.51.100.7 51234 80\\r\\n',
    'v2: 28 binary bytes for TCP over IPv4',
    'The IP header still says Src = the proxy',
  ],
  [
    'Slide 39: 1 pod on Node1, 6 on Node2',
    'Equal per node: 50%, and 8.3% for each of six',
    'Weighted by pods: 1/7 each',
    'kube-proxy’s health check reports the count',
    'GKE weights nodes by it, with Local',
  ],
  [
    'GatewayClass, Gateway, HTTPRoute',
    'GA in Gateway API v1.0, October 2023',
    'A Gateway gets its own proxy pods',
    'The talk’s 4d, by default in Istio, Envoy Gateway',
    'ingress-nginx, 4c’s example: retired in 2026',
  ],
];
