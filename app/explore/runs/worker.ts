// The run worker: sends a run's requests off the main thread, so a million of
// them never hold up a frame, and reports progress between chunks.
import { isRunRequest, type RunReply } from './messages';
import { CHUNK, createRun } from './sample';

/** The parts of a dedicated worker's global scope this file uses. */
interface WorkerScope {
  postMessage(message: RunReply): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  if (!isRunRequest(event.data)) return;
  const { query, n, seed } = event.data;
  try {
    const made = createRun(query, n, seed);
    if (!made.ok) {
      scope.postMessage({ type: 'error', message: made.error });
      return;
    }
    const run = made.value;
    while (run.done < run.total) {
      run.step(CHUNK);
      scope.postMessage({ type: 'progress', done: run.done, total: run.total });
    }
    scope.postMessage({ type: 'done', result: run.finish() });
  } catch (e) {
    // A topology the page let through but the simulator cannot walk: say so, never hang.
    scope.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};
