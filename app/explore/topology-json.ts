import {
  findMode,
  parseCidr,
  parseExternalIp,
  parseNodeIp,
  parseNodePort,
  parsePodIp,
  parsePort,
  parseClusterIp,
  err,
  ok,
  type AddressView,
  type Client,
  type ClientPlace,
  type Dataplane,
  type IpMode,
  type NodeWeighting,
  type TrafficDistribution,
  type ClusterNode,
  type Ingress,
  type ModeId,
  type Pod,
  type Result,
  type Service,
  type Topology,
} from '../model';
import { MAX_REQUESTS, MIN_REQUESTS, type ExplorerDoc, type RequestOptions } from './doc';

// A topology or a whole explorer doc as plain JSON (a file, a link, storage), and
// the reader that turns such an untrusted value back into one. The reader checks
// shapes and parses every address and port; whether the cluster makes sense
// (duplicate addresses, a pod outside its range) is validate's job, shown next to
// the thing it is about, so a cluster that was being edited comes back as it was.

/** The most of each thing a topology may hold: beyond them, a file or link is refused. */
export const LIMITS = {
  nodes: 5_000,
  pods: 100_000,
  services: 1_000,
  ingresses: 1_000,
  labels: 64,
  /** Characters in an id, a name, a label or a host (a DNS name's limit). */
  text: 253,
} as const;

const SERVICE_TYPES: readonly Service['type'][] = ['ClusterIP', 'NodePort', 'LoadBalancer'];
const POLICIES = ['Cluster', 'Local'] as const;
const VIEWS: readonly AddressView[] = ['talk', 'ip'];
const DISTRIBUTIONS: readonly TrafficDistribution[] = [
  'PreferClose',
  'PreferSameZone',
  'PreferSameNode',
];
const IP_MODES: readonly IpMode[] = ['VIP', 'Proxy'];
const DATAPLANES: readonly Dataplane[] = ['kube-proxy', 'dsr', 'ipvs-2020'];
const WEIGHTINGS: readonly NodeWeighting[] = ['equal', 'by-pods'];

/** A topology as JSON: the same fields, each CIDR block as its text. */
export type TopologyJson = Omit<Topology, 'clusterCidr' | 'nodes'> & {
  readonly clusterCidr: string;
  readonly nodes: readonly (Omit<ClusterNode, 'podCidr'> & { readonly podCidr: string })[];
};

export function topologyToJson(t: Topology): TopologyJson {
  return {
    ...t,
    clusterCidr: t.clusterCidr.text,
    nodes: t.nodes.map((n) => ({ ...n, podCidr: n.podCidr.text })),
  };
}

/** A doc as JSON: its topology as topologyToJson writes it. */
export type DocJson = Omit<ExplorerDoc, 'topology'> & { readonly topology: TopologyJson };

export function docToJson(doc: ExplorerDoc): DocJson {
  return { ...doc, topology: topologyToJson(doc.topology) };
}

/** Why a value was refused; thrown inside this file only, and always caught here. */
class Refusal extends Error {}

const refuse = (at: string, why: string): never => {
  throw new Refusal(at ? `${at}: ${why}` : why);
};

/** Runs a reader; whatever the value, the answer is a Result. */
function guarded<T>(read: () => T): Result<T> {
  try {
    return ok(read());
  } catch (e) {
    if (e instanceof Refusal) return err(e.message);
    return err('This could not be read as an explorer topology.');
  }
}

const describe = (v: unknown): string =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'a list'
      : typeof v === 'object'
        ? 'an object'
        : typeof v;

type Fields = Readonly<Record<string, unknown>>;

function object(v: unknown, at: string): Fields {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    refuse(at, `expected an object, found ${describe(v)}`);
  return v as Fields;
}

function list(v: unknown, at: string, max: number, what: string): readonly unknown[] {
  if (!Array.isArray(v)) return refuse(at, `expected a list of ${what}, found ${describe(v)}`);
  if (v.length > max)
    refuse(
      at,
      `${v.length.toLocaleString('en')} ${what} is more than the explorer takes (${max.toLocaleString('en')})`,
    );
  return v;
}

