import type { Topology } from '../model';

/**
 * What the drawing of a cluster depends on: its boxes, names, addresses,
 * labels and ports, not a Service's externalTrafficPolicy or its
 * healthCheckNodePort (the policy is drawn from the trace and the live
 * switch). Two clusters with the same shape draw the same boxes.
 */
export function shapeKey(t: Topology): string {
  return JSON.stringify([
    t.clusterCidr.text,
    t.nodes.map((n) => [n.id, n.name, n.ip, n.podCidr.text]),
    t.pods.map((p) => [p.id, p.name, p.ip, p.node, p.labels, p.ready, p.terminating ?? false]),
    t.services.map((s) => [
      s.id,
      s.name,
      s.type,
      s.selector,
      s.port,
      s.targetPort,
      s.nodePort,
      s.vip,
      s.proxyIp,
    ]),
    t.ingresses.map((i) => [i.id, i.name, i.host, i.backend, i.proxyService]),
    [t.client.name, t.client.ip, t.client.port],
  ]);
}

/**
 * Keeps handing back the cluster drawn before while the new one has the same
 * shape, so a flip of the policy (an edit of the cluster) re-routes the packet
 * without laying out and drawing every box again.
 */
export function sameShape(): (t: Topology) => Topology {
  let last: { t: Topology; key: string } | null = null;
  return (t) => {
    if (last?.t === t) return t;
    const key = shapeKey(t);
    if (last && last.key === key) return last.t;
    last = { t, key };
    return t;
  };
}
