import { shortNodeNames, shortPodName } from '../short-names';
import { exactShares, type ShareQuery, type Shares } from '../../model';
import { shareOptions } from '../doc';
import type { RunPlan } from './plan';
import type { RunQuery, Tally } from './types';

/** The question exactShares answers for a run: the policy in force and the request's switches. */
export function shareQueryOf(q: RunQuery, p: Pick<RunPlan, 'policy'>): ShareQuery {
  const weighting = q.weighting ?? q.options?.weighting;
  return {
    topology: q.topology,
    service: q.service,
    mode: q.mode,
    policy: p.policy,
    ...shareOptions(q.options),
    ...(weighting !== undefined ? { weighting } : {}),
  };
}

/** The exact shares a run converges to (rule 10 of docs/traffic-model.md). */
export function expectedShares(q: RunQuery, p: RunPlan): Shares {
  const exact = exactShares(shareQueryOf(q, p));
  return exact.ok ? exact.value : { pods: new Map(), nodes: new Map(), lost: 1 };
}

/** Names as people know them; where two share a name (slide 39's "pod"s) the id tells them apart. */
function labeller(items: readonly { id: string; name: string }[]): (i: number) => string {
  const seen = new Map<string, number>();
  for (const item of items) seen.set(item.name, (seen.get(item.name) ?? 0) + 1);
  return (i) => {
    const item = items[i];
    if (!item) return '';
    return (seen.get(item.name) ?? 0) > 1 ? `${item.name} (${item.id})` : item.name;
  };
}

/** The counts as bars: every backend pod, and every node a request could enter by. */
export function tallies(
  q: RunQuery,
  p: RunPlan,
  podCounts: Uint32Array,
  nodeCounts: Uint32Array,
  expected: Shares,
): { pods: Tally[]; nodes: Tally[] } {
  // The bars say the names the stage draws: storefront-2xkqp, …-7k2m (what tells them apart).
  const podLabel = labeller(p.backend.map((pod) => ({ id: pod.id, name: shortPodName(pod.name) })));
  const pods = p.backend.map((pod, i) => ({
    id: pod.id,
    label: podLabel(i),
    node: pod.node,
    count: podCounts[i] ?? 0,
    expected: expected.pods.get(pod.id) ?? 0,
  }));
  if (p.chooser === 'pods') return { pods, nodes: [] };
  const byId = new Map(q.topology.nodes.map((n) => [n.id, n]));
  const full = p.nodeIds.map((id) => byId.get(id) ?? { id, name: id });
  const short = shortNodeNames(full.map((n) => n.name));
  const nodeLabel = labeller(full.map((n, i) => ({ id: n.id, name: short[i] ?? n.name })));
  const nodes: Tally[] = [];
  p.nodeIds.forEach((id, i) => {
    const count = nodeCounts[i] ?? 0;
    // A node the topology lacks (a pod names it) shows only if a request went there.
    if (i >= p.topologyNodes && count === 0) return;
    nodes.push({ id, label: nodeLabel(i), count, expected: expected.nodes.get(id) ?? 0 });
  });
  return { pods, nodes };
}
