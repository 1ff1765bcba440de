/** One measured figure against its budget in docs/design.md. */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The budget and which side of it passes; none for a figure shown for context (a machine floor). */
  readonly budget?: number;
  readonly better: 'lower' | 'higher';
  readonly note?: string;
}

export const passes = (f: Figure): boolean =>
  f.budget === undefined || (f.better === 'lower' ? f.value <= f.budget : f.value >= f.budget);

const fmt = (n: number) =>
  n >= 1000 ? Math.round(n).toLocaleString('en-US') : n >= 10 ? n.toFixed(1) : n.toFixed(2);

/** The figures as a plain-text table, one row per figure. */
export function renderTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.name,
    `${fmt(f.value)} ${f.unit}`,
    f.budget === undefined ? '—' : `${f.better === 'lower' ? '≤' : '≥'} ${fmt(f.budget)} ${f.unit}`,
    f.budget === undefined ? '—' : passes(f) ? 'ok' : 'OVER BUDGET',
    f.note ?? '',
  ]);
  const head = ['figure', 'measured', 'budget', 'verdict', 'notes'];
  const widths = head.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => (r[i] as string).length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] as number))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
