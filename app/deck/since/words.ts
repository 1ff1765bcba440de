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
    badge: { label: '2020 → 2026', year: 2026 },
    captions: [
      'Eleven slides follow, one topic each, with packets computed on the talk’s own cluster.',
    ],
    notes:
      'Everything from here on is added to the deck; none of it is from Tim Hockin’s 2020 ' +
      'talk. Each slide takes one thing that changed on the way into a cluster since then, ' +
      'or that the talk left aside, and shows it with the same cluster, the same addresses and packets computed the same ' +
      'way. The badge on each slide names the Kubernetes version and KEP, or the project, and ' +
      'the year.\n\n' +
      'Two keys make it usable during the talk. On the talk’s own slides, M turns on the ' +
      'markers: a marker says which slide of this section picks up what that slide is about, ' +
      'so you can jump ahead and come back. On each slide here, V flips the live switch, for ' +
      'example ipMode VIP against Proxy, and the packets are computed again.\n\n' +
      'Versions are Kubernetes minor versions unless a project is named. Each slide’s notes ' +
      'name their sources: the Kubernetes docs and feature-gate pages, the KEPs, the project ' +
      'docs, and HAProxy’s PROXY protocol spec.',
    sources: [
      'Kubernetes docs: feature-gate pages',
      'Kubernetes Enhancement Proposals (KEPs)',
      'Each slide’s own sources',
    ],
    marks: [{ slides: [9], text: 'It says more now: ipMode, traffic policies, Gateway API' }],
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
    captions: [
      'The client sends to the load balancer: Src 1.2.3.4:51234, Dst 203.0.113.10:80, the ' +
        'same in both modes.',
      'To Node1. VIP: nothing is rewritten, Dst is still 203.0.113.10:80 and Node1 knows the ' +
        'Service by that address. Proxy: a new connection from the LB’s own address to ' +
        '10.240.0.1:30093.',
      'Node1 DNATs to Pod-c 10.0.2.1:8080 and, with Cluster, SNATs to 10.240.0.1:61012; under ' +
        'Proxy the client was already gone one hop earlier.',
    ],
    notes:
      'In 2020 the talk sorted load balancers by how they deliver packets, VIP-like (3a) or ' +
      'proxy-like (3c), and Kubernetes had no way to know which one it had. KEP-1860 adds a ' +
      'field for it, status.loadBalancer.ingress[].ipMode, which the cloud provider sets to ' +
      'VIP or Proxy. It was alpha in 1.29, beta in 1.30 and GA in 1.32.\n\n' +
      'VIP, the default, means packets reach the node still addressed to the LB IP, as in 3a, ' +
      'so kube-proxy programs that IP on every node. Proxy means the LB delivers to a node’s ' +
      'IP and node port, or to a pod’s IP and port, from its own address, as in 3c. Flip the ' +
      'switch and watch hop 2: Dst stays 203.0.113.10:80 under VIP, and becomes node1:30093 ' +
      'with the LB as Src under Proxy.\n\n' +
      'Providers set Proxy when they turn on PROXY protocol; the Hetzner and OpenStack cloud ' +
      'controllers do. Before the field existed, they published a hostname instead of the IP ' +
      'so that kube-proxy would not catch the traffic. The next slide shows why that matters.',
    sources: [
      'Kubernetes docs: Services, load balancer IP mode',
      'Kubernetes docs: LoadBalancerIPMode feature gate',
      'KEP-1860: Make Kubernetes aware of the LoadBalancer behaviour',
      'Hetzner cloud controller manager v1.21.0 release notes',
      'OpenStack cloud controller manager: ipMode pull request 2587',
    ],
    marks: [
      { slides: [45, 46, 48, 49], text: 'ipMode: VIP names this kind of LB in the API (1.32)' },
      { slides: [63, 64, 65], text: 'ipMode: Proxy names this kind of LB in the API (1.32)' },
    ],
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
    captions: [
      'Pod-b on Node1 sends to the LB IP: Src 10.0.1.2, Dst 203.0.113.10:80, the same in both ' +
        'modes.',
      'VIP: Node1 itself DNATs to Pod-c 10.0.2.1:8080, so the next hop is Node1 to Node2. ' +
        'Proxy: kube-proxy has no rule for the LB IP, and the packet leaves Node1 for the load ' +
        'balancer.',
      'At Pod-c, Src is a node in both modes, because the Service is Cluster. VIP took two hops ' +
        'and never touched the LB; Proxy went out to the LB and came back in through a NodePort.',
    ],
    notes:
      'The other half of KEP-1860 is about clients inside the cluster. In the talk’s 3a the ' +
      'node knows the Service by its destination IP; kube-proxy writes that rule on every ' +
      'node, and it matches packets from local pods too. So with ipMode VIP, a pod that dials ' +
      'the LB IP is DNATed on its own node and never reaches the load balancer.\n\n' +
      'That shortcut is wrong for a proxy-like LB. If the LB terminates TLS or adds a PROXY ' +
      'protocol header, a short-circuited client reaches the pod without them, and the server ' +
      'sees bytes it does not expect. With ipMode Proxy, kube-proxy leaves the LB IP alone: ' +
      'the packet goes out to the LB and comes back in through a NodePort, as in 3c.\n\n' +
      'The Service here uses externalTrafficPolicy Cluster, so Pod-c sees a node as Src either ' +
      'way. Flip the switch and count the hops: the VIP path is shorter, the Proxy path goes ' +
      'through whatever the LB adds. GA in 1.32.',
    sources: [
      'KEP-1860: Make Kubernetes aware of the LoadBalancer behaviour',
      'Kubernetes docs: Services, load balancer IP mode',
      'Kubernetes docs: Virtual IPs and Service Proxies',
    ],
    marks: [
      { slides: [46, 47], text: 'In-cluster clients of the VIP never reach the LB' },
      { slides: [64], text: 'ipMode: Proxy sends in-cluster clients through it' },
    ],
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
    captions: [
      'Pod-b leaves Node1 for Service A’s cluster IP: Src 10.0.1.2, Dst 10.96.0.10:80.',
      'Node1 has DNATed it to Pod-c 10.0.2.1:8080 and Node2 only routes it: Src is still ' +
        '10.0.1.2, so Pod-c sees Pod-b.',
      'Hairpin: Pod-a reaching itself through Service A is SNATed to Node1’s address; without ' +
        'it, Pod-a’s reply would never leave the pod to be un-NATed.',
    ],
    notes:
      'The talk is about clients outside the cluster. Clients inside usually dial the ' +
      'Service’s cluster IP, and the next slides change this path, so here it is plain. ' +
      'Pod-b sends to 10.96.0.10:80; kube-proxy on Node1, the client’s own node, picks a pod ' +
      'and DNATs to it; Node2 only routes. No SNAT is needed: the reply comes back to Pod-b ' +
      'through Node1 anyway, where conntrack undoes the DNAT.\n\n' +
      'One exception: a pod that reaches itself through its own Service. Its reply would go ' +
      'straight back inside the pod, never un-NATed, so kube-proxy masquerades that case, the ' +
      'hairpin, and Pod-a sees a Node1 address instead of itself. Which Node1 address depends ' +
      'on the network plugin; this model uses 10.240.0.1.\n\n' +
      'None of this changed since 2020. The nftables mode of kube-proxy (KEP-3866: alpha 1.29, ' +
      'beta 1.31, GA 1.33) does the same NAT as iptables and updates its rules much faster; it ' +
      'is not the default.',
    sources: [
      'Kubernetes docs: Virtual IPs and Service Proxies',
      'KEP-3866: Add an nftables-based kube-proxy backend',
      'Kubernetes blog: NFTables mode for kube-proxy (2025-02-28)',
    ],
    marks: [
      { slides: [7, 8], text: 'Pods reach Services too: the cluster IP path' },
      { slides: [22], text: 'A Service’s cluster IP hides the moving pod IPs' },
    ],
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
    captions: [
      'Pod-b on Node1 dials 10.96.0.10:80. Cluster: any pod of Service A, here Pod-c on Node2. ' +
        'Local: only Node1’s Pod-a, 10.0.1.1:8080, and the packet never leaves Node1.',
      'Pod-a is gone. With Local, Node1 has no endpoint of Service A and drops the packet; ' +
        'Pod-c on Node2 is not tried.',
      'Pod-b dials Service A’s LB IP or a NodePort while the Service has externalTrafficPolicy: ' +
        'Local: kube-proxy sends pod traffic to every endpoint, so Local does not hold.',
    ],
    notes:
      'internalTrafficPolicy is the in-cluster twin of externalTrafficPolicy: alpha in 1.21, ' +
      'beta in 1.22, GA in 1.26 (KEP-2086). With Local, a pod’s traffic to the cluster IP goes ' +
      'only to endpoints on the pod’s own node: no hop to another node and, as always for ' +
      'in-cluster traffic, no SNAT.\n\n' +
      'The cost is slide 37’s: if the client’s node has no ready endpoint, the packet is ' +
      'dropped there, and kube-proxy does not fall back to another node. That fallback is ' +
      'what trafficDistribution, on the next slide, is for. Local suits Services that run on ' +
      'every node, a DaemonSet such as a node-local DNS cache.\n\n' +
      'The third step was already true in 2020, in iptables mode, and is easy to forget: externalTrafficPolicy ' +
      'governs traffic from outside only. A pod that dials the LB IP or a NodePort is sent to ' +
      'the Service’s endpoints cluster-wide, so Local neither limits nor drops it.',
    sources: [
      'Kubernetes docs: Service Internal Traffic Policy',
      'Kubernetes docs: ServiceInternalTrafficPolicy feature gate',
      'KEP-2086: Service internal traffic policy',
      'Kubernetes docs: Virtual IPs and Service Proxies',
    ],
    marks: [{ slides: [33, 34], text: 'internalTrafficPolicy: Local is the same for pods' }],
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
    captions: [
      'Shares per pod, for a client on Node1 in zone-a. Not set: 50% to Node2’s pod, 50% to ' +
        'Node3’s. PreferSameZone: 100% to Node2’s pod, the only one in zone-a. PreferSameNode: ' +
        'Node1 runs none, so it falls back to the zone, 100% to Node2’s pod.',
      'One request: Src the client pod, Dst 10.96.0.10:80, DNATed to the chosen pod on port ' +
        '8080. The headers are the same under every value; only the pod changes.',
    ],
    notes:
      'trafficDistribution is a preference on the Service, not a policy: it never drops. ' +
      'KEP-4444 added it with PreferClose, alpha in 1.30, beta in 1.31, GA in 1.33. KEP-3015 ' +
      'renamed that value PreferSameZone, keeping PreferClose as another name for it, and ' +
      'added PreferSameNode; both are alpha in 1.33, beta in 1.34, GA in 1.35.\n\n' +
      'The EndpointSlice controller writes hints on each ready endpoint: forZones with the ' +
      'pod’s zone and, for PreferSameNode, forNodes with its node too. kube-proxy on the ' +
      'client’s node uses the node hints if an endpoint is meant for its node, else the zone ' +
      'hints if one is meant for its zone, else every endpoint.\n\n' +
      'Here the client is on Node1, which runs no pod of the Service, so PreferSameNode falls ' +
      'back to the zone and lands on Node2’s pod, like PreferSameZone. Put a pod on Node1 and ' +
      'the two differ. The packet is the same in all three; only the shares move.',
    sources: [
      'Kubernetes docs: Virtual IPs and Service Proxies, traffic distribution',
      'Kubernetes docs: ServiceTrafficDistribution feature gate',
      'Kubernetes docs: PreferSameTrafficDistribution feature gate',
      'KEP-4444: Traffic Distribution for Services',
      'KEP-3015: PreferSameZone and PreferSameNode Traffic Distribution',
      'Kubernetes source: pkg/proxy/topology.go, endpointslice/trafficdist',
    ],
    marks: [
      { slides: [34], text: 'trafficDistribution: prefer local pods, never drop' },
      { slides: [57], text: 'Cluster plus trafficDistribution: close, never dropped' },
    ],
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
    captions: [
      'Pod-a, Node1’s only pod of Service A, is terminating, so Node1’s health check node port ' +
        'answers 503 and the load balancer sends new connections to Node2.',
      'A NodePort client still sends to 10.240.0.1:30093. Node1 has no ready endpoint but a ' +
        'serving, terminating one, so it DNATs to Pod-a 10.0.1.1:8080, Src still 1.2.3.4, ' +
        'instead of dropping.',
      'What the load balancer reads: Node1 answers 503 with X-Load-Balancing-Endpoint-Weight: ' +
        '0; Node2 answers 200 with weight 1 and localEndpoints 1 in the body.',
    ],
    notes:
      'A deleted pod keeps running for its grace period, and its EndpointSlice entry stays, ' +
      'marked ready false, serving true, terminating true. Before KEP-1669 kube-proxy used ' +
      'ready endpoints only, so under externalTrafficPolicy Local a node whose only pod was ' +
      'shutting down dropped whatever still arrived: slide 37’s failure, for a few seconds on ' +
      'every rollout. ProxyTerminatingEndpoints was alpha in 1.22, beta in 1.26, GA in 1.28.\n\n' +
      'Now kube-proxy uses ready endpoints first and, only when a node has none, its serving ' +
      'terminating ones. The health check node port still counts ready pods only, so Node1 ' +
      'answers 503 and the load balancer drains it, while packets already on their way, or ' +
      'from clients that pick nodes themselves, reach Pod-a instead of being dropped.\n\n' +
      'Since 1.28 the health check also gives the count in a header, ' +
      'X-Load-Balancing-Endpoint-Weight, next to localEndpoints in the JSON body. Separately, ' +
      'KEP-3836 (GA in 1.31) fails kube-proxy’s own /healthz on a node being deleted, so load ' +
      'balancers in front of Cluster Services drain it too.',
    sources: [
      'KEP-1669: Proxy Terminating Endpoints',
      'Kubernetes docs: ProxyTerminatingEndpoints feature gate',
      'Kubernetes docs: EndpointSlices, conditions',
      'KEP-3836: Kube-proxy improved ingress connectivity reliability',
      'Kubernetes docs: KubeProxyDrainingTerminatingNodes feature gate',
      'kubernetes/kubernetes pull request 118999 (the weight header)',
    ],
    marks: [
      { slides: [36, 37], text: 'Terminating pods keep serving under Local (1.28)' },
      { slides: [59, 74], text: 'The LB drains a node whose pod is terminating' },
    ],
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
    captions: [
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
    notes:
      'Slide 31: with Cluster, the reply must come back through Node1, so Node1 SNATs and the ' +
      'pod loses the client. Direct server return breaks that rule. The entry node rewrites ' +
      'only the destination and tells the pod’s node which Service address the client used; ' +
      'that node answers the client itself, from that address. The client gets a reply from ' +
      '10.240.0.1:30093, exactly what it sent to.\n\n' +
      'Cilium does it without kube-proxy, with loadBalancer.mode=dsr. loadBalancer.dsrDispatch ' +
      'picks how the Service address travels: an IP option (opt) or Geneve encapsulation ' +
      '(geneve); mode=hybrid uses DSR for TCP and SNAT for UDP. kube-router does DSR per ' +
      'Service with IPVS and an IPIP tunnel into the pod, for LoadBalancer and external IPs ' +
      'only, not NodePorts. Both need a network that lets the reply leave from another node, ' +
      'with no stateful firewall in between.\n\n' +
      'kube-proxy itself: the nftables mode (KEP-3866) was alpha in 1.29, beta in 1.31, GA in ' +
      '1.33, same NAT as iptables, not the default. IPVS mode was deprecated in 1.35 ' +
      '(KEP-5495); the KEP puts it behind a feature gate in 1.37 and plans to turn that off ' +
      'in 1.40.\n\n' +
      'A talk-era footnote: under Local with no local pod, IPVS forwarded to remote pods ' +
      'without SNAT, so the reply left the pod’s node with the pod’s address and the client ' +
      'discarded it, a black hole instead of a clean drop.',
    sources: [
      'Cilium docs: Kubernetes Without kube-proxy, Direct Server Return',
      'kube-router docs: Direct Server Return; Tunnels',
      'KEP-3866: Add an nftables-based kube-proxy backend',
      'KEP-5495: Deprecate ipvs mode in kube-proxy (and its tracking issue)',
      'Kubernetes blog: NFTables mode for kube-proxy (2025-02-28)',
      'kubernetes/kubernetes issue 71596 and pull request 97081 (IPVS and Local)',
    ],
    marks: [
      { slides: [28, 31, 32, 35], text: 'DSR keeps the client IP under Cluster' },
      { slides: [51, 54, 55], text: 'DSR: no SNAT, and the reply skips the entry node' },
    ],
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
    captions: [
      'The client sends to the load balancer: Src 1.2.3.4:51234, Dst 203.0.113.10:80.',
      'The NLB sends straight to Pod-c at 10.0.2.1:8080, no node in between. Preservation on: ' +
        'Src stays 1.2.3.4:51234. Off, the default for IP targets over TCP: Src is the NLB’s ' +
        'private address.',
    ],
    notes:
      'In 2020 the talk knew no VIP-like load balancer that sends straight to pods, its 3b. ' +
      'On AWS it is now routine: the AWS Load Balancer Controller gives a Service an NLB with ' +
      'IP targets (annotation service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ' +
      'ip, controller v2.2 and later; v2.0 in late 2020 had an earlier nlb-ip form). The NLB ' +
      'registers pod IPs, which are VPC addresses with the VPC CNI: no node port, no ' +
      'kube-proxy, no second hop.\n\n' +
      'Whether the pod sees the client is a target group attribute, ' +
      'preserve_client_ip.enabled. It is on by default for instance targets and for UDP, and ' +
      'off for IP targets over TCP and TLS, where Src is the NLB’s private address: the shape ' +
      'of 3d. Turn it on, or have the NLB send PROXY protocol v2.\n\n' +
      'On GKE, container-native load balancing with network endpoint groups sends from ' +
      'Google’s front ends straight to pod IPs, the client in X-Forwarded-For. That one is ' +
      'not new: it is the talk’s own 4b, “GCP with VPC Native”.',
    sources: [
      'AWS Load Balancer Controller docs: Network Load Balancer, IP mode',
      'AWS Load Balancer Controller v2.0.0 release notes',
      'Elastic Load Balancing docs: NLB target group attributes, client IP preservation',
      'GKE docs: container-native load balancing',
    ],
    marks: [
      { slides: [61, 62], text: 'AWS NLB with IP targets does this now' },
      { slides: [76, 79, 80], text: 'NLB IP targets and GKE NEGs track the pod IPs' },
    ],
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
    captions: [
      'The client connects to the proxy: Src 1.2.3.4:51234, Dst 198.51.100.7:80.',
      'A new connection to Node1: Src 198.51.100.7:41000, Dst 10.240.0.1:30093, and its first ' +
        'bytes are the header. v1: PROXY TCP4 1.2.3.4 198.51.100.7 51234 80\\r\\n (42 bytes). ' +
        'v2: 0D 0A 0D 0A 00 0D 0A 51 55 49 54 0A 21 11 00 0C 01 02 03 04 C6 33 64 07 C8 22 00 ' +
        '50 (28 bytes).',
      'Node1 DNATs to Pod-c 10.0.2.1:8080 and SNATs to 10.240.0.1:61012. kube-proxy never ' +
        'reads the payload, so the header arrives intact and the server in Pod-c must expect it.',
    ],
    notes:
      'PROXY protocol is older than the talk, a spec from HAProxy, and it is one way to do what ' +
      'slide 70 asks, move the client IP in-band, for proxies that work at layer 4. The proxy opens its ' +
      'own connection, so the IP header says Src = the proxy, and the first bytes on that ' +
      'connection describe the client’s.\n\n' +
      'Version 1 is one line of text, at most 107 bytes: PROXY, TCP4, the source and ' +
      'destination addresses, the two ports, CRLF. Version 2 is binary: a 12-byte signature ' +
      'that cannot be mistaken for HTTP or TLS, 0x21 for version 2 and the PROXY command, 0x11 ' +
      'for TCP over IPv4, a 2-byte length of 12, then the addresses and ports, optionally ' +
      'followed by TLVs. Here that is 42 bytes in v1 and 28 in v2.\n\n' +
      'Both ends must agree: a server that expects the header refuses connections without it, ' +
      'and one that does not reads it as garbage. So it goes with ipMode Proxy (GA in 1.32): ' +
      'under VIP, kube-proxy would catch in-cluster clients, who then arrive without a header.',
    sources: [
      'HAProxy: proxy-protocol.txt, The PROXY protocol versions 1 and 2',
      'Kubernetes docs: Protocols for Services, PROXY protocol',
      'KEP-1860: Make Kubernetes aware of the LoadBalancer behaviour',
    ],
    marks: [
      { slides: [69, 70, 75], text: 'PROXY protocol moves the client IP in-band at L4' },
      { slides: [90, 92], text: 'Below HTTP, PROXY protocol carries the client IP' },
    ],
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
    captions: [
      'Shares per pod, under Local. Equal per node: Node1’s only pod gets 50%, each of Node2’s ' +
        'six gets 1/12 (8.3%). Weighted by pods: every pod gets 1/7 (14.3%), and Src stays ' +
        '1.2.3.4.',
    ],
    notes:
      'Slide 39’s imbalance comes from a load balancer that knows nodes, not pods: under ' +
      'Local it splits by node, so one pod takes as much as six. The fix needs the LB to know ' +
      'how many pods each node has. Since 1.28, kube-proxy’s health check node port says so in ' +
      'a header, X-Load-Balancing-Endpoint-Weight, next to localEndpoints in the JSON body; ' +
      'Cilium and Antrea answer with the same header.\n\n' +
      'GKE’s passthrough Network Load Balancer can weight by it (Compute Engine’s ' +
      'WEIGHTED_MAGLEV policy is the one that reads that header): annotate ' +
      'the Service networking.gke.io/weighted-load-balancing: pods-per-node, with ' +
      'externalTrafficPolicy Local, on a backend service-based load balancer and GKE ' +
      '1.31.0-gke.1506000 or later. Each node is weighted by its count, and every pod gets an ' +
      'equal share.\n\n' +
      'The packet does not change: Local, no SNAT, the pod sees 1.2.3.4. Only the shares move, ' +
      'from 50% and 8.3% to 14.3% each.',
    sources: [
      'GKE docs: Create a backend service-based external load balancer, weighted load balancing',
      'GKE ingress-gce source: pkg/annotations/service.go (the pods-per-node value)',
      'kubernetes/kubernetes pull request 118999 (the weight header)',
      'Compute Engine docs: backend service locality policy WEIGHTED_MAGLEV',
    ],
    marks: [{ slides: [38, 39], text: 'GKE weights nodes by pod count: 1/7 each here' }],
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
    captions: [
      'The client sends to the Gateway’s address: Src 1.2.3.4:51234, Dst 203.0.113.10:80.',
      'The load balancer passes it to Node1 unchanged, Dst still 203.0.113.10:80, as in 3a.',
      'Node1 DNATs to the Gateway’s own proxy pod; with Cluster it also SNATs, with Local the ' +
        'proxy sees 1.2.3.4.',
      'The proxy opens a new connection to Pod-c 10.0.2.1:8080: Src is the gateway pod, and ' +
        'the client lives on only in X-Forwarded-For or a PROXY line.',
    ],
    notes:
      'Gateway API is the successor to Ingress: a GatewayClass names an implementation, a ' +
      'Gateway asks for a front door, HTTPRoutes attach to it. Gateway, GatewayClass and ' +
      'HTTPRoute went GA with v1.0 on 31 October 2023. Releases since have moved more into the ' +
      'Standard channel; v1.6, out on 30 June 2026, moved TCPRoute and UDPRoute there.\n\n' +
      'The talk’s 4d, an in-cluster proxy fleet per Ingress, had no known example in 2020. ' +
      'With Gateway API it is the usual shape, because a Gateway both configures and deploys ' +
      'its proxies: Istio creates a Deployment and a Service per Gateway, and Envoy Gateway ' +
      'gives each Gateway its own Envoy fleet unless mergeGateways is set. On the wire it is ' +
      '4c: a LoadBalancer Service in front of the proxy pods, then a new connection to the ' +
      'backend.\n\n' +
      'ingress-nginx, the example on slide 103, is retired. SIG Network and the Security ' +
      'Response Committee announced it on 11 November 2025: best-effort maintenance until ' +
      'March 2026, then no releases, fixes or security patches, while existing installs keep ' +
      'working. The announcement names the month, not a day. Its advice: move to Gateway API ' +
      'or another Ingress controller.',
    sources: [
      'Kubernetes blog: Gateway API v1.0: GA Release (2023-10-31)',
      'Gateway API v1.0.0 release notes',
      'Kubernetes blog: Gateway API v1.6: TCPRoute and UDPRoute Graduate to Standard (2026-08-03)',
      'Istio docs: Kubernetes Gateway API',
      'Envoy Gateway docs: Deployment Mode',
      'Kubernetes blog: Ingress NGINX Retirement: What You Need to Know (2025-11-11)',
    ],
    marks: [
      { slides: [103, 104], text: 'ingress-nginx is retired (March 2026): Gateway API' },
      { slides: [105, 111, 117], text: 'Gateway API runs this shape with a shared Gateway' },
      { slides: [122, 123, 124], text: 'It exists now: a Gateway gets its own proxies' },
    ],
  },
];