function text(v: unknown, at: string, empty = false): string {
  if (typeof v !== 'string') return refuse(at, `expected text, found ${describe(v)}`);
  if (!empty && v.length === 0) refuse(at, 'must not be empty');
  if (v.length > LIMITS.text)
    refuse(at, `${v.length} characters is over the limit of ${LIMITS.text}`);
  return v;
}

function oneOf<T extends string>(v: unknown, at: string, allowed: readonly T[]): T {
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  return refuse(
    at,
    `expected one of ${allowed.join(', ')}, found ${JSON.stringify(v)?.slice(0, 40) ?? describe(v)}`,
  );
}

function flag(v: unknown, at: string): boolean {
  if (typeof v !== 'boolean') return refuse(at, `expected true or false, found ${describe(v)}`);
  return v;
}

/** Parses with one of the model's parsers; its message says what is wrong with the value. */
function parsed<T>(v: unknown, at: string, parse: (x: string) => Result<T>): T {
  if (typeof v !== 'string') return refuse(at, `expected text, found ${describe(v)}`);
  const r = parse(v);
  return r.ok ? r.value : refuse(at, r.error);
}

function port<T>(v: unknown, at: string, parse: (x: number | string) => Result<T>): T {
  if (typeof v !== 'number' && typeof v !== 'string')
    return refuse(at, `expected a port number, found ${describe(v)}`);
  const r = parse(v);
  return r.ok ? r.value : refuse(at, r.error);
}

/** An optional field: absent (or null in JSON) stays absent. */
function optional<T>(fields: Fields, key: string, at: string, read: (v: unknown, at: string) => T) {
  const v = fields[key];
  return v === undefined || v === null ? {} : { [key]: read(v, `${at}.${key}`) };
}

function labels(v: unknown, at: string): Readonly<Record<string, string>> {
  const fields = object(v, at);
  const entries = Object.entries(fields);
  if (entries.length > LIMITS.labels)
    refuse(at, `${entries.length} labels is more than the explorer takes (${LIMITS.labels})`);
  // fromEntries makes own properties even of a key like "__proto__".
  return Object.fromEntries(
    entries.map(([k, value]) => [text(k, at), text(value, `${at}.${k}`, true)]),
  );
}

function node(v: unknown, at: string): ClusterNode {
  const f = object(v, at);
  return {
    id: text(f.id, `${at}.id`),
    name: text(f.name, `${at}.name`, true),
    ip: parsed(f.ip, `${at}.ip`, parseNodeIp),
    podCidr: parsed(f.podCidr, `${at}.podCidr`, parseCidr),
    ...optional(f, 'zone', at, (x, a) => text(x, a)),
  };
}

function pod(v: unknown, at: string): Pod {
  const f = object(v, at);
  return {
    id: text(f.id, `${at}.id`),
    name: text(f.name, `${at}.name`, true),
    ip: parsed(f.ip, `${at}.ip`, parsePodIp),
    node: text(f.node, `${at}.node`),
    labels: labels(f.labels, `${at}.labels`),
    ready: flag(f.ready, `${at}.ready`),
    ...optional(f, 'terminating', at, flag),
    ...optional(f, 'serving', at, flag),
  };
}

