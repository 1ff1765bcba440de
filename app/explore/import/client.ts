// The page's side of the import: hands the inputs to a Web Worker and relays
// its progress; cancel terminates it. Where no worker can start (an old
// browser, a page opened from a file), the same steps run here on the main
// thread, a few milliseconds at a time, and the result says so.
import { SINGLE_FILE } from '../../ui/single-file';
import { importSteps, needsYaml } from './import-text';
import type { ImportResult, Progress } from './map';
import type { YamlModule } from './parse';
import type { DumpInput, RanOn, WorkerReply } from './protocol';
import { readInputs, refuseBySize } from './read-inputs';

export type { DumpInput, RanOn };

export interface ImportDumpOptions {
  readonly onProgress?: (progress: Progress) => void;
  /** Aborting stops the import (the worker is terminated) and rejects with an AbortError. */
  readonly signal?: AbortSignal;
  /** For tests: skip the worker and run on the main thread. */
  readonly mainThread?: boolean;
}

/** The import's result, and where it ran. */
export type DumpResult = ImportResult & { readonly ranOn: RanOn };

/** How long the main-thread fallback works before it lets the page paint (ms). */
const SLICE_MS = 12;

const aborted = () => new DOMException('The import was cancelled', 'AbortError');

/**
 * Imports kubectl output: pasted texts (`{ name, text }`) or files. Files over
 * 50 MB are refused before anything is read. Resolves with the result (a
 * failure is a result with a message, never a rejection); rejects only when
 * cancelled.
 */
export function importDump(
  inputs: readonly DumpInput[] | FileList,
  options: ImportDumpOptions = {},
): Promise<DumpResult> {
  const list: DumpInput[] = Array.from(inputs as ArrayLike<DumpInput>);
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(aborted());
  const refusal = refuseBySize(list);
  if (refusal) return Promise.resolve({ ok: false, error: refusal, ranOn: 'main thread' });
  // The single-file copy has no worker script beside it: the import runs on the page.
  if (SINGLE_FILE || options.mainThread || typeof Worker === 'undefined')
    return onMainThread(list, options);

  return new Promise<DumpResult>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    } catch {
      onMainThread(list, options).then(resolve, reject);
      return;
    }
    let heard = false;
    const stop = () => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      stop();
      reject(aborted());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      heard = true;
      const reply = event.data;
      if (reply.type === 'progress') options.onProgress?.(reply.progress);
      else {
        stop();
        resolve({ ...reply.result, ranOn: 'worker' });
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      stop();
      // A worker that never spoke could not start (blocked, or not supported for modules): run here.
      if (!heard) onMainThread(list, options).then(resolve, reject);
      else
        resolve({
          ok: false,
          error: `The import failed: ${event.message || 'its worker stopped (out of memory?)'}`,
          ranOn: 'worker',
        });
    };
    worker.postMessage({ inputs: list });
  });
}

/** The same steps on the main thread, a slice at a time, so the page keeps painting. */
async function onMainThread(list: DumpInput[], options: ImportDumpOptions): Promise<DumpResult> {
  const { signal, onProgress } = options;
  const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  onProgress?.({ fraction: 0, phase: 'Reading the files (on the main thread)' });
  const texts = await readInputs(list);
  if (signal?.aborted) throw aborted();
  const yaml: YamlModule | undefined = needsYaml(texts.map((t) => t.text))
    ? await import('yaml')
    : undefined;
  const steps = importSteps(texts, yaml ? { yaml } : {});
  let start = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return { ...next.value, ranOn: 'main thread' };
    if (performance.now() - start > SLICE_MS) {
      onProgress?.(next.value);
      await pause();
      if (signal?.aborted) throw aborted();
      start = performance.now();
    }
  }
}
