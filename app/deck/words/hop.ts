import {
  CLIENT,
  endpointLabel,
  findMode,
  isLoadBalancer,
  isNode,
  nodeDevice,
  podDevice,
  type AddressView,
  type Hop,
  type Trace,
} from '../../model';
import { sentenceStart, deviceName, has, subject } from './names';

/** What a sentence may mention: without `headers`, nothing about HTTP headers (not yet in the talk). */
export interface Wording {
  readonly headers?: boolean;
}

/**
 * Whether a reply hop goes straight to the client past a passthrough load
 * balancer (3a, 4c.1): the VIP forwarded the request unchanged, so the node
 * answers the client itself, with the VIP as the source.
 */
export function skipsLoadBalancer(trace: Trace, hop: Hop): boolean {
  const lb = trace.forward[0]?.to;
  return hop.direction === 'return' && hop.to === CLIENT && isLoadBalancer(lb) && hop.from !== lb;
}

/**
 * The node a reply hop answers for, by name, under direct server return: a
 * node other than the entry node sends the reply to the client, undoing the
 * entry node's DNAT (the Service address the client dialed, which the entry
 * node passed along: Cilium in an IP option or a Geneve header, kube-router in
 * its IPIP tunnel). Null for every other hop, kube-proxy's among them, where
 * the NAT is undone where it was done.
 */
export function answersFor(trace: Trace, hop: Hop): string | null {
  if (hop.direction !== 'return' || !has(hop.rewrites, 'unnat')) return null;
  if (trace.entryNode === null || !isNode(hop.from)) return null;
  const entry = nodeDevice(trace.entryNode);
  return hop.from === entry ? null : deviceName(trace, entry);
}

/**
 * Old IPVS's black hole (model/dataplane.ts): the reply leaves the pod's node
 * straight for the client from the pod's own address, and the client, which
 * dialed the Service, discards it. Null for any other hop.
 */
function lostReply(trace: Trace, hop: Hop, view: AddressView): string | null {
  if (hop.kind !== 'drop' || hop.direction !== 'return' || hop.to !== CLIENT) return null;
  const pod = deviceName(trace, hop.from);
  const leaves = hop.via ? ` leaves ${deviceName(trace, hop.via)}` : ' leaves';
  const src = endpointLabel(hop.packet.src, view);
  const dst = endpointLabel(hop.packet.dst, view);
  const dialed = trace.forward[0] ? endpointLabel(trace.forward[0].packet.dst, view) : null;
  const sentTo = dialed ? `, which sent to ${dialed},` : '';
  return `${pod} answers the client from its own address: the reply${leaves} with Src = ${pod}’s address (Src ${src}, Dst ${dst}), and the client${sentTo} discards it: a black hole, and the client times out.`;
}

/**
 * One sentence for a hop, for the aria-live region and the step caption, e.g.
 * "Node1 rewrites the destination to pod:pod-port (DNAT) and the source to node1
 * (SNAT), and sends to Pod-c through Node2."
 */
export function describeHop(
  trace: Trace,
  hop: Hop,
  view: AddressView,
  { headers = true }: Wording = {},
): string {
  const src = endpointLabel(hop.packet.src, view);
  const dst = endpointLabel(hop.packet.dst, view);
  const from = sentenceStart(subject(trace, hop.from));
  const r = hop.rewrites;

  const lost = lostReply(trace, hop, view);
  if (lost) return lost;
  if (hop.kind === 'drop') {
    const drop = r.find((x) => x.type === 'drop');
    return `${sentenceStart(drop?.reason ?? `${from} drops the packet`)}. Nothing comes back: the client times out.`;
  }
  if (hop.kind === 'reject' && hop.direction === 'forward') {
    const rej = r.find((x) => x.type === 'reject');
    return `${sentenceStart(rej?.reason ?? `${from} rejects the connection`)}.`;
  }

  const to = hop.to ? subject(trace, hop.to) : 'nowhere';
  const via = hop.via ? ` through ${deviceName(trace, hop.via)}, which only routes it` : '';
  const wire = `Src ${src}, Dst ${dst}`;

  if (hop.direction === 'return') {
    if (hop.kind === 'reject') return `${from} sends the refusal back to ${to}: ${wire}.`;
    const end =
      hop.to === CLIENT ? ` The client sees a reply from ${src}, the address it sent to.` : '';
    const entry = answersFor(trace, hop);
    if (entry) {
      const past = skipsLoadBalancer(trace, hop) ? ', not through the load balancer' : '';
      return `${from} answers for ${entry}: it writes the Service’s address the client dialed as the source (direct server return) and sends the reply straight to ${to}${past}: ${wire}.${end}`;
    }
    if (skipsLoadBalancer(trace, hop)) {
      const nat = has(r, 'unnat') ? ' undoes its NAT and' : '';
      return `${from}${nat} answers the client directly, not through the load balancer, which is passthrough: ${wire}.${end}`;
    }
    if (has(r, 'unnat'))
      return `${from} undoes its NAT and sends the reply to ${to}${via}: ${wire}.${end}`;
    if (has(r, 'proxy'))
      return `${from} answers on the connection it accepted, to ${to}: ${wire}.${end}`;
    return `${from} replies to ${to}${via}: ${wire}.${end}`;
  }

  if (has(r, 'proxy')) {
    const xff = hop.packet.xff?.map((h) => (view === 'talk' ? h.host : h.ip)).join(', ');
    const extra = [
      has(r, 'xff') && headers ? `X-Forwarded-For: ${xff}` : '',
      has(r, 'proxy-protocol') ? 'a PROXY protocol line naming the client' : '',
    ].filter(Boolean);
    const carrying = extra.length > 0 ? `, carrying ${extra.join(' and ')}` : '';
    return `${from} ends the connection and opens a new one to ${to}${via}: ${wire}${carrying}.`;
  }
  if (has(r, 'dnat')) {
    const nat = has(r, 'snat')
      ? `rewrites the destination to ${dst} (DNAT) and the source to ${src} (SNAT)`
      : `rewrites the destination to ${dst} (DNAT), keeping the source ${src} (no SNAT)`;
    return `${from} ${nat}, and sends to ${to}${via}.`;
  }
  return `${from} sends to ${to}${via}: ${wire}.`;
}

