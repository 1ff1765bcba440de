import type { Tally } from './types';

/** The most bars a histogram draws before the rest fold into one "N others" bar. */
export const MAX_BARS = 24;

/** One run's bars, named for its column (the policy it ran under). */
export interface Series {
  readonly name: string;
  /** Requests the run sent: each bar's share is its count over this. */
  readonly n: number;
  readonly tallies: readonly Tally[];
}

export interface BarValue {
  readonly series: string;
  readonly count: number;
  readonly share: number;
  readonly expected: number;
}

export interface Row {
  /** The pod's or node's id; for the folded rest, "others". */
  readonly id: string;
  readonly label: string;
  /** How many pods or nodes the row stands for (1, or the folded count). */
  readonly members: number;
  /** One value per series, in the series' order. */
  readonly values: readonly BarValue[];
}

export const OTHERS = 'others';

/**
 * One row per pod or node, each with a bar per series. Up to MAX_BARS rows keep
 * the cluster's order; past that, the largest MAX_BARS − 1 come first and the
 * rest fold into one row with their summed share, so every request is still on
 * the chart.
 */
export function rowsOf(series: readonly Series[], max = MAX_BARS): Row[] {
  // Rows by index, built as plain arrays: a cluster of thousands of pods makes
  // objects only for the rows drawn.
  const ids: string[] = [];
  const labels: string[] = [];
  const at = new Map<string, number>();
  const counts = series.map(() => [] as number[]);
  const expected = series.map(() => [] as number[]);
  series.forEach((s, si) => {
    for (const t of s.tallies) {
      let i = at.get(t.id);
      if (i === undefined) {
        i = ids.push(t.id) - 1;
        labels.push(t.label);
        at.set(t.id, i);
      }
      (counts[si] as number[])[i] = t.count;
      (expected[si] as number[])[i] = t.expected;
    }
  });
  const value = (si: number, c: number, e: number): BarValue => {
    const s = series[si] as Series;
    return { series: s.name, count: c, share: s.n > 0 ? c / s.n : 0, expected: e };
  };
  const row = (i: number): Row => ({
    id: ids[i] as string,
    label: labels[i] as string,
    members: 1,
    values: series.map((_, si) => value(si, counts[si]?.[i] ?? 0, expected[si]?.[i] ?? 0)),
  });
  if (ids.length <= max) return ids.map((_, i) => row(i));
  const weight = new Float64Array(ids.length);
  series.forEach((s, si) => {
    for (let i = 0; i < ids.length; i++) {
      const share = s.n > 0 ? (counts[si]?.[i] ?? 0) / s.n : 0;
      weight[i] = Math.max(weight[i] as number, share, expected[si]?.[i] ?? 0);
    }
  });
  const order = Int32Array.from(ids, (_, i) => i).sort(
    (a, b) => (weight[b] as number) - (weight[a] as number) || a - b,
  );
  const kept = Array.from(order.subarray(0, max - 1), row);
  const rest = order.subarray(max - 1);
  const folded = series.map((_, si) => {
    let c = 0;
    let e = 0;
    for (const i of rest) {
      c += counts[si]?.[i] ?? 0;
      e += expected[si]?.[i] ?? 0;
    }
    return value(si, c, e);
  });
  return [
    ...kept,
    { id: OTHERS, label: `${rest.length} others`, members: rest.length, values: folded },
  ];
}
