// Reading kubectl's objects, which come from anyone's cluster: every field may be
// missing, of the wrong type, IPv6, or redacted by whoever shared the dump. These
// readers never throw; they return undefined and let the caller say why.
import { parseIpv4, type Ipv4 } from '../../model';

/** A JSON object as kubectl prints it. */
export type Json = Readonly<Record<string, unknown>>;

/** One Kubernetes object from the dump, and where it came from (for the report). */
export interface KubeItem {
  readonly kind: string;
  readonly object: Json;
  /** "cluster.json, item 12" */
  readonly source: string;
  /** Set when the item had no `kind` and it was told from its fields: which ones. */
  readonly inferred?: string;
}

export const asObject = (v: unknown): Json | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;

export const asArray = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);

export const asString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** A field path such as `spec.podCIDR`, read through objects only. */
export function field(o: Json | undefined, path: string): unknown {
  let at: unknown = o;
  for (const key of path.split('.')) {
    const here = asObject(at);
    if (!here) return undefined;
    at = here[key];
  }
  return at;
}

export const fieldString = (o: Json | undefined, path: string) => asString(field(o, path));

/** String labels only (kubectl prints only strings; a hand-edited dump may not). */
export function labelsOf(o: Json | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const labels = asObject(o);
  if (!labels) return out;
  for (const key of Object.keys(labels)) {
    const v = labels[key];
    if (typeof v === 'string') out[key] = v;
    else if (typeof v === 'number' || typeof v === 'boolean') out[key] = String(v);
  }
  return out;
}

/**
 * Whether a value was blanked out before the dump was shared: "REDACTED",
 * "<redacted>", "***", or an address with stars in it ("10.0.*.*").
 */
export const isRedacted = (v: string): boolean => /redacted/i.test(v) || /\*/.test(v);

/** Person-supplied text echoed in the report stays short and on one line. */
export const shown = (v: unknown, max = 60): string => {
  const text = String(v).replace(/\s+/g, ' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};

export const isIpv6 = (v: string): boolean => v.includes(':');

export type AddressRead =
  | { readonly kind: 'ipv4'; readonly ip: Ipv4 }
  | { readonly kind: 'ipv6' }
  | { readonly kind: 'redacted'; readonly text: string }
  | { readonly kind: 'bad'; readonly text: string };

/** Reads one address: IPv4 (canonical), IPv6, redacted, or not an address at all. */
export function readAddress(v: unknown): AddressRead {
  const text = typeof v === 'string' ? v.trim() : shown(JSON.stringify(v) ?? String(v));
  if (typeof v !== 'string') return { kind: 'bad', text };
  if (isRedacted(text)) return { kind: 'redacted', text: shown(text, 30) };
  if (isIpv6(text)) return { kind: 'ipv6' };
  const ip = parseIpv4(text);
  return ip.ok ? { kind: 'ipv4', ip: ip.value } : { kind: 'bad', text: shown(text, 30) };
}

/**
 * Of a list of addresses (a dual-stack pod's podIPs, a node's two InternalIPs),
 * the first IPv4 one, and words for what was left out.
 */
export function pickIpv4(values: readonly unknown[]): {
  ip?: Ipv4;
  ipv6: string[];
  redacted: string[];
  bad: string[];
  others: Ipv4[];
} {
  const out: { ip?: Ipv4; ipv6: string[]; redacted: string[]; bad: string[]; others: Ipv4[] } = {
    ipv6: [],
    redacted: [],
    bad: [],
    others: [],
  };
  for (const v of values) {
    const a = readAddress(v);
    if (a.kind === 'ipv4') {
      if (out.ip === undefined) out.ip = a.ip;
      else if (a.ip !== out.ip) out.others.push(a.ip);
    } else if (a.kind === 'ipv6') out.ipv6.push(shown(v, 45));
    else if (a.kind === 'redacted') out.redacted.push(a.text);
    else out.bad.push(a.text);
  }
  return out;
}

/** "namespace/name", the id of a pod or a Service. */
export const namespaced = (namespace: string, name: string) => `${namespace}/${name}`;

/** The label key every imported pod gets, and every Service's selector too. */
export const NAMESPACE_LABEL = 'io.kubernetes.pod.namespace';

/** "3 ConfigMaps", "1 Deployment" */
export const counted = (n: number, word: string, plural = `${word}s`) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? word : plural}`;

/** "ConfigMaps", "Endpoints", "Ingresses", "Services (serving.knative.dev/v1)" */
export function pluralKind(kind: string): string {
  const m = /^(\w+)([\s\S]*)$/.exec(kind);
  if (!m) return kind;
  const word = m[1] as string;
  return `${word.endsWith('ss') ? `${word}es` : word.endsWith('s') ? word : `${word}s`}${m[2]}`;
}

/** "a, b and c" */
export function listed(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
