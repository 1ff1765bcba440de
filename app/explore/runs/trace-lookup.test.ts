import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  offeredModes,
  SERVICE_A,
  talkCluster,
  trace,
  type ClientIpFate,
  type ExternalTrafficPolicy,
  type Topology,
} from '../../model';
import { sampleCluster } from '../sample-cluster';
import { planRun } from './plan';
import { DIRECT, OTHER_NODE, SAME_NODE } from './trace-lookup';

/**
 * Traces every (entry node, front pod, backend pod) a request could take and
 * returns the client-IP fates seen for each kind of pair. A run traces one pair
 * per kind, which is only right if every pair of a kind agrees.
 */
function fatesByKind(
  topology: Topology,
  mode: ReturnType<typeof offeredModes>[number],
  policy: ExternalTrafficPolicy,
  proxyProtocol: boolean,
): Map<number, Set<ClientIpFate>> {
  const p = planRun({ topology, service: SERVICE_A, mode, policy });
  if (typeof p === 'string') throw new Error(p);
  const seen = new Map<number, Set<ClientIpFate>>();
  const nodes = p.chooser === 'pods' ? [-1] : p.nodeIds.map((_, i) => i);
  for (const node of nodes)
    p.front.forEach((front, f) => {
      // Only pairs a request can take: under Local, kube-proxy keeps to the entry node.
      if (node >= 0 && p.policy === 'Local' && p.frontNode[f] !== node) return;
      for (const backend of p.viaIngress ? p.backend : [front]) {
        const t = trace({
          topology,
          service: SERVICE_A,
          mode,
          policy,
          proxyProtocol,
          entryNode: node >= 0 ? p.nodeIds[node] : undefined,
          pod: backend.id,
          ingressPod: p.viaIngress ? front.id : undefined,
        });
        if (!t.ok) throw new Error(t.error);
        expect(t.value.outcome.kind).toBe('delivered');
        const kind = node < 0 ? DIRECT : p.frontNode[f] === node ? SAME_NODE : OTHER_NODE;
        const set = seen.get(kind) ?? new Set();
        set.add(t.value.clientIp);
        seen.set(kind, set);
      }
    });
  return seen;
}

const everyPairAgrees = (topology: Topology) => {
  for (const mode of offeredModes(topology, SERVICE_A))
    for (const policy of ['Cluster', 'Local'] as const)
      for (const proxyProtocol of [false, true])
        for (const [kind, fates] of fatesByKind(topology, mode, policy, proxyProtocol))
          expect([...fates], `${mode} ${policy} kind ${kind}`).toHaveLength(1);
};

describe('one trace per kind of pair tells every pair of that kind', () => {
  it("the talk's clusters", () => {
    for (const variant of ['default', 'pod-a-gone', 'imbalance', 'shared-ingress'] as const)
      everyPairAgrees(talkCluster(variant));
  });

  it('random clusters', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 10_000 }), (n, seed) =>
        everyPairAgrees(sampleCluster(n, seed)),
      ),
      { numRuns: 15 },
    );
  });
});
