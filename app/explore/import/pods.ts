// A Pod object → what Inbound needs of it: where it runs, its own IPv4
// address, its labels and whether it is ready. Pods that cannot be drawn with
// an address of their own are skipped, each with the reason.
import { ipToNumber, type PodIp } from '../../model';
import {
  asArray,
  asObject,
  asString,
  field,
  isRedacted,
  labelsOf,
  namespaced,
  pickIpv4,
  shown,
  type KubeItem,
} from './kube';
import type { ItemNotes, ReportBuilder } from './report';

/** What every pod with a name offers, drawn or not: its containers' named ports. */
export interface PodSpecInfo {
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Named container ports (TCP), name → containerPort. */
  readonly ports: ReadonlyMap<string, number>;
}

export interface PodDraft {
  readonly line: ItemNotes;
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  readonly nodeName: string;
  readonly ip: PodIp;
  readonly ipNumber: number;
  readonly labels: Readonly<Record<string, string>>;
  /** Its Ready condition: true, false, or absent. */
  readonly readyCondition: boolean | undefined;
  /** metadata.deletionTimestamp is set: it is being deleted. */
  readonly deleting: boolean;
}

function namedPorts(spec: ReturnType<typeof asObject>): Map<string, number> {
  const ports = new Map<string, number>();
  const containers = [
    ...asArray(spec?.containers),
    // Sidecars (init containers that keep running) may serve a named port too.
    ...asArray(spec?.initContainers),
  ];
  for (const c of containers)
    for (const p of asArray(asObject(c)?.ports)) {
      const port = asObject(p);
      const name = asString(port?.name);
      const number = port?.containerPort;
      const protocol = asString(port?.protocol) ?? 'TCP';
      if (name && typeof number === 'number' && protocol === 'TCP' && !ports.has(name))
        ports.set(name, number);
    }
  return ports;
}

/**
 * Reads one Pod. `info` is its namespace, labels and named ports (for resolving
 * a Service's named targetPort) whenever it has a name; `draft` only when it
 * can be drawn.
 */
export function readPod(
  item: KubeItem,
  report: ReportBuilder,
): { info: PodSpecInfo | null; draft: PodDraft | null } {
  const o = item.object;
  const name = asString(field(o, 'metadata.name'));
  const given = asString(field(o, 'metadata.namespace'));
  const namespace = given ?? 'default';
  const id = name ? namespaced(namespace, name) : item.source;
  const line = report.add('Pod', shown(id, 80), item.source);
  if (item.inferred) line.note(`It had no kind; Inbound read it as a Pod from ${item.inferred}`);
  if (!name) return { info: null, draft: line.skip('It has no metadata.name') };
  if (isRedacted(name) || isRedacted(namespace))
    return { info: null, draft: line.skip(`Its name is redacted ("${shown(id, 40)}")`) };
  if (given === undefined) line.change('It has no metadata.namespace; Inbound puts it in default');

  const spec = asObject(o.spec);
  const status = asObject(o.status);
  const labels = labelsOf(asObject(field(o, 'metadata.labels')));
  const info: PodSpecInfo = { namespace, labels, ports: namedPorts(spec) };
  const phase = asString(status?.phase);
  const reason = asString(status?.reason);

  if (phase === 'Succeeded' || phase === 'Failed') {
    const why =
      reason === 'Evicted'
        ? `It was evicted (phase Failed, reason Evicted): it serves nothing`
        : `It has finished (phase ${phase}${reason ? `, reason ${shown(reason, 30)}` : ''}): it serves nothing`;
    return { info, draft: line.skip(why) };
  }
  if (spec?.hostNetwork === true)
    return {
      info,
      draft: line.skip(
        `It uses the host network (hostNetwork: true), so its address is its node's${
          asString(status?.podIP) ? ` (${shown(status?.podIP, 40)})` : ''
        }: Inbound draws pods with an address of their own`,
      ),
    };
  const nodeName = asString(spec?.nodeName);
  if (!nodeName)
    return {
      info,
      draft: line.skip(
        `It is not scheduled to a node (phase ${phase ?? 'unknown'}, no spec.nodeName)`,
      ),
    };

  const listed = asArray(status?.podIPs).map((p) => asObject(p)?.ip);
  const addresses = pickIpv4(listed.length ? listed : [status?.podIP].filter((v) => v != null));
  if (!addresses.ip) {
    const why = addresses.ipv6.length
      ? `It is IPv6 only (${addresses.ipv6[0]}): Inbound draws IPv4`
      : addresses.redacted.length
        ? `Its IP is redacted ("${addresses.redacted[0]}")`
        : addresses.bad.length
          ? `Its IP "${addresses.bad[0]}" is not an IPv4 address`
          : `It has no IP yet (phase ${phase ?? 'unknown'})`;
    return { info, draft: line.skip(why) };
  }
  if (addresses.ipv6.length)
    line.change(`IPv6 address ${addresses.ipv6.join(', ')} left out: Inbound draws IPv4`);

  const ready = asArray(status?.conditions)
    .map(asObject)
    .find((c) => asString(c?.type) === 'Ready');
  const readyStatus = asString(ready?.status);
  return {
    info,
    draft: {
      line,
      id,
      namespace,
      name,
      nodeName,
      ip: addresses.ip as string as PodIp,
      ipNumber: (ipToNumber(addresses.ip) as { value: number }).value,
      labels,
      readyCondition: readyStatus === 'True' ? true : readyStatus === 'False' ? false : undefined,
      deleting: field(o, 'metadata.deletionTimestamp') != null,
    },
  };
}
