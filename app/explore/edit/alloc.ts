import {
  cidrsOverlap,
  cidrContains,
  err,
  ipToNumber,
  NODE_PORT_MAX,
  NODE_PORT_MIN,
  numberToIp,
  ok,
  parseCidr,
  type Cidr,
  type Ipv4,
  type NodePort,
  type Result,
  type Topology,
} from '../../model';

/** Every address the topology already uses: the client's, nodes', pods', VIPs and proxies. */
export function usedAddresses(t: Topology): Set<string> {
  const used = new Set<string>([t.client.ip]);
  for (const n of t.nodes) used.add(n.ip);
  for (const p of t.pods) used.add(p.ip);
  for (const s of t.services) {
    if (s.vip) used.add(s.vip);
    if (s.proxyIp) used.add(s.proxyIp);
  }
  return used;
}

/** Every node port taken, by a nodePort or a healthCheckNodePort (they share one range). */
export function usedNodePorts(t: Topology): Set<number> {
  const used = new Set<number>();
  for (const s of t.services) {
    if (s.nodePort !== undefined) used.add(s.nodePort);
    if (s.healthCheckNodePort !== undefined) used.add(s.healthCheckNodePort);
  }
  return used;
}

/**
 * A free node port: `preferred` when it is free and in range, else the lowest
 * free one. The API server picks at random; a fixed rule keeps edits (and their
 * undo) reproducible.
 */
export function freeNodePort(used: ReadonlySet<number>, preferred?: number): Result<NodePort> {
  if (
    preferred !== undefined &&
    preferred >= NODE_PORT_MIN &&
    preferred <= NODE_PORT_MAX &&
    !used.has(preferred)
  )
    return ok(preferred as NodePort);
  for (let p = NODE_PORT_MIN; p <= NODE_PORT_MAX; p++) if (!used.has(p)) return ok(p as NodePort);
  return err(`Every node port from ${NODE_PORT_MIN} to ${NODE_PORT_MAX} is taken`);
}

/** Where new load balancer addresses come from (the documentation ranges the talk uses). */
export const VIP_RANGE = '203.0.113.0/24';
export const PROXY_RANGE = '198.51.100.0/24';

/** The lowest free address of a /24 from .10 up, then from .1 (the talk's VIPs start at .10). */
export function freeExternalIp(range: string, used: ReadonlySet<string>): Result<Ipv4> {
  const block = parseCidr(range);
  if (!block.ok) return block;
  const offsets = [...Array.from({ length: 245 }, (_, i) => i + 10), 1, 2, 3, 4, 5, 6, 7, 8, 9];
  for (const o of offsets) {
    const ip = numberToIp(block.value.base + o);
    if (!used.has(ip)) return ok(ip);
  }
  return err(`${range} is full: no address left for a load balancer`);
}

/** The lowest k ≥ 1 for which `taken(k)` is false. */
export function lowestFree(taken: (k: number) => boolean): number {
  let k = 1;
  while (taken(k)) k++;
  return k;
}

/** Lower-case words joined by dashes, as Kubernetes names are: "Service A" → "service-a". */
export function slug(text: string): string {
  const s = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'x';
}

/** The short name of a Service for its pods and labels: "Service A" → "a", "web" → "web". */
export function shortName(serviceName: string): string {
  const s = slug(serviceName);
  return s.startsWith('service-') ? s.slice('service-'.length) : s;
}

/** `base`, or `base-2`, `base-3`… whichever is not taken. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  return `${base}-${lowestFree((k) => k < 2 || taken.has(`${base}-${k}`))}`;
}

const DEFAULT_NODE_NETWORKS = ['10.240.0.0/24', '192.168.0.0/24', '172.16.0.0/24'];

/**
 * An address for a new node: in the nodes' network (the /24 of the first node,
 * or 10.240.0.0/24), `.n` for NodeN when free (the talk's Node2 is 10.240.0.2),
 * else the lowest free one; never inside the pod network.
 */
export function nodeIpFor(t: Topology, n: number): Result<Ipv4> {
  const used = usedAddresses(t);
  const first = t.nodes.map((node) => ipToNumber(node.ip)).find((r) => r.ok);
  const starts = first?.ok
    ? [(first.value & 0xffffff00) >>> 0]
    : DEFAULT_NODE_NETWORKS.map((c) => (parseCidr(c) as { value: Cidr }).value.base);
  for (const start of starts) {
    for (let block = 0; block < 256; block++) {
      const base = start + block * 256;
      if (base > 0xffffff00) break;
      const offsets = n >= 1 && n <= 254 && block === 0 ? [n] : [];
      for (let o = 1; o <= 254; o++) offsets.push(o);
      for (const o of offsets) {
        const ip = numberToIp(base + o);
        if (!used.has(ip) && !cidrContains(t.clusterCidr, ip)) return ok(ip);
      }
    }
  }
  return err('No free address is left for a new node');
}

/**
 * A pod range for a new node: a free /24 of the cluster range (smaller blocks in a
 * cluster smaller than a /24, as --node-cidr-mask-size would need), block n for
 * NodeN when free (the talk's Node2 has 10.0.2.0/24), else the lowest free one.
 */
export function podRangeFor(t: Topology, n: number): Result<Cidr> {
  const cluster = t.clusterCidr;
  const prefix = cluster.prefix <= 24 ? 24 : cluster.prefix + 1;
  if (prefix > 30)
    return err(`The cluster range ${cluster.text} is too small to give a node a pod range`);
  const count = 2 ** (prefix - cluster.prefix);
  const size = 2 ** (32 - prefix);
  const order = n >= 1 && n < count ? [n] : [];
  for (let i = 1; i < count; i++) order.push(i);
  order.push(0);
  for (const i of order) {
    const block = parseCidr(`${numberToIp(cluster.base + i * size)}/${prefix}`);
    if (block.ok && !t.nodes.some((node) => cidrsOverlap(node.podCidr, block.value)))
      return ok(block.value);
  }
  return err(`The cluster range ${cluster.text} has no free pod range left for a new node`);
}
