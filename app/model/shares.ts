import { findMode, type Mode, type ModeId } from './modes';
import { seededRandom } from './random';
import { ShareTable } from './share-table';
import { asksSince, sinceExactShares, sinceSampleShares } from './since-shares';
import { err, ok, type Result } from './result';
import {
  endpointsOf,
  findService,
  ingressFor,
  type ExternalTrafficPolicy,
  type InternalTrafficPolicy,
  type IpMode,
  type NodeId,
  type Pod,
  type PodId,
  type Service,
  type Topology,
  type TrafficDistribution,
} from './topology';
import type { ClientPlace } from './trace-types';

/**
 * How a load balancer weights the nodes it sends to under Local. "equal" is what
 * the talk shows (slide 39: 50% / 50%); "by-pods" is the later fix, where the
 * health check reports each node's local endpoint count and the LB weights by it.
 */
export type NodeWeighting = 'equal' | 'by-pods';

export interface ShareQuery {
  readonly topology: Topology;
  readonly service: string;
  readonly mode: ModeId;
  readonly policy?: ExternalTrafficPolicy;
  readonly weighting?: NodeWeighting;

  // Since 2020 (since-shares.ts), as in Scenario. Absent, the shares are the talk's.

  /** Who sends the requests: the outside client (the default), a pod, or a node's process. */
  readonly client?: ClientPlace;
  /** An in-cluster client dials the Service's cluster IP. */
  readonly target?: 'cluster-ip';
  /** Overrides the Service's internalTrafficPolicy. */
  readonly internalPolicy?: InternalTrafficPolicy;
  /** Overrides the Service's trafficDistribution; null turns it off. */
  readonly trafficDistribution?: TrafficDistribution | null;
  /** Overrides the Service's load balancer ipMode. */
  readonly ipMode?: IpMode;
}

export interface Shares {
  /** Fraction of requests each backend pod serves. */
  readonly pods: ReadonlyMap<PodId, number>;
  /** Fraction of requests that enter the cluster at each node (kube-proxy modes only). */
  readonly nodes: ReadonlyMap<NodeId, number>;
  /** Fraction of requests dropped (a client picked a node with no local pod) or refused. */
  readonly lost: number;
}

interface Plan {
  /** The tier the client or LB spreads over (the Service, or the ingress proxies). */
  front: Service;
  /** Endpoints of the front tier, grouped by node. */
  byNode: Map<NodeId, Pod[]>;
  frontCount: number;
  /** Backend endpoints (differs from the front tier only for in-cluster ingress). */
  backend: Pod[];
  /** In-cluster ingress proxies sit between the front tier and the backend. */
  viaIngress: boolean;
  /** Who chooses the node: nobody (pods are addressed directly), the client, or an LB. */
  chooser: 'pods' | 'client' | 'lb';
  policy: ExternalTrafficPolicy;
  nodeIds: NodeId[];
}

function plan(q: ShareQuery): Result<Plan> {
  const mode: Mode | undefined = findMode(q.mode);
  if (!mode) return err(`"${String(q.mode).slice(0, 20)}" is not a mode`);
  const backendSvc = findService(q.topology, q.service);
  if (!backendSvc) return err(`There is no Service "${String(q.service).slice(0, 40)}"`);
  let front = backendSvc;
  if (mode.ingress !== 'none') {
    const ing = ingressFor(q.topology, backendSvc.id);
    const proxySvc = ing?.proxyService ? findService(q.topology, ing.proxyService) : undefined;
    if (!proxySvc)
      return err(`Mode ${mode.id} needs an in-cluster ingress proxy for ${backendSvc.name}`);
    front = proxySvc;
  }
  const frontPods = endpointsOf(q.topology, front);
  const byNode = new Map<NodeId, Pod[]>();
  for (const pod of frontPods) {
    const list = byNode.get(pod.node);
    if (list) list.push(pod);
    else byNode.set(pod.node, [pod]);
  }
  const kubeProxy = mode.front === 'node' || mode.frontTo === 'node';
  return ok({
    front,
    byNode,
    frontCount: frontPods.length,
    backend: front === backendSvc ? frontPods : endpointsOf(q.topology, backendSvc),
    viaIngress: front !== backendSvc,
    chooser: !kubeProxy ? 'pods' : mode.front === 'node' ? 'client' : 'lb',
    policy: mode.policies.length > 0 ? (q.policy ?? front.externalTrafficPolicy) : 'Cluster',
    nodeIds: q.topology.nodes.map((n) => n.id),
  });
}

