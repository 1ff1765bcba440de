import { describeHop, describeOutcome } from '../deck';
import type { Result, Trace } from '../model';
import { Diagram } from '../scene/Diagram';
import { useMemo, useState } from 'react';
import { Stage } from '../ui/Stage';
import { sameShape } from './same-shape';
import { withShortNames } from './short-names';
import { policyOf } from './derive';
import type { ExplorerDoc } from './doc';
import { steadyFold } from './fold';
import { placeOf, sceneAt } from './stage-step';
import { useExplorer } from './store';

/** The sentence under the stage, for everyone and for the aria-live region. */
export function stepWords(result: Result<Trace>, doc: ExplorerDoc, step: number): string {
  if (doc.topology.services.length === 0)
    return 'This cluster has no Service yet: add one (and a node with a pod for it) in the Cluster tab to send a request.';
  if (!result.ok) return result.error;
  const t = result.value;
  const { total, at, forward } = placeOf(t, step);
  const hop = forward ? t.forward[at] : t.back[at - t.forward.length];
  if (!hop) return describeOutcome(t);
  const n = forward ? at + 1 : at - t.forward.length + 1;
  const of = forward ? t.forward.length : t.back.length;
  // A drop or a refusal says its outcome itself; a delivered request's last hop says where it ended.
  const end = at === total - 1 && hop.kind === 'pass' ? ` ${describeOutcome(t)}` : '';
  return `${forward ? 'Request' : 'Reply'}, hop ${n} of ${of}: ${describeHop(t, hop, doc.view)}${end}`;
}

/**
 * The deck's own stage for the explorer's cluster: the same scene, card and
 * telling. It draws the last valid cluster; while the cluster being edited has
 * errors, a banner says the drawing is of the last valid one.
 */
export function ExplorerStage({ result }: { result: Result<Trace> }) {
  const drawn = useExplorer((s) => s.drawn);
  const [stable] = useState(sameShape);
  const shape = stable(drawn.topology);
  const step = useExplorer((s) => s.step);
  const problems = useExplorer((s) => s.problems);
  const errors = problems.filter((p) => p.severity === 'error');
  const t = result.ok ? result.value : null;
  const { returnHop } = placeOf(t, step);
  // A cluster bigger than the scene draws its entry node, the Service's nodes and the request's;
  // the rest fold into one box. The trace and the runs still use the whole cluster.
  const [steady] = useState(steadyFold);
  const cut = useMemo(
    () =>
      steady(shape, {
        service: drawn.service,
        trace: t,
        entryNode: drawn.entryNode,
        mode: drawn.mode,
      }),
    [steady, shape, drawn.service, drawn.entryNode, drawn.mode, t],
  );
  // Generated names (storefront-6d8f7c9b5-2xkqp, gke-…-pool-3f6a1c2e-7k2m) drawn short enough to read.
  const named = useMemo(() => withShortNames(cut.topology), [cut.topology]);
  const scene = sceneAt(drawn.mode, t, step, named);
  return (
    <div className="explore-stage">
      {errors.length > 0 && (
        <p className="explore-stale" role="alert">
          <strong>{errors[0]?.message}.</strong>{' '}
          {errors.length > 1 ? `And ${errors.length - 1} more (see Cluster). ` : ''}The drawing
          shows the last valid cluster until this is fixed.
        </p>
      )}
      <div className="explore-stage-box" data-stale={errors.length > 0 || undefined}>
        <Stage>
          <Diagram
            scene={scene}
            topology={named}
            fold={cut}
            service={drawn.service}
            trace={result}
            policy={policyOf(drawn)}
            view={drawn.view}
            returnHop={returnHop}
          />
        </Stage>
      </div>
      <p className="explore-words" role="status" aria-live="polite">
        {stepWords(result, drawn, step)}
      </p>
    </div>
  );
}