function service(v: unknown, at: string): Service {
  const f = object(v, at);
  return {
    id: text(f.id, `${at}.id`),
    name: text(f.name, `${at}.name`, true),
    type: oneOf(f.type, `${at}.type`, SERVICE_TYPES),
    selector: labels(f.selector, `${at}.selector`),
    port: port(f.port, `${at}.port`, parsePort),
    targetPort: port(f.targetPort, `${at}.targetPort`, parsePort),
    ...optional(f, 'nodePort', at, (x, a) => port(x, a, parseNodePort)),
    externalTrafficPolicy: oneOf(f.externalTrafficPolicy, `${at}.externalTrafficPolicy`, POLICIES),
    ...optional(f, 'healthCheckNodePort', at, (x, a) => port(x, a, parseNodePort)),
    ...optional(f, 'vip', at, (x, a) => parsed(x, a, parseExternalIp)),
    ...optional(f, 'proxyIp', at, (x, a) => parsed(x, a, parseExternalIp)),
    ...optional(f, 'clusterIp', at, (x, a) => parsed(x, a, parseClusterIp)),
    ...optional(f, 'internalTrafficPolicy', at, (x, a) => oneOf(x, a, POLICIES)),
    ...optional(f, 'trafficDistribution', at, (x, a) => oneOf(x, a, DISTRIBUTIONS)),
    ...optional(f, 'ipMode', at, (x, a) => oneOf(x, a, IP_MODES)),
    ...optional(f, 'lbPrivateIp', at, (x, a) => parsed(x, a, parseNodeIp)),
  };
}

function ingress(v: unknown, at: string): Ingress {
  const f = object(v, at);
  return {
    id: text(f.id, `${at}.id`),
    name: text(f.name, `${at}.name`, true),
    host: text(f.host, `${at}.host`, true),
    backend: text(f.backend, `${at}.backend`),
    ...optional(f, 'proxyService', at, (x, a) => text(x, a)),
  };
}

function client(v: unknown, at: string): Client {
  const f = object(v, at);
  return {
    name: text(f.name, `${at}.name`, true),
    ip: parsed(f.ip, `${at}.ip`, parseExternalIp),
    port: port(f.port, `${at}.port`, parsePort),
  };
}

const items = <T>(
  v: unknown,
  at: string,
  max: number,
  what: string,
  read: (x: unknown, a: string) => T,
) => list(v, at, max, what).map((x, i) => read(x, `${at}[${i}]`));

function topology(v: unknown, at: string): Topology {
  if (typeof v === 'object' && v !== null && !Array.isArray(v) && !('clusterCidr' in v)) {
    if ('kind' in v || 'apiVersion' in v || 'items' in v)
      refuse(
        at,
        'this looks like kubectl output, not an explorer topology: import it from kubectl instead',
      );
  }
  const f = object(v, at);
  const field = (key: string) => (at ? `${at}.${key}` : key);
  return {
    clusterCidr: parsed(f.clusterCidr, field('clusterCidr'), parseCidr),
    nodes: items(f.nodes, field('nodes'), LIMITS.nodes, 'nodes', node),
    pods: items(f.pods, field('pods'), LIMITS.pods, 'pods', pod),
    services: items(f.services, field('services'), LIMITS.services, 'Services', service),
    ingresses: items(f.ingresses, field('ingresses'), LIMITS.ingresses, 'Ingresses', ingress),
    client: client(f.client, field('client')),
  };
}

/**
 * Reads an untrusted value (a parsed file, a decoded link) as a topology. Never
 * throws: a refusal names the first bad field, e.g.
 * `pods[3].ip: "10.0.2.999" is not an IPv4 address: 999 is over 255`.
 */
export function readTopology(value: unknown): Result<Topology> {
  return guarded(() => topology(value, ''));
}

function whole(v: unknown, at: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v))
    return refuse(
      at,
      `expected a whole number, found ${describe(v)} ${typeof v === 'number' ? v : ''}`.trim(),
    );
  if (v < min || v > max)
    refuse(
      at,
      `${v.toLocaleString('en')} is outside ${min.toLocaleString('en')}–${max.toLocaleString('en')}`,
    );
  return v;
}

/**
 * Reads an untrusted value as a whole explorer doc. A Service or entry node the
 * cluster no longer has is not a reason to refuse a user's work: the doc comes
 * back on the first Service, with the load balancer choosing the entry node.
 */
