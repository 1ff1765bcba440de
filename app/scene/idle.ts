/**
 * Runs the jobs one per idle moment of the main thread (a short timer where
 * the browser has no idle callbacks); the returned function cancels the rest.
 */
export function whenIdle(jobs: readonly (() => void)[]): () => void {
  let next = 0;
  let handle = 0;
  const idle = typeof requestIdleCallback === 'function';
  const run = () => {
    jobs[next++]?.();
    if (next < jobs.length) schedule();
  };
  const schedule = () => {
    handle = idle ? requestIdleCallback(run, { timeout: 2000 }) : window.setTimeout(run, 50);
  };
  if (jobs.length > 0) schedule();
  return () => (idle ? cancelIdleCallback(handle) : window.clearTimeout(handle));
}
