/**
 * Speaker notes for the section after the talk, one per slide in the order of
 * SINCE_IDS: what to say, each fact with its version, the sources named. They
 * live apart from the slides' words and import nothing, so that only the
 * presenter view and the handout load them.
 */
export const SINCE_NOTES: readonly string[] = [
  'Everything from here on is added to the deck; none of it is from Tim Hockin’s 2020 ' +
    'talk. Each slide takes one thing that changed on the way into a cluster since then, ' +
    'or that the talk left aside, and shows it with the same cluster, the same addresses and packets computed the same ' +
    'way. The badge on each slide names the Kubernetes version and KEP, or the project, and ' +
    'the year.\n\n' +
    'Two keys make it usable during the talk. On the talk’s own slides, M turns on the ' +
    'markers: a marker says which slide of this section picks up what that slide is about, ' +
    'so you can jump ahead and come back. On each slide here, V flips the live switch, for ' +
    'example ipMode VIP against Proxy, and the packets are computed again.\n\n' +
    'Versions are Kubernetes minor versions unless a project is named: from ' +
    'internalTrafficPolicy’s alpha in 1.21 to trafficDistribution’s same-node GA in 1.35. Each slide’s notes ' +
    'name their sources: the Kubernetes docs and feature-gate pages, the KEPs, the project ' +
    'docs, and HAProxy’s PROXY protocol spec.',
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
];

/** The sources each slide of the section stands on, by name, in the order of SINCE_IDS. */
export const SINCE_SOURCES: readonly (readonly string[])[] = [
  [
    'Kubernetes docs: feature-gate pages',
    'Kubernetes Enhancement Proposals (KEPs)',
    'Each slide’s own sources',
  ],
  [
    'Kubernetes docs: Services, load balancer IP mode',
    'Kubernetes docs: LoadBalancerIPMode feature gate',
    'KEP-1860: Make Kubernetes aware of the LoadBalancer behaviour',
    'Hetzner cloud controller manager v1.21.0 release notes',
    'OpenStack cloud controller manager: ipMode pull request 2587',
  ],
  [
    'KEP-1860: Make Kubernetes aware of the LoadBalancer behaviour',
    'Kubernetes docs: Services, load balancer IP mode',
    'Kubernetes docs: Virtual IPs and Service Proxies',
  ],
  [
    'Kubernetes docs: Virtual IPs and Service Proxies',
    'KEP-3866: Add an nftables-based kube-proxy backend',
    'Kubernetes blog: NFTables mode for kube-proxy (2025-02-28)',
  ],
  [
    'Kubernetes docs: Service Internal Traffic Policy',
    'Kubernetes docs: ServiceInternalTrafficPolicy feature gate',
    'KEP-2086: Service internal traffic policy',
    'Kubernetes docs: Virtual IPs and Service Proxies',
  ],
  [
    'Kubernetes docs: Virtual IPs and Service Proxies, traffic distribution',
    'Kubernetes docs: ServiceTrafficDistribution feature gate',
    'Kubernetes docs: PreferSameTrafficDistribution feature gate',
    'KEP-4444: Traffic Distribution for Services',
    'KEP-3015: PreferSameZone and PreferSameNode Traffic Distribution',
    'Kubernetes source: pkg/proxy/topology.go, endpointslice/trafficdist',
  ],
  [
    'KEP-1669: Proxy Terminating Endpoints',
    'Kubernetes docs: ProxyTerminatingEndpoints feature gate',
    'Kubernetes docs: EndpointSlices, conditions',
    'KEP-3836: Kube-proxy improved ingress connectivity reliability',
    'Kubernetes docs: KubeProxyDrainingTerminatingNodes feature gate',
    'kubernetes/kubernetes pull request 118999 (the weight header)',
  ],
  [
    'Cilium docs: Kubernetes Without kube-proxy, Direct Server Return',
    'kube-router docs: Direct Server Return; Tunnels',
    'KEP-3866: Add an nftables-based kube-proxy backend',
    'KEP-5495: Deprecate ipvs mode in kube-proxy (and its tracking issue)',
    'Kubernetes blog: NFTables mode for kube-proxy (2025-02-28)',
    'kubernetes/kubernetes issue 71596 and pull request 97081 (IPVS and Local)',
  ],
  [
    'AWS Load Balancer Controller docs: Network Load Balancer, IP mode',
    'AWS Load Balancer Controller v2.0.0 release notes',
    'Elastic Load Balancing docs: NLB target group attributes, client IP preservation',
    'GKE docs: container-native load balancing',
  ],
  [
    'HAProxy: proxy-protocol.txt, The PROXY protocol versions 1 and 2',
    'Kubernetes docs: Protocols for Services, PROXY protocol',
    'KEP-1860: Make Kubernetes aware of the LoadBalancer behaviour',
  ],
  [
    'GKE docs: Create a backend service-based external load balancer, weighted load balancing',
    'GKE ingress-gce source: pkg/annotations/service.go (the pods-per-node value)',
    'kubernetes/kubernetes pull request 118999 (the weight header)',
    'Compute Engine docs: backend service locality policy WEIGHTED_MAGLEV',
  ],
  [
    'Kubernetes blog: Gateway API v1.0: GA Release (2023-10-31)',
    'Gateway API v1.0.0 release notes',
    'Kubernetes blog: Gateway API v1.6: TCPRoute and UDPRoute Graduate to Standard (2026-08-03)',
    'Istio docs: Kubernetes Gateway API',
    'Envoy Gateway docs: Deployment Mode',
    'Kubernetes blog: Ingress NGINX Retirement: What You Need to Know (2025-11-11)',
  ],
];
