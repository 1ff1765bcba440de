import {
  clientEndpoint,
  forwardedHost,
  ingressSourceEndpoint,
  nodePortEndpoint,
  nodeSnatEndpoint,
  podEndpoint,
  proxyFrontEndpoint,
  proxySourceEndpoint,
  vipEndpoint,
} from './endpoints';
import { findMode, policyApplies, type Mode } from './modes';
import { applyRewrites, makePacket, type Endpoint, type Packet, type Rewrite } from './packet';
import { seededPick } from './random';
import { err, ok, type Result } from './result';
import { returnPath } from './return-path';
import {
  endpointsOf,
  findService,
  ingressFor,
  type ClusterNode,
  type ExternalTrafficPolicy,
  type Pod,
  type Service,
  type Topology,
} from './topology';
import type { ClientIpFate, Device, DeviceId, Hop, Outcome, Scenario, Trace } from './trace-types';

export const CLIENT: DeviceId = 'client';
export const VIP: DeviceId = 'lb:vip';
export const PROXY: DeviceId = 'lb:proxy';
export const nodeDevice = (id: string): DeviceId => `node:${id}`;
export const podDevice = (id: string): DeviceId => `pod:${id}`;

/** Builds the forward hops one wire at a time, tracking the packet and the connection. */
class Path {
  readonly hops: Hop[] = [];
  readonly notes: string[] = [];
  readonly devices: Record<DeviceId, Device> = {};
  connection = 1;
  /** Which device opened each connection (index = connection − 1). */
  readonly openers: DeviceId[] = [CLIENT];
  at: DeviceId = CLIENT;

  constructor(
    public packet: Packet,
    t: Topology,
  ) {
    this.device(CLIENT, 'client', t.client.name);
    for (const node of t.nodes) this.device(nodeDevice(node.id), 'node', node.name);
  }

  device(id: DeviceId, kind: Device['kind'], name: string): DeviceId {
    this.devices[id] = { id, kind, name };
    return id;
  }

  send(to: DeviceId, rewrites: readonly Rewrite[], via?: DeviceId): void {
    if (rewrites.some((r) => r.type === 'proxy')) {
      this.connection += 1;
      this.openers.push(this.at);
    }
    this.packet = applyRewrites(this.packet, rewrites);
    this.hops.push({
      index: this.hops.length,
      direction: 'forward',
      from: this.at,
      to,
      via,
      packet: this.packet,
      rewrites,
      connection: this.connection,
      kind: 'pass',
    });
    this.at = to;
  }

