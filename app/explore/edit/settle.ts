import { offeredModes, type Result, type Topology } from '../../model';
import { withOption, type ExplorerDoc } from '../doc';

/**
 * Keeps the doc's choices pointing at things that exist after an edit: a
 * removed Service gives way to the first backend Service left (one no Ingress
 * uses as its proxies), a removed entry node to the first node left (or none),
 * and a mode the Service's type no longer offers to the first one it does.
 * With no Service at all, the old id stays until one is added.
 */
export function settle(doc: ExplorerDoc): ExplorerDoc {
  const t = doc.topology;
  let { service, entryNode, mode } = doc;
  if (!t.services.some((s) => s.id === service)) {
    const proxies = new Set(t.ingresses.map((i) => i.proxyService));
    const next = t.services.find((s) => !proxies.has(s.id)) ?? t.services[0];
    if (next) service = next.id;
  }
  if (entryNode !== null && !t.nodes.some((n) => n.id === entryNode))
    entryNode = t.nodes[0]?.id ?? null;
  if (t.services.some((s) => s.id === service)) {
    const offered = offeredModes(t, service);
    if (!offered.includes(mode) && offered[0]) mode = offered[0];
  }
  const options = settleOptions(doc);
  return service === doc.service &&
    entryNode === doc.entryNode &&
    mode === doc.mode &&
    options === doc
    ? doc
    : { ...options, service, entryNode, mode };
}

/**
 * A client pod or node that an edit removed gives the request back to the
 * client outside (and the cluster IP, which only a client inside dials, with it).
 */
function settleOptions(doc: ExplorerDoc): ExplorerDoc {
  const c = doc.options?.client;
  if (!c || c.kind === 'outside') return doc;
  const t = doc.topology;
  const there =
    c.kind === 'pod' ? t.pods.some((p) => p.id === c.pod) : t.nodes.some((n) => n.id === c.node);
  return there ? doc : withOption(withOption(doc, 'client', undefined), 'target', undefined);
}

/** Applies a change to the topology, then settles; the same doc when the topology is unchanged. */
export function onTopology(doc: ExplorerDoc, change: (t: Topology) => Topology): ExplorerDoc {
  const topology = change(doc.topology);
  return topology === doc.topology ? doc : settle({ ...doc, topology });
}

/** The same, for a change that can be refused with a reason. */
export function tryOnTopology(
  doc: ExplorerDoc,
  change: (t: Topology) => Result<Topology>,
): Result<ExplorerDoc> {
  const r = change(doc.topology);
  if (!r.ok) return r;
  return {
    ok: true,
    value: r.value === doc.topology ? doc : settle({ ...doc, topology: r.value }),
  };
}

/** The doc an attempt gives, or the doc unchanged when it was refused. */
export const orSame = (doc: ExplorerDoc, r: Result<ExplorerDoc>): ExplorerDoc =>
  r.ok ? r.value : doc;

/** Replaces the one item with this id; the same list when no item changes. */
export function replaceById<T extends { readonly id: string }>(
  items: readonly T[],
  id: string,
  change: (item: T) => T,
): readonly T[] {
  let changed = false;
  const out = items.map((item) => {
    if (item.id !== id) return item;
    const next = change(item);
    if (next !== item) changed = true;
    return next;
  });
  return changed ? out : items;
}

/** A copy of an object without one key. */
export function omit<T extends object, K extends keyof T>(obj: T, key: K): Omit<T, K> {
  const out = { ...obj };
  delete out[key];
  return out;
}
