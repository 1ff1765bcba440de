import { describe, expect, it } from 'vitest';
import { SERVICE_A, talkCluster } from '../../model';
import { isRunRequest, packResult, unpackResult } from './messages';
import { runRequests } from './sample';

describe('run messages', () => {
  it('a result packed into arrays for the trip between threads unpacks to itself', () => {
    for (const mode of ['1', '2', '4c.1'] as const) {
      const r = runRequests(
        { topology: talkCluster('shared-ingress'), service: SERVICE_A, mode },
        500,
        3,
      );
      if (!r.ok) throw new Error(r.error);
      expect(unpackResult(structuredClone(packResult(r.value)))).toEqual(r.value);
    }
  });

  it('only a well-formed run request is taken', () => {
    const query = { topology: talkCluster(), service: SERVICE_A, mode: '2' };
    expect(isRunRequest({ type: 'run', query, policies: [], n: 10, seed: 1 })).toBe(true);
    for (const bad of [
      null,
      'run',
      7,
      {},
      { type: 'run' },
      { type: 'run', query, n: '10', seed: 1, policies: [] },
      { type: 'run', query: null, n: 1, seed: 1, policies: [] },
    ])
      expect(isRunRequest(bad)).toBe(false);
  });
});
