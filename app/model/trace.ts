import { clipInput } from './address';
import { dataplaneReturn, lostReplyPod } from './dataplane';
import { lbToPod } from './direct-lb';
import {
  clientEndpoint,
  clusterIpEndpoint,
  forwardedHost,
  nodePortEndpoint,
  podEndpoint,
  proxyFrontEndpoint,
  proxySourceEndpoint,
  vipEndpoint,
  vipSourceEndpoint,
} from './endpoints';
import { findMode, policyApplies, type Mode } from './modes';
import { makePacket, type Endpoint, type Packet, type Rewrite } from './packet';
import { err, ok, type Result } from './result';
import { proxyProtocolRewrite } from './packet';
import { returnPath } from './return-path';
import { typeRefusal } from './service-type';
import {
  endpointsOf,
  findService,
  ingressFor,
  type NodeId,
  type Pod,
  type PodId,
  type Service,
  type Topology,
} from './topology';
import { CLIENT, isLoadBalancer, nodeDevice, podDevice, PROXY, VIP, type DeviceId } from './device';
import {
  bypassingReply,
  clusterIpRefusal,
  goesOut,
  insideClient,
  ipModeOf,
  touchedLoadBalancer,
  walkInside,
} from './in-cluster';
import {
  choose,
  ingressProxy,
  kubeProxy,
  Path,
  pickEntryNode,
  proxyRefuses,
  viaIngress,
  type Stop,
  type Walk,
} from './trace-path';
import type { ClientIpFate, Outcome, Scenario, Trace } from './trace-types';

function clientIpFate(ip: string, packet: Packet | null): ClientIpFate {
  if (!packet) return 'lost';
  if (packet.src.ip === ip) return 'l3';
  if (packet.xff?.some((h) => h.ip === ip)) return 'xff';
  if (packet.proxyLine?.src.ip === ip) return 'proxy-protocol';
  return 'lost';
}

/** "node1, node2", or the first few ids and how many more (a synthetic cluster has thousands). */
function listIds(items: readonly { readonly id: string }[], what: string): string {
  if (items.length === 0) return `this topology has no ${what}`;
  const shown = items.slice(0, 8).map((i) => clipInput(i.id));
  const more = items.length > 8 ? ` and ${items.length - 8} more` : '';
  return `the ${what} are ${shown.join(', ')}${more}`;
}

/**
 * A node or pod the scenario names that the topology does not have. Quietly
 * falling back to another one would show a path nobody asked for. (A pod that
 * exists but is not a candidate is different: the request goes to a seeded
 * candidate, as kube-proxy would pick one.)
 */
function unknownPlace(t: Topology, s: Scenario): string | null {
  if (s.entryNode !== undefined && !t.nodes.some((n) => n.id === s.entryNode))
    return `There is no node "${clipInput(s.entryNode)}" in this topology; ${listIds(t.nodes, 'nodes')}`;
  const pinned: [PodId | undefined, string][] = [
    [s.pod, ''],
    [s.ingressPod, ' to use as the ingress proxy'],
  ];
  for (const [id, role] of pinned)
    if (id !== undefined && !t.pods.some((p) => p.id === id))
      return `There is no pod "${clipInput(id)}" in this topology${role}; ${listIds(t.pods, 'pods')}`;
  return null;
}

