// Text → Kubernetes objects. JSON is read with JSON.parse; YAML with the `yaml`
// package, which the caller loads lazily and hands in (so it lands in a chunk of
// its own), with its alias limit on. Every failure names the file.
import type * as Yaml from 'yaml';
import { err, ok, type Result } from '../../model';
import {
  asArray,
  asObject,
  asString,
  counted,
  pluralKind,
  shown,
  type Json,
  type KubeItem,
} from './kube';
import type { ReportBuilder } from './report';

export type YamlModule = typeof Yaml;

/** The largest dump read, per file and in all: 50 MB. */
export const MAX_BYTES = 50 * 1024 * 1024;
/** YAML aliases expanded at most this many times, so a "billion laughs" file stops at once. */
export const MAX_ALIASES = 100;

/** "52 MB", with a decimal where rounding would hide that it is over the limit. */
export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Math.round(mb) <= MAX_BYTES / (1024 * 1024) ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/** Why a file of this size is not read, or null when it may be. */
export function sizeRefusal(name: string, bytes: number): string | null {
  return bytes > MAX_BYTES
    ? `${name} is ${megabytes(bytes)}; Inbound reads dumps up to ${megabytes(MAX_BYTES).replace('.0', '')}`
    : null;
}

/** The UTF-8 size of a text, counted without copying it. */
export function utf8Bytes(text: string): number {
  // kubectl's output is almost always ASCII: one native scan says so, and then bytes = length.
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(text)) return text.length;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Whether the first 64 kB look like a binary file decoded as text. */
function looksBinary(text: string): boolean {
  const head = text.slice(0, 65536);
  let odd = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0) return true;
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13)) odd++;
  }
  return odd > Math.max(2, head.length / 100);
}

/** The first line of a parser's message (yaml's pretty errors add a code excerpt below it). */
const firstLine = (message: string) => shown(message.split('\n')[0] ?? message, 160);

