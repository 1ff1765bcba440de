import { SINGLE_FILE } from '../../ui/single-file';

/**
 * Run workers kept started between runs: starting one (loading its script)
 * takes longer than sending 100,000 requests, so a run takes a waiting one.
 */
const idle: Worker[] = [];
const KEEP_IDLE = 1;
/** A worker failed to load once (e.g. a page opened from a file): runs go in slices from now on. */
let broken = false;

/** Marks workers as unusable on this page. */
export function workersFailed(): void {
  broken = true;
  for (const w of idle.splice(0)) w.terminate();
}

/** A waiting worker that cannot load leaves the pool (a run sets its own handler). */
const whileIdle = (worker: Worker) => (event: ErrorEvent) => {
  event.preventDefault();
  worker.terminate();
  const at = idle.indexOf(worker);
  if (at >= 0) idle.splice(at, 1);
  workersFailed();
};

function spawn(): Worker | null {
  // The single-file copy has no worker script beside it: its runs go on the page (client.ts).
  if (SINGLE_FILE || broken || typeof Worker === 'undefined') return null;
  try {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    worker.onerror = whileIdle(worker);
    return worker;
  } catch {
    workersFailed();
    return null;
  }
}

/** A started worker, or null when this page cannot have one. */
export const takeWorker = (): Worker | null => idle.pop() ?? spawn();

/** A worker whose run ended well waits for the next one. */
export function giveBack(worker: Worker): void {
  worker.onmessage = null;
  worker.onerror = whileIdle(worker);
  if (idle.length < KEEP_IDLE && !broken) idle.push(worker);
  else worker.terminate();
}

/** Starts a worker ahead of the first run. */
export function warmRuns(): void {
  while (idle.length < KEEP_IDLE) {
    const worker = spawn();
    if (!worker) return;
    idle.push(worker);
  }
}
