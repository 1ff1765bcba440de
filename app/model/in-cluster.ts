import { cidrContains, clipInput } from './address';
import { isLoadBalancer, nodeDevice, podDevice, type DeviceId } from './device';
import {
  clusterIpEndpoint,
  inClusterClientEndpoint,
  nodeEndpoint,
  nodePortEndpoint,
  nodeSnatEndpoint,
  podEndpoint,
} from './endpoints';
import {
  describePick,
  distributionOf,
  hasAnyEndpoint,
  kubeProxyChoice,
  type Destination,
  type SourceKind,
} from './endpoint-pick';
import type { Mode } from './modes';
import { makePacket, type Endpoint, type Rewrite } from './packet';
import { err, ok, type Result } from './result';
import {
  endpointsOf,
  type ClusterNode,
  type IpMode,
  type NodeId,
  type Pod,
  type PodId,
  type Service,
  type Topology,
} from './topology';
import {
  choose,
  ingressProxy,
  kubeProxy,
  viaIngress,
  type Path,
  type Stop,
  type Walk,
} from './trace-path';
import type { ClientPlace, Hop, Scenario } from './trace-types';

// A request that starts inside the cluster: at a pod, or at a process on a node.
// kube-proxy runs where the packet first meets a node's netfilter hooks: on the
// client's own node for a cluster IP, a load balancer address it captures, or
// its own node port; on the node dialled for another node's port. The rules are
// those of pkg/proxy/iptables/proxier.go (nftables does the same):
//
// - Cluster IP: internalTrafficPolicy picks the chain; traffic from outside the
//   cluster CIDR (a node's own process) is masqueraded ("! -s clusterCIDR -j
//   KUBE-MARK-MASQ"); Local with no local endpoint is DROPped.
// - Node port / LB address (KUBE-EXT): Cluster masquerades everything. Local
//   sends pod traffic to the cluster-wide chain without masquerade ("pod traffic
//   for … external destinations") and host traffic there with masquerade
//   ("masquerade LOCAL traffic"); only other sources keep to local endpoints.
// - Every endpoint chain masquerades traffic from the endpoint itself (hairpin).

/** A client inside the cluster, resolved against the topology. */
export interface InsideClient {
  readonly place: Exclude<ClientPlace, { kind: 'outside' }>;
  readonly device: DeviceId;
  readonly name: string;
  /** The pod's node, or the node itself. */
  readonly node: ClusterNode;
  readonly pod: Pod | null;
  /** Its source address and ephemeral port. */
  readonly endpoint: Endpoint;
}

const listed = (items: readonly { id: string }[], what: string) =>
  `the ${what} are ${items
    .slice(0, 8)
    .map((i) => clipInput(i.id))
    .join(', ')}${items.length > 8 ? ` and ${items.length - 8} more` : ''}`;

/** The answer for the talk's outside client, made once: trace() asks on every call. */
const OUTSIDE: Result<InsideClient | null> = Object.freeze(ok(null));

/** The scenario's client, when it is inside the cluster; null for the talk's outside client. */
export function insideClient(
  t: Topology,
  s: Pick<Scenario, 'client'>,
): Result<InsideClient | null> {
  const place = s.client;
  if (!place || place.kind === 'outside') return OUTSIDE;
  if (place.kind === 'pod') {
    const pod = t.pods.find((p) => p.id === place.pod);
    if (!pod)
      return err(
        `There is no pod "${clipInput(String(place.pod))}" in this topology to send from; ${listed(t.pods, 'pods')}`,
      );
    const node = t.nodes.find((n) => n.id === pod.node);
    if (!node) return err(`${pod.name} is on "${clipInput(pod.node)}", which is not a node`);
    const endpoint = inClusterClientEndpoint(pod.ip);
    return ok({ place, device: podDevice(pod.id), name: pod.name, node, pod, endpoint });
  }
  const node = t.nodes.find((n) => n.id === place.node);
  if (!node)
    return err(
      `There is no node "${clipInput(String(place.node))}" in this topology to send from; ${listed(t.nodes, 'nodes')}`,
    );
  const endpoint = inClusterClientEndpoint(node.ip);
  return ok({ place, device: nodeDevice(node.id), name: node.name, node, pod: null, endpoint });
}

/** Why a cluster IP cannot be the target, or null when it can. */
export function clusterIpRefusal(backend: Service, inside: InsideClient | null): string | null {
  if (!inside)
    return `${backend.name}'s cluster IP answers only inside the cluster: send from a pod or a node`;
  if (!backend.clusterIp)
    return `${backend.name} has no cluster IP (it is headless, or none was given)`;
  return null;
}

/**
 * The load balancer's ipMode in force: the scenario's override, the Service's,
 * else VIP. For the talk's outside client it changes only a VIP-like front door
 * (3a, 3b, 4c.1, 4d): Proxy makes that load balancer a proxy, which opens its
 * own connection from the VIP's address to a node port (or a pod, one hop), as
 * 3c does from the proxy's. A proxy-like front door is a proxy whatever the
 * field says. For a client inside the cluster it decides whether kube-proxy
 * captures the address (goesOut).
 */
