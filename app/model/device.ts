import type { NodeId, PodId, Service, ServiceId, Topology } from './topology';

// Every device a packet meets is named by one id: "client", "lb:vip",
// "lb:proxy", "node:<node id>", "pod:<pod id>". Node and pod ids are unique per
// kind only (a pod may share a node's id), hence the prefix. This module is the
// one place that writes or reads those prefixes; everything else asks it.

/** A device a packet can be at: the client, the load balancer (VIP or proxy), a node, a pod. */
export type DeviceId = 'client' | 'lb:vip' | 'lb:proxy' | `node:${NodeId}` | `pod:${PodId}`;

/** A device id, read: which kind of device, and for a node or pod which one. */
export type DeviceRef =
  | { readonly kind: 'client' }
  | { readonly kind: 'vip' }
  | { readonly kind: 'proxy' }
  | { readonly kind: 'node'; readonly node: NodeId }
  | { readonly kind: 'pod'; readonly pod: PodId };

export type DeviceKind = DeviceRef['kind'];

export const CLIENT = 'client' satisfies DeviceId;
export const VIP = 'lb:vip' satisfies DeviceId;
export const PROXY = 'lb:proxy' satisfies DeviceId;
export const nodeDevice = (id: NodeId): `node:${NodeId}` => `node:${id}`;
export const podDevice = (id: PodId): `pod:${PodId}` => `pod:${id}`;

const NODE = 'node:';
const POD = 'pod:';

/** Whether the device is a node. */
export const isNode = (id: string | null | undefined): id is `node:${NodeId}` =>
  id != null && id.startsWith(NODE);
/** Whether the device is a pod. */
export const isPod = (id: string | null | undefined): id is `pod:${PodId}` =>
  id != null && id.startsWith(POD);
/** Whether the device is the load balancer in front of the cluster (VIP or proxy). */
export const isLoadBalancer = (id: string | null | undefined): id is 'lb:vip' | 'lb:proxy' =>
  id === VIP || id === PROXY;
/** Whether the device is inside the cluster (a node or a pod). */
export const isInCluster = (id: string | null | undefined): boolean => isNode(id) || isPod(id);

/** The node a device id names, or null when it is not a node. */
export const nodeOf = (id: string | null | undefined): NodeId | null =>
  isNode(id) ? id.slice(NODE.length) : null;
/** The pod a device id names, or null when it is not a pod. */
export const podOf = (id: string | null | undefined): PodId | null =>
  isPod(id) ? id.slice(POD.length) : null;

/** Reads a device id; null for a string that names no device. */
export function deviceRef(id: string): DeviceRef | null {
  if (id === CLIENT) return { kind: 'client' };
  if (id === VIP) return { kind: 'vip' };
  if (id === PROXY) return { kind: 'proxy' };
  const node = nodeOf(id);
  if (node !== null) return { kind: 'node', node };
  const pod = podOf(id);
  if (pod !== null) return { kind: 'pod', pod };
  return null;
}

/** Writes a device id: the inverse of `deviceRef`. */
export function deviceId(ref: DeviceRef): DeviceId {
  switch (ref.kind) {
    case 'client':
      return CLIENT;
    case 'vip':
      return VIP;
    case 'proxy':
      return PROXY;
    case 'node':
      return nodeDevice(ref.node);
    case 'pod':
      return podDevice(ref.pod);
  }
}

/**
 * What a Service is to the picture and the words: the Service the packet is
 * for, an in-cluster ingress proxy's Service, or another Service drawn beside
 * them (the talk's Service B, which tells Node1's Pod-b apart on slide 37).
 */
export type ServiceRole = 'packet' | 'ingress' | 'other';

/** Every Service's role, given the Service the packet is for. */
export function serviceRoles(t: Topology, packet: ServiceId): ReadonlyMap<ServiceId, ServiceRole> {
  const proxies = new Set(t.ingresses.map((i) => i.proxyService).filter((s) => s !== undefined));
  const roles = new Map<ServiceId, ServiceRole>();
  for (const svc of t.services)
    roles.set(svc.id, svc.id === packet ? 'packet' : proxies.has(svc.id) ? 'ingress' : 'other');
  return roles;
}

/** The Services with the role asked for, in the topology's order. */
export const servicesWithRole = (
  t: Topology,
  packet: ServiceId,
  role: ServiceRole,
): readonly Service[] => {
  const roles = serviceRoles(t, packet);
  return t.services.filter((s) => roles.get(s.id) === role);
};

/** The backend Services a NodePort diagram labels on the nodes: the packet's and the others (not ingress). */
export const backendServices = (t: Topology, packet: ServiceId): readonly Service[] => {
  const roles = serviceRoles(t, packet);
  return t.services.filter((s) => roles.get(s.id) !== 'ingress');
};
