import { deviceRef, type Hop, type Rewrite, type Trace } from '../../model';

// Small pieces every sentence uses: how to name a device, and the names of the
// rewrites a device does.

export const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The start of a sentence: "the client …" becomes "The client …", but a name
 * stays as it is written (a Kubernetes name is lower case: "storefront-2xkqp
 * replies…", "gke-…-7k2m rewrites…"; the talk's are capitalised already).
 */
export const sentenceStart = (s: string): string =>
  /^(the|a|an|no|nothing|every|each) /.test(s) ? capital(s) : s;

/** "a, b and c". */
export const list = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** The device's name in the trace ("Node1", "Pod-c", "VIP"), or "nowhere". */
export const deviceName = (trace: Trace, id: string | null | undefined): string =>
  id ? (trace.devices[id]?.name ?? id) : 'nowhere';

/** "the client", "the VIP", "the proxy", but "Node1", "Pod-c". */
export function subject(trace: Trace, id: string): string {
  const kind = trace.devices[id]?.kind ?? deviceRef(id)?.kind;
  const n = deviceName(trace, id);
  return kind === 'client' || kind === 'vip' || kind === 'proxy'
    ? `the ${n === 'VIP' ? n : n.toLowerCase()}`
    : n;
}

export const has = (rewrites: readonly Rewrite[], type: Rewrite['type']): boolean =>
  rewrites.some((r) => r.type === type);

/** Each rewrite's name, as a column of the trace table lists them. */
export const REWRITE_NAMES: Readonly<Record<Rewrite['type'], string>> = {
  route: 'route',
  dnat: 'DNAT',
  snat: 'SNAT',
  unnat: 'undo NAT',
  proxy: 'proxy: new connection',
  xff: 'X-Forwarded-For added',
  'proxy-protocol': 'PROXY protocol line',
  drop: 'drop',
  reject: 'reject',
};

/** The rewrites of a hop by name, in order: "DNAT, SNAT". */
export const rewriteNames = (hop: Hop): string =>
  hop.rewrites.map((r) => REWRITE_NAMES[r.type]).join(', ');
