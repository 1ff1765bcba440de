import { CLIENT, nodeDevice, podOf, PROXY, VIP, type DeviceId } from './device';
import { endpointLabel } from './format';
import { reply } from './packet';
import type { ClusterNode, NodeId, Pod, PodId } from './topology';
import type { Stop, Walk } from './trace-path';
import type { Hop, Scenario } from './trace-types';

// What programs the nodes, where it differs from kube-proxy's iptables and
// nftables modes (docs/since-2020.md). kube-proxy does all its NAT on the
// entry node and the reply comes back the same way; two other dataplanes did
// not:
//
// - Direct server return (Cilium `loadBalancer.mode=dsr`, kube-router's DSR
//   over IPIP): under Cluster the entry node rewrites the destination but not
//   the source, so the pod sees the client. The pod's own node answers from
//   the Service address the client dialed, straight to the sender, and the
//   reply never passes the entry node. Cilium's docs ("Kubernetes Without
//   kube-proxy", DSR) say the entry node encodes that Service IP and port in
//   an IPv4 option or a Geneve option; the client's address needs no carrying,
//   it is already the source.
// - IPVS as it was (kubernetes/kubernetes#66062, #71596): under Local it gave
//   the Service's virtual server remote endpoints too, without masquerade. A
//   node with no local pod sent the packet on to a remote one; that pod
//   answered the client from its own address, which the client never dialed,
//   so the reply was discarded: a black hole instead of a clean drop.
//
// Every function here returns early when the scenario names no dataplane, so
// the talk's traces are untouched.

/** Whether the entry node leaves the source alone under Cluster: direct server return. */
export const directReturn = (w: Walk): boolean => w.scenario.dataplane === 'dsr';

/** Whether a node with no local pod under Local sends on to a remote one anyway (old IPVS). */
export const forwardsWithoutLocalPod = (w: Walk): boolean =>
  w.scenario.dataplane === 'ipvs-2020' && w.policy === 'Local';

/** "10.240.0.1:30093", or the talk's words when there is no address. */
const addressOf = (hop: Hop | undefined, end: 'src' | 'dst'): string =>
  hop ? endpointLabel(hop.packet[end], 'ip') : '?';

/**
 * After kube-proxy's hop out of the entry node: what the dataplane adds. DSR
 * explains itself in a note; old IPVS turns a forward to a remote pod under
 * Local into a request whose reply is lost.
 */
export function afterEntry(w: Walk, node: ClusterNode, pod: Pod): Pod | Stop {
  const { path } = w;
  const hops = path.hops;
  // The hop into the entry node and the one kube-proxy just sent.
  const into = hops[hops.length - 2];
  const out = hops[hops.length - 1];
  const dialed = addressOf(into, 'dst');
  const podNode = w.t.nodes.find((n) => n.id === pod.node);
  const podNodeName = podNode?.name ?? pod.node;
  if (directReturn(w) && w.policy === 'Cluster') {
    // Replies go to whoever sent into the node; a passthrough VIP is skipped, so the client.
    const sender = !into || into.from === VIP ? CLIENT : into.from;
    const senderName =
      sender === CLIENT
        ? 'the client'
        : sender === PROXY
          ? 'the proxy'
          : (path.devices[sender]?.name ?? sender);
    const seen = into ? `${into.packet.src.host} (${addressOf(into, 'src')})` : 'the sender';
    const lb = into?.from === VIP ? ' or the load balancer' : '';
    path.note(
      pod.node === node.id
        ? `Direct server return (Cilium loadBalancer.mode=dsr): ${node.name} rewrites the destination to ${pod.name} but not the source, so ${pod.name} sees the ${seen}. ${pod.name} is on ${node.name} itself, so the reply simply leaves ${node.name}, from ${dialed}.`
        : `Direct server return (Cilium loadBalancer.mode=dsr; kube-router's DSR): ${node.name} rewrites the destination to ${pod.name} but not the source, so ${pod.name} sees the ${seen}. ${node.name} tells ${podNodeName} the Service address that was dialed, ${dialed} (Cilium: in an IP option or a Geneve header; kube-router: an IPIP tunnel), and ${podNodeName} answers from it straight to ${senderName}: the reply never goes back through ${node.name}${lb}.`,
    );
    return pod;
  }
  if (directReturn(w)) {
    path.note(
      `Direct server return changes nothing under Local: ${pod.name} is on ${node.name}, which keeps the source anyway, and the reply leaves ${node.name} from ${dialed}.`,
    );
    return pod;
  }
  if (!forwardsWithoutLocalPod(w) || pod.node === node.id) return pod;
  const from = addressOf(out, 'dst');
  path.note(
    `IPVS as kube-proxy programmed it around 2020 (kubernetes/kubernetes#66062, #71596): the Service's virtual server listed remote pods too, so with externalTrafficPolicy Local and no ready pod of ${w.front.name} on ${node.name}, IPVS still sent the packet on to ${pod.name} on ${podNodeName}, without SNAT. ${pod.name} sees the client, but answers it directly from ${from}: a black hole instead of a clean drop at ${node.name}.`,
  );
  return {
    kind: 'dropped',
    at: CLIENT,
    reason: `${pod.name}'s reply leaves ${podNodeName} from ${from}, not the ${dialed} the client dialed, so the client discards it`,
  };
}

/** Whether a request ended with its reply discarded by the client (old IPVS's black hole). */
const lostReply = (end: { readonly kind: string; readonly at?: DeviceId }): boolean =>
  end.kind === 'dropped' && end.at === CLIENT;

/** The pod a request reached although its reply was lost, or null for any other ending. */
export function lostReplyPod(
  end: { readonly kind: string; readonly at?: DeviceId },
  last: Hop | undefined,
): PodId | null {
  return lostReply(end) ? podOf(last?.to) : null;
}

/**
 * The reply as the dataplane sends it. kube-proxy: `back` as returnPath made it.
 * DSR: the two hops through the entry node (into it, and out of it with the NAT
 * undone) leave from the pod's node instead; the packets are the same, so the
 * client still hears from the address it dialed. Old IPVS's black hole: one hop
 * from the pod straight to the client, from the pod's own address, discarded.
 */
export function dataplaneReturn(
  s: Scenario,
  entryNode: NodeId | null,
  forward: readonly Hop[],
  end: { readonly kind: string; readonly at?: DeviceId; readonly reason?: string },
  back: Hop[],
): Hop[] {
  if (s.dataplane === undefined || s.dataplane === 'kube-proxy' || entryNode === null) return back;
  const entry = nodeDevice(entryNode);
  const kube = forward.find((h) => h.from === entry && h.kind === 'pass');
  if (!kube) return back;
  if (lostReply(end)) {
    const packet = reply(kube.packet);
    const reason = end.reason ?? 'the client discards the reply';
    return [
      {
        index: 0,
        direction: 'return',
        from: kube.to as DeviceId,
        to: CLIENT,
        via: kube.via,
        packet,
        rewrites: [{ type: 'drop', at: packet.dst, reason }],
        connection: kube.connection,
        kind: 'drop',
      },
    ];
  }
  // A local pod's reply leaves the entry node anyway: nothing to change.
  const podNode = kube.via;
  if (s.dataplane !== 'dsr' || podNode === undefined) return back;
  return back.map((h) =>
    h.to === entry
      ? { ...h, to: podNode, via: undefined }
      : h.from === entry
        ? { ...h, from: podNode }
        : h,
  );
}
