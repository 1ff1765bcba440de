import {
  cidrSize,
  ipToNumber,
  numberToIp,
  parseCidr,
  err,
  ok,
  type Cidr,
  type Result,
} from '../model';
import type { ExplorerDoc } from './doc';
import { LIMITS } from './topology-json';

// The doc in as few characters as it can take before it is deflated: short keys,
// and every value that follows from what came before is left out. A node's id
// follows from the node before it (node1, node2…), its name from its id (Node1),
// its address and pod range from the node before; a pod sits on the node of the
// pod before it, at the next address of that node's range, with the labels of
// the pod before, ready. Anything else is written out. unpackDoc undoes it into
// plain JSON for readDoc to check; a link Inbound did not write is refused here
// only when it cannot be unpacked at all.

type Json = Record<string, unknown>;

export const DEFAULTS = {
  cidr: '10.0.0.0/16',
  nodeId: 'node1',
  nodeIp: '10.240.0.1',
  podId: 'pod-1',
  mode: '2',
  requests: 10_000,
  seed: 1,
  view: 'talk',
  client: { name: 'Client', ip: '1.2.3.4', port: 51234 },
} as const;

const TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer'] as const;

/** The name that follows: Pod-a → Pod-b, node9 → node10; anything else stays as it is. */
export function successor(s: string): string {
  // A scan from the end, not a regular expression: this runs for every pod of a big cluster.
  let i = s.length;
  while (i > 0 && s.length - i < 9 && isDigit(s.charCodeAt(i - 1))) i--;
  if (i < s.length) {
    const n = s.slice(i);
    return s.slice(0, i) + String(Number(n) + 1).padStart(n.length, '0');
  }
  const last = s.charCodeAt(s.length - 1);
  const before = s.charCodeAt(s.length - 2);
  if (s.length >= 2 && !isLetter(before) && isLetter(last) && (last | 32) !== 122)
    return s.slice(0, -1) + String.fromCharCode(last + 1);
  return s;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
/** A to Z or a to z. */
const isLetter = (c: number) => (c | 32) >= 97 && (c | 32) <= 122;

const inRange = (n: number, c: Cidr) => n >= c.base && n - c.base < cidrSize(c);

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The address after `ip`, or null when `ip` is not one. */
function after(ip: string): string | null {
  const n = ipToNumber(ip);
  return n.ok && numberToIp(n.value) === ip ? numberToIp((n.value + 1) >>> 0) : null;
}

/** The pod range after `cidr` (10.0.1.0/24 → 10.0.2.0/24). */
function nextRange(cidr: string): string | null {
  const c = parseCidr(cidr);
  if (!c.ok || c.value.text !== cidr) return null;
  return `${numberToIp((c.value.base + 2 ** (32 - c.value.prefix)) >>> 0)}/${c.value.prefix}`;
}

/** The first pod range: the cluster's second /24 (10.0.1.0/24 in 10.0.0.0/16). */
const firstRange = (cluster: string): string | null => {
  const c = parseCidr(cluster);
  return c.ok ? `${numberToIp((c.value.base + 256) >>> 0)}/24` : null;
};

/**
 * Walks a list of named things the same way packing and unpacking: `id` and `name`
 * as written (or null when left out), and what they must then be.
 */
function naming(firstId: string) {
  let prevId: string | null = null;
  let prevName: string | null = null;
  return {
    pack(id: string, name: string, into: Json) {
      if (id !== (prevId === null ? firstId : successor(prevId))) into.i = id;
      if (name !== capital(id)) into.n = name === prevName && prevName !== null ? 0 : name;
      prevId = id;
      prevName = name;
    },
    unpack(from: Json): { id: unknown; name: unknown } {
      const id = 'i' in from ? from.i : prevId === null ? firstId : successor(prevId);
      const n = from.n;
      const name =
        n === undefined ? (typeof id === 'string' ? capital(id) : id) : n === 0 ? prevName : n;
      prevId = typeof id === 'string' ? id : '';
      prevName = typeof name === 'string' ? name : '';
      return { id, name };
    },
  };
}

const sameLabels = (a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>) => {
  const ka = Object.keys(a);
  return (
    ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && a[k] === b[k])
  );
};

