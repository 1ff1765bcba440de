import type {
  ClusterNode,
  ExternalTrafficPolicy,
  InternalTrafficPolicy,
  Pod,
  Service,
  Topology,
  TrafficDistribution,
} from './topology';
import type { Scenario } from './trace-types';

// Which endpoints kube-proxy on one node may send a new connection to, as
// pkg/proxy/topology.go (CategorizeEndpoints) decides it:
//
// - Cluster chain: the ready endpoints, narrowed by topology hints
//   (trafficDistribution) when they can be used; with no ready endpoint
//   anywhere, the serving terminating ones (KEP-1669).
// - Local chain: the ready endpoints on this node; with none, the serving
//   terminating ones on this node.
//
// The health check node port counts only ready local endpoints, so a node whose
// only endpoints are terminating answers 503 and a load balancer drains it.

/** EndpointSlice condition `serving`: absent on a pod, it is the same as `ready`. */
export const isServing = (pod: Pod): boolean => pod.serving ?? pod.ready;

/** Not ready, being deleted, still passing its readiness probe: KEP-1669's fallback. */
export const isServingTerminating = (pod: Pod): boolean =>
  !pod.ready && pod.terminating === true && isServing(pod);

/** The Service's trafficDistribution, or the scenario's override (null turns it off). */
export const distributionOf = (
  s: Pick<Scenario, 'trafficDistribution'>,
  svc: Service,
): TrafficDistribution | null =>
  s.trafficDistribution === undefined ? (svc.trafficDistribution ?? null) : s.trafficDistribution;

/** The topology hints kube-proxy honoured on a node, or null when it used every endpoint. */
export type TopologyMode = 'PreferSameNode' | 'PreferSameZone';

/** The endpoints a node's kube-proxy may choose from for a new connection. */
export interface EndpointPick {
  readonly pods: readonly Pod[];
  /** True when these are serving terminating endpoints (no ready one was usable). */
  readonly terminating: boolean;
  /** The topology hints used, or null. */
  readonly topology: TopologyMode | null;
}

/** Every pod the Service's selector matches, whatever its state, in topology order. */
export function selectedPods(t: Topology, svc: Service): Pod[] {
  const keys = Object.keys(svc.selector);
  if (keys.length === 0) return [];
  return t.pods.filter((p) => keys.every((k) => p.labels[k] === svc.selector[k]));
}

/**
 * The zone of a node, for hints: the EndpointSlice controller copies the
 * endpoint's node zone into `hints.forZones`; an endpoint without one gets no
 * zone hint (staging/src/k8s.io/endpointslice/trafficdist).
 */
const zoneOf = (t: Topology, nodeId: string): string | undefined =>
  t.nodes.find((n) => n.id === nodeId)?.zone;

/**
 * topologyModeFromHints: PreferSameNode when every ready endpoint has a node
 * hint (it has, under PreferSameNode) and one is on this node; otherwise
 * PreferSameZone when every ready endpoint has a zone hint and one is in this
 * node's zone; otherwise none. PreferSameNode also writes zone hints, so it
 * falls back to the same zone before it falls back to every endpoint.
 */
export function topologyMode(
  t: Topology,
  ready: readonly Pod[],
  node: ClusterNode,
  distribution: TrafficDistribution | null | undefined,
): TopologyMode | null {
  if (!distribution || ready.length === 0) return null;
  if (distribution === 'PreferSameNode' && ready.some((p) => p.node === node.id))
    return 'PreferSameNode';
  const zones = ready.map((p) => zoneOf(t, p.node));
  if (zones.every((z) => z !== undefined) && node.zone !== undefined && zones.includes(node.zone))
    return 'PreferSameZone';
  return null;
}

const inTopology = (t: Topology, pod: Pod, node: ClusterNode, mode: TopologyMode | null) =>
  mode === null ||
  (mode === 'PreferSameNode' ? pod.node === node.id : zoneOf(t, pod.node) === node.zone);

/**
 * The Cluster chain on `node`. `ready` is the Service's ready endpoints
 * (endpointsOf), passed in because every caller has it already.
 */
export function clusterPick(
  t: Topology,
  svc: Service,
  ready: readonly Pod[],
  node: ClusterNode,
  distribution: TrafficDistribution | null | undefined,
): EndpointPick {
  if (ready.length > 0) {
    const topology = topologyMode(t, ready, node, distribution);
    const pods = topology ? ready.filter((p) => inTopology(t, p, node, topology)) : ready;
    return { pods, terminating: false, topology };
  }
  const pods = selectedPods(t, svc).filter(isServingTerminating);
  return { pods, terminating: pods.length > 0, topology: null };
}

/** The Local chain on `node`: ready local endpoints, else serving terminating local ones. */
export function localPick(
  t: Topology,
  svc: Service,
  ready: readonly Pod[],
  node: ClusterNode,
): EndpointPick {
  const local = ready.filter((p) => p.node === node.id);
  if (local.length > 0) return { pods: local, terminating: false, topology: null };
  const pods = selectedPods(t, svc).filter((p) => p.node === node.id && isServingTerminating(p));
  return { pods, terminating: pods.length > 0, topology: null };
}

/** Whether the Service has a usable endpoint anywhere (ready, or serving terminating). */
export const hasAnyEndpoint = (t: Topology, svc: Service, ready: readonly Pod[]): boolean =>
  ready.length > 0 || selectedPods(t, svc).some(isServingTerminating);

