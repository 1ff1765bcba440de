/** Speaker notes for the talk's slides 63 to 124 (index 0 is slide 63): see notes.ts. */
export const NOTES_63_124: readonly string[] = [
  // 63
  '3c: proxy-like, two hops, the way AWS’s classic Elastic Load Balancer works. A proxy ends ' +
    'the client’s connection and opens its own connection to a node port.',
  // 64
  'First hop: Src: client, Dst: proxy:service-port, so 1.2.3.4 connects to the proxy at ' +
    '198.51.100.7:80. This connection ends at the proxy.',
  // 65
  'Second hop: Src: proxy, Dst: node1:node-port. This is a brand-new connection from ' +
    '198.51.100.7 to 10.240.0.1:30093, and the client’s address did not make it through the ' +
    'proxy. From here on, no IP header carries 1.2.3.4.',
  // 66
  'Third hop: Src: node1, Dst: pod:pod-port. Node1 treats it like any NodePort traffic: DNAT ' +
    'to Pod-c at 10.0.2.1:8080 and SNAT to its own address. Flip to Local and Pod-a on Node1 ' +
    'gets it with Src: proxy, not the client, because the client was already gone.',
  // 67
  'Yes, SNAT again, for exactly the same reason. The reply has to go back through Node1.',
  // 68
  'Underneath, 3c is a NodePort with a nicer front door: a stable address and normal ports. ' +
    'Behind it, kube-proxy does exactly the same work.',
  // 69
  'And here is what sets 3c apart: by the time the packet reaches Node1, its source is ' +
    'already the proxy. The node never saw the client, so nothing it does can bring 1.2.3.4 ' +
    'back.',
  // 70
  '3c with Cluster: a stable IP and any port, and because it is a proxy it can block some ' +
    'attacks and add value such as TLS termination. The costs: programmable infrastructure, two ' +
    'hops, and the client IP, which now has to travel inside the connection, for example with ' +
    'PROXY protocol.',
  // 71
  'The same option once more: externalTrafficPolicy: Local. Watch how little it buys behind a ' +
    'proxy.',
  // 72
  'Each node forwards only to its own pods. External traffic stays on the node it entered.',
  // 73
  'Node1 stops doing SNAT, but the pod now sees the proxy’s address, not the client’s. The ' +
    'proxy had already replaced it.',
  // 74
  'The same requirement as in 3a. The balancer must health-check the nodes and send only to ' +
    'those with pods, or packets die at empty nodes.',
  // 75
  'The list is identical to the one for Cluster. Local removes the SNAT and the cross-node ' +
    'hop, but the proxy already hid the client, so the biggest con stays. Next, a proxy that ' +
    'skips the node.',
  // 76
  '3d: proxy-like, one hop, as with GCP’s HTTP load balancer. The proxy sends straight to pod IPs.',
  // 77
  'First hop: Src: client, Dst: proxy:service-port, so 1.2.3.4 connects to 198.51.100.7:80. ' +
    'So far it looks exactly like 3c.',
  // 78
  'Second and last hop: Src: proxy, Dst: pod:pod-port, straight to Pod-c at 10.0.2.1:8080. No ' +
    'node port and no kube-proxy: the proxy chose the pod itself. The source is the proxy, and ' +
    'externalTrafficPolicy has nothing to change here.',
  // 79
  'The nodes only route packets to their pods; they rewrite nothing. All the work has moved ' +
    'to the balancer.',
  // 80
  'That is the cost. The balancer must know the Service’s current pod IPs and follow them as ' +
    'pods come and go.',
  // 81
  '3d: stable IP, any port, attack protection, TLS, and only one hop. The cons: ' +
    'infrastructure that can follow pod IPs, and a client address that has to travel in-band. ' +
    'Now the fourth API.',
  // 82
  'Mode four: Ingress. It only speaks HTTP, and that matters, because an HTTP proxy can carry ' +
    'the client’s address in a header.',
  // 83
  'As with LoadBalancer, you create an Ingress and a controller, often the cloud’s, sets up ' +
    'an HTTP load balancer. That balancer routes requests to your Services by host and path.',
  // 84
  'And just like LoadBalancer, the API leaves the how wide open. Implementations vary, so we ' +
    'look at the main shapes.',
  // 85
  'Two families: proxies outside the cluster, and proxies that run as pods inside it. We ' +
    'start outside.',
  // 86
  '4a: external, two hops, as GCP does when the cluster is not VPC-native. An HTTP proxy ' +
    'outside the cluster sends to node ports.',
  // 87
  'First hop: Src: client, Dst: proxy:service-port, an HTTP request from 1.2.3.4 to ' +
    '198.51.100.7:80. The connection ends at the proxy, as in 3c.',
  // 88
  'Second hop: Src: proxy, Dst: node1:node-port, a new connection from 198.51.100.7 to ' +
    '10.240.0.1:30093. The client is gone from the IP header already; slide 92 says where it ' +
    'went.',
  // 89
  'Third hop: Src: node1, Dst: pod:pod-port, after Node1’s DNAT to Pod-c at 10.0.2.1:8080 and ' +
    'SNAT to itself. The IP header has now lost the client twice.',
  // 90
  'At the IP layer this is 3c again: the proxy replaces the client, and under Cluster Node1 ' +
    'replaces the proxy. What differs is the layer above.',
  // 91
  'The same hop, Src: node1, Dst: pod:pod-port, now to be read at the HTTP layer. The IP ' +
    'header shows only Node1; the next slide says what the request itself still carries.',
  // 92
  'So the application can still learn who the client was by reading X-Forwarded-For. It ' +
    'should only trust that header when it comes from its own proxy.',
  // 93
  '4a: attack protection, TLS, and HTTP features such as URL maps. The costs are programmable ' +
    'infrastructure and two hops. Losing the client IP is off the list, because the header ' +
    'carries it.',
  // 94
  'externalTrafficPolicy: Local applies here too, since traffic still enters through node ' +
    'ports. It removes the SNAT and the cross-node hop.',
  // 95
  'The same condition as before: the balancer must health-check the nodes and only pick ones ' +
    'with pods. The pod then sees Src: proxy, and the client is still in the header.',
  // 96
  '4b: external, one hop, as GCP does for VPC-native clusters. The HTTP proxy sends straight ' +
    'to pod IPs.',
  // 97
  'First hop: Src: client, Dst: proxy:service-port, so 1.2.3.4 sends to 198.51.100.7:80. The ' +
    'difference shows up on the next hop.',
  // 98
  'Because it targets pods directly, the proxy is not tied to nodes at all. Any pod of the ' +
    'Service is a candidate, wherever it runs.',
  // 99
  'Here the proxy picked Pod-c on Node2: Src: proxy, Dst: pod:pod-port, from 198.51.100.7 to ' +
    '10.0.2.1:8080. No node port and no NAT on the node: one hop from the proxy to the pod.',
  // 100
  'The same card, Src: proxy, Dst: pod:pod-port, but this time to Pod-a at 10.0.1.1:8080 on ' +
    'Node1. Either node, one hop, and externalTrafficPolicy plays no part.',
  // 101
  'As in 4a, X-Forwarded-For carries the client’s address to the pod. The IP header shows ' +
    'only the proxy.',
  // 102
  '4b has everything 4a has, in one hop instead of two. Its only con is the programmable ' +
    'infrastructure it needs. Next, moving the proxy inside the cluster.',
  // 103
  '4c: internal and shared, nginx being the classic example. The HTTP proxy runs as pods in ' +
    'the cluster, and one set of proxies serves every Ingress.',
  // 104
  'It comes in two layers: a LoadBalancer Service, any of 3a to 3d, brings traffic to the ' +
    'proxy pods, and those proxies route each request on to the backend pods. We try three ' +
    'front doors.',
  // 105
  '4c.1: the proxies sit behind a VIP-like balancer, as in 3a. The diagram adds an Ingress ' +
    'pod on each node, at 10.0.1.3 and 10.0.2.3.',
  // 106
  'First hop: Src: client, Dst: VIP:service-port, so 1.2.3.4 sends to the ingress Service’s ' +
    'VIP, 203.0.113.20:80. One VIP serves every Ingress.',
  // 107
  'Balancer to Node1: unchanged, still Src: client, Dst: VIP:service-port. A VIP-like ' +
    'balancer passes the packet on as it is.',
  // 108
  'Node1 to its Ingress pod: Src: node1, Dst: ingress:pod-port, from 10.240.0.1 to ' +
    '10.0.1.3:80. kube-proxy did the 3a rewrites: DNAT to the ingress pod, SNAT to Node1. Under ' +
    'externalTrafficPolicy: Local the source would stay 1.2.3.4.',
  // 109
  'Ingress pod to Pod-c: Src: ingress, Dst: pod:pod-port, a new HTTP connection from 10.0.1.3 ' +
    'to 10.0.2.1:8080; pod to pod, no NAT. Check X-Forwarded-For: it says node1, because that ' +
    'is all the proxy saw. Switch to Local and it says 1.2.3.4.',
  // 110
  '4c.1: one VIP for many apps, TLS at the proxy, and flexible routing. The cons: you run and ' +
    'scale the proxies yourself, Ingresses can conflict, for instance two claiming the same ' +
    'hostname, and there are several hops. Next, a proxy as the front door.',
  // 111
  '4c.2: the front door is a proxy-like balancer that sends to node ports, as in 3c. The ' +
    'in-cluster proxies are the same.',
  // 112
  'First hop: Src: client, Dst: proxy:service-port, so 1.2.3.4 sends to the front proxy at ' +
    '198.51.100.20:80. That connection ends at the proxy.',
  // 113
  'Second hop: Src: proxy, Dst: node1:node-port, from 198.51.100.20 to 10.240.0.1:31080, the ' +
    'ingress Service’s node port. It is a new connection, so the client IP has left the IP ' +
    'header.',
  // 114
  'Node1 to its Ingress pod: Src: node1, Dst: ingress:pod-port, 10.0.1.3:80, after DNAT and ' +
    'SNAT on Node1. With externalTrafficPolicy: Local the source would be the proxy, still not ' +
    'the client.',
  // 115
  'Ingress pod to Pod-c: Src: ingress, Dst: pod:pod-port, from 10.0.1.3 to 10.0.2.1:8080, ' +
    'with X-Forwarded-For: node1. The front proxy here works at L4 and adds no header, so ' +
    'unless it hands the client on in-band, for example with PROXY protocol, nobody inside ' +
    'learns 1.2.3.4.',
  // 116
  '4c.2: one proxy IP, attack protection, TLS at either proxy, and an external proxy that ' +
    'only needs to know the nodes, which change rarely. The cons match 4c.1: you run the ' +
    'proxies, Ingresses can conflict, and there are many hops.',
  // 117
  '4c.3: the external proxy sends straight to the ingress pods, as in 3d. No node ports this time.',
  // 118
  'First hop: Src: client, Dst: proxy:service-port, so 1.2.3.4 sends to 198.51.100.20:80. ' +
    'Nothing new yet.',
  // 119
  'Second hop: Src: proxy, Dst: ingress:pod-port, from 198.51.100.20 straight to the Ingress ' +
    'pod at 10.0.1.3:80. No node does any NAT, so externalTrafficPolicy does not apply.',
  // 120
  'Last hop: Src: ingress, Dst: pod:pod-port, from 10.0.1.3 to Pod-c at 10.0.2.1:8080, with ' +
    'X-Forwarded-For naming the proxy, 198.51.100.20. The client survives only if the external ' +
    'proxy passes it along in-band.',
  // 121
  '4c.3: the same strengths as 4c.2 minus the node-port hop, though the external proxy must ' +
    'now track the ingress pods. The same cons: you run the proxies, Ingresses can conflict, ' +
    'and there are several hops.',
  // 122
  '4d: internal and dedicated. It is 4c, but every Ingress gets proxies of its own; in 2020 ' +
    'there was no known example.',
  // 123
  'Rather than one shared proxy fleet, you would run a separate 4c stack for each Ingress, or ' +
    'perhaps for each namespace. That isolates tenants: no hostname clashes, and one team’s ' +
    'load does not land on another’s proxies.',
  // 124
  'As of this talk, nobody had implemented it, so treat this one as a sketch. Gateway API ' +
    'implementations that deploy a dedicated proxy per Gateway have since come close. To sum up ' +
    'every mode: at each hop, ask who rewrote the source, and where the client IP still lives.',
];