export function readDoc(value: unknown): Result<ExplorerDoc> {
  return guarded(() => {
    const f = object(value, 'the explorer document');
    const t = topology(f.topology, 'topology');
    const mode = findMode(typeof f.mode === 'string' ? f.mode : '');
    if (!mode)
      refuse(
        'mode',
        `${JSON.stringify(f.mode)?.slice(0, 40) ?? describe(f.mode)} is not one of the talk's modes`,
      );
    const wanted = text(f.service, 'service', true);
    const service = t.services.some((s) => s.id === wanted)
      ? wanted
      : (t.services[0]?.id ?? wanted);
    const entry =
      f.entryNode === null || f.entryNode === undefined ? null : text(f.entryNode, 'entryNode');
    return {
      topology: t,
      service,
      mode: mode?.id as ModeId,
      entryNode: entry !== null && t.nodes.some((n) => n.id === entry) ? entry : null,
      requests: whole(f.requests, 'requests', MIN_REQUESTS, MAX_REQUESTS),
      seed: whole(f.seed, 'seed', -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
      view: oneOf(f.view, 'view', VIEWS),
      ...withOptions(f.options, t),
    };
  });
}

/** The doc's `options`, when it has any set. */
function withOptions(v: unknown, t: Topology): { options?: RequestOptions } {
  if (v === undefined || v === null) return {};
  const o = options(v, 'options', t);
  return Object.keys(o).length > 0 ? { options: o } : {};
}

/**
 * The request's since-2020 switches, field by field. A client pod or node the
 * cluster no longer has is not a reason to refuse a user's work: the request
 * goes back to the client outside (and to the way in), as an edit that removes
 * them does.
 */
function options(v: unknown, at: string, t: Topology): RequestOptions {
  const f = object(v, at);
  const known = new Set([
    'client',
    'target',
    'ipMode',
    'internalPolicy',
    'trafficDistribution',
    'dataplane',
    'clientIpPreservation',
    'proxyProtocol',
    'proxyProtocolVersion',
    'weighting',
  ]);
  for (const key of Object.keys(f))
    if (!known.has(key))
      refuse(`${at}.${key.slice(0, 40)}`, 'is not one of the request’s switches');
  const client = f.client === undefined ? undefined : place(f.client, `${at}.client`, t);
  const out: { -readonly [K in keyof RequestOptions]?: RequestOptions[K] } = {
    ...(client ? { client } : {}),
    ...(client && f.target !== undefined
      ? { target: oneOf(f.target, `${at}.target`, ['cluster-ip'] as const) }
      : {}),
    ...optional(f, 'ipMode', at, (x, a) => oneOf(x, a, IP_MODES)),
    ...optional(f, 'internalPolicy', at, (x, a) => oneOf(x, a, POLICIES)),
    ...optional(f, 'dataplane', at, (x, a) => oneOf(x, a, DATAPLANES)),
    ...optional(f, 'clientIpPreservation', at, flag),
    ...optional(f, 'proxyProtocol', at, flag),
    ...optional(f, 'proxyProtocolVersion', at, (x, a) => {
      if (x !== 1 && x !== 2)
        refuse(a, `expected 1 or 2, found ${JSON.stringify(x)?.slice(0, 20)}`);
      return x as 1 | 2;
    }),
    ...optional(f, 'weighting', at, (x, a) => oneOf(x, a, WEIGHTINGS)),
  };
  // null is a value here: "not set", overriding a Service that sets one.
  if (f.trafficDistribution === null) out.trafficDistribution = null;
  else if (f.trafficDistribution !== undefined)
    out.trafficDistribution = oneOf(
      f.trafficDistribution,
      `${at}.trafficDistribution`,
      DISTRIBUTIONS,
    );
  return out;
}

function place(v: unknown, at: string, t: Topology): ClientPlace | undefined {
  const f = object(v, at);
  const kind = oneOf(f.kind, `${at}.kind`, ['outside', 'pod', 'node'] as const);
  if (kind === 'outside') return undefined;
  if (kind === 'pod') {
    const pod = text(f.pod, `${at}.pod`);
    return t.pods.some((p) => p.id === pod) ? { kind, pod } : undefined;
  }
  const node = text(f.node, `${at}.node`);
  return t.nodes.some((n) => n.id === node) ? { kind, node } : undefined;
}
