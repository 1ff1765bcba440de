import { ipToNumber, numberToIp } from './address';
import type { Endpoint, Packet } from './packet';
import { err, ok, type Result } from './result';

// The PROXY protocol as the bytes a load balancer writes at the start of the
// stream, before the client's own first byte (HAProxy's doc/proxy-protocol.txt).
// The IP header still says Src = the load balancer; these bytes are how the
// backend learns who the client was. Version 1 is one line of text, version 2
// a binary block that starts with a 12-byte signature.

/** An IPv4 address and a port, as the header carries them. */
export interface SocketAddress {
  readonly ip: string;
  readonly port: number;
}

/** What each byte of a header is, so that a view can colour the fields. */
export type ProxyField =
  | 'signature'
  | 'version-command'
  | 'family'
  | 'length'
  | 'source address'
  | 'destination address'
  | 'source port'
  | 'destination port'
  /** v1: "TCP4" or "UNKNOWN". */
  | 'protocol'
  /** v1: the single space between words. */
  | 'separator'
  /** v1: the closing CR LF. */
  | 'end of line'
  /** v2: type-length-value extensions inside the announced length. */
  | 'extension'
  /** Anything after the header: the client's own bytes. */
  | 'payload';

/** "\r\n\r\n\0\r\nQUIT\n": chosen by the spec because no text protocol starts like that. */
export const PROXY_V2_SIGNATURE: readonly number[] = [
  0x0d, 0x0a, 0x0d, 0x0a, 0x00, 0x0d, 0x0a, 0x51, 0x55, 0x49, 0x54, 0x0a,
];
/** Version 2 in the high nibble, command PROXY (1) in the low one. */
const VERSION_2_PROXY = 0x21;
/** Address family INET (1) in the high nibble, STREAM (TCP, 1) in the low one. */
const TCP_OVER_IPV4 = 0x11;
const UDP_OVER_IPV4 = 0x12;
/** Two IPv4 addresses and two ports. */
const IPV4_BLOCK = 12;
/** Signature, version-command, family and the 2-byte length. */
const V2_FIXED = 16;
/** The spec's bound on a v1 line, CR LF included. */
export const PROXY_V1_MAX = 107;

const validPort = (port: number) => Number.isInteger(port) && port >= 0 && port <= 65535;

/** The address as a 32-bit number, or null when it is not a dotted-quad IPv4 address. */
function ipv4(a: SocketAddress): number | null {
  if (!validPort(a.port)) return null;
  const n = ipToNumber(a.ip);
  return n.ok ? n.value : null;
}

/**
 * The v1 header: "PROXY TCP4 <src> <dst> <sport> <dport>\r\n", single spaces.
 * Where an address is not IPv4 the spec has the sender write "PROXY UNKNOWN\r\n"
 * and the receiver fall back to the real connection's addresses.
 */
export function proxyV1Line(src: SocketAddress, dst: SocketAddress): string {
  const s = ipv4(src);
  const d = ipv4(dst);
  if (s === null || d === null) return 'PROXY UNKNOWN\r\n';
  return `PROXY TCP4 ${numberToIp(s)} ${numberToIp(d)} ${src.port} ${dst.port}\r\n`;
}

/**
 * The v2 header for TCP over IPv4: signature, 0x21, 0x11, length 12, then the
 * source and destination addresses and ports, all in network byte order. With
 * an address that is not IPv4 the family is UNSPEC (0x00) and the length 0.
 */
export function proxyV2Bytes(src: SocketAddress, dst: SocketAddress): Uint8Array {
  const s = ipv4(src);
  const d = ipv4(dst);
  const known = s !== null && d !== null;
  const out = new Uint8Array(V2_FIXED + (known ? IPV4_BLOCK : 0));
  out.set(PROXY_V2_SIGNATURE, 0);
  out[12] = VERSION_2_PROXY;
  out[13] = known ? TCP_OVER_IPV4 : 0x00;
  out[15] = known ? IPV4_BLOCK : 0;
  if (!known) return out;
  const view = new DataView(out.buffer);
  view.setUint32(16, s);
  view.setUint32(20, d);
  view.setUint16(24, src.port);
  view.setUint16(26, dst.port);
  return out;
}

/** A v2 header read back. */
export interface ProxyV2Header {
  readonly protocol: 'tcp' | 'udp';
  readonly src: SocketAddress;
  readonly dst: SocketAddress;
  /** Bytes the header takes, extensions included: the payload starts here. */
  readonly headerLength: number;
}

const hex = (n: number) => `0x${n.toString(16).padStart(2, '0')}`;

/**
 * Reads a v2 header carrying IPv4 addresses. Any other input, however
 * malformed, gives an error that says what is wrong; it never throws.
 */
export function parseProxyV2(bytes: Uint8Array): Result<ProxyV2Header> {
  if (bytes.length < V2_FIXED)
    return err(`A PROXY v2 header has at least ${V2_FIXED} bytes; this has ${bytes.length}`);
  for (let i = 0; i < PROXY_V2_SIGNATURE.length; i++)
    if (bytes[i] !== PROXY_V2_SIGNATURE[i])
      return err(`Byte ${i} is ${hex(bytes[i] as number)}: not the PROXY v2 signature`);
  const versionCommand = bytes[12] as number;
  if (versionCommand >> 4 !== 2)
    return err(`Version ${versionCommand >> 4} in byte 12 (${hex(versionCommand)}); expected 2`);
  const command = versionCommand & 0x0f;
  if (command === 0)
    return err('Command LOCAL: the proxy speaks for itself (a health check), no client address');
  if (command !== 1) return err(`Command ${command} in byte 12 is neither LOCAL (0) nor PROXY (1)`);
  const length = ((bytes[14] as number) << 8) | (bytes[15] as number);
  if (bytes.length < V2_FIXED + length)
    return err(
      `The header announces ${length} bytes after the first ${V2_FIXED}; only ${bytes.length - V2_FIXED} follow`,
    );
  const family = bytes[13] as number;
  if (family !== TCP_OVER_IPV4 && family !== UDP_OVER_IPV4)
    return err(`Family ${hex(family)} in byte 13 is not TCP or UDP over IPv4 (0x11, 0x12)`);
  if (length < IPV4_BLOCK)
    return err(`Length ${length} is too short for two IPv4 addresses and ports (12)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return ok({
    protocol: family === TCP_OVER_IPV4 ? 'tcp' : 'udp',
    src: { ip: numberToIp(view.getUint32(16)), port: view.getUint16(24) },
    dst: { ip: numberToIp(view.getUint32(20)), port: view.getUint16(26) },
    headerLength: V2_FIXED + length,
  });
}

/** The ASCII bytes of a v1 line (the line is ASCII by construction). */
export function asciiBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

/** An endpoint as the header carries it, or an unusable one when the packet has no address. */
const socketOf = (e: Endpoint): SocketAddress => ({ ip: e.ip ?? '', port: e.port ?? -1 });

/** The bytes a packet's PROXY header puts on the wire, in the version it was written in. */
export function proxyHeaderBytes(line: NonNullable<Packet['proxyLine']>): Uint8Array {
  return line.version === 2
    ? proxyV2Bytes(socketOf(line.src), socketOf(line.dst))
    : asciiBytes(proxyV1Line(socketOf(line.src), socketOf(line.dst)));
}

// The rewrite that writes a header lives with the other rewrites (packet.ts), so a trace
// does not load the byte-level code above.
export { proxyProtocolRewrite } from './packet';
