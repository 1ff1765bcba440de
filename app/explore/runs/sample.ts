import { err, ok, type Result } from '../../model';
import { seededRandom } from '../../model/random';
import { planRun, type RunPlan } from './plan';
import { expectedShares, shareQueryOf, tallies } from './tally';
import { asksSince } from '../../model/since-shares';
import { createSinceRun } from './since-run';
import {
  DIRECT,
  lostReasons,
  OTHER_NODE,
  PAIR_KINDS,
  refusal,
  SAME_NODE,
  tallyFates,
  type Pair,
} from './trace-lookup';
import { validateRequests } from './validate';
import type { RunProgress, RunQuery, RunResult } from './types';

/** Requests between two progress reports. */
export const CHUNK = 50_000;

/** A run in progress: send some more requests, then read the result once all are sent. */
export interface Run {
  readonly total: number;
  /** Requests sent so far. */
  readonly done: number;
  /** Sends up to `max` more requests; returns how many have been sent in all. */
  step(max: number): number;
  /** The counts, the trace's words and the exact shares; call once `done === total`. */
  finish(): RunResult;
}

/**
 * Prepares a run of `n` requests with a seeded random source. Each request picks
 * a node the way the client or the load balancer would (any node; under Local a
 * load balancer only the nodes that pass the health check) and a pod the way
 * kube-proxy would (any ready endpoint; under Local only those on the entry
 * node, none → dropped). The random draws are sampleShares' own, in its order,
 * so the same seed gives the same counts.
 */
export function createRun(q: RunQuery, n: number, seed: number): Result<Run> {
  const bad = validateRequests(n);
  if (bad) return err(bad);
  const planned = planRun(q);
  if (typeof planned === 'string') return err(planned);
  const p: RunPlan = planned;
  const refused = refusal(q, p, seed);
  if (refused) return err(refused);
  const sq = shareQueryOf(q, p);
  if (asksSince(sq)) return createSinceRun(q, p, sq, n, seed);

  const random = seededRandom(seed);
  const podCounts = new Uint32Array(p.backend.length);
  const nodeCounts = new Uint32Array(p.nodeIds.length);
  const lostAt = new Uint32Array(p.nodeIds.length);
  const kindCounts = new Uint32Array(PAIR_KINDS);
  const pairs: (Pair | null)[] = [null, null, null];
  const nothing = p.front.length === 0 || p.backend.length === 0;
  const local = p.policy === 'Local';
  const healthyOnly = p.chooser === 'lb' && local;
  let everyone = 0;
  let done = 0;

  const step = (max: number): number => {
    const end = Math.min(n, done + Math.max(1, Math.floor(max)));
    const F = p.front.length;
    const B = p.backend.length;
    for (; done < end; done++) {
      if (nothing) {
        everyone++;
        continue;
      }
      let node = -1;
      let f: number;
      if (p.chooser === 'pods') f = Math.floor(random() * F);
      else {
        if (healthyOnly)
          node = p.byPods
            ? (p.frontNode[Math.floor(random() * F)] as number)
            : (p.healthy[Math.floor(random() * p.healthy.length)] as number);
        else node = Math.floor(random() * p.topologyNodes);
        nodeCounts[node]!++;
        if (local) {
          const here = p.localCount[node] as number;
          if (here === 0) {
            lostAt[node]!++;
            continue;
          }
          f = (p.localStart[node] as number) + Math.floor(random() * here);
        } else f = Math.floor(random() * F);
      }
      const b = p.viaIngress ? Math.floor(random() * B) : f;
      podCounts[b]!++;
      const kind = node < 0 ? DIRECT : p.frontNode[f] === node ? SAME_NODE : OTHER_NODE;
      kindCounts[kind]!++;
      if (!pairs[kind]) pairs[kind] = { node, front: f, backend: b };
    }
    return done;
  };

  return ok({
    total: n,
    get done() {
      return done;
    },
    step,
    finish(): RunResult {
      const expected = expectedShares(q, p);
      let lost = everyone;
      for (const c of lostAt) lost += c;
      const reasons = lostReasons(q, p, everyone, lostAt, seed);
      let dropped = 0;
      for (const r of reasons) if (r.kind === 'dropped') dropped += r.count;
      const { pods, nodes } = tallies(q, p, podCounts, nodeCounts, expected);
      return {
        n: done,
        seed,
        mode: q.mode,
        policy: p.policy,
        policyApplies: p.policyApplies,
        pods,
        nodes,
        lost: { count: lost, dropped, rejected: lost - dropped, reasons, expected: expected.lost },
        clientIp: tallyFates(q, p, kindCounts, pairs, seed),
      };
    },
  });
}

/**
 * Sends `n` requests at once, reporting progress every CHUNK requests: for the
 * worker, for tests and for small runs on the main thread.
 */
export function runRequests(
  q: RunQuery,
  n: number,
  seed: number,
  onProgress?: (progress: RunProgress) => void,
): Result<RunResult> {
  const made = createRun(q, n, seed);
  if (!made.ok) return made;
  const run = made.value;
  while (run.done < run.total) {
    run.step(CHUNK);
    onProgress?.({ done: run.done, total: run.total });
  }
  return ok(run.finish());
}
