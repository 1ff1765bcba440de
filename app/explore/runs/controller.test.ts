import { describe, expect, it } from 'vitest';
import { SERVICE_A } from '../../model';
import { docFromSlide, withPolicy } from '../from-slide';
import { createExplorerStore } from '../store';
import { isFor, runsFor } from './controller';

/** Waits until the runs store says the run has ended. */
const ended = (runs: ReturnType<typeof runsFor>) =>
  new Promise<void>((resolve) => {
    if (runs.getState().status !== 'running') return resolve();
    const off = runs.subscribe((s) => {
      if (s.status !== 'running') {
        off();
        resolve();
      }
    });
  });

const flipToCluster = (explorer: ReturnType<typeof createExplorerStore>) =>
  explorer.getState().edit('externalTrafficPolicy Cluster', (d) => ({
    ...d,
    topology: withPolicy(d.topology, SERVICE_A, 'Cluster'),
  }));

describe('the runs of an explorer screen', () => {
  it('slide 37: Cluster and Local side by side, Local (the live policy) losing half', async () => {
    const explorer = createExplorerStore({ ...docFromSlide(37, 0, null), requests: 2_000 });
    const runs = runsFor(explorer);
    expect(runsFor(explorer)).toBe(runs);
    runs.getState().start(explorer.getState().drawn);
    await ended(runs);
    const { columns, ranFor, status } = runs.getState();
    expect(status).toBe('done');
    expect(columns.map((c) => [c.policy, c.live])).toEqual([
      ['Cluster', false],
      ['Local', true],
    ]);
    expect(columns[0]?.result.lost.count).toBe(0);
    expect(columns[1]?.result.lost.expected).toBe(0.5);
    expect(isFor(ranFor, explorer.getState().drawn)).toBe(true);
  });

  it('a small run is sent again by itself after an edit', async () => {
    const explorer = createExplorerStore({ ...docFromSlide(37, 0, null), requests: 2_000 });
    const runs = runsFor(explorer);
    runs.getState().start(explorer.getState().drawn);
    await ended(runs);
    flipToCluster(explorer);
    await ended(runs);
    const { columns, ranFor } = runs.getState();
    expect(isFor(ranFor, explorer.getState().drawn)).toBe(true);
    expect(columns.map((c) => [c.policy, c.live])).toEqual([
      ['Cluster', true],
      ['Local', false],
    ]);
  });

  it('a large run is marked out of date after an edit, not sent again', async () => {
    const explorer = createExplorerStore({ ...docFromSlide(37, 0, null), requests: 30_000 });
    const runs = runsFor(explorer);
    runs.getState().start(explorer.getState().drawn);
    await ended(runs);
    const before = runs.getState().ranFor;
    flipToCluster(explorer);
    expect(runs.getState().status).toBe('done');
    expect(runs.getState().ranFor).toBe(before);
    expect(isFor(before, explorer.getState().drawn)).toBe(false);
  });

  it('Cancel keeps the last numbers and says so', async () => {
    const explorer = createExplorerStore({ ...docFromSlide(39, 0, null), requests: 1_000_000 });
    const runs = runsFor(explorer);
    runs.getState().start(explorer.getState().drawn);
    expect(runs.getState().status).toBe('running');
    runs.getState().cancel();
    await ended(runs);
    expect(runs.getState().status).toBe('cancelled');
    expect(runs.getState().columns).toEqual([]);
  });

  it('a run that cannot go says why', async () => {
    const explorer = createExplorerStore({ ...docFromSlide(37, 0, null), service: 'nope' });
    const runs = runsFor(explorer);
    runs.getState().start(explorer.getState().drawn);
    await ended(runs);
    expect(runs.getState()).toMatchObject({
      status: 'failed',
      error: 'There is no Service "nope"',
    });
  });
});
