// A Service object → the model's Service: its type, the one TCP port Inbound
// follows (its targetPort resolved to a number), its node port, policy, health
// check port and load balancer address (a VIP, or a proxy when ipMode says so).
import {
  parseNodePort,
  parsePort,
  type ClusterIp,
  type ExternalIp,
  type ExternalTrafficPolicy,
  type NodePort,
  type Port,
  type Service,
} from '../../model';
import {
  asArray,
  asObject,
  asString,
  field,
  isRedacted,
  labelsOf,
  NAMESPACE_LABEL,
  namespaced,
  readAddress,
  shown,
  type Json,
  type KubeItem,
} from './kube';
import type { PodSpecInfo } from './pods';
import type { ItemNotes, ReportBuilder } from './report';
import type { SliceDraft } from './slices';

export interface ServiceContext {
  /** Every pod of a namespace that has a name, drawn or not (for named ports). */
  podsIn(namespace: string): readonly PodSpecInfo[];
  slicesOf(service: string): readonly SliceDraft[];
  /** Takes an address for `owner`; returns who already has it, or null when it was free. */
  claimAddress(ip: string, owner: string): string | null;
  /** A free documentation address (RFC 5737): 203.0.113.x for a VIP, 198.51.100.x for a proxy. */
  documentationAddress(kind: 'vip' | 'proxy', owner: string): ExternalIp;
  /** Node ports taken so far: port → whose. */
  readonly nodePorts: Map<number, string>;
}

export interface ServiceDraft {
  readonly line: ItemNotes;
  readonly service: Service;
  readonly namespace: string;
  /** metadata.name, for naming it on screen. */
  readonly shortName: string;
}

const TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer'] as const;

const portWords = (p: Json, target: string | number) =>
  `${asString(p.name) ? `${asString(p.name)} ` : ''}${shown(p.port, 8)}→${shown(target, 20)}`;

