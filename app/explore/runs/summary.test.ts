import { describe, expect, it } from 'vitest';
import { SERVICE_A, talkCluster } from '../../model';
import { runRequests } from './sample';
import { summarize } from './summary';
import type { Column } from './controller';

const column = (
  mode: '2' | '3a',
  policy: 'Cluster' | 'Local',
  variant: 'imbalance' | 'pod-a-gone',
): Column => {
  const r = runRequests(
    { topology: talkCluster(variant), service: SERVICE_A, mode, policy },
    100_000,
    1,
  );
  if (!r.ok) throw new Error(r.error);
  return { policy, live: policy === 'Cluster', result: r.value };
};
const names = (id: string) => ({ node1: 'Node1', node2: 'Node2' })[id] ?? id;

describe('the summary sentence', () => {
  it("slide 39: Cluster evens the pods out, Local gives Node1's pod half", () => {
    const said = summarize(
      [column('3a', 'Cluster', 'imbalance'), column('3a', 'Local', 'imbalance')],
      names,
    );
    expect(said).toMatch(
      /^100,000 requests: Cluster loses 0%, each of the 7 pods gets 14\.3%; Local loses 0%, pod \(pod-1\) gets (49|50)\.\d%, each pod on Node2 gets 8\.\d%\.$/,
    );
  });

  it('slide 37: Local loses what a client sends to Node1', () => {
    const said = summarize([column('2', 'Local', 'pod-a-gone')], names);
    expect(said).toMatch(
      /^100,000 requests: loses (49|50)\.\d% \(dropped\), Pod-c gets (49|50)\.\d%\.$/,
    );
  });

  it('says nothing before a run', () => {
    expect(summarize([], names)).toBe('');
  });
});
