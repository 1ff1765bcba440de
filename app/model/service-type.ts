import { findMode, MODES, type Mode, type ModeId } from './modes';
import { findService, ingressFor, type Service, type Topology } from './topology';

export type ServiceType = Service['type'];

/** The Service types that get a node port: NodePort, and LoadBalancer (built on one). */
export const hasNodePortType = (type: ServiceType): boolean =>
  type === 'NodePort' || type === 'LoadBalancer';

/** Whether the mode's client or load balancer sends to a node port. */
export const sendsToNodePort = (mode: Mode): boolean =>
  mode.front === 'node' || (mode.front === 'proxy' && mode.frontTo === 'node');

/**
 * Why a Service of this type cannot carry the mode's front door, or null when it
 * can. `front` is the Service the client or load balancer reaches first: the
 * backend Service itself, or the in-cluster ingress proxies' Service (4c, 4d).
 *
 * - A pod IP (1) needs no Service type at all.
 * - A node port (2, 3c, 4a, 4c.2) exists only on NodePort and LoadBalancer
 *   Services: Kubernetes refuses a nodePort on a ClusterIP Service.
 * - A load balancer of the Service (3a–3d, and the one in front of in-cluster
 *   ingress proxies in 4c and 4d) exists only for type LoadBalancer.
 * - An external ingress (4a, 4b) brings its own load balancer: 4b sends to the
 *   pods, so any type will do; 4a sends to the node port.
 */
export function typeRefusal(mode: Mode, front: Service): string | null {
  if (mode.front === 'pod') return null;
  const needsLoadBalancer = mode.api === 'Service LoadBalancer' || mode.ingress !== 'none';
  if (needsLoadBalancer && front.type !== 'LoadBalancer')
    return `${front.name} is type ${front.type}, so it gets no load balancer: mode ${mode.id} needs type LoadBalancer`;
  if (sendsToNodePort(mode) && !hasNodePortType(front.type))
    return `${front.name} is type ${front.type}, so it has no node port: mode ${mode.id} needs type NodePort or LoadBalancer`;
  return null;
}

export interface ModeOffer {
  readonly mode: Mode;
  /** Null when the mode can carry a request to this Service; otherwise why not, in words. */
  readonly refusal: string | null;
}

/**
 * Every mode, and whether this Service (through its type, its addresses and its
 * Ingress) offers it: what the explorer lets a user pick.
 */
export function modesFor(t: Topology, serviceId: string): ModeOffer[] {
  const backend = findService(t, serviceId);
  return MODES.map((mode) => {
    if (!backend) return { mode, refusal: `There is no Service "${serviceId}"` };
    let front = backend;
    if (mode.ingress !== 'none') {
      const ing = ingressFor(t, backend.id);
      const proxy = ing?.proxyService ? findService(t, ing.proxyService) : undefined;
      if (!proxy)
        return { mode, refusal: `${backend.name} has no in-cluster ingress in front of it` };
      front = proxy;
    }
    const refusal = typeRefusal(mode, front);
    if (refusal) return { mode, refusal };
    if (mode.front === 'vip' && !front.vip)
      return { mode, refusal: `${front.name} has no VIP-like load balancer address` };
    if (mode.front === 'proxy' && !front.proxyIp)
      return { mode, refusal: `${front.name} has no proxy-like load balancer address` };
    if (sendsToNodePort(mode) && front.nodePort === undefined)
      return { mode, refusal: `${front.name} has no nodePort` };
    return { mode, refusal: null };
  });
}

/** The ids of the modes this Service offers. */
export const offeredModes = (t: Topology, serviceId: string): ModeId[] =>
  modesFor(t, serviceId)
    .filter((o) => o.refusal === null)
    .map((o) => o.mode.id);

/** Whether `id` names a mode this Service offers. */
export const offers = (t: Topology, serviceId: string, id: string): boolean => {
  const mode = findMode(id);
  return !!mode && offeredModes(t, serviceId).includes(mode.id);
};