/**
 * ready, terminating (true), terminating written as false, serving (true),
 * serving written as false: a pod's state as one number. The serving bits came
 * with links of version 2; a version 1 link never has them.
 */
const READY = 1;
const TERMINATING = 2;
const NOT_TERMINATING = 4;
const SERVING = 8;
const NOT_SERVING = 16;

export function packDoc(doc: ExplorerDoc): Json {
  const t = doc.topology;
  const out: Json = {};
  const topo: Json = {};
  if (t.clusterCidr.text !== DEFAULTS.cidr) topo.c = t.clusterCidr.text;

  const names = naming(DEFAULTS.nodeId);
  let ip: string | null = DEFAULTS.nodeIp;
  let range = firstRange(t.clusterCidr.text);
  const nodeIndex = new Map<string, number>();
  topo.n = t.nodes.map((n, i) => {
    const o: Json = {};
    names.pack(n.id, n.name, o);
    if (n.ip !== ip) o.a = n.ip;
    if (n.podCidr.text !== range) o.r = n.podCidr.text;
    if (n.zone !== undefined) o.z = n.zone;
    ip = after(n.ip);
    range = nextRange(n.podCidr.text);
    if (!nodeIndex.has(n.id)) nodeIndex.set(n.id, i);
    return o;
  });

  const podNames = naming(DEFAULTS.podId);
  // The last address given on each node, as a number; null after one that is not an address.
  const lastIp = new Map<string, number | null>();
  let node = t.nodes[0]?.id ?? '';
  let labels: Readonly<Record<string, string>> = {};
  topo.p = t.pods.map((p) => {
    const o: Json = {};
    podNames.pack(p.id, p.name, o);
    if (p.node !== node) o.o = nodeIndex.get(p.node) ?? p.node;
    node = p.node;
    const home = t.nodes[nodeIndex.get(p.node) ?? -1];
    const last = lastIp.has(p.node) ? (lastIp.get(p.node) ?? null) : (home?.podCidr.base ?? null);
    const next = last === null ? null : (last + 1) >>> 0;
    let value: number | null = next;
    if (next === null || (p.ip as string) !== numberToIp(next)) {
      const n = ipToNumber(p.ip);
      value = n.ok && numberToIp(n.value) === (p.ip as string) ? n.value : null;
      o.a =
        home && value !== null && inRange(value, home.podCidr) ? value - home.podCidr.base : p.ip;
    }
    lastIp.set(p.node, value);
    if (!sameLabels(p.labels, labels)) {
      const k = t.services.findIndex((s) => sameLabels(s.selector, p.labels));
      o.l = k >= 0 ? k : p.labels;
    }
    labels = p.labels;
    const state =
      (p.ready ? READY : 0) |
      (p.terminating === true ? TERMINATING : 0) |
      (p.terminating === false ? NOT_TERMINATING : 0) |
      (p.serving === true ? SERVING : 0) |
      (p.serving === false ? NOT_SERVING : 0);
    if (state !== READY) o.s = state;
    return o;
  });

  topo.s = t.services.map((s) => {
    const o: Json = { i: s.id, n: s.name, l: s.selector, p: s.port, q: s.targetPort };
    if (s.type !== 'LoadBalancer') o.t = TYPES.indexOf(s.type);
    if (s.nodePort !== undefined) o.o = s.nodePort;
    if (s.externalTrafficPolicy === 'Local') o.x = 1;
    if (s.healthCheckNodePort !== undefined) o.h = s.healthCheckNodePort;
    if (s.vip !== undefined) o.v = s.vip;
    if (s.proxyIp !== undefined) o.y = s.proxyIp;
    if (s.clusterIp !== undefined) o.c = s.clusterIp;
    if (s.internalTrafficPolicy !== undefined)
      o.j = s.internalTrafficPolicy === 'Local' ? 1 : s.internalTrafficPolicy;
    if (s.trafficDistribution !== undefined) o.d = s.trafficDistribution;
    if (s.ipMode !== undefined) o.m = s.ipMode;
    if (s.lbPrivateIp !== undefined) o.k = s.lbPrivateIp;
    return o;
  });
  topo.i = t.ingresses.map((g) => {
    const o: Json = { i: g.id, n: g.name, h: g.host, b: g.backend };
    if (g.proxyService !== undefined) o.p = g.proxyService;
    return o;
  });
  const c = t.client;
  const dc = DEFAULTS.client;
  if (c.name !== dc.name || c.ip !== dc.ip || c.port !== dc.port) topo.k = [c.name, c.ip, c.port];

  out.t = topo;
  if (doc.service !== t.services[0]?.id) out.s = doc.service;
  if (doc.mode !== DEFAULTS.mode) out.m = doc.mode;
  if (doc.entryNode !== null) out.e = nodeIndex.get(doc.entryNode) ?? doc.entryNode;
  if (doc.requests !== DEFAULTS.requests) out.n = doc.requests;
  if (doc.seed !== DEFAULTS.seed) out.r = doc.seed;
  if (doc.view !== DEFAULTS.view) out.w = doc.view;
  if (doc.options && Object.keys(doc.options).length > 0) out.o = doc.options;
  return out;
}