/** Traces one request through the cluster: forward hops, the reply, and the outcome. */
export function trace(scenario: Scenario): Result<Trace> {
  const t = scenario.topology;
  const mode = findMode(scenario.mode);
  if (!mode)
    return err(
      `"${clipInput(String(scenario.mode), 20)}" is not a mode; the modes are 1, 2, 3a–3d, 4a, 4b, 4c.1–4c.3 and 4d`,
    );
  const backend = findService(t, scenario.service);
  if (!backend)
    return err(`There is no Service "${clipInput(String(scenario.service))}" in this topology`);
  const unknown = unknownPlace(t, scenario);
  if (unknown) return err(unknown);
  // Since 2020: a client inside the cluster, and the cluster IP (in-cluster.ts).
  const placed = insideClient(t, scenario);
  if (!placed.ok) return placed;
  const inside = placed.value;
  const toClusterIp = scenario.target === 'cluster-ip';
  const ipRefusal = toClusterIp ? clusterIpRefusal(backend, inside) : null;
  if (ipRefusal) return err(ipRefusal);
  let front = backend;
  if (mode.ingress !== 'none' && !toClusterIp) {
    const ing = ingressFor(t, backend.id);
    const proxySvc = ing?.proxyService ? findService(t, ing.proxyService) : undefined;
    if (!proxySvc)
      return err(
        `Mode ${mode.id} needs an in-cluster ingress proxy for ${backend.name}, and this topology has none`,
      );
    front = proxySvc;
  }
  // A Service's type decides which doors it has: no node port on ClusterIP, no
  // load balancer below type LoadBalancer.
  const refusal = toClusterIp ? null : typeRefusal(mode, front);
  if (refusal) return err(refusal);
  // Where no node NATs on entry (1, 3b, 3d, 4b, 4c.3) the policy changes nothing,
  // so the trace says Cluster, the default, as exactShares counts it.
  const applies = !toClusterIp && policyApplies(mode);
  const policy = applies ? (scenario.policy ?? front.externalTrafficPolicy) : 'Cluster';
  const seed = scenario.seed ?? 1;

  const client = inside ? inside.endpoint : clientEndpoint(t.client);
  // A cluster IP has no device of its own: kube-proxy on the client's node answers for it.
  const frontDoor = toClusterIp
    ? ok({ endpoint: clusterIpEndpoint(backend) as Endpoint, device: CLIENT as DeviceId })
    : frontEndpoint(mode, front, t);
  if (!frontDoor.ok) return frontDoor;
  const path = new Path(
    makePacket(client, frontDoor.value.endpoint, mode.protocol),
    t,
    inside ? { device: inside.device, name: inside.name } : undefined,
  );

  const w: Walk = { t, mode, scenario, backend, front, policy, seed, path };
  const stays = inside !== null && (toClusterIp || !goesOut(mode, scenario, front));
  const insideWalk = stays ? walkInside(w, inside, toClusterIp) : null;
  const result: Walked = insideWalk
    ? { ...insideWalk, end: reached(insideWalk.end) }
    : walk(w, frontDoor.value);
  if ('error' in result) return err(result.error);

  const { end } = result;
  const delivered = end.kind === 'delivered';
  const last = path.hops[path.hops.length - 1];
  // Old IPVS's black hole (dataplane.ts): the request reached a pod, only its reply was lost.
  const podReached = delivered ? end.pod.id : lostReplyPod(end, last);
  const arrived = podReached !== null && last ? last.packet : null;
  let passHops = 0;
  let snat = false;
  for (const hop of path.hops) {
    if (hop.kind === 'pass') passHops++;
    for (const r of hop.rewrites) if (r.type === 'snat') snat = true;
  }
  const bypassed = delivered && inside ? insideWalk?.replyBypasses : null;
  const back =
    inside && bypassed
      ? bypassingReply(path, inside, bypassed)
      : dataplaneReturn(
          scenario,
          result.entryNode,
          path.hops,
          end,
          returnPath(path.hops, path.openers, mode, delivered),
        );
  // A passthrough load balancer (3a, 4c.1, 4d) never sees the answer: the node sends it
  // to the client itself, with the VIP as its source (direct server return at the LB).
  const lb = path.hops[0]?.to;
  const direct = back.find((h) => h.to === CLIENT && isLoadBalancer(lb) && h.from !== lb);
  if (direct)
    path.note(
      `The load balancer is passthrough: the ${delivered ? 'reply' : 'refusal'} goes from ${path.devices[direct.from]?.name ?? direct.from} straight to the client, with the VIP as its source.`,
    );
  // Built field by field: an outcome carries exactly the fields of its type.
  const outcome: Outcome =
    end.kind === 'delivered'
      ? { kind: 'delivered', pod: end.pod.id }
      : { kind: end.kind, at: end.at, reason: end.reason };
  const traced: Trace = {
    mode: mode.id,
    service: backend.id,
    policy,
    policyApplies: applies,
    devices: path.devices,
    entryNode: result.entryNode,
    ingressPod: result.ingressPod,
    pod: podReached,
    forward: path.hops,
    back,
    outcome,
    podSees: arrived ? arrived.src : null,
    clientIp: clientIpFate(client.ip as string, arrived),
    hopCount: passHops,
    talkHops: (
      inside ? touchedLoadBalancer(path.hops) : mode.front === 'vip' || mode.front === 'proxy'
    )
      ? passHops - 1
      : passHops,
    snat,
    notes: path.notes,
  };
  // Only a trace from inside says where it started: the talk's traces keep their exact shape.
  return ok(inside ? { ...traced, client: inside.place } : traced);
}

interface FrontDoor {
  endpoint: Endpoint;
  device: DeviceId;
}

