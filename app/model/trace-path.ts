import { afterEntry, directReturn, forwardsWithoutLocalPod } from './dataplane';
import { deviceRef, nodeDevice, podDevice, CLIENT, type DeviceId } from './device';
import {
  forwardedHost,
  ingressSourceEndpoint,
  nodeEndpoint,
  nodeSnatEndpoint,
  podEndpoint,
} from './endpoints';
import type { Mode } from './modes';
import {
  applyRewrites,
  makePacket,
  type Endpoint,
  type Packet,
  type RejectAnswer,
  type Rewrite,
} from './packet';
import {
  clusterPick,
  describePick,
  distributionOf,
  drainedWhy,
  hasAnyEndpoint,
  localPick,
} from './endpoint-pick';
import { seededPick } from './random';
import {
  endpointsOf,
  type ClusterNode,
  type ExternalTrafficPolicy,
  type Pod,
  type PodId,
  type Service,
  type Topology,
} from './topology';
import type { Device, Hop, Scenario } from './trace-types';

// The devices a request meets on its way in, one function each: the front
// door's choice of node, kube-proxy on the entry node, a proxy that refuses and
// an in-cluster ingress proxy. trace.ts strings them together per mode. Each
// takes the walk (what was asked, and the path so far), adds its hops to the
// path and says where the request went next; nothing flows back the other way.

/** Builds the forward hops one wire at a time, tracking the packet and the connection. */
export class Path {
  readonly hops: Hop[] = [];
  readonly notes: string[] = [];
  readonly devices: Record<string, Device> = {};
  /** Which device opened each connection (index = connection − 1). */
  readonly openers: DeviceId[];
  private connection = 1;
  private at: DeviceId;
  private current: Packet;

  /** `start` is where the request begins: the outside client unless a pod or node sends it. */
  constructor(packet: Packet, t: Topology, start?: { device: DeviceId; name: string }) {
    this.current = packet;
    this.at = start ? start.device : CLIENT;
    this.openers = [this.at];
    this.device(this.at, start ? start.name : t.client.name);
    for (const node of t.nodes) this.device(nodeDevice(node.id), node.name);
  }

  /** The packet as it is now, where the path has got to. */
  get packet(): Packet {
    return this.current;
  }

  /** Names a device the path meets; its kind comes from its id. */
  device(id: DeviceId, name: string): DeviceId {
    this.devices[id] = { id, kind: deviceRef(id)?.kind ?? 'client', name };
    return id;
  }

  /** Where the client sends its first packet, once the walk knows (a pod, a node's port). */
  firstTo(dst: Endpoint): void {
    if (this.hops.length > 0) throw new Error('the client has already sent its packet');
    this.current = makePacket(this.current.src, dst, this.current.protocol);
  }

  /** Something worth saying that is not a hop. */
  note(text: string): void {
    this.notes.push(text);
  }

  send(to: DeviceId, rewrites: readonly Rewrite[], via?: DeviceId): void {
    if (rewrites.some((r) => r.type === 'proxy')) {
      this.connection += 1;
      this.openers.push(this.at);
    }
    this.current = applyRewrites(this.current, rewrites);
    this.hops.push({
      index: this.hops.length,
      direction: 'forward',
      from: this.at,
      to,
      via,
      packet: this.current,
      rewrites,
      connection: this.connection,
      kind: 'pass',
    });
    this.at = to;
  }

  /** The packet stops where it is: nothing leaves the device. */
  stop(rewrite: Extract<Rewrite, { type: 'drop' | 'reject' }>): void {
    const packet = applyRewrites(this.current, [rewrite]);
    this.hops.push({
      index: this.hops.length,
      direction: 'forward',
      from: this.at,
      to: null,
      via: undefined,
      packet,
      rewrites: [rewrite],
      connection: this.connection,
      kind: rewrite.type,
    });
  }
}

/** One request's walk through the cluster: what was asked, and the path so far. */
export interface Walk {
  readonly t: Topology;
  readonly mode: Mode;
  readonly scenario: Scenario;
  /** The Service the request is for. */
  readonly backend: Service;
  /** The Service the client or load balancer reaches: the backend, or the ingress proxies'. */
  readonly front: Service;
  readonly policy: ExternalTrafficPolicy;
  readonly seed: number;
  readonly path: Path;
}

/** Whether in-cluster ingress proxies stand between the front door and the backend pods. */
export const viaIngress = (w: Walk): boolean => w.mode.ingress !== 'none';

/** Where and why a request ends without reaching a backend pod. */
export type Stop = { kind: 'dropped' | 'rejected'; at: DeviceId; reason: string };

/** The pod to use: the requested one when it is a candidate, else a seeded choice. */
export function choose(
  candidates: readonly Pod[],
  requested: PodId | undefined,
  seed: number,
): Pod {
  return candidates.find((p) => p.id === requested) ?? seededPick(candidates, seed);
}

/**
 * Which node the front door sends to. A client using a NodePort picks any node
 * itself. A load balancer with policy Local health-checks healthCheckNodePort and
 * sends only to nodes that answer 200 (rule 9 of docs/traffic-model.md).
 */
