// A Node object → what Inbound needs of it: its name, its IPv4 InternalIP, and
// its IPv4 pod range (spec.podCIDRs, else spec.podCIDR).
import { ipToNumber, parseCidr, type Cidr, type NodeIp } from '../../model';
import {
  asArray,
  asObject,
  asString,
  field,
  isIpv6,
  isRedacted,
  pickIpv4,
  shown,
  type KubeItem,
} from './kube';
import type { ItemNotes, ReportBuilder } from './report';

export interface NodeDraft {
  readonly line: ItemNotes;
  readonly name: string;
  readonly ip: NodeIp;
  readonly ipNumber: number;
  /** The IPv4 pod range the Node object states, if it states a usable one. */
  readonly declared: Cidr | null;
  /** Its label topology.kubernetes.io/zone, when it has one. */
  readonly zone?: string;
}

/** The well-known zone label (and the beta one it replaced, which old nodes still carry). */
const ZONE = 'topology.kubernetes.io/zone';
const BETA_ZONE = 'failure-domain.beta.kubernetes.io/zone';

/** Reads one Node; null (and a skip line in the report) when it cannot be drawn. */
export function readNode(item: KubeItem, report: ReportBuilder): NodeDraft | null {
  const o = item.object;
  const name = asString(field(o, 'metadata.name'));
  const line = report.add('Node', name ? shown(name) : item.source, item.source);
  if (item.inferred) line.note(`It had no kind; Inbound read it as a Node from ${item.inferred}`);
  if (!name) return line.skip('It has no metadata.name');
  if (isRedacted(name)) return line.skip(`Its name is redacted ("${shown(name, 30)}")`);

  const addresses = asArray(field(o, 'status.addresses')).map(asObject);
  const ofType = (type: string) =>
    addresses.filter((a) => asString(a?.type) === type).map((a) => a?.address);
  const internal = pickIpv4(ofType('InternalIP'));
  let ip = internal.ip;
  if (!ip) {
    const external = pickIpv4(ofType('ExternalIP'));
    if (external.ip) {
      ip = external.ip;
      line.change(`Node ${name} has no IPv4 InternalIP; Inbound uses its ExternalIP ${ip}`);
    }
  }
  if (!ip) {
    const why = internal.ipv6.length
      ? `It is IPv6 only (InternalIP ${internal.ipv6[0]}): Inbound draws IPv4 clusters`
      : internal.redacted.length
        ? `Its InternalIP is redacted ("${internal.redacted[0]}")`
        : internal.bad.length
          ? `Its InternalIP "${internal.bad[0]}" is not an IPv4 address`
          : 'It has no InternalIP in status.addresses';
    return line.skip(why);
  }
  if (internal.ipv6.length)
    line.change(`IPv6 address ${internal.ipv6.join(', ')} left out: Inbound draws IPv4`);
  if (internal.others.length)
    line.change(
      `Node ${name} has ${internal.others.length + 1} IPv4 InternalIPs; Inbound uses the first, ${ip}`,
    );

  const plural = asArray(field(o, 'spec.podCIDRs'));
  const single = field(o, 'spec.podCIDR');
  const stated = plural.length ? plural : single !== undefined ? [single] : [];
  let declared: Cidr | null = null;
  for (const value of stated) {
    const text = asString(value);
    if (text === undefined) {
      line.change(`Its pod range ${shown(JSON.stringify(value), 30)} is not text; left out`);
    } else if (isRedacted(text)) {
      line.change(`Its pod range is redacted ("${shown(text, 30)}")`);
    } else if (isIpv6(text)) {
      line.change(`IPv6 pod range ${shown(text, 45)} left out: Inbound draws IPv4`);
    } else if (declared === null) {
      const cidr = parseCidr(text);
      if (cidr.ok) declared = cidr.value;
      else line.change(`Its pod range "${shown(text, 30)}" cannot be read (${cidr.error})`);
    }
  }
  const ipNumber = (ipToNumber(ip) as { value: number }).value;
  const labels = asObject(field(o, 'metadata.labels'));
  const zoneText = asString(labels?.[ZONE]);
  const betaZone = asString(labels?.[BETA_ZONE]);
  let zone: string | undefined;
  if (zoneText !== undefined && zoneText !== '') {
    if (isRedacted(zoneText))
      line.change(`Its zone is redacted ("${shown(zoneText, 30)}"): left out`);
    else zone = shown(zoneText, 63);
  } else if (betaZone !== undefined && betaZone !== '' && !isRedacted(betaZone)) {
    zone = shown(betaZone, 63);
    line.note(`Its zone ${zone} is read from the old label ${BETA_ZONE}`);
  }
  return {
    line,
    name,
    ip: ip as string as NodeIp,
    ipNumber,
    declared,
    ...(zone !== undefined ? { zone } : {}),
  };
}