/** Reads one Service; null (and a skip line) when Inbound cannot follow a request to it. */
export function readService(
  item: KubeItem,
  report: ReportBuilder,
  ctx: ServiceContext,
): ServiceDraft | null {
  const o = item.object;
  const name = asString(field(o, 'metadata.name'));
  const namespace = asString(field(o, 'metadata.namespace')) ?? 'default';
  const id = name ? namespaced(namespace, name) : item.source;
  const line = report.add('Service', shown(id, 80), item.source);
  const what = `Service ${shown(id, 80)}`;
  if (item.inferred)
    line.note(`It had no kind; Inbound read it as a Service from ${item.inferred}`);
  if (!name) return line.skip('It has no metadata.name');
  if (isRedacted(name) || isRedacted(namespace))
    return line.skip(`Its name is redacted ("${shown(id, 40)}")`);
  const spec = asObject(o.spec) ?? {};

  const rawType = spec.type === undefined ? 'ClusterIP' : asString(spec.type);
  if (rawType === 'ExternalName')
    return line.skip(
      `It is type ExternalName, a DNS alias${asString(spec.externalName) ? ` for ${shown(spec.externalName, 40)}` : ''} with no pods behind it`,
    );
  const type = TYPES.find((t) => t === rawType);
  if (!type) return line.skip(`Its type "${shown(rawType, 20)}" is not one Kubernetes has`);

  const families = asArray(spec.ipFamilies).map(asString);
  if (families.length && !families.includes('IPv4'))
    return line.skip(`It is IPv6 only (ipFamilies ${families.join(', ')}): Inbound draws IPv4`);
  if (families.includes('IPv6'))
    line.change(
      `${what} is dual-stack (${families.join(', ')}): Inbound follows IPv4 and leaves IPv6 out`,
    );

  const rawSelector = asObject(spec.selector);
  if (!rawSelector || Object.keys(rawSelector).length === 0)
    return line.skip(
      'It has no selector: its EndpointSlices are managed by hand, so no pods of the dump are known to serve it',
    );
  // Selectors are namespaced; the model's are not: every pod carries its namespace as a label.
  const selector = { ...labelsOf(rawSelector), [NAMESPACE_LABEL]: namespace };
  if (spec.clusterIP === 'None') line.note('Headless (clusterIP None): it has no virtual IP');

  const ports = asArray(spec.ports)
    .map(asObject)
    .filter((p): p is Json => p !== undefined);
  if (ports.length === 0) return line.skip('It has no ports');
  const tcp = ports.filter((p) => (asString(p.protocol) ?? 'TCP') === 'TCP');
  const chosen = tcp[0];
  if (!chosen)
    return line.skip(
      `It has only ${[...new Set(ports.map((p) => shown(p.protocol, 10)))].join(' and ')} ports: Inbound follows TCP`,
    );
  const port = parsePort(chosen.port as number);
  if (!port.ok) return line.skip(`Its port cannot be read: ${port.error}`);

  const target = resolveTargetPort(chosen, selector, namespace, id, line, ctx);
  if (target === null) return null;
  if (ports.length > 1)
    line.change(
      `${what} has ${ports.length} ports; Inbound follows the first${chosen === ports[0] ? '' : ' TCP one'}, ${portWords(chosen, target)}`,
    );

  const service: {
    -readonly [K in keyof Service]: Service[K];
  } = {
    id,
    name,
    type,
    selector,
    port: port.value,
    targetPort: target,
    externalTrafficPolicy: 'Cluster',
  };

  const policy = asString(spec.externalTrafficPolicy);
  if (policy === 'Local' || policy === 'Cluster')
    service.externalTrafficPolicy = policy as ExternalTrafficPolicy;
  else if (policy !== undefined)
    line.change(
      `Its externalTrafficPolicy "${shown(policy, 20)}" is read as Cluster${policy === 'Global' ? ' (its old name)' : ''}`,
    );

  readSince(service, spec, line, ctx, what);
  if (type !== 'ClusterIP') readNodePorts(service, chosen, spec, line, ctx, what);
  if (type === 'LoadBalancer') readLoadBalancer(service, o, line, ctx, what);
  const external = asArray(spec.externalIPs).filter((v) => typeof v === 'string');
  if (external.length)
    line.change(
      `spec.externalIPs (${external.map((v) => shown(v, 40)).join(', ')}) left out: Inbound draws the load balancer's address`,
    );
  return { line, service, namespace, shortName: name };
}