export function pickEntryNode(w: Walk): ClusterNode | undefined {
  const { t, front: svc, policy, seed } = w;
  const requested = w.scenario.entryNode;
  const byLoadBalancer = w.mode.front !== 'node';
  const wanted = t.nodes.find((n) => n.id === requested) ?? t.nodes[0];
  if (!wanted || !byLoadBalancer || policy === 'Cluster') return wanted;
  // A set of the nodes with a pod: 500 nodes × 5,000 pods would otherwise cost milliseconds a trace.
  const withPod = new Set(endpointsOf(t, svc).map((p) => p.node));
  const healthy = t.nodes.filter((n) => withPod.has(n.id));
  if (healthy.length === 0 || healthy.includes(wanted)) return wanted;
  const picked = healthy.find((n) => n.id === requested) ?? seededPick(healthy, seed);
  w.path.note(
    `The load balancer skips ${wanted.name}: its health check on :${svc.healthCheckNodePort ?? '?'} answers 503 (${drainedWhy(t, svc, wanted)}), so it sends to ${picked.name}.`,
  );
  return picked;
}

/**
 * kube-proxy on the entry node: DNAT to a pod of the front Service, and under
 * Cluster SNAT to the node's own address (it masquerades all external traffic
 * "in case we cross nodes", even when the pod is local). Under Local only local
 * pods are candidates and the source is left alone; with none, the packet is
 * dropped.
 */
export function kubeProxy(w: Walk, node: ClusterNode): Pod | Stop {
  const { t, front: svc, policy, seed, path } = w;
  const requested = viaIngress(w) ? w.scenario.ingressPod : w.scenario.pod;
  const at = nodeDevice(node.id);
  const endpoints = endpointsOf(t, svc);
  if (endpoints.length === 0 && !hasAnyEndpoint(t, svc, endpoints)) {
    // A Service without endpoints gets a REJECT rule (KUBE-EXTERNAL-SERVICES):
    // the client hears ICMP port unreachable at once instead of timing out.
    const reason = `${svc.name} has no ready pods anywhere, so kube-proxy on ${node.name} rejects the connection (ICMP port unreachable)`;
    path.stop({
      type: 'reject',
      at: nodeSnatEndpoint(node),
      reason,
      answer: 'icmp-port-unreachable',
    });
    return { kind: 'rejected', at, reason };
  }
  let candidates = policy === 'Local' ? endpoints.filter((p) => p.node === node.id) : endpoints;
  // Rare paths only: no ready candidate (KEP-1669's terminating fallback), or
  // topology hints on the Cluster chain (trafficDistribution).
  const distribution = policy === 'Cluster' ? distributionOf(w.scenario, svc) : null;
  if (candidates.length === 0 || distribution) {
    const pick =
      policy === 'Local'
        ? localPick(t, svc, endpoints, node)
        : clusterPick(t, svc, endpoints, node, distribution);
    candidates = pick.pods as Pod[];
    const said = describePick(pick, node, svc, distribution);
    if (said) path.note(said);
  }
  // Old IPVS sent on to a remote pod where there was no local one (dataplane.ts).
  if (candidates.length === 0 && forwardsWithoutLocalPod(w)) candidates = endpoints;
  if (candidates.length === 0) {
    const reason = `${node.name} has no ready pod of ${svc.name} and externalTrafficPolicy is Local, so ${node.name} drops the packet silently`;
    path.stop({ type: 'drop', at: nodeEndpoint(node), reason });
    return { kind: 'dropped', at, reason };
  }
  const pod = choose(candidates, requested, seed);
  const rewrites: Rewrite[] = [{ type: 'dnat', to: podEndpoint(pod, svc, viaIngress(w)) }];
  if (policy === 'Cluster' && !directReturn(w))
    rewrites.push({ type: 'snat', to: nodeSnatEndpoint(node) });
  const to = path.device(podDevice(pod.id), pod.name);
  path.send(to, rewrites, pod.node !== node.id ? nodeDevice(pod.node) : undefined);
  return w.scenario.dataplane === undefined ? pod : afterEntry(w, node, pod);
}

/**
 * A proxy with no backend answers the client itself, on the connection it has
 * already accepted: an L4 proxy resets it, an HTTP proxy answers 503.
 */
export function proxyRefuses(
  w: Walk,
  at: DeviceId,
  svc: Service,
  answer: Exclude<RejectAnswer, 'icmp-port-unreachable'>,
): Stop {
  const reason = `${svc.name} has no ready pods, so the proxy answers ${answer === 'http-503' ? 'HTTP 503' : 'with a TCP reset'}`;
  // The refusal comes from the address the client connected to.
  w.path.stop({ type: 'reject', at: w.path.packet.dst, reason, answer });
  return { kind: 'rejected', at, reason };
}

/** An HTTP proxy pod in the cluster: a new connection to a backend pod, X-Forwarded-For appended. */
export function ingressProxy(w: Walk, proxyPod: Pod): Pod | Stop {
  const { t, backend, path } = w;
  const at = podDevice(proxyPod.id);
  const endpoints = endpointsOf(t, backend);
  if (endpoints.length === 0) return proxyRefuses(w, at, backend, 'http-503');
  // nginx trusts a PROXY protocol line when it has one; otherwise it names its L3 peer.
  const peer = path.packet.proxyLine?.src ?? path.packet.src;
  const pod = choose(endpoints, w.scenario.pod, w.seed + 7);
  const to = path.device(podDevice(pod.id), pod.name);
  path.send(
    to,
    [
      { type: 'xff', add: forwardedHost(peer) },
      {
        type: 'proxy',
        src: ingressSourceEndpoint(proxyPod),
        dst: podEndpoint(pod, backend, false),
        protocol: 'http',
      },
    ],
    pod.node !== proxyPod.node ? nodeDevice(pod.node) : undefined,
  );
  return pod;
}
