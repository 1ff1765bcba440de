import { findMode, findService, ipModeOf, type Mode } from '../model';
import type { ExplorerDoc } from './doc';

// Which of the request's since-2020 switches mean something for the doc's Service
// and way in, and why not where one does not (docs/since-2020.md). A switch that
// means nothing stays on screen, disabled, with the reason for screen readers.

/** The request's since-2020 switches, as the bar names them. */
export type SwitchName =
  | 'client'
  | 'target'
  | 'ipMode'
  | 'internalPolicy'
  | 'trafficDistribution'
  | 'dataplane'
  | 'clientIpPreservation'
  | 'proxyProtocol'
  | 'weighting';

/** null when the switch means something here; otherwise why it does not. */
export type Applies = Readonly<Record<SwitchName, string | null>>;

const kubeProxyMode = (m: Mode) => m.front === 'node' || m.frontTo === 'node';

/** For each switch, null when it changes something for this doc's request, else why not. */
export function switchesFor(doc: ExplorerDoc): Applies {
  const mode = findMode(doc.mode);
  const service = findService(doc.topology, doc.service);
  const o = doc.options ?? {};
  const inside = o.client !== undefined && o.client.kind !== 'outside';
  const toClusterIp = inside && o.target === 'cluster-ip';
  if (!mode || !service) {
    const none = 'Choose a Service and a way in first';
    return {
      client: none,
      target: none,
      ipMode: none,
      internalPolicy: none,
      trafficDistribution: none,
      dataplane: none,
      clientIpPreservation: none,
      proxyProtocol: none,
      weighting: none,
    };
  }
  const lbAddress = mode.front === 'vip' || mode.front === 'proxy';
  const externalIngress = mode.api === 'Ingress' && mode.ingress === 'none';
  const effectiveIpMode = ipModeOf(o, service);
  const l4ToPods = mode.lbLayer === 'l4' && mode.frontTo === 'pod';
  const l4Proxies =
    mode.lbLayer === 'l4' &&
    (mode.front === 'proxy' ||
      (mode.front === 'vip' &&
        (effectiveIpMode === 'Proxy' || (l4ToPods && o.clientIpPreservation === false))));
  return {
    client: null,
    target: !inside
      ? 'Only a client inside the cluster (a pod or a node’s process) can dial a cluster IP'
      : !service.clusterIp
        ? `${service.name} has no cluster IP: give it one in the Cluster tab`
        : null,
    ipMode: toClusterIp
      ? 'The request dials the cluster IP, not a load balancer’s address'
      : !lbAddress
        ? 'ipMode belongs to a load balancer’s address: this way in has no load balancer'
        : externalIngress
          ? 'An external Ingress’s address belongs to no Service, so it has no ipMode'
          : null,
    internalPolicy: toClusterIp
      ? null
      : 'internalTrafficPolicy is for clients inside the cluster dialing the cluster IP',
    trafficDistribution:
      toClusterIp || kubeProxyMode(mode)
        ? null
        : 'No kube-proxy chooses the pod in this way in: the load balancer or the client does',
    dataplane:
      kubeProxyMode(mode) && !toClusterIp
        ? null
        : toClusterIp
          ? 'The dataplane switch is about traffic entering at a node port or load balancer'
          : 'No node forwards the request in this way in, so the dataplane changes nothing',
    clientIpPreservation: l4ToPods
      ? null
      : 'Only a load balancer that sends straight to pods at L4 (3b, 3d) chooses whether to keep the client’s address',
    proxyProtocol: l4Proxies
      ? null
      : mode.lbLayer === 'http'
        ? 'An HTTP load balancer carries the client in X-Forwarded-For, not a PROXY line'
        : 'Only an L4 load balancer that opens its own connection writes a PROXY line (3c, 3d, or a VIP with ipMode Proxy or without client IP preservation)',
    // The Requests tab sends under Local beside Cluster whatever the live policy, so the
    // weighting means something wherever a load balancer chooses among nodes.
    weighting:
      lbAddress && mode.frontTo === 'node' && !inside
        ? null
        : 'Only a load balancer that chooses among nodes weights them (under externalTrafficPolicy Local, in the Requests tab)',
  };
}

/** How many of the request's since-2020 switches are set (for the disclosure's label). */
export const switchesSet = (doc: ExplorerDoc): number => Object.keys(doc.options ?? {}).length;