/** The number the pods listen on: the targetPort, a named one looked up in the pods or slices. */
function resolveTargetPort(
  chosen: Json,
  selector: Readonly<Record<string, string>>,
  namespace: string,
  id: string,
  line: ItemNotes,
  ctx: ServiceContext,
): Port | null {
  const raw = chosen.targetPort;
  if (raw === undefined || raw === null) {
    // No targetPort: Kubernetes uses the port itself.
    const p = parsePort(chosen.port as number);
    return p.ok ? p.value : line.skip(`Its port cannot be read: ${p.error}`);
  }
  if (typeof raw === 'number' || (typeof raw === 'string' && /^\d+$/.test(raw))) {
    const p = parsePort(raw);
    return p.ok ? p.value : line.skip(`Its targetPort cannot be read: ${p.error}`);
  }
  if (typeof raw !== 'string') return line.skip('Its targetPort is neither a number nor a name');
  // A named port: what the selected pods' containers call it. The pods are this namespace's,
  // so the selector's other keys decide.
  const counts = new Map<number, number>();
  const keys = Object.keys(selector).filter((k) => k !== NAMESPACE_LABEL);
  for (const info of ctx.podsIn(namespace)) {
    const number = info.ports.get(raw);
    if (number === undefined) continue;
    if (!keys.every((k) => info.labels[k] === selector[k])) continue;
    counts.set(number, (counts.get(number) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const best = ranked[0];
  if (best) {
    const p = parsePort(best[0]);
    if (!p.ok) return line.skip(`Its targetPort "${shown(raw, 20)}" is ${best[0]}: ${p.error}`);
    // A name resolved the way kube-proxy resolves it is a note; pods that disagree change something.
    (ranked.length === 1 ? line.note.bind(line) : line.change.bind(line))(
      ranked.length === 1
        ? `Service ${shown(id, 80)}'s targetPort "${shown(raw, 20)}" is containerPort ${best[0]} in its pods`
        : `Service ${shown(id, 80)}'s targetPort "${shown(raw, 20)}" differs between its pods (${ranked
            .map(([n, c]) => `${n} in ${c}`)
            .join(', ')}); Inbound follows ${best[0]}`,
    );
    return p.value;
  }
  // No pod says; the EndpointSlices hold the number the name resolved to.
  const portName = asString(chosen.name) ?? '';
  for (const slice of ctx.slicesOf(id)) {
    const number = slice.ports.get(portName);
    if (number === undefined) continue;
    const p = parsePort(number);
    if (!p.ok) continue;
    line.note(
      `Service ${shown(id, 80)}'s targetPort "${shown(raw, 20)}" is ${number}, as its EndpointSlices say`,
    );
    return p.value;
  }
  return line.skip(
    `Its targetPort "${shown(raw, 20)}" names a port that none of its pods declares and its EndpointSlices do not give: Inbound cannot tell which port the pods listen on`,
  );
}

const DISTRIBUTIONS = ['PreferClose', 'PreferSameZone', 'PreferSameNode'] as const;

/**
 * The since-2020 fields of a Service's spec: its cluster IP (the first IPv4 of
 * clusterIPs, else clusterIP), internalTrafficPolicy (Local kept; Cluster is
 * what no field means) and trafficDistribution.
 */
function readSince(
  service: { -readonly [K in keyof Service]: Service[K] },
  spec: Json,
  line: ItemNotes,
  ctx: ServiceContext,
  what: string,
) {
  const ips = [...asArray(spec.clusterIPs), spec.clusterIP].filter(
    (v): v is string => typeof v === 'string' && v !== 'None' && v !== '',
  );
  const first = ips.map(readAddress).find((a) => a.kind === 'ipv4');
  if (first?.kind === 'ipv4') {
    const holder = ctx.claimAddress(first.ip, `${what}'s cluster IP`);
    if (holder !== null)
      line.change(`${what}'s cluster IP ${first.ip} is also ${holder}'s; left out`);
    else service.clusterIp = first.ip as string as ClusterIp;
  } else if (ips.length > 0 && ips.some((v) => readAddress(v).kind === 'ipv6'))
    line.change(`${what}'s cluster IP is IPv6 only: left out, Inbound draws IPv4`);

  const internal = asString(spec.internalTrafficPolicy);
  if (internal === 'Local') service.internalTrafficPolicy = 'Local';
  else if (internal !== undefined && internal !== 'Cluster')
    line.change(`Its internalTrafficPolicy "${shown(internal, 20)}" is read as Cluster`);

  const distribution = asString(spec.trafficDistribution);
  const known = DISTRIBUTIONS.find((d) => d === distribution);
  if (known) service.trafficDistribution = known;
  else if (distribution !== undefined)
    line.change(
      `Its trafficDistribution "${shown(distribution, 30)}" is not one Inbound knows (${DISTRIBUTIONS.join(', ')}): left out`,
    );
}

function readNodePorts(
  service: { -readonly [K in keyof Service]: Service[K] },
  chosen: Json,
  spec: Json,
  line: ItemNotes,
  ctx: ServiceContext,
  what: string,
) {
  const claim = (value: unknown, label: string): NodePort | undefined => {
    const p = parseNodePort(value as number);
    if (!p.ok) {
      line.change(`${what}'s ${label} left out: ${p.error}`);
      return undefined;
    }
    const other = ctx.nodePorts.get(p.value);
    if (other) {
      line.change(`${what}'s ${label} ${p.value} is already ${other}'s; left out`);
      return undefined;
    }
    ctx.nodePorts.set(p.value, `${what}'s ${label}`);
    return p.value;
  };
  if (chosen.nodePort !== undefined) {
    const nodePort = claim(chosen.nodePort, 'nodePort');
    if (nodePort !== undefined) service.nodePort = nodePort;
  } else if (spec.allocateLoadBalancerNodePorts === false)
    line.note('allocateLoadBalancerNodePorts is false: it has no node port');
  else line.note('It has no nodePort');

  const check = spec.healthCheckNodePort;
  const local = service.type === 'LoadBalancer' && service.externalTrafficPolicy === 'Local';
  if (check !== undefined && check !== null) {
    if (service.type !== 'LoadBalancer')
      line.change(
        `${what}'s healthCheckNodePort left out: Kubernetes gives one only to a LoadBalancer`,
      );
    else {
      const hc = claim(check, 'healthCheckNodePort');
      if (hc !== undefined) service.healthCheckNodePort = hc;
    }
  } else if (local)
    line.note(
      'It has no healthCheckNodePort, so its load balancer cannot ask which nodes have a pod',
    );
}

function readLoadBalancer(
  service: { -readonly [K in keyof Service]: Service[K] },
  o: Json,
  line: ItemNotes,
  ctx: ServiceContext,
  what: string,
) {
  const ingress = asArray(field(o, 'status.loadBalancer.ingress'))
    .map(asObject)
    .filter((i): i is Json => i !== undefined);
  const withIp = ingress.find((i) => readAddress(i.ip).kind === 'ipv4');
  const modeOf = (i: Json | undefined): 'vip' | 'proxy' => {
    const mode = asString(i?.ipMode);
    if (mode !== undefined && mode !== 'VIP' && mode !== 'Proxy')
      line.change(`Its ipMode "${shown(mode, 20)}" is read as VIP`);
    return mode === 'Proxy' ? 'proxy' : 'vip';
  };
  const set = (kind: 'vip' | 'proxy', ip: ExternalIp) => {
    if (kind === 'proxy') service.proxyIp = ip;
    else service.vip = ip;
  };
  const kindWords = (kind: 'vip' | 'proxy') => (kind === 'proxy' ? 'a proxy' : 'a VIP');

  if (!withIp) {
    const kind = modeOf(ingress[0]);
    const doc = ctx.documentationAddress(kind, what);
    const first = ingress[0];
    const hostname = asString(first?.hostname);
    const ipText = first?.ip;
    const why = hostname
      ? isRedacted(hostname)
        ? `its load balancer's hostname is redacted`
        : `its load balancer has only a hostname (${shown(hostname, 60)})`
      : typeof ipText === 'string'
        ? readAddress(ipText).kind === 'ipv6'
          ? `its load balancer's address ${shown(ipText, 45)} is IPv6`
          : `its load balancer's address is ${readAddress(ipText).kind === 'redacted' ? 'redacted' : `"${shown(ipText, 30)}", not an address`}`
        : 'its load balancer has no address yet (pending)';
    line.change(
      `${what}: ${why}; Inbound gives it the documentation address ${doc} as ${kindWords(kind)}`,
    );
    return set(kind, doc);
  }
  const kind = modeOf(withIp);
  const stated = asString(withIp.ipMode);
  // The field itself, as kube-proxy reads it: Proxy keeps in-cluster clients going out to the LB.
  if (stated === 'VIP' || stated === 'Proxy') service.ipMode = stated;
  const ip = readAddress(withIp.ip);
  if (ip.kind !== 'ipv4') return;
  if (ingress.length > 1)
    line.change(
      `${what} has ${ingress.length} load balancer addresses; Inbound follows ${withIp === ingress[0] ? 'the first' : 'the first IPv4 one'}, ${ip.ip}`,
    );
  const holder = ctx.claimAddress(ip.ip, what);
  if (holder !== null) {
    const doc = ctx.documentationAddress(kind, what);
    line.change(
      `${what}'s load balancer address ${ip.ip} is also ${holder}'s; Inbound gives it the documentation address ${doc} so each address is one thing's`,
    );
    return set(kind, doc);
  }
  if (kind === 'proxy') line.note(`ipMode Proxy: a proxy-like load balancer at ${ip.ip}`);
  set(kind, ip.ip as string as ExternalIp);
}
