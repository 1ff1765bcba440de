import {
  err,
  ok,
  type ExternalIp,
  type ExternalTrafficPolicy,
  type NodePort,
  type Port,
  type Result,
  type Service,
  type ServiceId,
  type ServiceType,
  type Topology,
} from '../../model';
import type { ExplorerDoc } from '../doc';
import {
  freeExternalIp,
  freeNodePort,
  lowestFree,
  PROXY_RANGE,
  shortName,
  usedAddresses,
  usedNodePorts,
  VIP_RANGE,
} from './alloc';
import { sameLabels, type Labels } from './labels';
import { omit, onTopology, orSame, replaceById, tryOnTopology } from './settle';

/** Kubernetes puts a Service's health check port in the NodePort range; the talk's sits 2000 above its nodePort. */
const HEALTH_CHECK_OFFSET = 2000;

type Change = (s: Service) => Result<Service>;

/** Applies a refusable change to one Service, with the others' ports and addresses in view. */
function changeService(doc: ExplorerDoc, id: ServiceId, change: Change): Result<ExplorerDoc> {
  return tryOnTopology(doc, (t) => {
    const svc = t.services.find((s) => s.id === id);
    if (!svc) return err(`There is no Service "${id}"`);
    const next = change(svc);
    if (!next.ok) return next;
    return next.value === svc
      ? ok(t)
      : ok({ ...t, services: t.services.map((s) => (s.id === id ? next.value : s)) });
  });
}

/** Node ports and addresses the other Services hold. */
function othersUse(t: Topology, id: ServiceId) {
  const others = { ...t, services: t.services.filter((s) => s.id !== id) };
  return { ports: usedNodePorts(others), addresses: usedAddresses(others) };
}

/**
 * What the API server gives or takes away for a type (and policy): a nodePort
 * for NodePort and LoadBalancer, a VIP (and, if asked, a proxy address) for
 * LoadBalancer, a healthCheckNodePort only for LoadBalancer under Local. What a
 * Service keeps is kept; what its type does not allow is removed.
 */
export function fitType(t: Topology, svc: Service, withProxy = !!svc.proxyIp): Result<Service> {
  const { ports, addresses } = othersUse(t, svc.id);
  const { nodePort, vip, proxyIp, healthCheckNodePort, ...rest } = svc;
  if (svc.type === 'ClusterIP') {
    // A ClusterIP Service has no external traffic to keep local.
    const out: Service = { ...rest, externalTrafficPolicy: 'Cluster' };
    return ok(sameService(out, svc) ? svc : out);
  }
  let np = nodePort;
  if (np === undefined || ports.has(np)) {
    const r = freeNodePort(ports);
    if (!r.ok) return r;
    np = r.value;
  }
  ports.add(np);
  if (svc.type === 'NodePort') {
    const out: Service = { ...rest, nodePort: np };
    return ok(sameService(out, svc) ? svc : out);
  }
  const out: { -readonly [K in keyof Service]: Service[K] } = { ...rest, nodePort: np };
  const v = vip ?? freeExternalIp(VIP_RANGE, addresses);
  if (typeof v === 'object') {
    if (!v.ok) return v;
    out.vip = v.value as string as ExternalIp;
  } else out.vip = v;
  addresses.add(out.vip);
  if (withProxy) {
    const p = proxyIp ?? freeExternalIp(PROXY_RANGE, addresses);
    if (typeof p === 'object') {
      if (!p.ok) return p;
      out.proxyIp = p.value as string as ExternalIp;
    } else out.proxyIp = p;
  }
  if (svc.externalTrafficPolicy === 'Local') {
    let hc = healthCheckNodePort;
    if (hc === undefined || ports.has(hc)) {
      const r = freeNodePort(ports, np + HEALTH_CHECK_OFFSET);
      if (!r.ok) return r;
      hc = r.value;
    }
    out.healthCheckNodePort = hc;
  }
  return ok(sameService(out, svc) ? svc : out);
}

