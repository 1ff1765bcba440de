import { endpointsOf, type Pod, type Service, type Topology } from '../../model';

/**
 * Which colour a pod (or a node port) wears: the backend Services by their
 * order in the topology ('a' is the first, as the talk's Service A, up to 'f'),
 * or an ingress proxy, or none.
 */
export type PodRole = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'ingress' | 'other';

/** The Service roles in order: a topology's n-th backend Service wears the n-th. */
export const SERVICE_ROLES = ['a', 'b', 'c', 'd', 'e', 'f'] as const;

/** The role of each pod: ingress proxies by their Service, backends by their Service's order. */
export function rolesOf(topology: Topology): {
  pods: Map<string, PodRole>;
  services: Map<string, PodRole>;
} {
  const proxyServices = new Set(topology.ingresses.map((i) => i.proxyService).filter(Boolean));
  const services = new Map<string, PodRole>();
  let next = 0;
  for (const svc of topology.services) {
    if (proxyServices.has(svc.id)) services.set(svc.id, 'ingress');
    else services.set(svc.id, SERVICE_ROLES[next++] ?? 'other');
  }
  const pods = new Map<string, PodRole>();
  for (const svc of topology.services)
    for (const pod of endpointsOf(topology, svc))
      if (!pods.has(pod.id)) pods.set(pod.id, services.get(svc.id) ?? 'other');
  // A pod that is not ready is no endpoint, but it still shows the Service its labels match.
  for (const pod of topology.pods)
    if (!pods.has(pod.id)) {
      const svc = topology.services.find(
        (s) => endpointsOf(topology, s).length >= 0 && matches(s, pod),
      );
      pods.set(pod.id, svc ? (services.get(svc.id) ?? 'other') : 'other');
    }
  return { pods, services };
}

function matches(svc: Service, pod: Pod): boolean {
  const keys = Object.keys(svc.selector);
  return keys.length > 0 && keys.every((k) => pod.labels[k] === svc.selector[k]);
}

/** The role each Service wears (for the legend and the node ports), by the same rule as its pods. */
export function serviceRoles(topology: Topology): ReadonlyMap<string, PodRole> {
  return rolesOf(topology).services;
}
