import { describe, expect, it } from 'vitest';
import { SERVICE_A, talkCluster } from '../../model';
import { isCancelled, startRun, startRuns, type RunProgressAt } from './client';
import { runRequests } from './sample';
import type { RunQuery } from './types';

// Vitest runs in Node, which has no Web Worker: large runs here take the
// main-thread path in slices, the one a browser without workers takes.
const q: RunQuery = {
  topology: talkCluster('imbalance'),
  service: SERVICE_A,
  mode: '3a',
  policy: 'Local',
};
const direct = (n: number, seed: number, policy = q.policy) => {
  const r = runRequests({ ...q, policy }, n, seed);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('startRun', () => {
  it('a small run goes at once on the main thread', async () => {
    const seen: RunProgressAt[] = [];
    const handle = startRun(q, 1_000, 5, { onProgress: (p) => seen.push(p) });
    expect(await handle.result).toEqual(direct(1_000, 5));
    expect(seen).toEqual([{ done: 1_000, total: 1_000, where: 'main' }]);
  });

  it('Cluster and Local side by side: the same N and seed under each policy, in order', async () => {
    const seen: RunProgressAt[] = [];
    const both = startRuns(q, ['Cluster', 'Local'], 30_000, 5, { onProgress: (p) => seen.push(p) });
    const [cluster, local] = await both.result;
    expect(cluster).toEqual(direct(30_000, 5, 'Cluster'));
    expect(local).toEqual(direct(30_000, 5, 'Local'));
    expect(seen[seen.length - 1]).toEqual({ done: 60_000, total: 60_000, where: 'main-sliced' });
  });

  it('a large run without a worker goes in slices, with progress, to the same counts', async () => {
    const seen: RunProgressAt[] = [];
    const handle = startRun(q, 60_000, 5, { onProgress: (p) => seen.push(p) });
    expect(await handle.result).toEqual(direct(60_000, 5));
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every((p) => p.where === 'main-sliced' && p.total === 60_000)).toBe(true);
    expect(seen.map((p) => p.done)).toEqual([...seen.map((p) => p.done)].sort((a, b) => a - b));
    expect(seen[seen.length - 1]?.done).toBe(60_000);
  });

  it('cancel stops a run: the result rejects as cancelled and no more progress comes', async () => {
    let after = 0;
    let cancelledAt = -1;
    const handle = startRun(q, 1_000_000, 5, {
      onProgress: (p) => {
        if (cancelledAt >= 0) after++;
        else if (p.done > 0) {
          cancelledAt = p.done;
          handle.cancel();
        }
      },
    });
    const got = await handle.result.then(
      () => 'finished',
      (e: unknown) => (isCancelled(e) ? 'cancelled' : String(e)),
    );
    expect(got).toBe('cancelled');
    expect(cancelledAt).toBeLessThan(1_000_000);
    expect(after).toBe(0);
  });

  it('a bad N rejects with a clear message', async () => {
    await expect(startRun(q, 0, 1).result).rejects.toThrow(
      'The number of requests must be from 1 to 1,000,000',
    );
    await expect(startRun(q, 2_000_000, 1).result).rejects.toThrow(
      'The number of requests must be from 1 to 1,000,000',
    );
  });
});