function sameService(a: Service, b: Service): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof Service>;
  for (const k of keys) {
    if (k === 'selector') {
      if (!sameLabels(a.selector, b.selector)) return false;
    } else if (a[k] !== b[k]) return false;
  }
  return true;
}

/** "Service A", "Service B", … the first letter whose name and id are free; then numbers. */
function nextServiceName(t: Topology): { name: string; short: string } {
  const names = new Set(t.services.map((s) => s.name.toLowerCase()));
  const ids = new Set(t.services.map((s) => s.id));
  for (const letter of 'abcdefghijklmnopqrstuvwxyz')
    if (!names.has(`service ${letter}`) && !ids.has(`svc-${letter}`))
      return { name: `Service ${letter.toUpperCase()}`, short: letter };
  const k = lowestFree((n) => names.has(`service ${n}`) || ids.has(`svc-${n}`));
  return { name: `Service ${k}`, short: String(k) };
}

/** Adds a Service (ClusterIP unless asked otherwise) on port 80 to pods' port 8080, selecting app=<letter>. */
export function tryAddService(
  doc: ExplorerDoc,
  type: ServiceType = 'ClusterIP',
  withProxy = false,
): Result<ExplorerDoc> {
  return tryOnTopology(doc, (t) => {
    const { name, short } = nextServiceName(t);
    const fitted = fitType(
      t,
      {
        id: `svc-${short}`,
        name,
        type,
        selector: { app: short },
        port: 80 as Port,
        targetPort: 8080 as Port,
        externalTrafficPolicy: 'Cluster',
      },
      withProxy,
    );
    return fitted.ok ? ok({ ...t, services: [...t.services, fitted.value] }) : fitted;
  });
}

export const addService = (doc: ExplorerDoc, type?: ServiceType, withProxy?: boolean) =>
  orSame(doc, tryAddService(doc, type, withProxy));

/** Removes a Service and every Ingress that names it (as its backend or its proxies). */
export function removeService(doc: ExplorerDoc, id: ServiceId): ExplorerDoc {
  return onTopology(doc, (t) =>
    t.services.some((s) => s.id === id)
      ? {
          ...t,
          services: t.services.filter((s) => s.id !== id),
          ingresses: t.ingresses.filter((i) => i.backend !== id && i.proxyService !== id),
        }
      : t,
  );
}

/** The words for removing a Service: "Remove Service A and its Ingress app-a". */
export function removeServiceLabel(t: Topology, id: ServiceId): string {
  const name = t.services.find((s) => s.id === id)?.name ?? id;
  const gone = t.ingresses.filter((i) => i.backend === id || i.proxyService === id);
  if (gone.length === 0) return `Remove ${name}`;
  const which = gone.map((i) => i.name).join(', ');
  return `Remove ${name} and its ${gone.length === 1 ? 'Ingress' : 'Ingresses'} ${which}`;
}

export const trySetType = (doc: ExplorerDoc, id: ServiceId, type: ServiceType) =>
  changeService(doc, id, (s) => (s.type === type ? ok(s) : fitType(doc.topology, { ...s, type })));

export const setType = (doc: ExplorerDoc, id: ServiceId, type: ServiceType) =>
  orSame(doc, trySetType(doc, id, type));

/**
 * The policy, with what Kubernetes does alongside: a LoadBalancer under Local
 * gets a healthCheckNodePort, and gives it back under Cluster.
 */
export const trySetPolicy = (doc: ExplorerDoc, id: ServiceId, policy: ExternalTrafficPolicy) =>
  changeService(doc, id, (s) => {
    if (s.type === 'ClusterIP' || s.externalTrafficPolicy === policy) return ok(s);
    const rest = omit(s, 'healthCheckNodePort');
    return fitType(doc.topology, { ...rest, externalTrafficPolicy: policy });
  });