/** Who sent a packet, as kube-proxy's rules on one node tell it: by the source address. */
export type SourceKind =
  /** Inside the cluster CIDR (the ClusterCIDR local-traffic detector). */
  | 'pod'
  /** One of this node's own addresses (addrtype --src-type LOCAL). */
  | 'host'
  /** Anything else: a client on the internet, a load balancer, another node. */
  | 'outside';

/** Where the packet was addressed: a cluster IP, or a node port / load balancer address. */
export type Destination = 'internal' | 'external';

/** The chain kube-proxy sends a new connection through, and whether it masquerades it. */
export interface ChainChoice {
  readonly pick: EndpointPick;
  /** The Local chain (only this node's endpoints). */
  readonly local: boolean;
  /** KUBE-MARK-MASQ before the endpoint chain (the hairpin rule comes after, per endpoint). */
  readonly masq: boolean;
}

/**
 * pkg/proxy/iptables/proxier.go, per Service:
 * - to the cluster IP, internalTrafficPolicy picks the chain, and a source
 *   outside the cluster CIDR is masqueraded ("! -s clusterCIDR");
 * - to a node port or LB address (KUBE-EXT), Cluster masquerades everything;
 *   Local sends pod traffic to the Cluster chain unmasqueraded ("pod traffic
 *   for … external destinations"), host traffic to it masqueraded ("masquerade
 *   LOCAL traffic"), and only other sources to the Local chain.
 */
export function kubeProxyChoice(
  t: Topology,
  svc: Service,
  ready: readonly Pod[],
  node: ClusterNode,
  dest: Destination,
  source: SourceKind,
  policies: { external: ExternalTrafficPolicy; internal: InternalTrafficPolicy },
  distribution: TrafficDistribution | null,
): ChainChoice {
  const local =
    dest === 'internal'
      ? policies.internal === 'Local'
      : policies.external === 'Local' && source === 'outside';
  const masq =
    dest === 'internal' ? source !== 'pod' : policies.external === 'Cluster' || source === 'host';
  const pick = local
    ? localPick(t, svc, ready, node)
    : clusterPick(t, svc, ready, node, distribution);
  return { pick, local, masq };
}

/** What kube-proxy's health check node port answers a load balancer for one node. */
export interface HealthCheckAnswer {
  readonly status: 200 | 503;
  /** The body's `localEndpoints`: ready endpoints of the Service on this node. */
  readonly localEndpoints: number;
  /**
   * Response headers. `X-Load-Balancing-Endpoint-Weight` carries the same count,
   * on a 200 and on a 503 alike (set before the status is written).
   */
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * The healthCheckNodePort's answer (pkg/proxy/healthcheck, fed with
 * LocalReadyEndpoints): 200 when the node has a ready local endpoint, else 503.
 * Terminating endpoints are not counted, even those still serving, so a load
 * balancer drains a node whose pods are shutting down.
 */
export function healthCheck(t: Topology, svc: Service, node: ClusterNode): HealthCheckAnswer {
  let count = 0;
  for (const p of selectedPods(t, svc)) if (p.ready && p.node === node.id) count++;
  return {
    status: count > 0 ? 200 : 503,
    localEndpoints: count,
    headers: {
      'Content-Type': 'application/json',
      'X-Content-Type-Options': 'nosniff',
      'X-Load-Balancing-Endpoint-Weight': String(count),
    },
  };
}

const names = (pods: readonly Pod[]): string =>
  pods.length <= 4
    ? pods.map((p) => p.name).join(', ')
    : `${pods
        .slice(0, 3)
        .map((p) => p.name)
        .join(', ')} and ${pods.length - 3} more`;

/** A sentence for the trace's notes when the pick is not simply "every ready endpoint". */
export function describePick(
  pick: EndpointPick,
  node: ClusterNode,
  svc: Service,
  distribution?: TrafficDistribution | null,
): string | null {
  if (pick.terminating)
    return `${svc.name} has no ready endpoint kube-proxy on ${node.name} may use, so it sends new connections to ${names(pick.pods)}: terminating, but still serving (KEP-1669).`;
  if (pick.topology === 'PreferSameNode')
    return `kube-proxy on ${node.name} follows the node hints (trafficDistribution PreferSameNode): only ${svc.name}'s endpoints on ${node.name}.`;
  if (pick.topology === 'PreferSameZone')
    return `kube-proxy on ${node.name} follows the zone hints (trafficDistribution ${distribution ?? 'PreferSameZone'}): only ${svc.name}'s endpoints in ${node.zone ?? 'its zone'}.`;
  if (distribution && pick.pods.length > 0)
    return `trafficDistribution is ${distribution}, but no ready endpoint of ${svc.name} is ${distribution === 'PreferSameNode' ? `on ${node.name} or in its zone` : `in ${node.name}'s zone`}, so kube-proxy uses every endpoint.`;
  return null;
}

/**
 * Why a node's health check answers 503, in the words of a note: no local pod
 * at all, or only terminating ones (KEP-1669: the load balancer drains the node
 * while its pods finish what they have).
 */
export function drainedWhy(t: Topology, svc: Service, node: ClusterNode): string {
  const leaving = selectedPods(t, svc).filter((p) => p.node === node.id && isServingTerminating(p));
  return leaving.length === 0
    ? 'no local pod'
    : `no ready local pod: ${names(leaving)} ${leaving.length === 1 ? 'is' : 'are'} terminating`;
}
