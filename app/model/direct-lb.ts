import type { NodeIp } from './address';
import type { Endpoint, Packet, Rewrite } from './packet';
import { proxyProtocolRewrite } from './packet';
import type { Service } from './topology';
import type { Walk } from './trace-path';

// Load balancers that send straight to pod IPs (the talk's 3b and 3d at L4):
// an AWS NLB with IP targets, GKE's container-native load balancing. No node
// hop, no kube-proxy. Whether the pod sees the client depends on the load
// balancer: an NLB keeps the client's address only with client IP
// preservation on. AWS's docs ("Edit target group attributes", Client IP
// preservation): enabled by default for instance targets and for IP targets
// over UDP; disabled by default for IP targets over TCP and TLS, where the
// source is the NLB's own private address (preserve_client_ip.enabled).

/**
 * The private address an NLB uses as the source when it does not keep the
 * client's, where the Service names none: an address on the nodes' network,
 * as the NLB's interfaces sit in the cluster's subnets.
 */
export const DEFAULT_LB_PRIVATE_IP = '10.240.0.200' as NodeIp;
/** The source port of the load balancer's NAT: a fixed stand-in for an ephemeral port. */
export const LB_SOURCE_PORT = 41000;

/** The load balancer's own address, as a pod behind it sees it. */
export const lbPrivateEndpoint = (s: Service): Endpoint => ({
  ip: s.lbPrivateIp ?? DEFAULT_LB_PRIVATE_IP,
  port: LB_SOURCE_PORT,
  host: 'lb',
  portName: null,
});

/** What the provider does by default, for the notes. */
const NLB_DEFAULTS =
  'AWS NLB: client IP preservation is on by default for instance targets, off by default for IP targets over TCP or TLS (target group attribute preserve_client_ip.enabled).';

function notePreservation(w: Walk, keep: boolean, podName: string): void {
  if (w.mode.front !== 'vip') {
    w.path.note(
      `A proxy-like load balancer opens its own connection to ${podName}, so the source is the proxy whatever the client IP preservation setting; the client reaches the pod only in-band (X-Forwarded-For or a PROXY header).`,
    );
    return;
  }
  const pp = w.scenario.proxyProtocol
    ? `; the PROXY header it writes carries the client (an NLB writes version 2)`
    : '';
  w.path.note(
    keep
      ? `The load balancer sends straight to ${podName} and keeps the client's address as the source (client IP preservation on). ${NLB_DEFAULTS}`
      : `The load balancer sends straight to ${podName} from its own private address, ${lbPrivateEndpoint(w.front).ip} (client IP preservation off): ${podName} never sees the client's address at L3${pp}. ${NLB_DEFAULTS}`,
  );
}

/**
 * The rewrites of a one-hop load balancer's hop to the pod. A VIP-like one
 * rewrites the destination and, with client IP preservation off, the source
 * too (and may write a PROXY header); a proxy-like one opens its own
 * connection (`proxyTo`). Without the option, exactly what the talk shows.
 */
export function lbToPod(
  w: Walk,
  clientLeg: Packet,
  dst: Endpoint,
  podName: string,
  proxyTo: (dst: Endpoint) => Rewrite[],
): Rewrite[] {
  const keep = w.scenario.clientIpPreservation;
  if (keep !== undefined) notePreservation(w, keep, podName);
  if (w.mode.front !== 'vip') return proxyTo(dst);
  if (keep !== false) return [{ type: 'dnat', to: dst }];
  const rewrites: Rewrite[] = [
    { type: 'dnat', to: dst },
    { type: 'snat', to: lbPrivateEndpoint(w.front) },
  ];
  if (w.scenario.proxyProtocol)
    rewrites.push(
      proxyProtocolRewrite(w.scenario.proxyProtocolVersion, clientLeg.src, clientLeg.dst),
    );
  return rewrites;
}