/**
 * Why the client IP is lost where HTTP rides behind an L4 external proxy (4c.2,
 * 4c.3): that proxy copies bytes and cannot write X-Forwarded-For, so the
 * in-cluster proxy can only name the external one. The talk's own 1-hop proxy
 * example (GCP's HTTP load balancer) works at HTTP and would add the header.
 */
function lostBehindL4Proxy(trace: Trace): string | null {
  const mode = findMode(trace.mode);
  if (!mode || mode.front !== 'proxy' || mode.lbLayer !== 'l4' || mode.protocol !== 'http')
    return null;
  const named = trace.forward.at(-1)?.packet.xff?.map((h) => h.host) ?? [];
  const only = named.length > 0 ? ` (X-Forwarded-For: ${named.join(', ')})` : '';
  return (
    'the client IP is lost, because the external proxy drawn here works at L4: it copies bytes and cannot write X-Forwarded-For, ' +
    `so the ingress proxy can name only the peer it saw${only}. ` +
    'An HTTP external proxy (like the talk’s GCP HTTP load balancer) would add X-Forwarded-For: client first, and the client would reach the pod in that header'
  );
}

/** One sentence for the outcome of a trace. */
export function describeOutcome(trace: Trace, { headers = true }: Wording = {}): string {
  switch (trace.outcome.kind) {
    case 'delivered': {
      const pod = deviceName(trace, podDevice(trace.outcome.pod));
      const sees = trace.podSees ? endpointLabel(trace.podSees, 'talk') : 'nothing';
      const fate = {
        l3: 'the client IP survives',
        xff: headers
          ? 'the client IP survives only in X-Forwarded-For'
          : 'the IP header no longer names the client',
        'proxy-protocol': 'the client IP survives only in the PROXY protocol line',
        lost: (headers ? lostBehindL4Proxy(trace) : null) ?? 'the client IP is lost',
      }[trace.clientIp];
      return `${pod} receives the request from ${sees}: ${fate}.`;
    }
    case 'dropped':
    case 'rejected':
      return `${sentenceStart(trace.outcome.reason)}.`;
  }
}

/** What a badge may say: the sentence's wording, and the trace and view where it names a place. */
export interface BadgeWording extends Wording {
  /** The hop's trace: a reply sent by a node for the entry node (DSR) says so. */
  readonly trace?: Trace;
  readonly view?: AddressView;
}

/**
 * What the sending device did, in a few words ("DNAT + SNAT", "proxy: new
 * connection"), for the badge at the device; without `headers`, nothing about
 * the headers it added. Under direct server return the pod's node undoes
 * another node's NAT: it answers as the Service the client dialed ("DSR: Src
 * = node1:node-port"), which "undo NAT" would hide.
 */
export function rewriteBadge(
  hop: Hop,
  { headers = true, trace, view = 'talk' }: BadgeWording = {},
): string | null {
  if (trace && answersFor(trace, hop)) return `DSR: Src = ${endpointLabel(hop.packet.src, view)}`;
  const types = new Set(hop.rewrites.map((r) => r.type));
  if (types.has('drop') || types.has('reject')) return null;
  const words: string[] = [];
  if (types.has('xff') && headers) words.push('+ X-Forwarded-For');
  if (types.has('proxy'))
    words.push(hop.direction === 'return' ? 'proxy: answers' : 'proxy: new connection');
  if (types.has('proxy-protocol')) words.push('+ PROXY line');
  if (types.has('dnat') && types.has('snat')) words.push('DNAT + SNAT');
  else if (types.has('dnat')) words.push('DNAT, no SNAT');
  else if (types.has('snat')) words.push('SNAT');
  if (types.has('unnat')) words.push('undo NAT');
  return words.length > 0 ? words.join(' · ') : null;
}
