// An EndpointSlice (discovery.k8s.io/v1) → which pods its Service sends to and
// their conditions. Its conditions are what kube-proxy acts on, so they decide
// a pod's readiness over the pod's own Ready condition.
import {
  asArray,
  asObject,
  asString,
  field,
  labelsOf,
  namespaced,
  readAddress,
  shown,
  type KubeItem,
} from './kube';
import type { ItemNotes, ReportBuilder } from './report';

export interface SliceEndpoint {
  /** The endpoint's first IPv4 address (an IPv4 slice holds one per endpoint). */
  readonly ip: string | undefined;
  /** targetRef, when it names a Pod: `namespace/name`. */
  readonly pod: string | undefined;
  /** conditions.ready; "a nil value … should be interpreted as ready" (API reference). */
  readonly ready: boolean;
  /** conditions.terminating; nil means not terminating. */
  readonly terminating: boolean;
  /**
   * conditions.serving: still passes its readiness probe while terminating
   * (KEP-1669); nil means the same as ready.
   */
  readonly serving: boolean;
}

export interface SliceDraft {
  readonly line: ItemNotes;
  /** The Service it belongs to: `namespace/name`. */
  readonly service: string;
  /** Its ports: the Service port's name → the number the pods listen on. */
  readonly ports: ReadonlyMap<string, number>;
  readonly endpoints: readonly SliceEndpoint[];
}

/** Reads one EndpointSlice; null (and a skip line) when it has nothing Inbound can use. */
export function readSlice(item: KubeItem, report: ReportBuilder): SliceDraft | null {
  const o = item.object;
  const name = asString(field(o, 'metadata.name'));
  const namespace = asString(field(o, 'metadata.namespace')) ?? 'default';
  const line = report.add(
    'EndpointSlice',
    name ? shown(namespaced(namespace, name), 80) : item.source,
    item.source,
  );
  if (item.inferred)
    line.note(`It had no kind; Inbound read it as an EndpointSlice from ${item.inferred}`);
  const api = asString(o.apiVersion);
  if (api && api !== 'discovery.k8s.io/v1')
    line.note(`apiVersion ${shown(api, 40)}: read with the field names of discovery.k8s.io/v1`);
  const addressType = asString(o.addressType);
  if (addressType === 'IPv6')
    return line.skip('It holds IPv6 addresses (addressType IPv6): Inbound draws IPv4');
  if (addressType === 'FQDN')
    return line.skip('It holds DNS names (addressType FQDN), not pod addresses');
  if (addressType !== 'IPv4')
    return line.skip(
      `Its addressType ${addressType === undefined ? 'is missing' : `"${shown(addressType, 20)}" is not IPv4`}`,
    );

  const labels = labelsOf(asObject(field(o, 'metadata.labels')));
  const owner = asArray(field(o, 'metadata.ownerReferences'))
    .map(asObject)
    .find((r) => asString(r?.kind) === 'Service');
  const serviceName = labels['kubernetes.io/service-name'] ?? asString(owner?.name);
  if (!serviceName)
    return line.skip('It names no Service (no kubernetes.io/service-name label, no owner)');

  const ports = new Map<string, number>();
  for (const p of asArray(o.ports)) {
    const port = asObject(p);
    const number = port?.port;
    // An unnamed Service port has the name "" here, as in the Service.
    if (typeof number === 'number') ports.set(asString(port?.name) ?? '', number);
  }

  const endpoints: SliceEndpoint[] = [];
  let ipv6 = 0;
  for (const e of asArray(o.endpoints)) {
    const ep = asObject(e);
    if (!ep) continue;
    const first = asArray(ep.addresses)
      .map(readAddress)
      .find((a) => a.kind === 'ipv4');
    if (!first && asArray(ep.addresses).some((a) => readAddress(a).kind === 'ipv6')) ipv6++;
    const ref = asObject(ep.targetRef);
    const refName = asString(ref?.name);
    const isPod = asString(ref?.kind) === 'Pod' && refName;
    const conditions = asObject(ep.conditions);
    endpoints.push({
      ip: first?.kind === 'ipv4' ? first.ip : undefined,
      pod: isPod ? namespaced(asString(ref?.namespace) ?? namespace, refName) : undefined,
      ready: conditions?.ready !== false,
      terminating: conditions?.terminating === true,
      serving:
        conditions?.serving === undefined || conditions?.serving === null
          ? conditions?.ready !== false
          : conditions.serving === true,
    });
  }
  if (ipv6) line.note(`${ipv6} IPv6 endpoint address(es) left out: Inbound draws IPv4`);
  return { line, service: namespaced(namespace, serviceName), ports, endpoints };
}