/** The share of traffic each node receives from the client or the load balancer. */
function nodeWeights(p: Plan, weighting: NodeWeighting): Map<NodeId, number> {
  const weights = new Map<NodeId, number>();
  if (p.chooser === 'lb' && p.policy === 'Local') {
    // Only nodes that pass the healthCheckNodePort check get traffic.
    const healthy = [...p.byNode.keys()];
    for (const id of healthy)
      weights.set(
        id,
        weighting === 'by-pods'
          ? (p.byNode.get(id) as Pod[]).length / p.frontCount
          : 1 / healthy.length,
      );
    return weights;
  }
  // A client picking nodes itself, or an LB under Cluster: every node alike.
  for (const id of p.nodeIds) weights.set(id, 1 / p.nodeIds.length);
  return weights;
}

/** Exact per-pod and per-node shares of traffic (rule 10 of docs/traffic-model.md). */
export function exactShares(q: ShareQuery): Result<Shares> {
  if (asksSince(q)) return sinceExactShares(q);
  const planned = plan(q);
  if (!planned.ok) return planned;
  const p = planned.value;
  const empty = new ShareTable<PodId>([], []);
  if (p.frontCount === 0 || p.backend.length === 0)
    return ok({ pods: empty, nodes: new ShareTable<NodeId>([], []), lost: 1 });

  const local = p.chooser !== 'pods' && p.policy === 'Local';
  const weights =
    p.chooser === 'pods' ? new Map<NodeId, number>() : nodeWeights(p, q.weighting ?? 'equal');
  const ids: PodId[] = [];
  const values: number[] = [];
  let lost = 0;
  if (p.viaIngress) {
    // The ingress proxies spread what reaches them evenly over the backend pods.
    if (local) for (const [nodeId, weight] of weights) if (!p.byNode.has(nodeId)) lost += weight;
    for (const pod of p.backend) {
      ids.push(pod.id);
      values.push((1 - lost) / p.backend.length);
    }
  } else if (!local) {
    for (const list of p.byNode.values())
      for (const pod of list) {
        ids.push(pod.id);
        values.push(1 / p.frontCount);
      }
  } else {
    for (const [nodeId, weight] of weights) {
      const here = p.byNode.get(nodeId);
      if (!here) lost += weight;
      else
        for (const pod of here) {
          ids.push(pod.id);
          values.push(weight / here.length);
        }
    }
  }
  return ok({
    pods: new ShareTable(ids, values),
    nodes: new ShareTable([...weights.keys()], [...weights.values()]),
    lost,
  });
}

export interface Sample {
  readonly requests: number;
  readonly pods: ReadonlyMap<PodId, number>;
  readonly nodes: ReadonlyMap<NodeId, number>;
  readonly lost: number;
}

/**
 * Sends `requests` requests one by one with a seeded random source, choosing a
 * node the way the client or load balancer would and a pod the way kube-proxy
 * would. The counts converge to `exactShares`.
 */
export function sampleShares(q: ShareQuery, requests: number, seed = 1): Result<Sample> {
  if (asksSince(q)) return sinceSampleShares(q, requests, seed);
  const planned = plan(q);
  if (!planned.ok) return planned;
  const p = planned.value;
  const random = seededRandom(seed);
  const pods = new Map<PodId, number>();
  const nodes = new Map<NodeId, number>();
  let lost = 0;
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  const frontAll = [...p.byNode.values()].flat();
  const healthy = [...p.byNode.keys()];
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;

  for (let i = 0; i < requests; i++) {
    if (frontAll.length === 0 || p.backend.length === 0) {
      lost++;
      continue;
    }
    let chosen: Pod | undefined;
    if (p.chooser === 'pods') chosen = pick(frontAll);
    else {
      let nodeId: NodeId;
      if (p.chooser === 'lb' && p.policy === 'Local') {
        if (q.weighting === 'by-pods') nodeId = pick(frontAll).node;
        else nodeId = pick(healthy);
      } else nodeId = pick(p.nodeIds);
      bump(nodes, nodeId);
      const candidates = p.policy === 'Local' ? p.byNode.get(nodeId) : frontAll;
      if (!candidates || candidates.length === 0) {
        lost++;
        continue;
      }
      chosen = pick(candidates);
    }
    bump(pods, p.viaIngress ? pick(p.backend).id : chosen.id);
  }
  return ok({ requests, pods, nodes, lost });
}
