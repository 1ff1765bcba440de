import { trace, type ClientIpFate, type Scenario, type Trace } from '../../model';
import { scenarioOptions } from '../doc';
import type { RunPlan } from './plan';
import type { FateCounts, LostReason, RunQuery } from './types';

/** The most reasons a run names one by one; the rest are summed into one line. */
export const REASONS_NAMED = 4;

/**
 * Kinds of (entry node, pod) pair a delivered request can take. How the pod sees
 * the client is the same for every pair of a kind: SNAT, a proxy, X-Forwarded-For
 * and PROXY lines depend on the mode and the policy, not on which node or pod it
 * is. The only thing a pair can change is whether the pod (or the ingress proxy)
 * runs on the entry node, so a run traces one pair of each kind it meets instead
 * of one per request (the test beside this file traces every pair to check it).
 */
export const PAIR_KINDS = 3;
/** No node chose: the client or load balancer addressed the pod directly. */
export const DIRECT = 0;
/** The front pod runs on the entry node. */
export const SAME_NODE = 1;
/** The front pod runs on another node. */
export const OTHER_NODE = 2;

/** One request, pinned, as `trace` takes it. */
export function scenario(q: RunQuery, p: RunPlan, seed: number): Scenario {
  return {
    topology: q.topology,
    service: q.service,
    mode: q.mode,
    policy: p.policy,
    seed,
    proxyProtocol: q.proxyProtocol ?? false,
    ...scenarioOptions(q.options),
  };
}

/** Why the mode cannot carry a request to this Service at all (trace's words), or null. */
export function refusal(q: RunQuery, p: RunPlan, seed: number): string | null {
  const first = trace(scenario(q, p, seed));
  return first.ok ? null : first.error;
}

/** A pair the run met: node index (−1 for none), front pod and backend pod indices. */
export interface Pair {
  node: number;
  front: number;
  backend: number;
}

/** The client-IP fate of one pair, from its trace. */
function fateOf(q: RunQuery, p: RunPlan, pair: Pair, seed: number): ClientIpFate {
  const frontPod = p.front[pair.front];
  const backendPod = p.backend[pair.backend];
  const got = trace({
    ...scenario(q, p, seed),
    entryNode: pair.node >= 0 ? p.nodeIds[pair.node] : undefined,
    pod: backendPod?.id,
    ingressPod: p.viaIngress ? frontPod?.id : undefined,
  });
  return got.ok ? got.value.clientIp : 'lost';
}

/** Delivered requests by client-IP fate: one trace per kind of pair met. */
export function tallyFates(
  q: RunQuery,
  p: RunPlan,
  counts: Uint32Array,
  pairs: readonly (Pair | null)[],
  seed: number,
): FateCounts {
  const fates: Record<ClientIpFate, number> = { l3: 0, xff: 0, 'proxy-protocol': 0, lost: 0 };
  for (let kind = 0; kind < PAIR_KINDS; kind++) {
    const pair = pairs[kind];
    const count = counts[kind] ?? 0;
    if (pair && count > 0) fates[fateOf(q, p, pair, seed)] += count;
  }
  return fates;
}

const stopped = (t: Trace): Omit<LostReason, 'count'> =>
  t.outcome.kind === 'delivered'
    ? { kind: 'dropped', reason: 'The request reached no pod' }
    : { kind: t.outcome.kind, reason: t.outcome.reason };

/**
 * Why requests were lost, in the trace's words: every request when nothing can
 * serve (`everyone`), or per entry node with no local pod under Local. The
 * largest few nodes are traced and named; the rest share one line.
 */
export function lostReasons(
  q: RunQuery,
  p: RunPlan,
  everyone: number,
  lostAt: Uint32Array,
  seed: number,
): LostReason[] {
  const reasons: LostReason[] = [];
  if (everyone > 0) {
    const t = trace(scenario(q, p, seed));
    if (t.ok) reasons.push({ ...stopped(t.value), count: everyone });
    else reasons.push({ kind: 'rejected', reason: t.error, count: everyone });
  }
  const nodes: number[] = [];
  for (let i = 0; i < lostAt.length; i++) if ((lostAt[i] ?? 0) > 0) nodes.push(i);
  nodes.sort((a, b) => (lostAt[b] ?? 0) - (lostAt[a] ?? 0) || a - b);
  const named = nodes.length > REASONS_NAMED ? REASONS_NAMED - 1 : nodes.length;
  for (const at of nodes.slice(0, named)) {
    const t = trace({ ...scenario(q, p, seed), entryNode: p.nodeIds[at] });
    const why = t.ok ? stopped(t.value) : { kind: 'dropped' as const, reason: t.error };
    reasons.push({ ...why, count: lostAt[at] ?? 0 });
  }
  const rest = nodes.slice(named);
  if (rest.length > 0) {
    let count = 0;
    for (const at of rest) count += lostAt[at] ?? 0;
    // The same kube-proxy rule stops them all (Local, no ready local pod), so they
    // share the kind of the nodes traced above.
    reasons.push({
      kind: reasons[reasons.length - 1]?.kind ?? 'dropped',
      reason: `${rest.length} more nodes have no ready local pod, so they drop it the same way`,
      count,
    });
  }
  return reasons;
}
