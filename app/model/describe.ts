import { endpointLabel, type AddressView } from './format';
import type { Rewrite } from './packet';
import type { Hop, Trace } from './trace-types';

const name = (trace: Trace, id: string | null | undefined) =>
  id ? (trace.devices[id]?.name ?? id) : 'nowhere';
/** "the client", "the VIP", "the proxy", but "Node1", "Pod-c". */
const subject = (trace: Trace, id: string) => {
  const kind = trace.devices[id]?.kind;
  const n = name(trace, id);
  return kind === 'client' || kind === 'vip' || kind === 'proxy'
    ? `the ${n === 'VIP' ? n : n.toLowerCase()}`
    : n;
};
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const has = (rewrites: readonly Rewrite[], type: Rewrite['type']) =>
  rewrites.some((r) => r.type === type);

/** What a sentence may mention: without `headers`, nothing about HTTP headers (not yet in the talk). */
export interface Wording {
  readonly headers?: boolean;
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
  const from = capital(subject(trace, hop.from));
  const r = hop.rewrites;

  if (hop.kind === 'drop') {
    const drop = r.find((x) => x.type === 'drop');
    return `${capital(drop?.reason ?? `${from} drops the packet`)}. Nothing comes back: the client times out.`;
  }
  if (hop.kind === 'reject' && hop.direction === 'forward') {
    const rej = r.find((x) => x.type === 'reject');
    return `${capital(rej?.reason ?? `${from} rejects the connection`)}.`;
  }

  const to = hop.to ? subject(trace, hop.to) : 'nowhere';
  const via = hop.via ? ` through ${name(trace, hop.via)}, which only routes it` : '';
  const wire = `Src ${src}, Dst ${dst}`;

  if (hop.direction === 'return') {
    if (hop.kind === 'reject') return `${from} sends the refusal back to ${to}: ${wire}.`;
    const end =
      hop.to === 'client' ? ` The client sees a reply from ${src}, the address it sent to.` : '';
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

/** One sentence for the outcome of a trace. */
export function describeOutcome(trace: Trace, { headers = true }: Wording = {}): string {
  switch (trace.outcome.kind) {
    case 'delivered': {
      const pod = name(trace, `pod:${trace.outcome.pod}`);
      const sees = trace.podSees ? endpointLabel(trace.podSees, 'talk') : 'nothing';
      const fate = {
        l3: 'the client IP survives',
        xff: headers
          ? 'the client IP survives only in X-Forwarded-For'
          : 'the IP header no longer names the client',
        'proxy-protocol': 'the client IP survives only in the PROXY protocol line',
        lost: 'the client IP is lost',
      }[trace.clientIp];
      return `${pod} receives the request from ${sees}: ${fate}.`;
    }
    case 'dropped':
    case 'rejected':
      return `${capital(trace.outcome.reason)}.`;
  }
}

/**
 * What the sending device did, in a few words ("DNAT + SNAT", "proxy: new
 * connection"); without `headers`, nothing about the headers it added.
 */
export function rewriteBadge(hop: Hop, { headers = true } = {}): string | null {
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
