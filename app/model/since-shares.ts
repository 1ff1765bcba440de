import {
  distributionOf,
  hasAnyEndpoint,
  kubeProxyChoice,
  type Destination,
  type SourceKind,
} from './endpoint-pick';
import { clusterIpRefusal, goesOut, insideClient } from './in-cluster';
import { findMode } from './modes';
import { seededRandom } from './random';
import { err, ok, type Result } from './result';
import { ShareTable } from './share-table';
import type { Sample, ShareQuery, Shares } from './shares';
import {
  endpointsOf,
  findService,
  ingressFor,
  type ClusterNode,
  type NodeId,
  type Pod,
  type PodId,
  type Service,
} from './topology';

// Load shares for the since-2020 options: a client inside the cluster, the
// cluster IP, internalTrafficPolicy, trafficDistribution and ipMode. The same
// choice as the trace makes (kubeProxyChoice), spread over where kube-proxy
// acts: the client's own node when it captures the packet there, else every
// node the client or load balancer sends to.

/**
 * Whether the query needs this module: a since-2020 option, a Service with
 * trafficDistribution, or a pod that is terminating but still serving
 * (KEP-1669's fallback). Otherwise shares.ts
 * answers as it always has.
 */
export const asksSince = (q: ShareQuery): boolean =>
  q.client !== undefined ||
  q.target !== undefined ||
  q.internalPolicy !== undefined ||
  q.trafficDistribution !== undefined ||
  q.ipMode !== undefined ||
  q.topology.services.some((svc) => svc.trafficDistribution !== undefined) ||
  q.topology.pods.some((p) => p.serving === true && p.terminating === true && !p.ready);

interface Entry {
  readonly node: ClusterNode;
  readonly weight: number;
}

/** How requests spread: over nodes where kube-proxy chooses, or straight over pods. */
interface Spread {
  /** Where kube-proxy acts, and the share of requests that reach it. */
  readonly entries: readonly Entry[];
  /** The pods kube-proxy on a node may choose (empty: the request is lost there). */
  readonly candidates: (node: ClusterNode) => readonly Pod[];
  /** For modes without kube-proxy (1, and a load balancer that sends to pods): the pods, alike. */
  readonly direct: readonly Pod[] | null;
  /** In-cluster ingress: the backend pods the proxies spread over; null without one. */
  readonly backend: readonly Pod[] | null;
  /** False when the Service has no usable endpoint at all: every request is refused. */
  readonly any: boolean;
}

function spread(q: ShareQuery): Result<Spread> {
  const t = q.topology;
  const mode = findMode(q.mode);
  if (!mode) return err(`"${String(q.mode).slice(0, 20)}" is not a mode`);
  const backendSvc = findService(t, q.service);
  if (!backendSvc) return err(`There is no Service "${String(q.service).slice(0, 40)}"`);
  const placed = insideClient(t, q);
  if (!placed.ok) return placed;
  const inside = placed.value;
  const toClusterIp = q.target === 'cluster-ip';
  const refusal = toClusterIp ? clusterIpRefusal(backendSvc, inside) : null;
  if (refusal) return err(refusal);
  let front: Service = backendSvc;
  if (mode.ingress !== 'none' && !toClusterIp) {
    const ing = ingressFor(t, backendSvc.id);
    const proxySvc = ing?.proxyService ? findService(t, ing.proxyService) : undefined;
    if (!proxySvc)
      return err(`Mode ${mode.id} needs an in-cluster ingress proxy for ${backendSvc.name}`);
    front = proxySvc;
  }
  const ready = endpointsOf(t, front);
  const policies = {
    external:
      mode.policies.length > 0 && !toClusterIp
        ? (q.policy ?? front.externalTrafficPolicy)
        : ('Cluster' as const),
    internal: q.internalPolicy ?? front.internalTrafficPolicy ?? 'Cluster',
  };
  const distribution = distributionOf(q, front);
  const choose = (dest: Destination, source: SourceKind) => (node: ClusterNode) =>
    kubeProxyChoice(t, front, ready, node, dest, source, policies, distribution).pick.pods;
  const backend = front === backendSvc ? null : endpointsOf(t, backendSvc);
  const any = hasAnyEndpoint(t, front, ready);
  const base = { backend, any };

  if (inside && (toClusterIp || !goesOut(mode, q, front))) {
    if (mode.front === 'pod' && !toClusterIp)
      return ok({ ...base, entries: [], candidates: () => [], direct: endpointsOf(t, backendSvc) });
    // kube-proxy on the client's own node: a cluster IP, a captured LB address, its own node port.
    const source: SourceKind = inside.pod ? 'pod' : 'host';
    return ok({
      ...base,
      entries: [{ node: inside.node, weight: 1 }],
      candidates: choose(toClusterIp ? 'internal' : 'external', source),
      direct: null,
    });
  }
  if (mode.front === 'pod' || mode.frontTo === 'pod')
    return ok({ ...base, entries: [], candidates: () => [], direct: ready });
  // A client picks any node; a load balancer under Local only the healthy ones (ready local pods).
  let nodes: readonly ClusterNode[] = t.nodes;
  let weight = (_n: ClusterNode) => 1 / nodes.length;
  if (mode.front !== 'node' && policies.external === 'Local') {
    const withPod = new Set(ready.map((p) => p.node));
    // With no node healthy, a load balancer sends to them all (as the trace's pickEntryNode does).
    if (withPod.size > 0) nodes = t.nodes.filter((n) => withPod.has(n.id));
    if (q.weighting === 'by-pods')
      weight = (n) => ready.filter((p) => p.node === n.id).length / ready.length;
  }
  return ok({
    ...base,
    entries: nodes.map((node) => ({ node, weight: weight(node) })),
    candidates: choose('external', 'outside'),
    direct: null,
  });
}

