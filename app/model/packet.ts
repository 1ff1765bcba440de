import type { AnyIp } from './address';

/**
 * One end of a connection as it appears on the wire: a concrete address and
 * port, plus the talk's symbolic words for them ("node1", "node-port").
 */
export interface Endpoint {
  /** The concrete address; null when there is nowhere to go ("???"). */
  readonly ip: AnyIp | null;
  /** The concrete port; null for ICMP or an unknown destination. */
  readonly port: number | null;
  /** The talk's word for the host: "client", "node1", "pod", "VIP", "proxy", "ingress". */
  readonly host: string;
  /** The talk's word for the port ("node-port", "pod-port", "service-port"), or null for an ephemeral port. */
  readonly portName: string | null;
}

/** A host named in an X-Forwarded-For header. */
export interface ForwardedHost {
  readonly ip: AnyIp;
  readonly host: string;
}

/** A packet as it is on one wire. */
export interface Packet {
  readonly src: Endpoint;
  readonly dst: Endpoint;
  readonly protocol: 'tcp' | 'http' | 'icmp';
  /** X-Forwarded-For, oldest first (HTTP only). */
  readonly xff?: readonly ForwardedHost[];
  /**
   * A PROXY protocol header at the start of the stream: the original client and
   * destination; version 2 (binary) where it says so, else version 1 (a text line).
   */
  readonly proxyLine?: { readonly src: Endpoint; readonly dst: Endpoint; readonly version?: 2 };
  /** Set on a refusal: how the device said no. */
  readonly answer?: RejectAnswer;
}

/**
 * How a device refuses a connection it cannot serve: kube-proxy's reject rule
 * sends ICMP port unreachable; an L4 proxy has already accepted the TCP
 * connection, so it resets it; an HTTP proxy answers 503 Service Unavailable.
 */
export type RejectAnswer = 'icmp-port-unreachable' | 'tcp-reset' | 'http-503';

/** "???": where a dropped packet would have gone. */
export const UNKNOWN: Endpoint = { ip: null, port: null, host: '???', portName: null };

/** What a device does to a packet before sending it on. */
export type Rewrite =
  /** Forward unchanged (a router, a node that hosts the pod, a passthrough VIP). */
  | { readonly type: 'route' }
  /** Destination NAT: the Service's address becomes a pod's (kube-proxy, or a 1-hop VIP). */
  | { readonly type: 'dnat'; readonly to: Endpoint }
  /** Source NAT / masquerade: the node puts its own address as the source. */
  | { readonly type: 'snat'; readonly to: Endpoint }
  /** A proxy terminates the connection and opens a new one from itself. */
  | {
      readonly type: 'proxy';
      readonly src: Endpoint;
      readonly dst: Endpoint;
      readonly protocol: 'tcp' | 'http';
    }
  /** An HTTP proxy appends the address it received the request from. */
  | { readonly type: 'xff'; readonly add: ForwardedHost }
  /** An L4 proxy prepends a PROXY protocol header naming the original client (v2: binary). */
  | {
      readonly type: 'proxy-protocol';
      readonly src: Endpoint;
      readonly dst: Endpoint;
      readonly version?: 2;
    }
  /** Connection tracking reverses earlier NAT on a reply. */
  | { readonly type: 'unnat'; readonly src: Endpoint; readonly dst: Endpoint }
  /**
   * The device has nowhere to send the packet and discards it silently. `at` is
   * the device, in the talk's words for the card ("Src: node1, Dst: ???").
   */
  | { readonly type: 'drop'; readonly at: Endpoint; readonly reason: string }
  /** The device refuses the connection and says so to the sender. */
  | {
      readonly type: 'reject';
      readonly at: Endpoint;
      readonly reason: string;
      readonly answer: RejectAnswer;
    };

export type RewriteType = Rewrite['type'];

/**
 * A packet with every field present, so that all packets share one object
 * shape (the simulator makes hundreds of thousands a second).
 */
export const makePacket = (
  src: Endpoint,
  dst: Endpoint,
  protocol: Packet['protocol'],
  xff?: readonly ForwardedHost[],
  proxyLine?: Packet['proxyLine'],
  answer?: Packet['answer'],
): Packet => ({ src, dst, protocol, xff, proxyLine, answer });

export const sameEndpoint = (a: Endpoint, b: Endpoint): boolean =>
  a === b || (a.ip === b.ip && a.port === b.port && a.host === b.host && a.portName === b.portName);

