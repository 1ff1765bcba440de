import { endpointLabel, packetLines, type AddressView, type Hop, type Trace } from '../../model';
import { deviceName } from './names';
import { skipsLoadBalancer, type Wording } from './hop';

/** The words on the packet card for one hop, and which of them changed on this hop. */
export interface CardWords {
  /** "Src: …", "Dst: …", then any headers (left off where the talk has not yet shown them). */
  readonly lines: readonly string[];
  /** Per line: the device changed it on this hop (the card highlights it). */
  readonly changed: readonly boolean[];
}

/**
 * The card for `hop`, given the hop before it on the same trip (undefined for
 * the first). A field is changed when it differs from the card that arrived;
 * a reply's first hop is a new packet, and a drop rewrites nothing (the talk's
 * "Src: node1, Dst: ???" is how it draws the stop, not a new header), so
 * nothing lights up on either.
 */
export function cardWords(
  hop: Hop,
  before: Hop | undefined,
  view: AddressView,
  { headers = true }: Wording = {},
): CardWords {
  const onCard = (l: readonly string[]) => (headers ? l : l.slice(0, 2));
  const lines = onCard(packetLines(hop.packet, view));
  const prior =
    before && before.direction === hop.direction && hop.kind !== 'drop'
      ? onCard(packetLines(before.packet, view))
      : null;
  const changed = lines.map(
    (l, i) => prior !== null && (i >= 2 ? !prior.includes(l) : prior[i] !== l),
  );
  return { lines, changed };
}

/**
 * A small note beside a dropped packet's card in the talk's words: the talk
 * writes "Src: node1, Dst: ???" to mean the packet is stuck at Node1, while the
 * header itself still names the client (nothing rewrote it). Null for any
 * other hop, and with addresses, where the card already shows the header as
 * it arrived.
 */
export function dropNote(trace: Trace, hop: Hop, view: AddressView): string | null {
  if (hop.kind === 'drop' && hop.direction === 'return') return lostReplyNote(trace, hop, view);
  if (hop.kind !== 'drop' || view !== 'talk') return null;
  const arrived = trace.forward[hop.index - 1]?.packet;
  const label = endpointLabel(hop.packet.src, 'talk');
  const at = deviceName(trace, hop.from);
  const header = arrived
    ? `Src: ${endpointLabel(arrived.src, 'talk')}, Dst: ${endpointLabel(arrived.dst, 'talk')}`
    : `Src: ${hop.packet.src.ip ?? '?'}`;
  return `“Src: ${label}” means stuck at ${at}: the header still reads ${header}.`;
}

/**
 * Beside a reply the client discards (old IPVS's black hole): the card is the
 * reply as it left the pod's node, and the note says why it goes no further.
 * In both views, since the card cannot say it.
 */
function lostReplyNote(trace: Trace, hop: Hop, view: AddressView): string {
  const dialed = trace.forward[0]?.packet.dst;
  const src = endpointLabel(hop.packet.src, view);
  const sent = dialed ? `sent to ${endpointLabel(dialed, view)}` : 'dialed the Service';
  return `The reply leaves with Src = ${deviceName(trace, hop.from)}’s address, ${src}; the client ${sent}, so it discards the reply.`;
}

/**
 * A small note beside the reply where it skips a passthrough load balancer
 * (3a, 4c.1, 4d): the wire goes from the node straight to the client, and
 * the audience should not wonder why it no longer passes the VIP.
 */
export function passthroughNote(trace: Trace, hop: Hop): string | null {
  if (!skipsLoadBalancer(trace, hop)) return null;
  const from = deviceName(trace, hop.from);
  return `Passthrough load balancer: ${from} answers the client directly, from the VIP.`;
}
