import {
  err,
  INGRESS_SERVICE,
  nextFreeIp,
  ok,
  selects,
  type Ingress,
  type Pod,
  type PodIp,
  type Port,
  type Result,
  type Service,
  type ServiceId,
  type Topology,
} from '../../model';
import type { ExplorerDoc } from '../doc';
import { shortName, uniqueId, usedAddresses } from './alloc';
import { newPod } from './pods';
import { fitType } from './fit-type';
import { onTopology, orSame, tryOnTopology } from './settle';

/**
 * Shared: one set of proxies (the ingress-nginx Service and a proxy pod on each
 * node) serves every Ingress that uses it. Dedicated: the Ingress gets proxies
 * of its own.
 */
export type IngressKind = 'shared' | 'dedicated';

/** Puts a proxy pod on each node that has none of this proxy Service's yet. */
function proxyPodsOnEveryNode(t: Topology, proxy: Service): Result<Topology> {
  let out = t;
  for (const node of t.nodes) {
    if (out.pods.some((p) => p.node === node.id && selects(proxy.selector, p))) continue;
    const ip = nextFreeIp(node.podCidr, usedAddresses(out));
    if (!ip.ok) return err(`${node.name}: ${ip.error}`);
    const pod: Pod = newPod(out, node.id, ip.value as string as PodIp, proxy.selector, proxy.name);
    out = { ...out, pods: [...out.pods, pod] };
  }
  return ok(out);
}

/** A LoadBalancer Service in front of proxy pods listening on port 80. */
function proxyService(t: Topology, id: ServiceId): Result<Service> {
  return fitType(
    t,
    {
      id,
      name: id,
      type: 'LoadBalancer',
      selector: { app: id },
      port: 80 as Port,
      targetPort: 80 as Port,
      externalTrafficPolicy: 'Cluster',
    },
    true,
  );
}

/** Adds an in-cluster Ingress in front of a backend Service, with shared or dedicated proxies. */
export function tryAddIngress(
  doc: ExplorerDoc,
  backend: ServiceId,
  kind: IngressKind,
): Result<ExplorerDoc> {
  return tryOnTopology(doc, (t) => {
    const svc = t.services.find((s) => s.id === backend);
    if (!svc) return err(`There is no Service "${backend}"`);
    const existing = t.ingresses.find((i) => i.backend === backend);
    if (existing) return err(`${svc.name} already has an Ingress (${existing.name})`);
    if (t.ingresses.some((i) => i.proxyService === backend))
      return err(`${svc.name} runs ingress proxies; pick the Service the Ingress sends to`);
    const short = shortName(svc.name);
    const proxyId =
      kind === 'shared'
        ? INGRESS_SERVICE
        : uniqueId(`ingress-${short}`, new Set(t.services.map((s) => s.id)));
    let proxy = t.services.find((s) => s.id === proxyId);
    let out = t;
    if (!proxy) {
      const made = proxyService(t, proxyId);
      if (!made.ok) return made;
      proxy = made.value;
      out = { ...out, services: [...out.services, proxy] };
    }
    const withPods = proxyPodsOnEveryNode(out, proxy);
    if (!withPods.ok) return withPods;
    out = withPods.value;
    const ingress: Ingress = {
      id: uniqueId(`ing-${short}`, new Set(t.ingresses.map((i) => i.id))),
      name: uniqueId(`app-${short}`, new Set(t.ingresses.map((i) => i.name))),
      host: `${short}.example.com`,
      backend,
      proxyService: proxy.id,
    };
    return ok({ ...out, ingresses: [...out.ingresses, ingress] });
  });
}

export const addIngress = (doc: ExplorerDoc, backend: ServiceId, kind: IngressKind) =>
  orSame(doc, tryAddIngress(doc, backend, kind));

/** The proxy Service and pods that go with an Ingress: none while another Ingress shares them. */
function proxiesOnlyFor(t: Topology, id: string): { service?: Service; pods: Pod[] } {
  const ing = t.ingresses.find((i) => i.id === id);
  const proxyId = ing?.proxyService;
  if (!proxyId || t.ingresses.some((i) => i.id !== id && i.proxyService === proxyId))
    return { pods: [] };
  const service = t.services.find((s) => s.id === proxyId);
  if (!service) return { pods: [] };
  const othersSelect = (p: Pod) =>
    t.services.some((s) => s.id !== proxyId && selects(s.selector, p));
  return {
    service,
    pods: t.pods.filter((p) => selects(service.selector, p) && !othersSelect(p)),
  };
}

/** Removes an Ingress, and its proxies when no other Ingress uses them. */
export function removeIngress(doc: ExplorerDoc, id: string): ExplorerDoc {
  return onTopology(doc, (t) => {
    if (!t.ingresses.some((i) => i.id === id)) return t;
    const { service, pods } = proxiesOnlyFor(t, id);
    const gone = new Set(pods.map((p) => p.id));
    return {
      ...t,
      ingresses: t.ingresses.filter((i) => i.id !== id),
      services: service ? t.services.filter((s) => s.id !== service.id) : t.services,
      pods: gone.size ? t.pods.filter((p) => !gone.has(p.id)) : t.pods,
    };
  });
}

/** "Remove Ingress app-a and its proxies (ingress-a, 2 pods)". */
export function removeIngressLabel(t: Topology, id: string): string {
  const name = t.ingresses.find((i) => i.id === id)?.name ?? id;
  const { service, pods } = proxiesOnlyFor(t, id);
  if (!service) return `Remove Ingress ${name}`;
  const count = pods.length === 1 ? '1 pod' : `${pods.length} pods`;
  return `Remove Ingress ${name} and its proxies (${service.name}, ${count})`;
}