/** Why unpacking stopped; thrown inside this file only, and always caught here. */
class Broken extends Error {}

function fields(v: unknown, what: string): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new Broken(`${what} is not an object`);
  return v as Json;
}

function entries(v: unknown, what: string, max: number): unknown[] {
  if (!Array.isArray(v)) throw new Broken(`${what} is not a list`);
  if (v.length > max)
    throw new Broken(
      `${v.length.toLocaleString('en')} ${what} is more than the explorer takes (${max.toLocaleString('en')})`,
    );
  return v;
}

/**
 * Undoes packDoc: plain JSON in the shape docToJson writes, for readDoc to check.
 * A version 1 link is read as it always was: the fields that came with version 2
 * (zones, serving, a Service's cluster IP and since-2020 fields, the request's
 * switches) are not looked for in it.
 */
export function unpackDoc(packed: unknown, version = 2): Result<Json> {
  try {
    return ok(unpack(packed, version >= 2));
  } catch (e) {
    return err(e instanceof Broken ? e.message : 'it could not be unpacked');
  }
}

function unpack(packed: unknown, since: boolean): Json {
  const d = fields(packed, 'the link');
  const t = fields(d.t, 'its topology');
  const cidr = t.c ?? DEFAULTS.cidr;

  const names = naming(DEFAULTS.nodeId);
  let ip: string | null = DEFAULTS.nodeIp;
  let range = typeof cidr === 'string' ? firstRange(cidr) : null;
  const nodes = entries(t.n, 'nodes', LIMITS.nodes).map((raw) => {
    const o = fields(raw, 'a node');
    const { id, name } = names.unpack(o);
    const n = {
      id,
      name,
      ip: o.a ?? ip,
      podCidr: o.r ?? range,
      ...(since && o.z !== undefined ? { zone: o.z } : {}),
    };
    ip = typeof n.ip === 'string' ? after(n.ip) : null;
    range = typeof n.podCidr === 'string' ? nextRange(n.podCidr) : null;
    return n;
  });
  const nodeIndex = new Map<unknown, number>();
  nodes.forEach((n, i) => {
    if (!nodeIndex.has(n.id)) nodeIndex.set(n.id, i);
  });
  const nodeRef = (v: unknown) => (typeof v === 'number' ? nodes[v]?.id : v);

  const services = entries(t.s, 'Services', LIMITS.services).map((raw) => {
    const o = fields(raw, 'a Service');
    return {
      id: o.i,
      name: o.n,
      type: o.t === undefined ? 'LoadBalancer' : typeof o.t === 'number' ? TYPES[o.t] : o.t,
      selector: o.l,
      port: o.p,
      targetPort: o.q,
      nodePort: o.o,
      externalTrafficPolicy: o.x === 1 ? 'Local' : o.x === undefined ? 'Cluster' : o.x,
      healthCheckNodePort: o.h,
      vip: o.v,
      proxyIp: o.y,
      ...(since
        ? {
            clusterIp: o.c,
            internalTrafficPolicy: o.j === 1 ? 'Local' : o.j,
            trafficDistribution: o.d,
            ipMode: o.m,
            lbPrivateIp: o.k,
          }
        : {}),
    };
  });

  const podNames = naming(DEFAULTS.podId);
  const ranges = nodes.map((n) => {
    const c = typeof n.podCidr === 'string' ? parseCidr(n.podCidr) : null;
    return c?.ok ? c.value : null;
  });
  const lastIp = new Map<unknown, number | null>();
  let node: unknown = nodes[0]?.id ?? '';
  let labels: unknown = {};
  const pods = entries(t.p, 'pods', LIMITS.pods).map((raw) => {
    const o = fields(raw, 'a pod');
    const { id, name } = podNames.unpack(o);
    if ('o' in o) node = nodeRef(o.o);
    const range = ranges[nodeIndex.get(node) ?? -1] ?? null;
    let ip: unknown = o.a;
    let value: number | null = null;
    if (typeof o.a === 'number') {
      if (range) ip = numberToIp((value = (range.base + o.a) >>> 0));
    } else if (typeof o.a === 'string') {
      const n = ipToNumber(o.a);
      value = n.ok && numberToIp(n.value) === o.a ? n.value : null;
    } else if (o.a === undefined) {
      const last = lastIp.has(node) ? (lastIp.get(node) ?? null) : (range?.base ?? null);
      ip = last === null ? null : numberToIp((value = (last + 1) >>> 0));
    }
    lastIp.set(node, value);
    if ('l' in o) labels = typeof o.l === 'number' ? services[o.l]?.selector : o.l;
    const state = o.s ?? READY;
    if (typeof state !== 'number') throw new Broken(`a pod's state is ${typeof state}`);
    return {
      id,
      name,
      ip,
      node,
      labels,
      ready: (state & READY) !== 0,
      ...((state & (TERMINATING | NOT_TERMINATING)) !== 0
        ? { terminating: (state & TERMINATING) !== 0 }
        : {}),
      ...(since && (state & (SERVING | NOT_SERVING)) !== 0
        ? { serving: (state & SERVING) !== 0 }
        : {}),
    };
  });

  const ingresses = entries(t.i, 'Ingresses', LIMITS.ingresses).map((raw) => {
    const o = fields(raw, 'an Ingress');
    return { id: o.i, name: o.n, host: o.h, backend: o.b, proxyService: o.p };
  });
  const dc = DEFAULTS.client;
  const k = t.k === undefined ? [dc.name, dc.ip, dc.port] : entries(t.k, 'client fields', 3);

  return {
    topology: {
      clusterCidr: cidr,
      nodes,
      pods,
      services,
      ingresses,
      client: { name: k[0], ip: k[1], port: k[2] },
    },
    service: d.s ?? services[0]?.id ?? '',
    mode: d.m ?? DEFAULTS.mode,
    entryNode: d.e === undefined ? null : nodeRef(d.e),
    requests: d.n ?? DEFAULTS.requests,
    seed: d.r ?? DEFAULTS.seed,
    view: d.w ?? DEFAULTS.view,
    ...(since && d.o !== undefined ? { options: d.o } : {}),
  };
}