export const ipModeOf = (s: Pick<Scenario, 'ipMode'>, front: Service): IpMode =>
  s.ipMode ?? front.ipMode ?? 'VIP';

/**
 * Whether an in-cluster client's packet really goes out to the load balancer.
 * kube-proxy captures every IP in a Service's status.loadBalancer.ingress unless
 * its ipMode is Proxy (KEP-1860), a proxy-like one's too: before 1.29 that sent
 * in-cluster clients around the proxy (no TLS termination, no PROXY line), which
 * is why the field exists. An external Ingress's address (4a, 4b) belongs to no
 * Service, so kube-proxy never knows it.
 */
export function goesOut(mode: Mode, s: Pick<Scenario, 'ipMode'>, front: Service): boolean {
  if (mode.front !== 'vip' && mode.front !== 'proxy') return false;
  if (mode.api === 'Ingress' && mode.ingress === 'none') return true;
  return ipModeOf(s, front) === 'Proxy';
}

/** How a request from inside ended, and where kube-proxy acted. */
export interface InsideWalked {
  readonly end: Pod | Stop;
  readonly entryNode: NodeId | null;
  readonly ingressPod: PodId | null;
  /** The reply goes around the node that NATed (no SNAT, another node): it never reaches the client as sent. */
  readonly replyBypasses: ClusterNode | null;
}

/**
 * kube-proxy on `node`, for a packet from inside the cluster (or from any
 * source, for the cluster IP). Sends the DNATed (and maybe masqueraded) packet
 * on to the chosen pod, or stops it.
 */
function natInside(
  w: Walk,
  node: ClusterNode,
  dest: Destination,
): { got: Pod | Stop; masq: boolean } {
  const { t, front: svc, seed, path } = w;
  const ready = endpointsOf(t, svc);
  const at = nodeDevice(node.id);
  if (!hasAnyEndpoint(t, svc, ready)) {
    const reason = `${svc.name} has no ready pods anywhere, so kube-proxy on ${node.name} rejects the connection (ICMP port unreachable)`;
    path.stop({
      type: 'reject',
      at: nodeSnatEndpoint(node),
      reason,
      answer: 'icmp-port-unreachable',
    });
    return { got: { kind: 'rejected', at, reason }, masq: false };
  }
  const src = path.packet.src.ip as string;
  const source: SourceKind = cidrContains(t.clusterCidr, src)
    ? 'pod'
    : src === node.ip
      ? 'host'
      : 'outside';
  const internal = w.scenario.internalPolicy ?? svc.internalTrafficPolicy ?? 'Cluster';
  const distribution = distributionOf(w.scenario, svc);
  const policies = { external: w.policy, internal };
  const choice = kubeProxyChoice(t, svc, ready, node, dest, source, policies, distribution);
  const { pick, local } = choice;
  // KUBE-MARK-MASQ from the Service's chains; the endpoint's own hairpin rule comes below.
  let masq = choice.masq;
  const said = describePick(pick, node, svc, local ? null : distribution);
  if (said) path.note(said);
  if (pick.pods.length === 0) {
    const policy = dest === 'internal' ? 'internalTrafficPolicy' : 'externalTrafficPolicy';
    const reason = `${node.name} has no ready pod of ${svc.name} and ${policy} is Local, so ${node.name} drops the packet (${svc.name} has no local endpoints)`;
    path.stop({ type: 'drop', at: nodeEndpoint(node), reason });
    return { got: { kind: 'dropped', at, reason }, masq: false };
  }
  const requested = viaIngress(w) ? w.scenario.ingressPod : w.scenario.pod;
  const pod = choose(pick.pods, requested, seed);
  if (pod.ip === src && !masq) {
    masq = true;
    path.note(
      `${pod.name} reached itself through ${svc.name}: kube-proxy masquerades hairpin traffic (KUBE-SEP "-s ${pod.ip} -j KUBE-MARK-MASQ"), so ${pod.name} sees ${node.name}.`,
    );
  } else if (dest === 'external' && w.policy === 'Local' && source !== 'outside')
    path.note(
      `externalTrafficPolicy Local does not bind traffic from inside: kube-proxy on ${node.name} sends ${source} traffic to every endpoint, ${source === 'host' ? 'masqueraded' : 'not masqueraded'}.`,
    );
  const rewrites: Rewrite[] = [{ type: 'dnat', to: podEndpoint(pod, svc, viaIngress(w)) }];
  if (masq) rewrites.push({ type: 'snat', to: nodeSnatEndpoint(node) });
  const to = path.device(podDevice(pod.id), pod.name);
  path.send(to, rewrites, pod.node !== node.id ? nodeDevice(pod.node) : undefined);
  return { got: pod, masq };
}

