import {
  endpointsOf,
  findMode,
  findService,
  ingressFor,
  policyApplies,
  type ExternalTrafficPolicy,
  type Pod,
} from '../../model';
import type { RunQuery } from './types';

/**
 * Who chooses the node a request enters by: nobody (the client or load balancer
 * addresses pods directly), the client itself (NodePort), or a load balancer.
 */
export type Chooser = 'pods' | 'client' | 'lb';

/**
 * The cluster as flat arrays of indices, so a run of a million requests allocates
 * nothing per request. It is the same plan `sampleShares` makes (the front tier
 * grouped by node, in the order the nodes first appear among its endpoints), so
 * the same seed draws the same random numbers for the same choices.
 */
export interface RunPlan {
  readonly chooser: Chooser;
  readonly policy: ExternalTrafficPolicy;
  readonly policyApplies: boolean;
  readonly viaIngress: boolean;
  readonly byPods: boolean;
  /** Node ids: the topology's nodes, then any node a pod names that the topology lacks. */
  readonly nodeIds: readonly string[];
  /** How many of `nodeIds` the topology has (the client picks among these). */
  readonly topologyNodes: number;
  /** The front tier (the Service's pods, or the ingress proxies), grouped by node. */
  readonly front: readonly Pod[];
  /** Node index of each front pod. */
  readonly frontNode: Int32Array;
  /** For each node index: where its front pods start in `front`, and how many. */
  readonly localStart: Int32Array;
  readonly localCount: Int32Array;
  /** Node indices with at least one front pod, in the order they first appear. */
  readonly healthy: Int32Array;
  /** The backend pods (differs from the front tier only through in-cluster ingress). */
  readonly backend: readonly Pod[];
}

/** The plan for a query, or why there is none (an unknown mode or Service, no ingress proxy). */
export function planRun(q: RunQuery): RunPlan | string {
  const mode = findMode(q.mode);
  if (!mode) return `"${String(q.mode).slice(0, 20)}" is not a mode`;
  const backendSvc = findService(q.topology, q.service);
  if (!backendSvc) return `There is no Service "${String(q.service).slice(0, 40)}"`;
  let frontSvc = backendSvc;
  if (mode.ingress !== 'none') {
    const ing = ingressFor(q.topology, backendSvc.id);
    const proxy = ing?.proxyService ? findService(q.topology, ing.proxyService) : undefined;
    if (!proxy) return `Mode ${mode.id} needs an in-cluster ingress proxy for ${backendSvc.name}`;
    frontSvc = proxy;
  }
  const nodeIds = q.topology.nodes.map((n) => n.id);
  const topologyNodes = nodeIds.length;
  const nodeIndex = new Map<string, number>();
  nodeIds.forEach((id, i) => nodeIndex.set(id, i));

  const groups = new Map<number, Pod[]>();
  for (const pod of endpointsOf(q.topology, frontSvc)) {
    let at = nodeIndex.get(pod.node);
    if (at === undefined) {
      at = nodeIds.length;
      nodeIds.push(pod.node);
      nodeIndex.set(pod.node, at);
    }
    const list = groups.get(at);
    if (list) list.push(pod);
    else groups.set(at, [pod]);
  }
  const front: Pod[] = [];
  const frontNode = new Int32Array(groups.size === 0 ? 0 : [...groups.values()].flat().length);
  const localStart = new Int32Array(nodeIds.length);
  const localCount = new Int32Array(nodeIds.length);
  for (const [at, list] of groups) {
    localStart[at] = front.length;
    localCount[at] = list.length;
    for (const pod of list) frontNode[front.push(pod) - 1] = at;
  }
  const kubeProxy = mode.front === 'node' || mode.frontTo === 'node';
  const viaIngress = frontSvc !== backendSvc;
  const applies = policyApplies(mode);
  return {
    chooser: !kubeProxy ? 'pods' : mode.front === 'node' ? 'client' : 'lb',
    policy: applies ? (q.policy ?? frontSvc.externalTrafficPolicy) : 'Cluster',
    policyApplies: applies,
    viaIngress,
    byPods: (q.weighting ?? q.options?.weighting) === 'by-pods',
    nodeIds,
    topologyNodes,
    front,
    frontNode,
    localStart,
    localCount,
    healthy: Int32Array.from(groups.keys()),
    backend: viaIngress ? endpointsOf(q.topology, backendSvc) : front,
  };
}
