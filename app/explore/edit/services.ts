import {
  err,
  ok,
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
import { lowestFree } from './alloc';
import { fitType } from './fit-type';
import { sameLabels, type Labels } from './labels';
import { omit, onTopology, orSame, replaceById, tryOnTopology } from './settle';

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

/** The since-2020 fields a Service's card sets by hand. */
export type SinceField =
  'clusterIp' | 'internalTrafficPolicy' | 'trafficDistribution' | 'ipMode' | 'lbPrivateIp';

/**
 * Sets one of a Service's since-2020 fields, or takes it away (undefined): a
 * cluster IP (validate says when it is in the pod network or clashes), its
 * internalTrafficPolicy, trafficDistribution, load balancer ipMode, or the
 * private address a load balancer sending straight to pods uses as its source.
 */
export function setSinceField<K extends SinceField>(
  doc: ExplorerDoc,
  id: ServiceId,
  key: K,
  value: Service[K] | undefined,
): ExplorerDoc {
  return onTopology(doc, (t) => {
    const services = replaceById(t.services, id, (s) => {
      if (s[key] === value) return s;
      const rest: { -readonly [P in keyof Service]?: Service[P] } = { ...s };
      if (value === undefined) delete rest[key];
      else rest[key] = value;
      return rest as Service;
    });
    return services === t.services ? t : { ...t, services };
  });
}
