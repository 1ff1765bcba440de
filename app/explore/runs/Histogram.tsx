import { useId, useMemo } from 'react';
import { layoutBars, type BarBox } from './bar-layout';
import { rowsOf, type Series } from './bars';
import { percent } from './format';
import { NumbersTable } from './NumbersTable';
import { useWidth } from './useWidth';

interface Props {
  /** The chart's heading, e.g. "Share per pod". */
  readonly title: string;
  /** What a bar stands for: names the table's data attribute (data-pod, data-node). */
  readonly kind: 'pod' | 'node';
  /** One series per column (Cluster and Local, or the one policy in force), in order. */
  readonly series: readonly Series[];
  /** Show the numbers as a table on screen (it is always there for screen readers). */
  readonly showTable: boolean;
}

const clip = (text: string, chars: number) =>
  text.length > chars ? `${text.slice(0, chars - 1)}…` : text;

/** A bar's accessible name: "Pod-c, Cluster: 14.3% (expected 14.3%)". */
export function barName(bar: Pick<BarBox, 'row' | 'value'>, many: boolean): string {
  const who = many ? `${bar.row.label}, ${bar.value.series}` : bar.row.label;
  return `${who}: ${percent(bar.value.share)} (expected ${percent(bar.value.expected)})`;
}

/**
 * Bars of the share of requests per pod or per node, a bar per series in each
 * row, with the exact expected share drawn as a tick across each bar. D3's
 * scales place them; React draws every element.
 */
export function Histogram({ title, kind, series, showTable }: Props) {
  const [box, width] = useWidth<HTMLDivElement>(380);
  const titleId = useId();
  const rows = useMemo(() => rowsOf(series), [series]);
  const layout = layoutBars(rows, series.length, width);
  const many = series.length > 1;
  return (
    <figure className="runs-chart" aria-labelledby={titleId}>
      <figcaption id={titleId} className="runs-chart-title">
        {title}
      </figcaption>
      <div ref={box} className="runs-chart-box">
        <svg
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          role="group"
          aria-labelledby={titleId}
        >
          <g aria-hidden="true">
            {layout.ticks.map((t) => (
              <g key={t.label}>
                <line className="runs-grid" x1={t.x} x2={t.x} y1={0} y2={layout.axisY} />
                <text className="runs-axis-label" x={t.x} y={layout.axisY + 16} textAnchor="middle">
                  {t.label}
                </text>
              </g>
            ))}
            <line
              className="runs-axis"
              x1={layout.plotLeft}
              x2={layout.plotRight}
              y1={layout.axisY}
              y2={layout.axisY}
            />
            {layout.rows.map(({ row, y, height }) => (
              <text key={row.id} className="runs-row-label" x={0} y={y + height / 2} dy="0.35em">
                {clip(row.label, layout.labelChars)}
              </text>
            ))}
          </g>
          {layout.bars.map((bar) => (
            <g
              key={bar.key}
              role="img"
              aria-label={barName(bar, many)}
              data-id={bar.row.id}
              data-series={bar.value.series}
              data-share={bar.value.share}
              data-expected={bar.value.expected}
            >
              <title>{barName(bar, many)}</title>
              {many && (
                <text
                  className="runs-series-letter"
                  x={bar.x - 4}
                  y={bar.y + bar.height / 2}
                  dy="0.35em"
                  textAnchor="end"
                  aria-hidden="true"
                >
                  {bar.value.series.slice(0, 1)}
                </text>
              )}
              <rect
                className={`runs-bar runs-bar-${bar.seriesIndex}`}
                x={bar.x}
                y={bar.y}
                width={bar.width}
                height={bar.height}
              />
              {bar.cut && (
                <path
                  className="runs-cut"
                  d={`M${bar.x + bar.width - 14},${bar.y + bar.height + 1} l5,${-bar.height - 2} M${bar.x + bar.width - 8},${bar.y + bar.height + 1} l5,${-bar.height - 2}`}
                />
              )}
              <line
                className="runs-expected"
                x1={bar.tickX}
                x2={bar.tickX}
                y1={bar.y - 2}
                y2={bar.y + bar.height + 2}
              />
              <text
                className="runs-value"
                x={bar.labelX}
                y={bar.y + bar.height / 2}
                dy="0.35em"
                aria-hidden="true"
              >
                {percent(bar.value.share)}
              </text>
            </g>
          ))}
        </svg>
      </div>
      <NumbersTable title={title} kind={kind} series={series} rows={rows} visible={showTable} />
    </figure>
  );
}
