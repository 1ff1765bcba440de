import { describe, expect, it } from 'vitest';
import { OTHERS, rowsOf, type Series } from './bars';
import type { Tally } from './types';

const tallies = (counts: readonly number[]): Tally[] =>
  counts.map((count, i) => ({
    id: `p${i}`,
    label: `Pod-${i}`,
    count,
    expected: 1 / counts.length,
  }));

describe('rowsOf', () => {
  it('one row per pod, a value per series, in the cluster’s order', () => {
    const series: Series[] = [
      { name: 'Cluster', n: 10, tallies: tallies([5, 5]) },
      { name: 'Local', n: 10, tallies: tallies([8, 2]) },
    ];
    expect(rowsOf(series)).toEqual([
      {
        id: 'p0',
        label: 'Pod-0',
        members: 1,
        values: [
          { series: 'Cluster', count: 5, share: 0.5, expected: 0.5 },
          { series: 'Local', count: 8, share: 0.8, expected: 0.5 },
        ],
      },
      {
        id: 'p1',
        label: 'Pod-1',
        members: 1,
        values: [
          { series: 'Cluster', count: 5, share: 0.5, expected: 0.5 },
          { series: 'Local', count: 2, share: 0.2, expected: 0.5 },
        ],
      },
    ]);
  });

  it('past the limit, the largest come first and the rest fold into "N others", every request counted', () => {
    const counts = Array.from({ length: 30 }, (_, i) => i + 1);
    const n = counts.reduce((a, b) => a + b, 0);
    const rows = rowsOf([{ name: 'Cluster', n, tallies: tallies(counts) }], 5);
    expect(rows.map((r) => r.id)).toEqual(['p29', 'p28', 'p27', 'p26', OTHERS]);
    const others = rows[4];
    expect(others?.label).toBe('26 others');
    expect(others?.members).toBe(26);
    expect(others?.values[0]?.count).toBe(n - (30 + 29 + 28 + 27));
    expect(others?.values[0]?.expected).toBeCloseTo(26 / 30, 12);
    expect(rows.reduce((s, r) => s + (r.values[0]?.count ?? 0), 0)).toBe(n);
  });

  it('a pod one series lacks counts 0 there', () => {
    const rows = rowsOf([
      { name: 'Cluster', n: 4, tallies: tallies([2, 2]) },
      { name: 'Local', n: 4, tallies: tallies([4]) },
    ]);
    expect(rows[1]?.values[1]).toEqual({ series: 'Local', count: 0, share: 0, expected: 0 });
  });
});