function frontEndpoint(mode: Mode, front: Service, t: Topology): Result<FrontDoor> {
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

/** How the request ended: at a backend pod, or stopped on the way. */
type End = { kind: 'delivered'; pod: Pod } | Stop;
type Walked = { end: End; entryNode: NodeId | null; ingressPod: PodId | null } | { error: string };

const reached = (got: Pod | Stop): End => ('kind' in got ? got : { kind: 'delivered', pod: got });

/** Walks the packet from the client to the backend pod for one mode. */
function walk(w: Walk, door: FrontDoor): Walked {
  const { t, mode, backend, front, path } = w;
  let entryNode: NodeId | null = null;
  let ingressPod: PodId | null = null;
  const done = (end: End): Walked => ({ end, entryNode, ingressPod });
  // Past the front tier: the backend pod itself, or an in-cluster ingress proxy
  // that opens a new connection to one.
  const finish = (got: Pod | Stop): Walked => {
    if ('kind' in got || !viaIngress(w)) return done(reached(got));
    ingressPod = got.id;
    return done(reached(ingressProxy(w, got)));
  };
  const frontPod = viaIngress(w) ? w.scenario.ingressPod : w.scenario.pod;

  // Mode 1: the client talks to a pod directly (it found the pod IP itself).
  if (mode.front === 'pod') {
    const endpoints = endpointsOf(t, backend);
    // No ready pod, no pod IP to find: the request never leaves the client.
    if (endpoints.length === 0)
      return done({
        kind: 'rejected',
        at: CLIENT,
        reason: `${backend.name} has no ready pods, so the client has no pod IP to talk to`,
      });
    const pod = choose(endpoints, w.scenario.pod, w.seed);
    path.firstTo(podEndpoint(pod, backend, false));
    path.send(path.device(podDevice(pod.id), pod.name), [{ type: 'route' }]);
    return done({ kind: 'delivered', pod });
  }

  // Mode 2: the client picks a node and sends to its node port.
  if (mode.front === 'node') {
    const node = pickEntryNode(w);
    if (!node) return { error: 'The topology has no nodes' };
    entryNode = node.id;
    path.firstTo(nodePortEndpoint(node, front.nodePort as number));
    path.send(path.device(nodeDevice(node.id), node.name), [{ type: 'route' }]);
    return finish(kubeProxy(w, node));
  }

  // Modes 3–4: the client sends to the load balancer's VIP or proxy.
  path.send(path.device(door.device, mode.front === 'vip' ? 'VIP' : 'Proxy'), [{ type: 'route' }]);
  // A proxy-like LB ends the client's connection and opens its own. An HTTP one
  // appends the client to X-Forwarded-For first; an L4 one can write a PROXY
  // protocol line at the start of its new stream.
  const clientLeg = path.packet;
  // A VIP whose ipMode is Proxy proxies too, from its own address (in-cluster.ts).
  const vipProxies = mode.front === 'vip' && ipModeOf(w.scenario, front) === 'Proxy';
  const proxyTo = (dst: Endpoint): Rewrite[] => {
    const open: Rewrite = {
      type: 'proxy',
      src: (vipProxies ? vipSourceEndpoint(front) : proxySourceEndpoint(front)) as Endpoint,
      dst,
      protocol: mode.protocol,
    };
    if (mode.lbLayer === 'http') return [{ type: 'xff', add: forwardedHost(clientLeg.src) }, open];
    if (w.scenario.proxyProtocol)
      return [
        open,
        proxyProtocolRewrite(w.scenario.proxyProtocolVersion, clientLeg.src, clientLeg.dst),
      ];
    return [open];
  };

  if (mode.frontTo === 'node') {
    const node = pickEntryNode(w);
    if (!node) return { error: 'The topology has no nodes' };
    entryNode = node.id;
    const to = path.device(nodeDevice(node.id), node.name);
    if (mode.front === 'vip' && !vipProxies) {
      // Passthrough: the node knows the Service by the destination IP (the VIP).
      path.send(to, [{ type: 'route' }]);
    } else {
      if (front.nodePort === undefined)
        return { error: `${front.name} has no nodePort for the proxy to send to` };
      path.send(to, proxyTo(nodePortEndpoint(node, front.nodePort)));
    }
    return finish(kubeProxy(w, node));
  }

  // One hop: the load balancer knows the pod IPs and sends straight to a pod.
  const endpoints = endpointsOf(t, front);
  const atLb = door.device;
  if (endpoints.length === 0) {
    // Only an HTTP load balancer can answer 503; an L4 one can only reset.
    if (mode.front === 'proxy' || vipProxies)
      return done(proxyRefuses(w, atLb, front, mode.lbLayer === 'http' ? 'http-503' : 'tcp-reset'));
    const reason = `${front.name} has no ready pods, so the load balancer has nowhere to send and drops the packet`;
    path.stop({ type: 'drop', at: door.endpoint, reason });
    return done({ kind: 'dropped', at: atLb, reason });
  }
  const pod = choose(endpoints, frontPod, w.seed);
  const to = path.device(podDevice(pod.id), pod.name);
  const dst = podEndpoint(pod, front, viaIngress(w));
  // A VIP whose ipMode is Proxy proxies; otherwise the load balancer's own way to a pod.
  path.send(
    to,
    vipProxies ? proxyTo(dst) : lbToPod(w, clientLeg, dst, pod.name, proxyTo),
    nodeDevice(pod.node),
  );
  return finish(pod);
}
