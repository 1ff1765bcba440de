import type { Mode } from './modes';
import { reply, type Packet, type Rewrite } from './packet';
import { CLIENT, VIP, type DeviceId } from './device';
import type { Hop } from './trace-types';

/**
 * What the device that sends a reply does to it, judged by what it did on the
 * way in: connection tracking undoes NAT; a proxy answers on the connection it
 * accepted; anything else just routes.
 */
function replyRewrites(forwardSent: Hop | undefined, packet: Packet): Rewrite[] {
  const did = forwardSent?.rewrites ?? [];
  if (did.some((r) => r.type === 'proxy'))
    return [
      {
        type: 'proxy',
        src: packet.src,
        dst: packet.dst,
        protocol: packet.protocol === 'http' ? 'http' : 'tcp',
      },
    ];
  if (did.some((r) => r.type === 'dnat' || r.type === 'snat'))
    return [{ type: 'unnat', src: packet.src, dst: packet.dst }];
  return [{ type: 'route' }];
}

/** A VIP-like load balancer that forwards unchanged is passthrough: replies skip it. */
const isPassthrough = (hop: Hop | undefined, mode: Mode) =>
  hop !== undefined &&
  mode.front === 'vip' &&
  hop.from === VIP &&
  hop.rewrites.every((r) => r.type === 'route');

/**
 * The reply, hop by hop back to the client, with every NAT undone in reverse
 * order (rule 6 of docs/traffic-model.md). The client receives a reply whose
 * source is exactly the address it sent to. A dropped packet has no reply; a
 * rejected one carries the refusal back the same way.
 */
export function returnPath(
  forward: readonly Hop[],
  openers: readonly DeviceId[],
  mode: Mode,
  delivered: boolean,
): Hop[] {
  const last = forward[forward.length - 1];
  if (!last || last.kind === 'drop') return [];
  const back: Hop[] = [];
  const push = (
    from: DeviceId,
    to: DeviceId,
    via: DeviceId | undefined,
    packet: Packet,
    rewrites: readonly Rewrite[],
    connection: number,
    kind: Hop['kind'],
  ) =>
    back.push({
      index: back.length,
      direction: 'return',
      from,
      to,
      via,
      packet,
      rewrites,
      connection,
      kind,
    });

  const pass = last.kind === 'pass' ? forward : forward.slice(0, -1);
  let i = pass.length - 1;
  if (!delivered && last.kind === 'reject') {
    // The refusal goes to whoever sent the packet into the rejecting device.
    const into = pass[i];
    const skip = isPassthrough(into, mode) ? 1 : 0;
    const target = pass[i - skip];
    push(
      last.from,
      target?.from ?? openers[0] ?? CLIENT,
      undefined,
      last.packet,
      last.rewrites,
      last.connection,
      'reject',
    );
    i -= 1 + skip;
  }
  for (; i >= 0; i--) {
    const hop = pass[i] as Hop;
    const skip = isPassthrough(hop, mode) ? 1 : 0;
    const earlier = pass[i - skip] as Hop;
    const packet = reply(earlier.packet);
    const sender = hop.to as DeviceId;
    push(
      sender,
      earlier.from,
      hop.via,
      packet,
      replyRewrites(pass[i + 1], packet),
      earlier.connection,
      'pass',
    );
    i -= skip;
  }
  return back;
}
