// The last steps: each pod's readiness, and validate() as the net under the readers.
import { type Pod, type Problem, type Topology } from '../../model';
import { validate } from '../../model/validate';
import { NAMESPACE_LABEL } from './kube';
import type { PodDraft } from './pods';
import type { ItemNotes } from './report';

/** What one EndpointSlice says of a pod. */
export interface Verdict {
  readonly service: string;
  readonly ready: boolean;
  readonly terminating: boolean;
  /** conditions.serving (nil read as ready); absent from tests written before it. */
  readonly serving?: boolean;
}

export function finishPod(
  draft: PodDraft,
  verdicts: readonly Verdict[] | undefined,
  names: ReadonlyMap<string, number>,
): Pod {
  const line = draft.line;
  let ready: boolean;
  let terminating = draft.deleting;
  // A terminating endpoint still serving gets new connections where no ready one is left (KEP-1669).
  let serving = false;
  if (verdicts && verdicts.length > 0) {
    ready = verdicts.every((v) => v.ready);
    terminating ||= verdicts.some((v) => v.terminating);
    serving = verdicts.every((v) => v.serving ?? v.ready);
    const yes = verdicts.filter((v) => v.ready).map((v) => v.service);
    const no = verdicts.filter((v) => !v.ready).map((v) => v.service);
    if (yes.length && no.length)
      line.note(
        `Ready in the EndpointSlices of ${[...new Set(yes)].join(', ')} but not of ${[...new Set(no)].join(', ')}: Inbound counts it not ready (a pod has one readiness here)`,
      );
    else if (draft.readyCondition !== undefined && draft.readyCondition !== ready)
      line.note(
        `Its EndpointSlice says ${ready ? 'ready' : 'not ready'} and its Ready condition ${draft.readyCondition ? 'True' : 'False'}: the EndpointSlice decides`,
      );
  } else {
    ready = draft.readyCondition === true;
    if (draft.readyCondition === undefined)
      line.note('It has no Ready condition and no EndpointSlice names it: counted not ready');
  }
  if (terminating) {
    if (serving)
      line.note(
        'It is terminating but still serving: only where no ready endpoint is left does kube-proxy send it new connections',
      );
    else if (ready)
      line.note('It is terminating, so it gets no new connections: counted not ready');
    ready = false;
  }
  return {
    id: draft.id,
    name: (names.get(draft.name) ?? 0) > 1 ? draft.id : draft.name,
    ip: draft.ip,
    node: draft.nodeName,
    labels: { ...draft.labels, [NAMESPACE_LABEL]: draft.namespace },
    ready,
    ...(terminating ? { terminating: true } : {}),
    ...(terminating && serving ? { serving: true } : {}),
  };
}

/**
 * validate() on what was made. The readers already keep to the model's rules,
 * so this should find no error; if it does, the thing it is about is left
 * out (with validate's words in the report) rather than handing over a
 * cluster the explorer would refuse.
 */
export function leaveOutErrors(
  start: Topology,
  lines: {
    node: ReadonlyMap<string, ItemNotes>;
    pod: ReadonlyMap<string, ItemNotes>;
    service: ReadonlyMap<string, ItemNotes>;
  },
): { topology: Topology; problems: Problem[] } | { error: string } {
  let t = start;
  for (let round = 0; round < 8; round++) {
    const problems = validate(t);
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length === 0) return { topology: t, problems };
    const out = { node: new Set<string>(), pod: new Set<string>(), service: new Set<string>() };
    for (const e of errors) {
      const { kind, id } = e.ref;
      if (kind !== 'node' && kind !== 'pod' && kind !== 'service')
        return { error: `The imported cluster is not one Inbound can draw: ${e.message}` };
      if (!out[kind].has(id)) lines[kind].get(id)?.skip(`Left out: ${e.message}`);
      out[kind].add(id);
    }
    t = {
      ...t,
      nodes: t.nodes.filter((n) => !out.node.has(n.id)),
      pods: t.pods.filter((p) => {
        if (out.pod.has(p.id)) return false;
        if (!out.node.has(p.node)) return true;
        lines.pod.get(p.id)?.skip(`It runs on node ${p.node}, which was left out`);
        return false;
      }),
      services: t.services.filter((s) => !out.service.has(s.id)),
    };
  }
  return { error: 'The imported cluster is not one Inbound can draw' };
}