/** The packet leaves a client pod for its own node (the veth); a node's own process is there already. */
function toOwnNode(w: Walk, client: InsideClient, dst: Endpoint): void {
  w.path.firstTo(dst);
  if (client.pod) w.path.send(nodeDevice(client.node.id), [{ type: 'route' }]);
  else
    w.path.note(
      `The sender is a process on ${client.node.name}: kube-proxy's rules run as the packet leaves it (the OUTPUT hook), so the first wire already carries the NATed packet, and ${client.node.name} undoes the NAT on the reply before the process reads it.`,
    );
}

/**
 * Walks a request from inside the cluster that kube-proxy handles before any
 * load balancer: a cluster IP, a pod IP (1), a node port (2), or a load
 * balancer address kube-proxy captures (ipMode VIP).
 */
export function walkInside(w: Walk, client: InsideClient, toClusterIp: boolean): InsideWalked {
  const { t, mode, backend, front, path } = w;
  const own = client.node;
  const result = (
    end: Pod | Stop,
    entryNode: NodeId | null,
    ingressPod: PodId | null = null,
    replyBypasses: ClusterNode | null = null,
  ): InsideWalked => ({ end, entryNode, ingressPod, replyBypasses });
  // Past kube-proxy: the backend pod, or an in-cluster ingress proxy that opens a new connection.
  const onward = (got: Pod | Stop, entry: NodeId, bypass: ClusterNode | null = null) =>
    'kind' in got || !viaIngress(w) || toClusterIp
      ? result(got, entry, null, bypass)
      : result(ingressProxy(w, got), entry, got.id, bypass);

  if (toClusterIp) {
    toOwnNode(w, client, clusterIpEndpoint(backend) as Endpoint);
    return result(natInside(w, own, 'internal').got, own.id);
  }

  if (mode.front === 'pod') {
    // The client found a pod IP itself: plain routing, no kube-proxy.
    const endpoints = endpointsOf(t, backend);
    if (endpoints.length === 0)
      return result(
        {
          kind: 'rejected',
          at: client.device,
          reason: `${backend.name} has no ready pods, so ${client.name} has no pod IP to talk to`,
        },
        null,
      );
    const pod = choose(endpoints, w.scenario.pod, w.seed);
    path.firstTo(podEndpoint(pod, backend, false));
    const to = path.device(podDevice(pod.id), pod.name);
    path.send(to, [{ type: 'route' }], pod.node !== own.id ? nodeDevice(pod.node) : undefined);
    return result(pod, null);
  }

  if (mode.front === 'node') {
    // A client inside dials its own node's port unless the scenario names another node.
    const entry = t.nodes.find((n) => n.id === w.scenario.entryNode) ?? own;
    const dst = nodePortEndpoint(entry, front.nodePort as number);
    if (entry.id === own.id) {
      toOwnNode(w, client, dst);
      return onward(natInside(w, own, 'external').got, own.id);
    }
    // Another node's address: the packet is routed there, and that node's kube-proxy acts.
    path.firstTo(dst);
    const at = path.device(nodeDevice(entry.id), entry.name);
    path.send(at, [{ type: 'route' }], client.pod ? nodeDevice(own.id) : undefined);
    // To that node a node's own process is just another outside address.
    if (!client.pod) return onward(kubeProxy(w, entry), entry.id);
    const { got, masq } = natInside(w, entry, 'external');
    const bypass = !('kind' in got) && !masq && got.node !== entry.id ? entry : null;
    return onward(got, entry.id, bypass);
  }

  // A load balancer address kube-proxy captures (ipMode VIP): DNAT on the client's
  // own node, and the load balancer never sees the packet.
  toOwnNode(w, client, path.packet.dst);
  path.note(
    `kube-proxy on ${own.name} captures ${front.name}'s load balancer address (ipMode VIP): the packet never goes out to the load balancer.`,
  );
  return onward(natInside(w, own, 'external').got, own.id);
}

/**
 * The reply when the node that DNATed did not SNAT and is not on the way back:
 * the pod answers the client directly, from its own address, and the client,
 * which is waiting for an answer from the address it dialled, drops it
 * (kubernetes/kubernetes#74383).
 */
export function bypassingReply(path: Path, client: InsideClient, natNode: ClusterNode): Hop[] {
  const last = path.hops[path.hops.length - 1] as Hop;
  path.note(
    `${natNode.name} did not masquerade and the pod is elsewhere: the reply goes straight to ${client.name} from the pod's own address, not from the address it dialled, and ${client.name} drops it.`,
  );
  return [
    {
      index: 0,
      direction: 'return',
      from: last.to as DeviceId,
      to: client.device,
      via: client.pod ? nodeDevice(client.node.id) : undefined,
      packet: makePacket(last.packet.dst, last.packet.src, last.packet.protocol),
      rewrites: [{ type: 'route' }],
      connection: last.connection,
      kind: 'pass',
    },
  ];
}

/** Whether the forward path went out to the load balancer (its first hop ends there). */
export const touchedLoadBalancer = (forward: readonly Hop[]): boolean =>
  isLoadBalancer(forward[0]?.to);
