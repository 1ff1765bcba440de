import type { Cidr, ClusterIp, ExternalIp, NodeIp, NodePort, PodIp, Port } from './address';

export type NodeId = string;
export type PodId = string;
export type ServiceId = string;

export type ExternalTrafficPolicy = 'Cluster' | 'Local';
/** For clients inside the cluster (GA 1.26): Local uses only the client node's endpoints. */
export type InternalTrafficPolicy = 'Cluster' | 'Local';
/**
 * Service.spec.trafficDistribution: EndpointSlice hints steer kube-proxy to an
 * endpoint in the client node's zone (PreferSameZone, and PreferClose, its older
 * name) or on the node itself (PreferSameNode), falling back to all endpoints.
 */
export type TrafficDistribution = 'PreferClose' | 'PreferSameZone' | 'PreferSameNode';
/**
 * status.loadBalancer.ingress[].ipMode (GA 1.32): VIP (the default, the talk's
 * VIP-like) or Proxy (the talk's proxy-like; kube-proxy does not program the LB IP).
 */
export type IpMode = 'VIP' | 'Proxy';

export interface ClusterNode {
  readonly id: NodeId;
  /** The talk's name, e.g. "Node1". */
  readonly name: string;
  readonly ip: NodeIp;
  readonly podCidr: Cidr;
  /** topology.kubernetes.io/zone, where the cluster spans zones. */
  readonly zone?: string;
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
  /**
   * EndpointSlice condition `serving`: the pod still passes its readiness probe.
   * Absent, it is the same as `ready`. A terminating pod that is still serving
   * gets new connections only where no ready endpoint is left (KEP-1669).
   */
  readonly serving?: boolean;
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
  /** The Service's cluster IP, for clients inside the cluster (e.g. 10.96.0.10). */
  readonly clusterIp?: ClusterIp;
  /** Absent means Cluster, the default. */
  readonly internalTrafficPolicy?: InternalTrafficPolicy;
  /** Absent means no preference: every endpoint alike. */
  readonly trafficDistribution?: TrafficDistribution;
  /** How the load balancer's address is handled; absent means VIP. */
  readonly ipMode?: IpMode;
  /**
   * The private address a load balancer that sends straight to pods uses as
   * its source when it does not preserve the client's (an AWS NLB with IP
   * targets, client IP preservation off).
   */
  readonly lbPrivateIp?: NodeIp;
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