  /** The packet stops where it is: nothing leaves the device. */
  stop(rewrite: Extract<Rewrite, { type: 'drop' | 'reject' }>): void {
    const packet = applyRewrites(this.packet, [rewrite]);
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

type Stop = { kind: 'dropped' | 'rejected'; at: DeviceId; reason: string };

/** The pod to use: the requested one when it is a candidate, else a seeded choice. */
function choose(candidates: readonly Pod[], requested: string | undefined, seed: number): Pod {
  return candidates.find((p) => p.id === requested) ?? seededPick(candidates, seed);
}

/**
 * Which node the front door sends to. A client using a NodePort picks any node
 * itself. A load balancer with policy Local health-checks healthCheckNodePort and
 * sends only to nodes that answer 200 (rule 9 of docs/traffic-model.md).
 */
function pickEntryNode(
  path: Path,
  t: Topology,
  svc: Service,
  policy: ExternalTrafficPolicy,
  byLoadBalancer: boolean,
  requested: string | undefined,
  seed: number,
): ClusterNode | undefined {
  const wanted = t.nodes.find((n) => n.id === requested) ?? t.nodes[0];
  if (!wanted || !byLoadBalancer || policy === 'Cluster') return wanted;
  const local = endpointsOf(t, svc);
  const healthy = t.nodes.filter((n) => local.some((p) => p.node === n.id));
  if (healthy.length === 0 || healthy.includes(wanted)) return wanted;
  const picked = healthy.find((n) => n.id === requested) ?? seededPick(healthy, seed);
  path.notes.push(
    `The load balancer skips ${wanted.name}: its health check on :${svc.healthCheckNodePort ?? '?'} answers 503 (no local pod), so it sends to ${picked.name}.`,
  );
  return picked;
}

/**
 * kube-proxy on the entry node: DNAT to a pod, and under Cluster SNAT to the
 * node's own address (it masquerades all external traffic "in case we cross
 * nodes", even when the pod is local). Under Local only local pods are
 * candidates and the source is left alone; with none, the packet is dropped.
 */
function kubeProxy(
  path: Path,
  t: Topology,
  node: ClusterNode,
  svc: Service,
  policy: ExternalTrafficPolicy,
  requested: string | undefined,
  seed: number,
  isIngressProxy: boolean,
): Pod | Stop {
  const at = nodeDevice(node.id);
  const endpoints = endpointsOf(t, svc);
  if (endpoints.length === 0) {
    const reason = `${svc.name} has no ready pods anywhere, so kube-proxy on ${node.name} rejects the connection (ICMP port unreachable)`;
    path.stop({ type: 'reject', at: nodeSnatEndpoint(node), reason });
    return { kind: 'rejected', at, reason };
  }
  const candidates = policy === 'Local' ? endpoints.filter((p) => p.node === node.id) : endpoints;
  if (candidates.length === 0) {
    const reason = `${node.name} has no ready pod of ${svc.name} and externalTrafficPolicy is Local, so ${node.name} drops the packet silently`;
    path.stop({ type: 'drop', at: nodeSnatEndpoint(node), reason });
    return { kind: 'dropped', at, reason };
  }
  const pod = choose(candidates, requested, seed);
  const rewrites: Rewrite[] = [{ type: 'dnat', to: podEndpoint(pod, svc, isIngressProxy) }];
  if (policy === 'Cluster') rewrites.push({ type: 'snat', to: nodeSnatEndpoint(node) });
  const to = path.device(podDevice(pod.id), 'pod', pod.name);
  path.send(to, rewrites, pod.node !== node.id ? nodeDevice(pod.node) : undefined);
  return pod;
}

/** A proxy with no backend answers the client itself. */
function proxyRefuses(
  path: Path,
  at: DeviceId,
  atEndpoint: Endpoint,
  svc: Service,
  http: boolean,
): Stop {
  const reason = `${svc.name} has no ready pods, so the proxy answers ${http ? 'HTTP 503' : 'with a TCP reset'}`;
  path.stop({ type: 'reject', at: atEndpoint, reason });
  return { kind: 'rejected', at, reason };
}

/** An HTTP proxy pod in the cluster: a new connection to a backend pod, X-Forwarded-For appended. */
function ingressProxy(
  path: Path,
  t: Topology,
  proxyPod: Pod,
  backend: Service,
  scenario: Scenario,
  seed: number,
): Pod | Stop {
  const at = podDevice(proxyPod.id);
  const endpoints = endpointsOf(t, backend);
  const source = ingressSourceEndpoint(proxyPod);
  if (endpoints.length === 0) return proxyRefuses(path, at, source, backend, true);
  // nginx trusts a PROXY protocol line when it has one; otherwise it names its L3 peer.
  const peer = path.packet.proxyLine?.src ?? path.packet.src;
  const pod = choose(endpoints, scenario.pod, seed + 7);
  const to = path.device(podDevice(pod.id), 'pod', pod.name);
  path.send(
    to,
    [
      { type: 'xff', add: forwardedHost(peer) },
      { type: 'proxy', src: source, dst: podEndpoint(pod, backend, false), protocol: 'http' },
    ],
    pod.node !== proxyPod.node ? nodeDevice(pod.node) : undefined,
  );
  return pod;
}

function clientIpFate(t: Topology, packet: Packet | null): ClientIpFate {
  if (!packet) return 'lost';
  const ip = t.client.ip as string;
  if (packet.src.ip === ip) return 'l3';
  if (packet.xff?.some((h) => h.ip === ip)) return 'xff';
  if (packet.proxyLine?.src.ip === ip) return 'proxy-protocol';
  return 'lost';
}

/** Traces one request through the cluster: forward hops, the reply, and the outcome. */
export function trace(scenario: Scenario): Result<Trace> {
  const t = scenario.topology;
  const mode = findMode(scenario.mode);
  if (!mode)
    return err(
      `"${String(scenario.mode).slice(0, 20)}" is not a mode; the modes are 1, 2, 3a–3d, 4a, 4b, 4c.1–4c.3 and 4d`,
    );
  const backend = findService(t, scenario.service);
  if (!backend)
    return err(`There is no Service "${String(scenario.service).slice(0, 40)}" in this topology`);
  let front = backend;
  if (mode.ingress !== 'none') {
    const ing = ingressFor(t, backend.id);
    const proxySvc = ing?.proxyService ? findService(t, ing.proxyService) : undefined;
    if (!proxySvc)
      return err(
        `Mode ${mode.id} needs an in-cluster ingress proxy for ${backend.name}, and this topology has none`,
      );
    front = proxySvc;
  }
  const policy = scenario.policy ?? front.externalTrafficPolicy;
  const seed = scenario.seed ?? 1;

  const client = clientEndpoint(t.client);
  const frontDoor = frontEndpoint(mode, front, t);
  if (!frontDoor.ok) return frontDoor;
  const path = new Path(makePacket(client, frontDoor.value.endpoint, mode.protocol), t);

  const result = walk(path, mode, scenario, t, backend, front, policy, seed, frontDoor.value);
  if ('error' in result) return err(result.error);

  const delivered = result.kind === 'delivered';
  const last = path.hops[path.hops.length - 1];
  const arrived = delivered && last ? last.packet : null;
  let passHops = 0;
  let snat = false;
  for (const hop of path.hops) {
    if (hop.kind === 'pass') passHops++;
    for (const r of hop.rewrites) if (r.type === 'snat') snat = true;
  }
  const outcome: Outcome = delivered ? { kind: 'delivered', pod: result.pod.id } : result;
  return ok({
    mode: mode.id,
    service: backend.id,
    policy,
    policyApplies: policyApplies(mode),
    devices: path.devices,
    entryNode: result.entryNode,
    ingressPod: result.ingressPod,
    pod: delivered ? result.pod.id : null,
    forward: path.hops,
    back: returnPath(path.hops, path.openers, mode, result.kind === 'delivered'),
    outcome,
    podSees: arrived ? arrived.src : null,
    clientIp: clientIpFate(t, arrived),
    hopCount: passHops,
    talkHops: mode.front === 'vip' || mode.front === 'proxy' ? passHops - 1 : passHops,
    snat,
    notes: path.notes,
  });
}

interface FrontDoor {
  endpoint: Endpoint;
  device: DeviceId;
}

function frontEndpoint(
  mode: Mode,
  front: Service,
  t: Topology,
): Result<FrontDoor & { node?: undefined }> {
  switch (mode.front) {
    case 'vip': {
      const e = vipEndpoint(front);
      return e
        ? ok({ endpoint: e, device: VIP })
        : err(`${front.name} has no VIP, so mode ${mode.id} cannot reach it`);
    }
    case 'proxy': {
      const e = proxyFrontEndpoint(front);
      return e
        ? ok({ endpoint: e, device: PROXY })
        : err(`${front.name} has no proxy address, so mode ${mode.id} cannot reach it`);
    }
    case 'node':
      return front.nodePort
        ? ok({ endpoint: clientEndpoint(t.client), device: CLIENT })
        : err(`${front.name} has no nodePort, so mode ${mode.id} cannot reach it`);
    case 'pod':
      return ok({ endpoint: clientEndpoint(t.client), device: CLIENT });
  }
}

type Walked = ({ kind: 'delivered'; pod: Pod } & Places) | (Stop & Places) | { error: string };
type Places = { entryNode: string | null; ingressPod: string | null };

/** Walks the packet from the client to the backend pod for one mode. */
function walk(
  path: Path,
  mode: Mode,
  scenario: Scenario,
  t: Topology,
  backend: Service,
  front: Service,
  policy: ExternalTrafficPolicy,
  seed: number,
  door: FrontDoor,
): Walked {
  let entryNode: string | null = null;
  let ingressPod: string | null = null;
  const isIngress = mode.ingress !== 'none';
  const places = () => ({ entryNode, ingressPod });
  const finish = (got: Pod | Stop, backendSeed: number): Walked => {
    if ('kind' in got) return { ...got, ...places() };
    if (!isIngress) return { kind: 'delivered', pod: got, ...places() };
    ingressPod = got.id;
    const final = ingressProxy(path, t, got, backend, scenario, backendSeed);
    return 'kind' in final
      ? { ...final, ...places() }
      : { kind: 'delivered', pod: final, ...places() };
  };

  // Mode 1: the client talks to a pod directly (it found the pod IP itself).
  if (mode.front === 'pod') {
    const endpoints = endpointsOf(t, backend);
    if (endpoints.length === 0)
      return { error: `${backend.name} has no ready pods for the client to talk to` };
    const pod = choose(endpoints, scenario.pod, seed);
    path.packet = makePacket(
      path.packet.src,
      podEndpoint(pod, backend, false),
      path.packet.protocol,
    );
    path.send(path.device(podDevice(pod.id), 'pod', pod.name), [{ type: 'route' }]);
    return { kind: 'delivered', pod, ...places() };
  }

  // Mode 2: the client picks a node and sends to its node port.
  if (mode.front === 'node') {
    const node = pickEntryNode(path, t, front, policy, false, scenario.entryNode, seed);
    if (!node) return { error: 'The topology has no nodes' };
    entryNode = node.id;
    path.packet = makePacket(
      path.packet.src,
      nodePortEndpoint(node, front.nodePort as number),
      path.packet.protocol,
    );
    path.send(path.device(nodeDevice(node.id), 'node', node.name), [{ type: 'route' }]);
    return finish(
      kubeProxy(
        path,
        t,
        node,
        front,
        policy,
        isIngress ? scenario.ingressPod : scenario.pod,
        seed,
        isIngress,
      ),
      seed,
    );
  }

  // Modes 3–4: the client sends to the load balancer's VIP or proxy.
  const lbName = mode.front === 'vip' ? 'VIP' : 'Proxy';
  path.send(path.device(door.device, mode.front, lbName), [{ type: 'route' }]);
  // A proxy-like LB ends the client's connection and opens its own. An HTTP one
  // appends the client to X-Forwarded-For first; an L4 one can write a PROXY
  // protocol line at the start of its new stream.
  const clientLeg = path.packet;
  const proxyTo = (dst: Endpoint): Rewrite[] => {
    const open: Rewrite = {
      type: 'proxy',
      src: proxySourceEndpoint(front) as Endpoint,
      dst,
      protocol: mode.protocol,
    };
    if (mode.lbLayer === 'http') return [{ type: 'xff', add: forwardedHost(clientLeg.src) }, open];
    if (scenario.proxyProtocol)
      return [open, { type: 'proxy-protocol', src: clientLeg.src, dst: clientLeg.dst }];
    return [open];
  };

  if (mode.frontTo === 'node') {
    const node = pickEntryNode(path, t, front, policy, true, scenario.entryNode, seed);
    if (!node) return { error: 'The topology has no nodes' };
    entryNode = node.id;
    const to = path.device(nodeDevice(node.id), 'node', node.name);
    if (mode.front === 'vip') {
      // Passthrough: the node knows the Service by the destination IP (the VIP).
      path.send(to, [{ type: 'route' }]);
    } else {
      if (front.nodePort === undefined)
        return { error: `${front.name} has no nodePort for the proxy to send to` };
      path.send(to, proxyTo(nodePortEndpoint(node, front.nodePort)));
    }
    return finish(
      kubeProxy(
        path,
        t,
        node,
        front,
        policy,
        isIngress ? scenario.ingressPod : scenario.pod,
        seed,
        isIngress,
      ),
      seed,
    );
  }

  // One hop: the load balancer knows the pod IPs and sends straight to a pod.
  const endpoints = endpointsOf(t, front);
  const atLb = door.device;
  if (endpoints.length === 0) {
    if (mode.front === 'proxy')
      return {
        ...proxyRefuses(path, atLb, door.endpoint, front, mode.protocol === 'http'),
        ...places(),
      };
    const reason = `${front.name} has no ready pods, so the load balancer has nowhere to send and drops the packet`;
    path.stop({ type: 'drop', at: door.endpoint, reason });
    return { kind: 'dropped', at: atLb, reason, ...places() };
  }
  const pod = choose(endpoints, isIngress ? scenario.ingressPod : scenario.pod, seed);
  const to = path.device(podDevice(pod.id), 'pod', pod.name);
  const dst = podEndpoint(pod, front, isIngress);
  path.send(
    to,
    mode.front === 'vip' ? [{ type: 'dnat', to: dst }] : proxyTo(dst),
    nodeDevice(pod.node),
  );
  return finish(pod, seed);
}
