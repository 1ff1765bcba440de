import {
  findMode,
  findService,
  ingressFor,
  nodeOf,
  podOf,
  selects,
  type ModeId,
  type NodeId,
  type Pod,
  type PodId,
  type ServiceId,
  type Topology,
  type Trace,
} from '../model';
import type { SceneFold } from '../scene/core/fold-box';

/** The most nodes the scene lays out one by one; past it, the rest fold into one box. */
export const SCENE_NODE_LIMIT = 12;
/** The most pods the scene draws in one node. */
export const SCENE_POD_LIMIT = 16;

export interface FoldOptions {
  /** The backend Service the request is for. */
  readonly service: ServiceId;
  /** The request on screen (run on the whole cluster), or null when there is none. */
  readonly trace: Trace | null;
  /** The doc's entry node; the trace's own entry node comes first. */
  readonly entryNode: NodeId | null;
  /** The mode, for when there is no trace: whether the in-cluster ingress proxies matter. */
  readonly mode?: ModeId;
  /** The most nodes drawn, the folded box counted (12, the scene's most). */
  readonly limit?: number;
  /** The most pods drawn in one node (16). */
  readonly podLimit?: number;
}

/** The nodes left out of the drawing, as the folded box says them. */
export interface Folded {
  readonly nodes: number;
  /** The pods on those nodes. */
  readonly pods: number;
  /** "+ 480 nodes without a pod of this Service", or "+ 489 more nodes (3 with pods of this Service)". */
  readonly label: string;
}

/** What the scene draws of a cluster: a SceneFold, so it can be handed to the diagram as it is. */
export interface SceneCut extends SceneFold {
  /** The nodes and pods drawn; the same object as the cluster when all of it is drawn. */
  readonly topology: Topology;
  readonly folded: Folded | null;
  /** Per drawn node, how many of its pods the drawing leaves out. */
  readonly morePods: ReadonlyMap<NodeId, number>;
}

const count = new Intl.NumberFormat('en-US');
const plural = (n: number, one: string, many: string) =>
  `${count.format(n)} ${n === 1 ? one : many}`;

/** The folded box's words. The "+" and the count never part: a line never starts with the number. */
export function foldLabel(nodes: number, withPods: number): string {
  return withPods === 0
    ? `+\u00a0${plural(nodes, 'node', 'nodes')} without a pod of this Service`
    : `+\u00a0${plural(nodes, 'more node', 'more nodes')} (${count.format(withPods)} with pods of this Service)`;
}

/**
 * The nodes and pods the request meets: its hops' ends and the nodes they pass,
 * where it enters, its pod and proxy. (Its `devices` table names every node of
 * the cluster, for the words; it is not the way the packet goes.)
 */
function tracedOf(topology: Topology, trace: Trace | null) {
  const nodes = new Set<NodeId>();
  const pods = new Set<PodId>();
  if (!trace) return { nodes, pods };
  const name = (device: string | null | undefined) => {
    const node = nodeOf(device);
    if (node !== null) nodes.add(node);
    const pod = podOf(device);
    if (pod !== null) pods.add(pod);
  };
  if (trace.entryNode) nodes.add(trace.entryNode);
  for (const id of [trace.pod, trace.ingressPod]) if (id) pods.add(id);
  for (const hop of [...trace.forward, ...trace.back]) {
    name(hop.from);
    name(hop.to);
    name(hop.via);
  }
  const byId = new Map(topology.pods.map((p) => [p.id, p]));
  for (const id of pods) {
    const pod = byId.get(id);
    if (pod) nodes.add(pod.node);
  }
  return { nodes, pods };
}

/**
 * What the scene draws of a cluster too big for it (an imported cluster of
 * hundreds of nodes): the entry node, the nodes holding the Service's pods
 * (and, for in-cluster ingress, its proxies'), and every node the request
 * passes; the rest fold into one box that says how many nodes it stands for.
 * A node with more pods than the scene draws keeps the ones the request uses,
 * then the Service's, then the proxies', then others, and notes the rest.
 * Only the drawing is cut: traces and shares still run on the whole cluster,
 * and every device the trace names is drawn.
 */
