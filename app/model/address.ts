import { err, ok, type Result } from './result';

declare const brand: unique symbol;
/** A value of T that the type system will not confuse with another brand of T. */
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** An IPv4 address as dotted quad. */
export type Ipv4 = Brand<string, 'Ipv4'>;
/** A node's own address (10.240.0.1). */
export type NodeIp = Brand<string, 'NodeIp'>;
/** A pod's address, inside its node's pod range (10.0.2.1). */
export type PodIp = Brand<string, 'PodIp'>;
/** An address outside the cluster: the client, a load balancer's VIP, a proxy. */
export type ExternalIp = Brand<string, 'ExternalIp'>;
/** Any address a packet can carry. */
/** A Service's cluster IP (from the service CIDR, e.g. 10.96.0.0/12). */
export type ClusterIp = Brand<string, 'ClusterIp'>;
export type AnyIp = Ipv4 | NodeIp | PodIp | ExternalIp | ClusterIp;
/** A TCP port, 1–65535. */
export type Port = Brand<number, 'Port'>;
/** A Service's node port, in the default NodePort range 30000–32767. */
export type NodePort = Brand<number, 'NodePort'>;

/** A CIDR block such as 10.0.1.0/24, kept both as text and as numbers. */
export interface Cidr {
  readonly text: string;
  /** The network address as an unsigned 32-bit number. */
  readonly base: number;
  readonly prefix: number;
}

export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;

const QUAD = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
/** Plain decimal digits only: no sign, no "0x", no exponent, no decimal point. */
const DIGITS = /^\d+$/;

/** Person-typed input echoed in a message is cut short, so a pasted 10 kB string stays readable. */
export const clipInput = (text: string, max = 40): string => String(text).slice(0, max);

/** Parses a dotted-quad IPv4 address into an unsigned 32-bit number. */
export function ipToNumber(text: string): Result<number> {
  const trimmed = String(text).trim();
  const m = QUAD.exec(trimmed);
  if (!m)
    return err(
      `"${clipInput(trimmed)}" is not an IPv4 address (expected four numbers like 10.0.1.1)`,
    );
  let value = 0;
  for (let i = 1; i <= 4; i++) {
    const part = m[i] as string;
    const octet = Number(part);
    if (octet > 255)
      return err(`"${clipInput(trimmed)}" is not an IPv4 address: ${octet} is over 255`);
    if (part.length > 1 && part.startsWith('0'))
      return err(`"${clipInput(trimmed)}" is ambiguous: leading zeros (${part}) are not allowed`);
    value = value * 256 + octet;
  }
  return ok(value);
}

/** Formats an unsigned 32-bit number as a dotted quad. */
export function numberToIp(value: number): Ipv4 {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.') as Ipv4;
}

/** Parses and normalises an IPv4 address. */
export function parseIpv4(text: string): Result<Ipv4> {
  const n = ipToNumber(text);
  return n.ok ? ok(numberToIp(n.value)) : n;
}

const mask = (prefix: number) => (prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0);

/** Parses a CIDR block; the address must be the network address (10.0.1.0/24, not 10.0.1.5/24). */
export function parseCidr(text: string): Result<Cidr> {
  const trimmed = String(text).trim();
  const slash = trimmed.indexOf('/');
  if (slash < 0)
    return err(`"${clipInput(trimmed)}" is not a CIDR block (expected a form like 10.0.1.0/24)`);
  const ip = ipToNumber(trimmed.slice(0, slash));
  if (!ip.ok) return err(`"${clipInput(trimmed)}" is not a CIDR block: ${ip.error}`);
  const prefixText = trimmed.slice(slash + 1);
  const prefix = Number(prefixText);
  if (!/^\d{1,2}$/.test(prefixText) || prefix > 32)
    return err(`"${clipInput(trimmed)}" is not a CIDR block: the prefix length must be 0 to 32`);
  const base = (ip.value & mask(prefix)) >>> 0;
  if (base !== ip.value)
    return err(
      `"${clipInput(trimmed)}" has host bits set: the block starts at ${numberToIp(base)}/${prefix}`,
    );
  return ok({ text: `${numberToIp(base)}/${prefix}`, base, prefix });
}

/** The number of addresses in a block. */
export const cidrSize = (cidr: Cidr): number => 2 ** (32 - cidr.prefix);

/** Whether an address lies inside a block. */
export function cidrContains(cidr: Cidr, ip: string): boolean {
  const n = ipToNumber(ip);
  return n.ok && (n.value & mask(cidr.prefix)) >>> 0 === cidr.base;
}

/** Whether block `inner` lies wholly inside block `outer`. */
export function cidrContainsCidr(outer: Cidr, inner: Cidr): boolean {
  return inner.prefix >= outer.prefix && (inner.base & mask(outer.prefix)) >>> 0 === outer.base;
}

/** Whether two blocks share any address. */
export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return cidrContainsCidr(a, b) || cidrContainsCidr(b, a);
}

/**
 * The lowest free address in a node's pod range, skipping the network address
 * and (for blocks of 4 or more) the broadcast address, as pod IPAM does.
 */
export function nextFreeIp(cidr: Cidr, used: Iterable<string>): Result<Ipv4> {
  const taken = new Set<number>();
  for (const ip of used) {
    const n = ipToNumber(ip);
    if (n.ok) taken.add(n.value);
  }
  const size = cidrSize(cidr);
  const first = size >= 4 ? 1 : 0;
  const last = size >= 4 ? size - 2 : size - 1;
  for (let offset = first; offset <= last; offset++) {
    const candidate = cidr.base + offset;
    if (!taken.has(candidate)) return ok(numberToIp(candidate));
  }
  return err(`${cidr.text} is full: no free address left for a new pod`);
}

/**
 * Parses a TCP port. Text must be plain decimal digits: Number() alone would read
 * "0x50" as 80, "80.0" as 80 and "3e4" as 30000, which is not what a person typed.
 */
export function parsePort(value: number | string): Result<Port> {
  const text = typeof value === 'number' ? '' : String(value).trim();
  const n = typeof value === 'number' ? value : DIGITS.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > 65535)
    return err(
      `${clipInput(String(value), 20)} is not a port: a port is a whole number from 1 to 65535`,
    );
  return ok(n as Port);
}

/** Parses a node port, which must lie in the NodePort range 30000–32767. */
export function parseNodePort(value: number | string): Result<NodePort> {
  const port = parsePort(value);
  if (!port.ok) return port;
  if (port.value < NODE_PORT_MIN || port.value > NODE_PORT_MAX)
    return err(
      `node port ${port.value} is outside the NodePort range ${NODE_PORT_MIN}–${NODE_PORT_MAX}`,
    );
  return ok(port.value as number as NodePort);
}

const brandIp =
  <B extends AnyIp>() =>
  (text: string): Result<B> => {
    const ip = parseIpv4(text);
    return ip.ok ? ok(ip.value as string as B) : ip;
  };

/** Parses a node's address. */
export const parseNodeIp = brandIp<NodeIp>();
/** Parses a pod's address. */
export const parsePodIp = brandIp<PodIp>();
/** Parses an address outside the cluster. */
export const parseExternalIp = brandIp<ExternalIp>();
export const parseClusterIp = brandIp<ClusterIp>();
