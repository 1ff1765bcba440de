import {
  ok,
  type ExternalIp,
  type Result,
  type Service,
  type ServiceId,
  type Topology,
} from '../../model';
import {
  freeExternalIp,
  freeNodePort,
  PROXY_RANGE,
  usedAddresses,
  usedNodePorts,
  VIP_RANGE,
} from './alloc';
import { sameLabels } from './labels';

/** Kubernetes puts a Service's health check port in the NodePort range; the talk's sits 2000 above its nodePort. */
const HEALTH_CHECK_OFFSET = 2000;

/** Node ports and addresses the other Services hold. */
function othersUse(t: Topology, id: ServiceId) {
  const others = { ...t, services: t.services.filter((s) => s.id !== id) };
  return { ports: usedNodePorts(others), addresses: usedAddresses(others) };
}

/**
 * What the API server gives or takes away for a type (and policy): a nodePort
 * for NodePort and LoadBalancer, a VIP (and, if asked, a proxy address) for
 * LoadBalancer, a healthCheckNodePort only for LoadBalancer under Local. What a
 * Service keeps is kept; what its type does not allow is removed.
 */
export function fitType(t: Topology, svc: Service, withProxy = !!svc.proxyIp): Result<Service> {
  const { ports, addresses } = othersUse(t, svc.id);
  const { nodePort, vip, proxyIp, healthCheckNodePort, ipMode, lbPrivateIp, ...kept } = svc;
  // ipMode and the load balancer's private address belong to a load balancer: kept only with one.
  const rest: typeof kept & Pick<Service, 'ipMode' | 'lbPrivateIp'> =
    svc.type === 'LoadBalancer'
      ? {
          ...kept,
          ...(ipMode !== undefined ? { ipMode } : {}),
          ...(lbPrivateIp !== undefined ? { lbPrivateIp } : {}),
        }
      : kept;
  if (svc.type === 'ClusterIP') {
    // A ClusterIP Service has no external traffic to keep local.
    const out: Service = { ...rest, externalTrafficPolicy: 'Cluster' };
    return ok(sameService(out, svc) ? svc : out);
  }
  let np = nodePort;
  if (np === undefined || ports.has(np)) {
    const r = freeNodePort(ports);
    if (!r.ok) return r;
    np = r.value;
  }
  ports.add(np);
  if (svc.type === 'NodePort') {
    const out: Service = { ...rest, nodePort: np };
    return ok(sameService(out, svc) ? svc : out);
  }
  const out: { -readonly [K in keyof Service]: Service[K] } = { ...rest, nodePort: np };
  const v = vip ?? freeExternalIp(VIP_RANGE, addresses);
  if (typeof v === 'object') {
    if (!v.ok) return v;
    out.vip = v.value as string as ExternalIp;
  } else out.vip = v;
  addresses.add(out.vip);
  if (withProxy) {
    const p = proxyIp ?? freeExternalIp(PROXY_RANGE, addresses);
    if (typeof p === 'object') {
      if (!p.ok) return p;
      out.proxyIp = p.value as string as ExternalIp;
    } else out.proxyIp = p;
  }
  if (svc.externalTrafficPolicy === 'Local') {
    let hc = healthCheckNodePort;
    if (hc === undefined || ports.has(hc)) {
      const r = freeNodePort(ports, np + HEALTH_CHECK_OFFSET);
      if (!r.ok) return r;
      hc = r.value;
    }
    out.healthCheckNodePort = hc;
  }
  return ok(sameService(out, svc) ? svc : out);
}

function sameService(a: Service, b: Service): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof Service>;
  for (const k of keys) {
    if (k === 'selector') {
      if (!sameLabels(a.selector, b.selector)) return false;
    } else if (a[k] !== b[k]) return false;
  }
  return true;
}