export function foldForScene(topology: Topology, options: FoldOptions): SceneCut {
  const limit = Math.max(2, options.limit ?? SCENE_NODE_LIMIT);
  const podLimit = Math.max(1, options.podLimit ?? SCENE_POD_LIMIT);
  const service = findService(topology, options.service);
  const ofService = (p: Pod) => service !== undefined && selects(service.selector, p);
  const modeId = options.trace?.mode ?? options.mode;
  const mode = modeId ? findMode(modeId) : undefined;
  const proxyId = mode?.ingress === 'none' ? undefined : ingressFor(topology, options.service);
  const proxyService = proxyId?.proxyService
    ? findService(topology, proxyId.proxyService)
    : undefined;
  const ofProxy = (p: Pod) => proxyService !== undefined && selects(proxyService.selector, p);
  const traced = tracedOf(topology, options.trace);

  const podsOn = new Map<NodeId, Pod[]>();
  for (const pod of topology.pods) {
    const list = podsOn.get(pod.node);
    if (list) list.push(pod);
    else podsOn.set(pod.node, [pod]);
  }
  const has = (node: NodeId, test: (p: Pod) => boolean) => (podsOn.get(node) ?? []).some(test);

  let kept: ReadonlySet<NodeId>;
  let folded: Folded | null = null;
  if (topology.nodes.length <= limit) kept = new Set(topology.nodes.map((n) => n.id));
  else {
    const exists = new Set(topology.nodes.map((n) => n.id));
    const keep = new Set<NodeId>();
    // The request's own entry node when there is a request (none where it enters at a pod), else the doc's.
    const entry = options.trace ? options.trace.entryNode : options.entryNode;
    for (const id of [...traced.nodes, ...(entry ? [entry] : [])]) if (exists.has(id)) keep.add(id);
    // The folded box takes one place; the Service's nodes, then the proxies', fill the others.
    const room = limit - 1;
    for (const test of [ofService, ofProxy])
      for (const node of topology.nodes) {
        if (keep.size >= room) break;
        if (!keep.has(node.id) && has(node.id, test)) keep.add(node.id);
      }
    const out = topology.nodes.filter((n) => !keep.has(n.id));
    if (out.length > 0) {
      const withPods = out.filter((n) => has(n.id, ofService)).length;
      folded = {
        nodes: out.length,
        pods: out.reduce((sum, n) => sum + (podsOn.get(n.id)?.length ?? 0), 0),
        label: foldLabel(out.length, withPods),
      };
    }
    kept = keep;
  }

  // Which pods a crowded node draws first.
  const rank = (p: Pod) => (traced.pods.has(p.id) ? 0 : ofService(p) ? 1 : ofProxy(p) ? 2 : 3);
  const morePods = new Map<NodeId, number>();
  const drawn = new Set<PodId>();
  for (const id of kept) {
    const here = podsOn.get(id) ?? [];
    const chosen =
      here.length <= podLimit
        ? here
        : here
            .map((p, k) => ({ p, k }))
            .sort((a, b) => rank(a.p) - rank(b.p) || a.k - b.k)
            .slice(0, podLimit)
            .map(({ p }) => p);
    for (const p of chosen) drawn.add(p.id);
    if (here.length > chosen.length) morePods.set(id, here.length - chosen.length);
  }
  if (!folded && morePods.size === 0) return { topology, folded, morePods };
  return {
    topology: {
      ...topology,
      nodes: topology.nodes.filter((n) => kept.has(n.id)),
      pods: topology.pods.filter((p) => drawn.has(p.id)),
    },
    folded,
    morePods,
  };
}

/** What a cut draws, as text: two cuts with the same key draw the same. */
const cutKey = (cut: SceneCut): string =>
  [
    cut.topology.nodes.map((n) => n.id).join(','),
    cut.topology.pods.map((p) => p.id).join(','),
    cut.folded?.label ?? '',
    [...cut.morePods].map(([node, k]) => `${node}=${k}`).join(','),
  ].join('|');

/**
 * foldForScene that gives back the very cut it gave last while the cluster is
 * the same object and the cut draws the same nodes and pods: a policy flip or
 * a new seed re-routes the packet without the scene laying out every box again.
 * One per stage (`useState(steadyFold)`).
 */
export function steadyFold(): (topology: Topology, options: FoldOptions) => SceneCut {
  let last: { readonly source: Topology; readonly key: string; readonly cut: SceneCut } | null =
    null;
  return (topology, options) => {
    const cut = foldForScene(topology, options);
    const key = cutKey(cut);
    if (last && last.source === topology && last.key === key) return last.cut;
    last = { source: topology, key, cut };
    return cut;
  };
}
