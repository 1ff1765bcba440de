import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SERVICE_A, talkCluster } from '../../model';
import { createBatch } from './batch';
import { isRunRequest, packResult, type RunReply } from './messages';
import type { RunQuery } from './types';

/**
 * A stand-in for the run worker that speaks its protocol in this thread, a
 * message at a time, and remembers being terminated (a terminated worker never
 * answers again, as in a browser).
 */
class FakeWorker {
  static made: FakeWorker[] = [];
  onmessage: ((e: MessageEvent<RunReply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(data: unknown): void {
    if (!isRunRequest(data)) return;
    const made = createBatch(data.query, data.policies, data.n, data.seed);
    const reply = (r: RunReply): void => {
      setTimeout(() => {
        if (!this.terminated) this.onmessage?.({ data: r } as MessageEvent<RunReply>);
      }, 0);
    };
    if (!made.ok) {
      reply({ type: 'error', message: made.error });
      return;
    }
    made.value.step(made.value.total);
    reply({ type: 'progress', done: made.value.done, total: made.value.total });
    reply({ type: 'done', results: made.value.finish().map(packResult) });
  }
  terminate(): void {
    this.terminated = true;
  }
}

const q: RunQuery = { topology: talkCluster('imbalance'), service: SERVICE_A, mode: '2' };

describe('runs in workers kept between runs', () => {
  beforeEach(() => {
    FakeWorker.made = [];
    vi.stubGlobal('Worker', FakeWorker);
    vi.resetModules();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('a finished run hands its worker to the next, and cancelling the finished one leaves it alone', async () => {
    const { startRuns, warmRuns } = await import('./client');
    warmRuns();
    expect(FakeWorker.made).toHaveLength(1);
    const first = startRuns(q, ['Cluster', 'Local'], 50_000, 1);
    const [cluster] = await first.result;
    expect(cluster?.n).toBe(50_000);
    // The panel cancels the last run before starting the next: a settled one must not
    // terminate the worker that now waits for the next run.
    first.cancel();
    const second = startRuns(q, ['Cluster', 'Local'], 60_000, 2);
    const [, local] = await second.result;
    expect(local?.n).toBe(60_000);
    expect(FakeWorker.made).toHaveLength(1);
    expect(FakeWorker.made[0]?.terminated).toBe(false);
  });

  it('Cancel terminates the worker of a run that is going, and the next run starts another', async () => {
    const { isCancelled, startRuns } = await import('./client');
    const going = startRuns(q, ['Cluster'], 50_000, 1);
    going.cancel();
    await expect(going.result.catch((e: unknown) => isCancelled(e))).resolves.toBe(true);
    expect(FakeWorker.made[0]?.terminated).toBe(true);
    const next = startRuns(q, ['Cluster'], 50_000, 1);
    expect((await next.result)[0]?.n).toBe(50_000);
    expect(FakeWorker.made).toHaveLength(2);
  });

  it('a worker that cannot load sends the run to the page, in slices', async () => {
    const { startRuns } = await import('./client');
    const seen: string[] = [];
    const run = startRuns(q, ['Local'], 40_000, 1, { onProgress: (p) => seen.push(p.where) });
    const worker = FakeWorker.made[0] as FakeWorker;
    worker.terminated = true;
    worker.onerror?.({ message: 'failed to load', preventDefault() {} } as ErrorEvent);
    expect((await run.result)[0]?.n).toBe(40_000);
    expect(seen.every((w) => w === 'main-sliced')).toBe(true);
  });
});
