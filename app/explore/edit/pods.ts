import {
  err,
  nextFreeIp,
  ok,
  type NodeId,
  type Pod,
  type PodId,
  type PodIp,
  type Result,
  type ServiceId,
  type Topology,
} from '../../model';
import type { ExplorerDoc } from '../doc';
import { lowestFree, shortName, uniqueId, usedAddresses } from './alloc';
import { sameLabels, type Labels } from './labels';
import { omit, onTopology, orSame, replaceById, tryOnTopology } from './settle';

/** A pod's state as its EndpointSlice shows it. */
/**
 * A pod's EndpointSlice conditions as one choice: ready; not ready; terminating
 * (not serving); terminating but still serving, which kube-proxy still sends new
 * connections to where no ready endpoint is left (KEP-1669).
 */
export type PodState = 'ready' | 'not-ready' | 'terminating' | 'terminating-serving';

export const podState = (p: Pod): PodState =>
  p.terminating
    ? p.serving
      ? 'terminating-serving'
      : 'terminating'
    : p.ready
      ? 'ready'
      : 'not-ready';

/** A free address in a node's pod range, as the node's IPAM gives one. */
function addressOn(t: Topology, node: NodeId): Result<PodIp> {
  const n = t.nodes.find((x) => x.id === node);
  if (!n) return err(`There is no node "${node}"`);
  const ip = nextFreeIp(n.podCidr, usedAddresses(t));
  return ip.ok ? ok(ip.value as string as PodIp) : err(`${n.name}: ${ip.error}`);
}

/** Builds a pod named after what it serves: "a-1", "a-2" for Service A, "pod-1" for none. */
export function newPod(t: Topology, node: NodeId, ip: PodIp, labels: Labels, base: string): Pod {
  const names = new Set(t.pods.map((p) => p.name));
  const name = `${base}-${lowestFree((k) => names.has(`${base}-${k}`))}`;
  const id = uniqueId(name, new Set(t.pods.map((p) => p.id)));
  return { id, name, ip, node, labels: { ...labels }, ready: true };
}

/**
 * Adds a ready pod to a node, at the next free address of its range, labelled
 * with the Service's selector so that the Service selects it.
 */
export function tryAddPod(
  doc: ExplorerDoc,
  node: NodeId,
  service: ServiceId | null,
): Result<ExplorerDoc> {
  return tryOnTopology(doc, (t) => {
    const ip = addressOn(t, node);
    if (!ip.ok) return ip;
    const svc = service === null ? undefined : t.services.find((s) => s.id === service);
    if (service !== null && !svc) return err(`There is no Service "${service}"`);
    const pod = svc
      ? newPod(t, node, ip.value, svc.selector, shortName(svc.name))
      : newPod(t, node, ip.value, {}, 'pod');
    return ok({ ...t, pods: [...t.pods, pod] });
  });
}

export const addPod = (doc: ExplorerDoc, node: NodeId, service: ServiceId | null): ExplorerDoc =>
  orSame(doc, tryAddPod(doc, node, service));

/** Moves a pod to another node, where it gets the next free address of that node's range. */
export function tryMovePod(doc: ExplorerDoc, id: PodId, node: NodeId): Result<ExplorerDoc> {
  return tryOnTopology(doc, (t) => {
    const pod = t.pods.find((p) => p.id === id);
    if (!pod) return err(`There is no pod "${id}"`);
    if (pod.node === node) return ok(t);
    const ip = addressOn(t, node);
    if (!ip.ok) return ip;
    return ok({ ...t, pods: replaceById(t.pods, id, (p) => ({ ...p, node, ip: ip.value })) });
  });
}

export const movePod = (doc: ExplorerDoc, id: PodId, node: NodeId): ExplorerDoc =>
  orSame(doc, tryMovePod(doc, id, node));

export function removePod(doc: ExplorerDoc, id: PodId): ExplorerDoc {
  return onTopology(doc, (t) =>
    t.pods.some((p) => p.id === id) ? { ...t, pods: t.pods.filter((p) => p.id !== id) } : t,
  );
}

/** Ready, not ready, or terminating, still serving or not (never ready: only KEP-1669's fallback sends to it). */
export function setPodState(doc: ExplorerDoc, id: PodId, state: PodState): ExplorerDoc {
  return onTopology(doc, (t) => {
    const pods = replaceById(t.pods, id, (p) => {
      if (podState(p) === state) return p;
      const rest = omit(omit(p, 'terminating'), 'serving');
      if (state === 'terminating-serving')
        return { ...rest, ready: false, terminating: true, serving: true };
      return state === 'terminating'
        ? { ...rest, ready: false, terminating: true }
        : { ...rest, ready: state === 'ready' };
    });
    return pods === t.pods ? t : { ...t, pods };
  });
}

export function setPodLabels(doc: ExplorerDoc, id: PodId, labels: Labels): ExplorerDoc {
  return onTopology(doc, (t) => {
    const pods = replaceById(t.pods, id, (p) =>
      sameLabels(p.labels, labels) ? p : { ...p, labels: { ...labels } },
    );
    return pods === t.pods ? t : { ...t, pods };
  });
}

/** Renames a pod; a blank name, or one another pod has, is refused (pod names are unique). */
export function tryRenamePod(doc: ExplorerDoc, id: PodId, name: string): Result<ExplorerDoc> {
  const trimmed = name.trim();
  if (!trimmed) return err('A pod needs a name');
  if (doc.topology.pods.some((p) => p.id !== id && p.name === trimmed))
    return err(`Another pod is already called ${trimmed}`);
  return ok(renamePod(doc, id, trimmed));
}

/** Renames a pod; a blank name changes nothing. */
export function renamePod(doc: ExplorerDoc, id: PodId, name: string): ExplorerDoc {
  const trimmed = name.trim();
  if (!trimmed) return doc;
  return onTopology(doc, (t) => {
    const pods = replaceById(t.pods, id, (p) => (p.name === trimmed ? p : { ...p, name: trimmed }));
    return pods === t.pods ? t : { ...t, pods };
  });
}
