import { endpointLabel } from '../model/format';
import { exactShares, type ShareQuery } from '../model/shares';
import { talkCluster } from '../model/talk';
import type { Topology } from '../model/topology';
import { trace } from '../model/trace';
import type { Hop, Scenario, Trace } from '../model/trace-types';

// Helpers for the since-2020 worked examples (model/since-golden*.test.ts).

/** Traces on the 'in-cluster' topology unless the scenario names another. */
export const run = (s: Omit<Scenario, 'topology'> & { topology?: Topology }): Trace => {
  const r = trace({ topology: talkCluster('in-cluster'), ...s });
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

/** One hop as a row: from, to, via, what the sender did, Src, Dst. */
export const row = (h: Hop) => [
  h.from,
  h.to,
  h.via ?? '-',
  h.rewrites.map((r) => r.type).join('+'),
  endpointLabel(h.packet.src, 'ip'),
  endpointLabel(h.packet.dst, 'ip'),
];

/** Exact shares as plain objects. */
export const shares = (q: ShareQuery) => {
  const r = exactShares(q);
  if (!r.ok) throw new Error(r.error);
  return { pods: Object.fromEntries(r.value.pods), lost: r.value.lost };
};

/** A talk topology without one pod. */
export const without = (variant: Parameters<typeof talkCluster>[0], pod: string): Topology => {
  const t = talkCluster(variant);
  return { ...t, pods: t.pods.filter((p) => p.id !== pod) };
};

export const podB = { kind: 'pod', pod: 'pod-b' } as const;
export const node1 = { kind: 'node', node: 'node1' } as const;
