import { scaleBand, scaleLinear } from 'd3-scale';
import { OTHERS, type BarValue, type Row } from './bars';

/** Height of one bar, and of the words beside it, in CSS pixels. */
export const BAR_HEIGHT = 16;
/** Room under the bars for the share axis. */
export const AXIS_HEIGHT = 26;

export interface BarBox {
  readonly key: string;
  readonly row: Row;
  readonly seriesIndex: number;
  readonly value: BarValue;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Where the exact expected share's tick stands. */
  readonly tickX: number;
  /** Where the value's words start: past the bar and past its tick. */
  readonly labelX: number;
  /** The folded rest's bar, cut at the chart's edge (its share dwarfs every other bar). */
  readonly cut: boolean;
}

export interface BarLayout {
  readonly width: number;
  /** The whole chart, axis included. */
  readonly height: number;
  readonly plotLeft: number;
  readonly plotRight: number;
  readonly axisY: number;
  readonly rows: readonly { readonly row: Row; readonly y: number; readonly height: number }[];
  readonly bars: readonly BarBox[];
  readonly ticks: readonly { readonly x: number; readonly label: string }[];
  /** How many characters of a name fit in the name column. */
  readonly labelChars: number;
}

const tickLabel = (t: number) => `${Number((t * 100).toPrecision(3))}%`;

/**
 * Where every bar goes, in pixels of a chart `width` wide: a row per pod or node
 * (scaleBand), a bar per series within it (an inner scaleBand), the share along
 * a linear scale from 0 to the largest share or expected share, and its ticks.
 */
export function layoutBars(rows: readonly Row[], series: number, width: number): BarLayout {
  const w = Math.max(240, width);
  const nameWidth = Math.min(150, Math.round(w * 0.34));
  const valueWidth = 52;
  const rowHeight = series * (BAR_HEIGHT + 2) + 8;
  const y = scaleBand<string>()
    .domain(rows.map((r) => r.id))
    .range([0, rows.length * rowHeight])
    .paddingInner(0.2)
    .paddingOuter(0.1);
  const inner = scaleBand<number>()
    .domain(Array.from({ length: series }, (_, i) => i))
    .range([0, y.bandwidth()])
    .paddingInner(0.12);
  // The scale fits the pods or nodes drawn one by one; the folded rest's bar, often
  // nearly everything, is cut at the edge rather than squashing every other bar.
  const own = rows.filter((r) => r.id !== OTHERS);
  let top = 0;
  for (const r of own.length > 0 ? own : rows)
    for (const v of r.values) top = Math.max(top, v.share, v.expected);
  const x = scaleLinear()
    .domain([0, Math.max(top, 0.001)])
    .range([nameWidth, w - valueWidth])
    .nice();
  const bars: BarBox[] = [];
  for (const row of rows)
    row.values.forEach((value, seriesIndex) => {
      const by = (y(row.id) ?? 0) + (inner(seriesIndex) ?? 0);
      const x0 = x(0);
      const right = x.range()[1] as number;
      const end = Math.min(x(value.share), right);
      const tickX = Math.min(x(value.expected), right);
      bars.push({
        key: `${row.id}|${value.series}`,
        row,
        seriesIndex,
        value,
        x: x0,
        y: by,
        width: Math.max(0, end - x0),
        height: inner.bandwidth(),
        tickX,
        labelX: Math.max(end, tickX) + 5,
        cut: x(value.share) > right + 0.5,
      });
    });
  const axisY = rows.length * rowHeight + 4;
  return {
    width: w,
    height: axisY + AXIS_HEIGHT,
    plotLeft: x(0),
    plotRight: w - valueWidth,
    axisY,
    rows: rows.map((row) => ({ row, y: y(row.id) ?? 0, height: y.bandwidth() })),
    bars,
    ticks: x.ticks(4).map((t) => ({ x: x(t), label: tickLabel(t) })),
    labelChars: Math.max(4, Math.floor((nameWidth - (series > 1 ? 22 : 8)) / 7)),
  };
}
