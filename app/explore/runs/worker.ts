// The run worker: sends a run's requests off the main thread, so a million of
// them never hold up a frame, and reports progress between chunks.
import { createBatch } from './batch';
import { isRunRequest, packResult, type RunReply } from './messages';
import { CHUNK } from './sample';

/** The parts of a dedicated worker's global scope this file uses. */
interface WorkerScope {
  postMessage(message: RunReply): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  if (!isRunRequest(event.data)) return;
  const { query, policies, n, seed } = event.data;
  try {
    const made = createBatch(query, policies, n, seed);
    if (!made.ok) {
      scope.postMessage({ type: 'error', message: made.error });
      return;
    }
    const batch = made.value;
    while (batch.done < batch.total) {
      batch.step(CHUNK);
      scope.postMessage({ type: 'progress', done: batch.done, total: batch.total });
    }
    scope.postMessage({ type: 'done', results: batch.finish().map(packResult) });
  } catch (e) {
    // A topology the page let through but the simulator cannot walk: say so, never hang.
    scope.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};
