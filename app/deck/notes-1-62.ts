/** Speaker notes for the talk's slides 1 to 62 (index 0 is slide 1): see notes.ts. */
export const NOTES_1_62: readonly string[] = [
  // 1
  'This talk is about the front door of a Kubernetes cluster: how a packet from outside ' +
    'actually reaches a pod. It sounds like it should be simple, and what follows shows why it ' +
    'isn’t. We follow one packet through every common design and watch its source and ' +
    'destination at each hop.',
  // 2
  'Before any traffic can arrive we need somewhere for it to go. We build an ordinary cluster ' +
    'piece by piece, so that every address you see later has a home.',
  // 3
  'Everything in the cluster lives inside 10.0.0.0/16, the range pods get their addresses ' +
    'from. Keep it in mind: the whole talk is about how something outside that range gets in.',
  // 4
  'Two machines join: Node1 at 10.240.0.1 and Node2 at 10.240.0.2. These node addresses are ' +
    'not in the pod range; they belong to the network the machines are plugged into.',
  // 5
  'Each node gets its own slice of the cluster range for its pods: Node1 has 10.0.1.0/24 and ' +
    'Node2 has 10.0.2.0/24. So a pod’s address alone tells you which node it runs on.',
  // 6
  'Now four pods: Pod-a 10.0.1.1 and Pod-b 10.0.1.2 on Node1, Pod-c 10.0.2.1 and Pod-d ' +
    '10.0.2.2 on Node2. There are two Services, told apart by colour: Pod-a and Pod-c serve ' +
    'Service A, Pod-b and Pod-d serve Service B. Every packet we follow is for Service A.',
  // 7
  'This is the one networking rule Kubernetes insists on: any pod can reach any other pod by ' +
    'its own IP, across nodes. How the network delivers that is up to the implementation, but ' +
    'the rest of the talk leans on the guarantee.',
  // 8
  'Read the same picture as a flat network: Pod-a can reach Pod-d at 10.0.2.2 with no address ' +
    'translation in between. Inside the cluster, an address means what it says.',
  // 9
  'Here is the gap. The pod-to-pod rule covers traffic that starts inside the cluster; for ' +
    'traffic that starts outside, Kubernetes promises very little. That freedom is where all ' +
    'the variety, and all the surprises, come from.',
  // 10
  'Enter a client at 1.2.3.4, outside 10.0.0.0/16. The question mark is the whole talk: it ' +
    'wants a pod, but which address should it send to, and what happens to the packet on the ' +
    'way?',
  // 11
  'Outside does not have to mean the internet. The client could be a VM or a service ' +
    'elsewhere on your own network; what matters is that it is not a pod in this cluster, so ' +
    'the pod-to-pod rule does not cover it.',
  // 12
  'Kubernetes gives you four APIs for getting traffic in. We name them first, then take each ' +
    'one apart.',
  // 13
  'The first: send straight to a pod’s own IP address. No Kubernetes machinery sits in the ' +
    'path at all.',
  // 14
  'The second: a Service of type NodePort. It opens the same port on every node and forwards ' +
    'it to the Service’s pods.',
  // 15
  'The third: a Service of type LoadBalancer. Something outside the cluster, usually your ' +
    'cloud, puts a load balancer in front of the Service.',
  // 16
  'The fourth: Ingress, a description of HTTP routing. Some proxy, inside or outside the ' +
    'cluster, turns that description into reality.',
  // 17
  'Now one at a time. For each mode we watch a packet hop by hop, read its source and ' +
    'destination, and finish with the trade-offs.',
  // 18
  'Mode one, the simplest possible path: the client sends straight to a pod’s IP. Kubernetes ' +
    'does nothing in between.',
  // 19
  'Watch the packet card: Src: client, Dst: pod:pod-port, which is 1.2.3.4 sending to Pod-c ' +
    'at 10.0.2.1:8080. Nothing rewrites anything: one hop, and the pod sees the real client ' +
    'address. The catch is everything it takes for 1.2.3.4 to be able to route to 10.0.2.1 at ' +
    'all.',
  // 20
  'The first catch: the client’s network must know how to reach 10.0.2.0/24. That needs one ' +
    'flat address space shared by the cluster and whatever talks to it, which many networks do ' +
    'not have. And even where it exists, it ends at your own walls.',
  // 21
  'Internet clients cannot route to a private pod range, and you would not want every pod ' +
    'exposed publicly anyway. So this mode really serves clients that already live on your ' +
    'network.',
  // 22
  'Pods come and go: reschedule Pod-c and it returns with a new address. So the client needs ' +
    'its own way to discover the current pod IPs and to spread load over them; nothing here ' +
    'does it for you.',
  // 23
  'That is why this mode gets only a few minutes. It is a real option on integrated networks, ' +
    'but most people want something Kubernetes manages for them, which brings us to Services.',
  // 24
  'Mode two: the NodePort Service. This is the first mode where Kubernetes itself sits in the ' +
    'packet’s path.',
  // 25
  'Kubernetes reserves a port on every node for the Service, from 30000 to 32767 by default. ' +
    'The port alone says which Service is meant: here :30093 is Service A and :30076 is Service ' +
    'B. Any node accepts traffic on either.',
  // 26
  'First hop: Src: client, Dst: node1:node-port, so 1.2.3.4 sends to 10.240.0.1:30093. The ' +
    'client chose Node1, and port 30093 says Service A. Nothing has been rewritten yet; watch ' +
    'what Node1 does next.',
  // 27
  'Second hop, Node1 to Pod-a: Src: node1, Dst: pod:pod-port. The destination changed from ' +
    'the node port to 10.0.1.1:8080: that is the DNAT kube-proxy does to pick a pod. The source ' +
    'changed too: it is now node1, 10.240.0.1, not the client, even though Pod-a sits on the ' +
    'very node the packet came in on. Flip to Local and Pod-a gets it with Src: client.',
  // 28
  'A good place to stop. The destination rewrite was clearly needed to reach a pod, but why ' +
    'touch the source? The next three slides answer it.',
  // 29
  'With the default policy, a node’s NodePort may hand traffic to any pod of the Service, ' +
    'anywhere in the cluster. So the pod it picks can be on another node, and the entry node ' +
    'may have no pod of its own at all.',
  // 30
  'Pod-a is gone, so Node1 has no Service A pod left; Pod-b belongs to Service B. Node1 still ' +
    'takes the packet and sends it across to Pod-c on Node2, and the card still reads Src: ' +
    'node1, Dst: pod:pod-port. This is externalTrafficPolicy: Cluster, the default: any node, ' +
    'any pod.',
  // 31
  'Here is the reason for the SNAT. The client sent to 10.240.0.1:30093 and only accepts a ' +
    'reply from exactly that address; a reply straight from Pod-c at 10.0.2.1 would be ' +
    'discarded. Putting node1 in the source forces the reply back through Node1, which undoes ' +
    'both rewrites.',
  // 32
  'NodePort with the default policy. The pro: nothing outside the cluster is needed. The ' +
    'cons: you are stuck with high port numbers, clients must keep track of which nodes exist, ' +
    'the SNAT hides the client’s IP, and there may be an extra hop between nodes. Next, a ' +
    'setting aimed squarely at that SNAT.',
  // 33
  'That setting is externalTrafficPolicy on the Service. The default is Cluster; setting it ' +
    'to Local changes which pods a node is allowed to pick.',
  // 34
  'With Local, a node only forwards external traffic to pods on that same node. It never ' +
    'sends it across to another node.',
  // 35
  'Because the pod is always local, the reply naturally leaves through the node that took the ' +
    'request, so there is no need for SNAT. The pod sees the real client, 1.2.3.4. But Local ' +
    'has two prices, coming next.',
  // 36
  'The first price: choosing a node that actually runs a pod of the Service is now the ' +
    'client’s job. Here is what happens when it gets that wrong.',
  // 37
  'externalTrafficPolicy is Local, and the client picked Node1, which has no Service A pod. ' +
    'Look at the card: Dst: ??? and Failure. Node1 may not send to Pod-c on Node2, so it has no ' +
    'pod to translate to and drops the packet silently; the client just sees a timeout. Flip ' +
    'back to Cluster and the packet reaches Pod-c again, with the SNAT.',
  // 38
  'The second price is balance. If clients spread traffic evenly over nodes without knowing ' +
    'how many pods each node runs, pods on sparse nodes get overloaded.',
  // 39
  'One pod on Node1, six on Node2, externalTrafficPolicy: Local, and the client splits 50/50 ' +
    'by node. The lone pod on Node1 takes half of all traffic, while each pod on Node2 gets a ' +
    'twelfth, about 8%. Flip to Cluster and every pod gets one seventh again, but the SNAT ' +
    'comes back.',
  // 40
  'NodePort with Local: still no external infrastructure, and now the client IP reaches the ' +
    'pod. You still have the odd ports, and clients must pick nodes that have pods. It is still ' +
    'two hops, but the second stays inside the node, so it costs less. Next, let something else ' +
    'do the node picking: a load balancer.',
  // 41
  'Mode three: the LoadBalancer Service. It builds on NodePort and adds a proper front door ' +
    'with its own address.',
  // 42
  'You ask for type LoadBalancer, and a controller outside Kubernetes, usually the cloud ' +
    'provider’s, creates a load balancer and points it at your Service. Kubernetes itself does ' +
    'not build the balancer.',
  // 43
  'The API is deliberately loose: it says a load balancer should exist, not how it forwards ' +
    'or what it does to headers. So implementations differ a lot, and those differences are ' +
    'what we care about.',
  // 44
  'We sort the common designs by two questions: does the balancer pass packets through like a ' +
    'VIP or end connections like a proxy, and does it reach pods in two hops via a node or in ' +
    'one hop directly. That is not every design out there, but it covers the main ones.',
  // 45
  '3a: VIP-like, two hops; GCP’s Network Load Balancer works this way. The balancer forwards ' +
    'packets to nodes without rewriting them, and the node does the rest.',
  // 46
  'Since nothing rewrites the destination, the packet arrives at the node still addressed to ' +
    'the VIP. The node recognises the VIP and knows its Service, just as a NodePort is ' +
    'recognised by its port.',
  // 47
  'How the VIP gets routed to the nodes, whether by ARP, BGP or cloud routes, is a large ' +
    'subject of its own. We take it as working and focus on the headers.',
  // 48
  'First hop: Src: client, Dst: VIP:service-port, so 1.2.3.4 sends to the VIP 203.0.113.10 on ' +
    'port 80. Note the ordinary port: no more 30093.',
  // 49
  'Second hop, balancer to Node1: the card has not changed, still Src: client, Dst: ' +
    'VIP:service-port. That is what VIP-like means: the balancer delivers the packet as it is, ' +
    'so Node1 sees the original client and the VIP.',
  // 50
  'Third hop, Node1 to Pod-a: Src: node1, Dst: pod:pod-port. Node1 did the same two rewrites ' +
    'as for a NodePort: DNAT from the VIP to 10.0.1.1:8080, and SNAT from 1.2.3.4 to ' +
    '10.240.0.1, though Pod-a is on Node1 itself. The client IP is gone again.',
  // 51
  'The same question as with NodePort. The answer will sound familiar.',
  // 52
  'Under externalTrafficPolicy: Cluster, whichever node the balancer picks may forward to any ' +
    'pod of the Service. The balancer is even free to pick a node with no pod at all.',
  // 53
  'Pod-a is gone, the balancer chose Node1 anyway, and Node1 forwards to Pod-c on Node2: Src: ' +
    'node1, Dst: pod:pod-port. Now flip externalTrafficPolicy to Local: Node1 fails the health ' +
    'check with a 503, the balancer sends to Node2 instead, and Pod-c sees Src: client.',
  // 54
  'Same logic as NodePort: the reply must pass back through Node1 to undo the translation, so ' +
    'Node1 writes its own address into the source. The price, again, is the client IP.',
  // 55
  '3a with Cluster: a stable VIP, and any port you like. The cons: it needs network ' +
    'infrastructure you can program to route the VIP, the SNAT hides the client, and there may ' +
    'be an extra hop between nodes. The same fix is on offer.',
  // 56
  'Again the option externalTrafficPolicy: Local, this time on a LoadBalancer Service. It ' +
    'works the same way as before.',
  // 57
  'A node only forwards to its own pods of the Service. External traffic never crosses to ' +
    'another node.',
  // 58
  'And the same benefit: no SNAT, so the pod sees the client’s real address. The question is ' +
    'who makes sure the chosen node has a pod.',
  // 59
  'This time the balancer does it, and it can do it well. Each node answers a health check on ' +
    'the Service’s healthCheckNodePort, 200 with a ready local pod and 503 without, and the ' +
    'balancer only sends to nodes that pass.',
  // 60
  '3a with Local: stable VIP, any port, and the client IP reaches the pod. You still need ' +
    'programmable infrastructure, and the second hop stays inside the node, so it is cheap. A ' +
    'balancer that weights nodes equally can still skew load as on slide 39. Next: what if the ' +
    'balancer skipped the node entirely?',
  // 61
  '3b: a VIP-like balancer that delivers straight to pod IPs, one hop, with no translation on ' +
    'the node. In 2020 there was no known example.',
  // 62
  'As of this talk, nobody had implemented it; it is an empty cell in the grid, shown for ' +
    'completeness, and the diagram is hypothetical. Some things have come close since, such as ' +
    'balancers that target pod IPs directly and dataplanes with direct server return. Next, the ' +
    'proxy family.',
];
