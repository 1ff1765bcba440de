import type { AnyIp } from './address';
import type { Endpoint, ForwardedHost } from './packet';
import type { Client, ClusterNode, Pod, Service } from './topology';

// The words the talk uses for each address ("node1:node-port", "pod:pod-port",
// "VIP:service-port"), attached to the concrete values the packet really carries.

/**
 * The source port a node uses when it masquerades. kube-proxy asks iptables for
 * --random-fully, so the port is random; a fixed value keeps traces reproducible.
 */
export const SNAT_PORT = 61012;
/** The source port of a proxy's new connection to the backend. */
export const PROXY_SOURCE_PORT = 41000;
/** The source port of an in-cluster ingress proxy's connection to the backend pod. */
export const INGRESS_SOURCE_PORT = 45678;
/**
 * The ephemeral source port of a client inside the cluster (a pod, or a process
 * on a node). Any port from the local range would do; a fixed one keeps traces
 * reproducible and tells it apart from the outside client's 51234.
 */
export const IN_CLUSTER_CLIENT_PORT = 40000;

/** "Node1" → "node1": the talk's lower-case word for a node. */
export const nodeWord = (node: ClusterNode): string => node.name.toLowerCase().replace(/\s+/g, '');

const ep = (ip: AnyIp, port: number | null, host: string, portName: string | null): Endpoint => ({
  ip,
  port,
  host,
  portName,
});

export const clientEndpoint = (c: Client): Endpoint => ep(c.ip, c.port, 'client', null);
export const nodePortEndpoint = (n: ClusterNode, port: number): Endpoint =>
  ep(n.ip, port, nodeWord(n), 'node-port');
export const nodeSnatEndpoint = (n: ClusterNode): Endpoint =>
  ep(n.ip, SNAT_PORT, nodeWord(n), null);
/** The node itself, no port: where a packet it drops is stuck (slide 37's "Src: node1"). */
export const nodeEndpoint = (n: ClusterNode): Endpoint => ep(n.ip, null, nodeWord(n), null);
export const podEndpoint = (p: Pod, s: Service, isIngressProxy: boolean): Endpoint =>
  ep(p.ip, s.targetPort, isIngressProxy ? 'ingress' : 'pod', 'pod-port');
export const ingressSourceEndpoint = (p: Pod): Endpoint =>
  ep(p.ip, INGRESS_SOURCE_PORT, 'ingress', null);
export const vipEndpoint = (s: Service): Endpoint | null =>
  s.vip ? ep(s.vip, s.port, 'VIP', 'service-port') : null;
export const proxyFrontEndpoint = (s: Service): Endpoint | null =>
  s.proxyIp ? ep(s.proxyIp, s.port, 'proxy', 'service-port') : null;
export const proxySourceEndpoint = (s: Service): Endpoint | null =>
  s.proxyIp ? ep(s.proxyIp, PROXY_SOURCE_PORT, 'proxy', null) : null;

/** The host part of an endpoint, for X-Forwarded-For. */
export const forwardedHost = (e: Endpoint): ForwardedHost => ({ ip: e.ip as AnyIp, host: e.host });

/** A client inside the cluster: a pod's address, or a node's own, with an ephemeral port. */
export const inClusterClientEndpoint = (ip: AnyIp): Endpoint =>
  ep(ip, IN_CLUSTER_CLIENT_PORT, 'client', null);
/** A Service's cluster IP and port ("cluster-ip:service-port"). */
export const clusterIpEndpoint = (s: Service): Endpoint | null =>
  s.clusterIp ? ep(s.clusterIp, s.port, 'cluster-ip', 'service-port') : null;
/**
 * A VIP-like load balancer whose ipMode is Proxy opens its own connection from
 * its own address, as a proxy-like one does from its proxy address.
 */
export const vipSourceEndpoint = (s: Service): Endpoint | null =>
  s.vip ? ep(s.vip, PROXY_SOURCE_PORT, 'VIP', null) : null;
