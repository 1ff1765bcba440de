import {
  exactShares,
  ok,
  trace,
  type ClientIpFate,
  type Result,
  type ShareQuery,
  type Shares,
} from '../../model';
import { sinceSampleShares } from '../../model/since-shares';
import { shortNodeNames, shortPodName } from '../short-names';
import type { RunPlan } from './plan';
import { scenario } from './trace-lookup';
import type { LostReason, RunQuery, RunResult, Tally } from './types';

/** The most pods whose client-IP fate a run traces one by one (the rest take the first's). */
const FATES_TRACED = 64;

/**
 * Requests with a since-2020 switch on (a client inside the cluster, the cluster
 * IP, internalTrafficPolicy, trafficDistribution, ipMode, a terminating pod still
 * serving): the model's own since-2020 sampler, which makes the trace's choice
 * (kubeProxyChoice) at every node the requests reach, seeded as every run is.
 * The requests are drawn when the run finishes; `step` only counts them, so the
 * progress a large run reports is honest about how much is left to draw.
 */
export function createSinceRun(
  q: RunQuery,
  p: RunPlan,
  sq: ShareQuery,
  n: number,
  seed: number,
): Result<{
  readonly total: number;
  readonly done: number;
  step(max: number): number;
  finish(): RunResult;
}> {
  const tried = sinceSampleShares(sq, 0, seed);
  if (!tried.ok) return tried;
  let done = 0;
  return ok({
    total: n,
    get done() {
      return done;
    },
    step(max: number) {
      done = Math.min(n, done + Math.max(1, Math.floor(max)));
      return done;
    },
    finish(): RunResult {
      const sample = sinceSampleShares(sq, done, seed);
      const exact = exactShares(sq);
      const expected: Shares = exact.ok
        ? exact.value
        : { pods: new Map(), nodes: new Map(), lost: 1 };
      const got = sample.ok ? sample.value : { pods: new Map(), nodes: new Map(), lost: done };
      const pods = podTallies(q, p, got.pods, expected);
      const nodes = nodeTallies(q, got.nodes, expected);
      const reasons = lostReasons(q, p, seed, got.lost, expected);
      let dropped = 0;
      for (const r of reasons) if (r.kind === 'dropped') dropped += r.count;
      return {
        n: done,
        seed,
        mode: q.mode,
        policy: p.policy,
        policyApplies: p.policyApplies,
        pods,
        nodes,
        lost: {
          count: got.lost,
          dropped,
          rejected: got.lost - dropped,
          reasons,
          expected: expected.lost,
        },
        clientIp: fates(q, p, seed, pods),
      };
    },
  });
}

/** Every backend pod, and any other that was chosen or could be, in the cluster's order. */
function podTallies(
  q: RunQuery,
  p: RunPlan,
  counts: ReadonlyMap<string, number>,
  expected: Shares,
): Tally[] {
  const out: Tally[] = [];
  const backend = new Set(p.backend.map((pod) => pod.id));
  for (const pod of q.topology.pods) {
    if (!backend.has(pod.id) && !counts.has(pod.id) && !expected.pods.has(pod.id)) continue;
    out.push({
      id: pod.id,
      label: shortPodName(pod.name),
      node: pod.node,
      count: counts.get(pod.id) ?? 0,
      expected: expected.pods.get(pod.id) ?? 0,
    });
  }
  return labelled(out);
}

/** The nodes where kube-proxy chose: the client's own, or those the client or LB sent to. */
function nodeTallies(q: RunQuery, counts: ReadonlyMap<string, number>, expected: Shares): Tally[] {
  const nodes = q.topology.nodes.filter((n) => counts.has(n.id) || expected.nodes.has(n.id));
  if (nodes.length === 0) return [];
  const short = shortNodeNames(nodes.map((n) => n.name));
  return labelled(
    nodes.map((n, i) => ({
      id: n.id,
      label: short[i] ?? n.name,
      count: counts.get(n.id) ?? 0,
      expected: expected.nodes.get(n.id) ?? 0,
    })),
  );
}

/** Where two bars share a name (slide 39's "pod"s), the id tells them apart. */
function labelled(list: Tally[]): Tally[] {
  const seen = new Map<string, number>();
  for (const t of list) seen.set(t.label, (seen.get(t.label) ?? 0) + 1);
  return list.map((t) =>
    (seen.get(t.label) ?? 0) > 1 ? { ...t, label: `${t.label} (${t.id})` } : t,
  );
}

/** Why requests were lost, in the trace's words: at the first node that loses them. */
function lostReasons(
  q: RunQuery,
  p: RunPlan,
  seed: number,
  lost: number,
  expected: Shares,
): LostReason[] {
  if (lost === 0) return [];
  const asked = scenario(q, p, seed);
  const first = trace(asked);
  if (!first.ok) return [{ kind: 'rejected', reason: first.error, count: lost }];
  const tries = [first.value];
  for (const node of expected.nodes.keys()) {
    const t = trace({ ...asked, entryNode: node });
    if (t.ok) tries.push(t.value);
  }
  const stopped = tries.find((t) => t.outcome.kind !== 'delivered');
  if (!stopped || stopped.outcome.kind === 'delivered')
    return [{ kind: 'dropped', reason: 'The request reached no pod', count: lost }];
  return [{ kind: stopped.outcome.kind, reason: stopped.outcome.reason, count: lost }];
}

/** Delivered requests by client-IP fate: one trace per pod chosen (the pod pinned). */
function fates(
  q: RunQuery,
  p: RunPlan,
  seed: number,
  pods: readonly Tally[],
): Record<ClientIpFate, number> {
  const out: Record<ClientIpFate, number> = { l3: 0, xff: 0, 'proxy-protocol': 0, lost: 0 };
  let fallback: ClientIpFate | null = null;
  let traced = 0;
  for (const pod of pods) {
    if (pod.count === 0) continue;
    let fate: ClientIpFate | null = fallback;
    if (traced < FATES_TRACED || fate === null) {
      const t = trace({ ...scenario(q, p, seed), pod: pod.id });
      fate = t.ok ? t.value.clientIp : 'lost';
      fallback ??= fate;
      traced++;
    }
    out[fate ?? 'lost'] += pod.count;
  }
  return out;
}