export const setPolicy = (doc: ExplorerDoc, id: ServiceId, policy: ExternalTrafficPolicy) =>
  orSame(doc, trySetPolicy(doc, id, policy));

/** Puts a proxy-like load balancer in front of a LoadBalancer Service, or takes it away. */
export const trySetProxy = (doc: ExplorerDoc, id: ServiceId, on: boolean) =>
  changeService(doc, id, (s) => {
    if (s.type !== 'LoadBalancer' || !!s.proxyIp === on) return ok(s);
    const rest = omit(s, 'proxyIp');
    return on ? fitType(doc.topology, s, true) : ok(rest);
  });

export const setProxy = (doc: ExplorerDoc, id: ServiceId, on: boolean) =>
  orSame(doc, trySetProxy(doc, id, on));

const setField = <K extends 'port' | 'targetPort' | 'nodePort'>(
  doc: ExplorerDoc,
  id: ServiceId,
  key: K,
  value: Service[K],
) =>
  onTopology(doc, (t) => {
    const services = replaceById(t.services, id, (s) =>
      s[key] === value ? s : { ...s, [key]: value },
    );
    return services === t.services ? t : { ...t, services };
  });

export const setPort = (doc: ExplorerDoc, id: ServiceId, port: Port) =>
  setField(doc, id, 'port', port);
export const setTargetPort = (doc: ExplorerDoc, id: ServiceId, port: Port) =>
  setField(doc, id, 'targetPort', port);
/** A nodePort chosen by hand (validate says when it clashes or the type has none). */
export const setNodePort = (doc: ExplorerDoc, id: ServiceId, port: NodePort) =>
  setField(doc, id, 'nodePort', port);

export function setSelector(doc: ExplorerDoc, id: ServiceId, selector: Labels): ExplorerDoc {
  return onTopology(doc, (t) => {
    const services = replaceById(t.services, id, (s) =>
      sameLabels(s.selector, selector) ? s : { ...s, selector: { ...selector } },
    );
    return services === t.services ? t : { ...t, services };
  });
}

/** Renames a Service; a blank name, or one another Service has, is refused. */
export function tryRenameService(doc: ExplorerDoc, id: ServiceId, name: string) {
  const trimmed = name.trim();
  if (!trimmed) return err<ExplorerDoc>('A Service needs a name');
  if (doc.topology.services.some((s) => s.id !== id && s.name === trimmed))
    return err<ExplorerDoc>(`Another Service is already called ${trimmed}`);
  return changeService(doc, id, (s) => ok(s.name === trimmed ? s : { ...s, name: trimmed }));
}

/** The label that picking pods for a Service puts on them: "serves-a" for Service A. */
export const pickLabel = (t: Topology, id: ServiceId): string =>
  `serves-${shortName(t.services.find((s) => s.id === id)?.name ?? id)}`;

/**
 * Picks a Service's pods by hand, as `kubectl label` would: the picked pods get
 * the label serves-<name>=yes, the others lose it, and the Service selects that label.
 */
export function pickPods(doc: ExplorerDoc, id: ServiceId, podIds: readonly string[]): ExplorerDoc {
  return onTopology(doc, (t) => {
    if (!t.services.some((s) => s.id === id)) return t;
    const key = pickLabel(t, id);
    const picked = new Set(podIds);
    let podsChanged = false;
    const pods = t.pods.map((p) => {
      const has = p.labels[key] === 'yes';
      if (picked.has(p.id) === has) return p;
      podsChanged = true;
      const others = omit(p.labels, key);
      return { ...p, labels: picked.has(p.id) ? { ...others, [key]: 'yes' } : others };
    });
    const selector = { [key]: 'yes' };
    const services = replaceById(t.services, id, (s) =>
      sameLabels(s.selector, selector) ? s : { ...s, selector },
    );
    return podsChanged || services !== t.services
      ? { ...t, pods: podsChanged ? pods : t.pods, services }
      : t;
  });
}