/**
 * Applies one rewrite. Returns the very same packet object when the rewrite
 * changes nothing, so callers can compare by identity.
 */
export function applyRewrite(packet: Packet, rewrite: Rewrite): Packet {
  switch (rewrite.type) {
    case 'route':
      return packet;
    case 'dnat':
      return sameEndpoint(packet.dst, rewrite.to)
        ? packet
        : makePacket(
            packet.src,
            rewrite.to,
            packet.protocol,
            packet.xff,
            packet.proxyLine,
            packet.answer,
          );
    case 'snat':
      return sameEndpoint(packet.src, rewrite.to)
        ? packet
        : makePacket(
            rewrite.to,
            packet.dst,
            packet.protocol,
            packet.xff,
            packet.proxyLine,
            packet.answer,
          );
    case 'unnat':
      return sameEndpoint(packet.src, rewrite.src) && sameEndpoint(packet.dst, rewrite.dst)
        ? packet
        : makePacket(
            rewrite.src,
            rewrite.dst,
            packet.protocol,
            packet.xff,
            packet.proxyLine,
            packet.answer,
          );
    case 'proxy':
      // A new connection: only what the proxy chooses to carry survives.
      return makePacket(
        rewrite.src,
        rewrite.dst,
        rewrite.protocol,
        rewrite.protocol === 'http' ? packet.xff : undefined,
      );
    case 'xff': {
      const last = packet.xff?.[packet.xff.length - 1];
      if (last && last.ip === rewrite.add.ip) return packet;
      return makePacket(
        packet.src,
        packet.dst,
        packet.protocol,
        [...(packet.xff ?? []), rewrite.add],
        packet.proxyLine,
        packet.answer,
      );
    }
    case 'proxy-protocol':
      return packet.proxyLine &&
        sameEndpoint(packet.proxyLine.src, rewrite.src) &&
        sameEndpoint(packet.proxyLine.dst, rewrite.dst) &&
        packet.proxyLine.version === rewrite.version
        ? packet
        : makePacket(
            packet.src,
            packet.dst,
            packet.protocol,
            packet.xff,
            // Version 1 has no version field at all, so a v1 line looks as it always did.
            rewrite.version === 2
              ? { src: rewrite.src, dst: rewrite.dst, version: 2 }
              : { src: rewrite.src, dst: rewrite.dst },
            packet.answer,
          );
    case 'drop':
      // Nothing rewrote it: the header is the packet as it arrived (1.2.3.4:51234 →
      // 10.240.0.1:30093 on slide 37), every value and header kept. Only the talk's words
      // change: it draws a drop as the card stuck at the device, "Src: node1, Dst: ???".
      return makePacket(
        { ...packet.src, host: rewrite.at.host, portName: rewrite.at.portName },
        { ...packet.dst, host: UNKNOWN.host, portName: UNKNOWN.portName },
        packet.protocol,
        packet.xff,
        packet.proxyLine,
        packet.answer,
      );
    case 'reject':
      // ICMP has no ports. A reset or a 503 travels on the refused connection itself,
      // from the address the sender connected to (`at`) back to the sender.
      return rewrite.answer === 'icmp-port-unreachable'
        ? makePacket(
            { ...rewrite.at, port: null, portName: null },
            { ...packet.src, port: null, portName: null },
            'icmp',
            undefined,
            undefined,
            rewrite.answer,
          )
        : makePacket(
            rewrite.at,
            packet.src,
            rewrite.answer === 'http-503' ? 'http' : 'tcp',
            undefined,
            undefined,
            rewrite.answer,
          );
  }
}

/** Applies rewrites in order. */
export function applyRewrites(packet: Packet, rewrites: readonly Rewrite[]): Packet {
  let out = packet;
  for (const r of rewrites) out = applyRewrite(out, r);
  return out;
}

/** The reply to a packet on the same wire: source and destination swapped, no headers. */
export const reply = (packet: Packet): Packet =>
  makePacket(packet.dst, packet.src, packet.protocol);

/**
 * The rewrite an L4 load balancer makes when it writes a PROXY header, in the
 * version the scenario asks for. Version 1 carries no version field, so a
 * trace without the option is exactly what it was.
 */
export const proxyProtocolRewrite = (
  version: 1 | 2 | undefined,
  src: Endpoint,
  dst: Endpoint,
): Rewrite =>
  version === 2
    ? { type: 'proxy-protocol', src, dst, version: 2 }
    : { type: 'proxy-protocol', src, dst };
