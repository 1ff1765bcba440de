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
  const order: string[] = [];
  const byId = new Map<string, { label: string; values: BarValue[] }>();
  series.forEach((s, si) => {
    for (const t of s.tallies) {
      let row = byId.get(t.id);
      if (!row) {
        row = { label: t.label, values: series.map((x) => empty(x.name)) };
        byId.set(t.id, row);
        order.push(t.id);
      }
      row.values[si] = {
        series: s.name,
        count: t.count,
        share: s.n > 0 ? t.count / s.n : 0,
        expected: t.expected,
      };
    }
  });
  const rows: Row[] = order.map((id) => {
    const r = byId.get(id) as { label: string; values: BarValue[] };
    return { id, label: r.label, members: 1, values: r.values };
  });
  if (rows.length <= max) return rows;
  const weight = new Map(
    rows.map((r) => [r.id, Math.max(...r.values.map((v) => Math.max(v.share, v.expected)))]),
  );
  const sorted = [...rows].sort((a, b) => (weight.get(b.id) ?? 0) - (weight.get(a.id) ?? 0));
  const kept = sorted.slice(0, max - 1);
  const rest = sorted.slice(max - 1);
  const folded = series.map((s, si) => {
    let c = 0;
    let e = 0;
    for (const r of rest) {
      c += r.values[si]?.count ?? 0;
      e += r.values[si]?.expected ?? 0;
    }
    return { series: s.name, count: c, share: s.n > 0 ? c / s.n : 0, expected: e };
  });
  return [
    ...kept,
    { id: OTHERS, label: `${rest.length} others`, members: rest.length, values: folded },
  ];
}

const empty = (series: string): BarValue => ({ series, count: 0, share: 0, expected: 0 });