/** Whether a text should be read as JSON: its first character opens an object or an array. */
export const isJsonText = (text: string) => /^\s*[[{]/.test(text);

/** Whether reading these texts needs the YAML parser. */
export const needsYaml = (texts: readonly string[]) =>
  texts.some((t) => t.trim() !== '' && !isJsonText(t.replace(/^\uFEFF/, '')));

/** The documents in one file: one for JSON, one or more for YAML. */
export function parseDocuments(name: string, raw: string, yaml?: YamlModule): Result<unknown[]> {
  const text = raw.replace(/^\uFEFF/, '');
  if (text.trim() === '') return err(`${name} is empty`);
  if (looksBinary(text))
    return err(
      `${name} is not text (it looks like a binary file): Inbound reads the JSON or YAML that kubectl prints`,
    );
  if (isJsonText(text)) {
    try {
      return ok([JSON.parse(text) as unknown]);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (e instanceof RangeError) return err(`${name} is nested too deeply to read`);
      const at = /position (\d+)/.exec(message);
      const cut =
        /end of (JSON )?input|Unterminated/i.test(message) ||
        (at !== null && Number(at[1]) >= text.trimEnd().length - 1);
      return err(
        cut
          ? `${name} ends in the middle of its JSON: the file looks cut short (${firstLine(message)})`
          : `${name} is not valid JSON: ${firstLine(message)}`,
      );
    }
  }
  if (!yaml) return err(`${name} is YAML, and the YAML reader is not loaded`);
  try {
    const docs = yaml.parseAllDocuments(text, { prettyErrors: true });
    const list = Array.isArray(docs) ? docs : [];
    const out: unknown[] = [];
    for (let i = 0; i < list.length; i++) {
      const doc = list[i] as Yaml.Document;
      const where = list.length > 1 ? `${name}, document ${i + 1}` : name;
      const problem = doc.errors[0];
      if (problem)
        return err(
          /call stack/i.test(problem.message)
            ? `${where} is nested too deeply to read`
            : `${where} is not valid YAML: ${firstLine(problem.message)}`,
        );
      out.push(doc.toJS({ maxAliasCount: MAX_ALIASES }));
    }
    return ok(out);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/alias/i.test(message) && /exhaustion|excessive/i.test(message))
      return err(
        `${name} expands YAML aliases more than ${MAX_ALIASES} times (an "alias bomb"?): Inbound stops reading it`,
      );
    if (e instanceof RangeError || /call stack/i.test(message))
      return err(`${name} is nested too deeply to read`);
    return err(`${name} is not valid YAML: ${firstLine(message)}`);
  }
}

/** The kinds Inbound maps; everything else is skipped and counted. */
export const KINDS = ['Node', 'Pod', 'Service', 'EndpointSlice'] as const;

/**
 * An item of a List without `kind` (some tools strip it): its kind when its
 * apiVersion and fields say so unambiguously, else why not.
 */
export function inferKind(o: Json): { kind: string; from: string } | { kind: null; why: string } {
  const api = asString(o.apiVersion);
  const spec = asObject(o.spec);
  const status = asObject(o.status);
  const core = api === undefined || api === 'v1';
  const discovery = api === undefined || api.startsWith('discovery.k8s.io/');
  const found: { kind: string; from: string }[] = [];
  if (discovery && (typeof o.addressType === 'string' || (api && Array.isArray(o.endpoints))))
    found.push({ kind: 'EndpointSlice', from: 'addressType and endpoints' });
  if (core && spec && Array.isArray(spec.containers))
    found.push({ kind: 'Pod', from: 'spec.containers' });
  if (
    core &&
    (spec?.podCIDR !== undefined ||
      spec?.podCIDRs !== undefined ||
      spec?.providerID !== undefined ||
      status?.nodeInfo !== undefined)
  )
    found.push({ kind: 'Node', from: 'spec.podCIDR or status.nodeInfo' });
  if (core && spec && Array.isArray(spec.ports) && !Array.isArray(spec.containers))
    found.push({ kind: 'Service', from: 'spec.ports' });
  if (found.length === 1) {
    const one = found[0] as { kind: string; from: string };
    return { kind: one.kind, from: `${api ? `apiVersion ${api}, ` : ''}${one.from}` };
  }
  if (found.length > 1)
    return {
      kind: null,
      why: `it has no kind, and its fields fit more than one (${found.map((f) => f.kind).join(', ')})`,
    };
  return {
    kind: null,
    why: `it has no kind, and ${api ? `its apiVersion ${shown(api, 40)} and ` : ''}its fields do not say which it is`,
  };
}

const describe = (v: unknown): string =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'a list'
      : typeof v === 'string'
        ? `the text "${shown(v, 30)}"`
        : typeof v;

/**
 * The objects in a file's documents, each with where it was. A `List` (or a
 * PodList…) gives its items; a document that is not an object is an error,
 * an item of a list that is not one is skipped with the reason.
 */
export function itemsOf(
  name: string,
  docs: readonly unknown[],
  report: ReportBuilder,
): Result<KubeItem[]> {
  const items: KubeItem[] = [];
  const take = (v: unknown, source: string) => {
    const o = asObject(v);
    if (!o) {
      report.add('(not an object)', source, source).skip(`it is ${describe(v)}, not an object`);
      return;
    }
    const kind = asString(o.kind);
    if (kind) return items.push({ kind, object: o, source });
    const guess = inferKind(o);
    const id = asString(asObject(o.metadata)?.name) ?? source;
    if (guess.kind === null) report.add('(no kind)', shown(id), source).skip(guess.why);
    else items.push({ kind: guess.kind, object: o, source, inferred: guess.from });
  };
  const several = docs.filter((d) => d !== null && d !== undefined).length > 1;
  let k = 0;
  for (const doc of docs) {
    if (doc === null || doc === undefined) continue; // an empty document: a stray `---`
    k++;
    const where = several ? `${name}, document ${k}` : name;
    if (Array.isArray(doc)) {
      doc.forEach((v, i) => take(v, `${where}, item ${i + 1}`));
      continue;
    }
    const o = asObject(doc);
    if (!o)
      return err(
        `${where} is not a Kubernetes object (it is ${describe(doc)}): Inbound reads the JSON or YAML that kubectl prints`,
      );
    const kind = asString(o.kind);
    if (Array.isArray(o.items) && (kind === undefined || kind.endsWith('List'))) {
      asArray(o.items).forEach((v, i) => take(v, `${where}, item ${i + 1}`));
      continue;
    }
    take(o, where);
  }
  return ok(items);
}

/** Why the dump as a whole cannot be used because it holds none of the kinds read, or null. */
export function wrongKinds(names: readonly string[], items: readonly KubeItem[]): string | null {
  if (items.some((i) => (KINDS as readonly string[]).includes(i.kind))) return null;
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i.kind, (counts.get(i.kind) ?? 0) + 1);
  const has = [...counts].map(([kind, n]) =>
    counted(n, shown(kind, 40), pluralKind(shown(kind, 40))),
  );
  const files = names.length === 1 ? `${names[0]} has` : `${names.join(', ')} have`;
  return `${files} no Nodes, Pods, Services or EndpointSlices${
    has.length ? ` (it has ${has.slice(0, 4).join(', ')}${has.length > 4 ? ', …' : ''})` : ''
  }: run kubectl get nodes,pods,services,endpointslices -A -o json`;
}
