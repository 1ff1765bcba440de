import { useSame } from '../use-same';
import type { Problem, ProblemRef } from '../../model';
import { useExplorer } from '../store';

/** The problems validate found about one thing (a node, a pod, a Service, an Ingress). */
export const useProblemsOf = (kind: ProblemRef['kind'], id: string): readonly Problem[] =>
  useExplorer(useSame((s) => s.problems.filter((p) => p.ref.kind === kind && p.ref.id === id)));

/**
 * A thing's problems, beside it: each an alert, so a screen reader says it as it
 * appears; the thing's fields point to this list with aria-describedby.
 */
export function ProblemList({ id, problems }: { id: string; problems: readonly Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <div id={id} className="editor-problems">
      {problems.map((p) => (
        <p key={`${p.code}:${p.message}`} role="alert" data-severity={p.severity}>
          <span className="editor-problem-kind">
            {p.severity === 'error' ? 'Error' : 'Warning'}:
          </span>{' '}
          {p.message}
        </p>
      ))}
    </div>
  );
}

/** "2 errors, 1 warning" */
export function countWords(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const part = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${part(errors, 'error')}, ${part(warnings, 'warning')}`;
}
