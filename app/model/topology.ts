import type { Cidr, ExternalIp, NodeIp, NodePort, PodIp, Port } from './address';

export type NodeId = string;
export type PodId = string;
export type ServiceId = string;

export type ExternalTrafficPolicy = 'Cluster' | 'Local';

export interface ClusterNode {
  readonly id: NodeId;
  /** The talk's name, e.g. "Node1". */
  readonly name: string;
  readonly ip: NodeIp;
  readonly podCidr: Cidr;
}

export interface Pod {
  readonly id: PodId;
  /** The talk's name, e.g. "Pod-c"; the talk's slide 39 shows unnamed "pod"s. */
  readonly name: string;
  readonly ip: PodIp;
  readonly node: NodeId;
  readonly labels: Readonly<Record<string, string>>;
  readonly ready: boolean;
  /**
   * Being deleted (its EndpointSlice condition `terminating`). A terminating pod
   * is not ready, so it gets no new connections here.
   */
  readonly terminating?: boolean;
}

export interface Service {
  readonly id: ServiceId;
  readonly name: string;
  readonly type: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
  readonly selector: Readonly<Record<string, string>>;
  /** The port clients use on the VIP or proxy ("service-port"). */
  readonly port: Port;
  /** The port the pods listen on ("pod-port"). */
  readonly targetPort: Port;
  /** "We know which service by which port": present for NodePort and LoadBalancer. */
  readonly nodePort?: NodePort;
  readonly externalTrafficPolicy: ExternalTrafficPolicy;
  /**
   * Where a load balancer asks each node "do you have a local pod?" (200 or 503).
   * Kubernetes allocates it only for type LoadBalancer with policy Local.
   */
  readonly healthCheckNodePort?: NodePort;
  /** The VIP a VIP-like load balancer gives this Service. */
  readonly vip?: ExternalIp;
  /** The address of a proxy-like load balancer in front of this Service. */
  readonly proxyIp?: ExternalIp;
}

/** An Ingress: HTTP routing to one backend Service, served by a set of proxies. */
export interface Ingress {
  readonly id: string;
  readonly name: string;
  readonly host: string;
  readonly backend: ServiceId;
  /**
   * For in-cluster ingress (4c/4d): the LoadBalancer Service that selects the
   * proxy pods. Shared ingress: many Ingresses name the same one. Dedicated: one each.
   */
  readonly proxyService?: ServiceId;
}

export interface Client {
  readonly name: string;
  readonly ip: ExternalIp;
  /** The client's ephemeral source port. */
  readonly port: Port;
}

export interface Topology {
  readonly clusterCidr: Cidr;
  readonly nodes: readonly ClusterNode[];
  readonly pods: readonly Pod[];
  readonly services: readonly Service[];
  readonly ingresses: readonly Ingress[];
  readonly client: Client;
}

/** Whether a pod's labels satisfy a Service's selector (every key must match). */
export function selects(selector: Readonly<Record<string, string>>, pod: Pod): boolean {
  let any = false;
  for (const key in selector) {
    any = true;
    if (pod.labels[key] !== selector[key]) return false;
  }
  return any;
}

/** The ready pods a Service sends to: its endpoints. */
export function endpointsOf(topology: Topology, service: Service): Pod[] {
  const keys = Object.keys(service.selector);
  const out: Pod[] = [];
  if (keys.length === 0) return out;
  const values = keys.map((k) => service.selector[k]);
  // A plain loop over precomputed keys: this runs per trace and over 100,000 pods in the bench.
  outer: for (const pod of topology.pods) {
    if (!pod.ready) continue;
    for (let i = 0; i < keys.length; i++)
      if (pod.labels[keys[i] as string] !== values[i]) continue outer;
    out.push(pod);
  }
  return out;
}

export const findNode = (t: Topology, id: NodeId) => t.nodes.find((n) => n.id === id);
export const findPod = (t: Topology, id: PodId) => t.pods.find((p) => p.id === id);
export const findService = (t: Topology, id: ServiceId) => t.services.find((s) => s.id === id);

/** The Ingress whose backend is this Service, if any. */
export const ingressFor = (t: Topology, service: ServiceId) =>
  t.ingresses.find((i) => i.backend === service);
