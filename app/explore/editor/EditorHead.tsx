import { useSame } from '../use-same';
import { useExplorer, useExplorerStore } from '../store';
import { countWords, ProblemList } from './Problems';

/**
 * The editor's top: how many problems the cluster has (the cluster's and the
 * client's own listed here, the rest beside their things), undo and redo with
 * their keys, and what the last edit did.
 */
export function EditorHead({ notice }: { notice: string }) {
  const store = useExplorerStore();
  const problems = useExplorer((s) => s.problems);
  const general = useExplorer(
    useSame((s) => s.problems.filter((p) => p.ref.kind === 'cluster' || p.ref.kind === 'client')),
  );
  const last = useExplorer((s) => s.past[s.past.length - 1]);
  const next = useExplorer((s) => s.future[0]);
  const said = useExplorer((s) => s.said);
  const errors = problems.some((p) => p.severity === 'error');
  return (
    <div className="editor-head">
      <div className="editor-row">
        <h2>Cluster</h2>
        <button
          type="button"
          disabled={!last}
          aria-keyshortcuts="Control+Z"
          title={last ? `Undo: ${last.label}` : 'Nothing to undo'}
          onClick={() => store.getState().undo()}
        >
          Undo <kbd>Ctrl+Z</kbd>
        </button>
        <button
          type="button"
          disabled={!next}
          aria-keyshortcuts="Control+Shift+Z Control+Y"
          title={next ? `Redo: ${next.label}` : 'Nothing to redo'}
          onClick={() => store.getState().redo()}
        >
          Redo <kbd>Ctrl+Shift+Z</kbd>
        </button>
      </div>
      <p className="editor-summary" data-errors={errors || undefined}>
        {problems.length === 0
          ? 'No problems.'
          : `${countWords(problems)}${errors ? ': the stage keeps the last valid drawing until the errors are fixed.' : '.'}`}
      </p>
      <ProblemList id="editor-general-problems" problems={general} />
      <p className="editor-said">{said ? `Last: ${said}` : 'No edits yet.'}</p>
      <p className="editor-notice" role="status" aria-live="polite">
        {notice}
      </p>
    </div>
  );
}
