import type { Result, Trace } from '../model';
import { placeOf } from './stage-step';
import { useExplorer, useExplorerStore } from './store';

/** Undo and redo, with their keys, disabled when there is nothing to undo or redo. */
export function UndoRedo() {
  const store = useExplorerStore();
  const past = useExplorer((s) => s.past);
  const future = useExplorer((s) => s.future);
  const last = past[past.length - 1];
  const next = future[0];
  return (
    <div className="explore-undo" role="group" aria-label="Undo and redo">
      <button
        type="button"
        onClick={() => store.getState().undo()}
        disabled={!last}
        title={last ? `Undo: ${last.label} (Ctrl+Z)` : 'Nothing to undo'}
        aria-keyshortcuts="Control+Z"
      >
        Undo
      </button>
      <button
        type="button"
        onClick={() => store.getState().redo()}
        disabled={!next}
        title={next ? `Redo: ${next.label} (Ctrl+Shift+Z or Ctrl+Y)` : 'Nothing to redo'}
        aria-keyshortcuts="Control+Shift+Z Control+Y"
      >
        Redo
      </button>
    </div>
  );
}

/** Previous and next hop, the reply, and where the step is. */
export function StepButtons({ result }: { result: Result<Trace> }) {
  const store = useExplorerStore();
  const step = useExplorer((s) => s.step);
  const t = result.ok ? result.value : null;
  const { total, at, forward } = placeOf(t, step);
  const go = (n: number) => store.getState().setStep(n);
  const hasReply = !!t && t.back.length > 0;
  return (
    <nav className="explore-steps" aria-label="Hops">
      <button type="button" onClick={() => go(at - 1)} disabled={at <= 0} title="Previous hop (←)">
        ← Previous hop
      </button>
      <span className="explore-steps-at">
        {t
          ? forward
            ? `Request hop ${at + 1} of ${t.forward.length}`
            : `Reply hop ${at - t.forward.length + 1} of ${t.back.length}`
          : 'No request'}
      </span>
      <button
        type="button"
        onClick={() => go(at + 1)}
        disabled={at >= total - 1}
        title="Next hop (→)"
      >
        Next hop →
      </button>
      <button
        type="button"
        className="toggle"
        aria-pressed={!forward}
        disabled={!hasReply}
        onClick={() => t && go(forward ? t.forward.length : t.forward.length - 1)}
        title={hasReply ? 'The reply (R)' : 'No reply: nothing was delivered'}
      >
        Reply
      </button>
    </nav>
  );
}