const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);

/** Exact shares with the since-2020 options (see shares.ts for the talk's). */
export function sinceExactShares(q: ShareQuery): Result<Shares> {
  const s = spread(q);
  if (!s.ok) return s;
  const { entries, candidates, direct, backend, any } = s.value;
  const pods = new Map<PodId, number>();
  let lost = 0;
  if (!any) lost = 1;
  else if (direct) {
    if (direct.length === 0) lost = 1;
    for (const p of direct) add(pods, p.id, 1 / direct.length);
  } else
    for (const { node, weight } of entries) {
      const list = candidates(node);
      if (list.length === 0) lost += weight;
      for (const p of list) add(pods, p.id, weight / list.length);
    }
  let out = pods;
  if (backend) {
    // In-cluster ingress proxies spread what reaches them evenly over the backend.
    if (backend.length === 0) lost = 1;
    out = new Map(backend.map((p) => [p.id, (1 - lost) / backend.length]));
  }
  return ok({
    pods: new ShareTable([...out.keys()], [...out.values()]),
    nodes: new ShareTable(
      entries.map((e) => e.node.id),
      entries.map((e) => e.weight),
    ),
    lost,
  });
}

/** Sampled shares with the since-2020 options: requests one by one, seeded. */
export function sinceSampleShares(q: ShareQuery, requests: number, seed: number): Result<Sample> {
  const s = spread(q);
  if (!s.ok) return s;
  const { entries, candidates, direct, backend, any } = s.value;
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const cache = new Map<NodeId, readonly Pod[]>();
  const at = (node: ClusterNode) => {
    let list = cache.get(node.id);
    if (!list) cache.set(node.id, (list = candidates(node)));
    return list;
  };
  const total = entries.reduce((sum, e) => sum + e.weight, 0);
  const pods = new Map<PodId, number>();
  const nodes = new Map<NodeId, number>();
  let lost = 0;
  for (let i = 0; i < requests; i++) {
    const nowhere = direct ? direct.length === 0 : entries.length === 0;
    if (!any || (backend && backend.length === 0) || nowhere) {
      lost++;
      continue;
    }
    let chosen: Pod;
    if (direct) chosen = pick(direct);
    else {
      let r = random() * total;
      const entry = entries.find((e) => (r -= e.weight) < 0) ?? (entries.at(-1) as Entry);
      add(nodes, entry.node.id, 1);
      const list = at(entry.node);
      if (list.length === 0) {
        lost++;
        continue;
      }
      chosen = pick(list);
    }
    add(pods, backend ? pick(backend).id : chosen.id, 1);
  }
  return ok({ requests, pods, nodes, lost });
}
