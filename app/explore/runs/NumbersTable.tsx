import type { Row, Series } from './bars';
import { count, percent } from './format';

interface Props {
  /** The chart's heading, repeated as the table's caption. */
  readonly title: string;
  /** What a row stands for: names the row's data attribute (data-pod, data-node). */
  readonly kind: 'pod' | 'node';
  readonly series: readonly Series[];
  /** The chart's rows, the same numbers as its bars. */
  readonly rows: readonly Row[];
  /** On screen, or only for screen readers. */
  readonly visible: boolean;
}

/**
 * The chart's numbers as a table: for each pod or node, each run's share, the
 * exact expected share and the count. Cells carry the raw numbers as data
 * attributes (data-share, data-expected, data-count) for tests and tools.
 */
export function NumbersTable({ title, kind, series, rows, visible }: Props) {
  const many = series.length > 1;
  return (
    // Hidden by its wrapper: a table never shrinks below its content, a div does.
    <div className={visible ? 'runs-table-box' : 'visually-hidden'}>
      <table className="runs-table">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{kind === 'pod' ? 'Pod' : 'Node'}</th>
            {series.map((s) => (
              <th key={s.name} scope="col">
                {many ? `${s.name}: share (expected), requests` : 'Share (expected), requests'}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} {...{ [`data-${kind}`]: row.id }} data-members={row.members}>
              <th scope="row">{row.label}</th>
              {row.values.map((v) => (
                <td
                  key={v.series}
                  data-policy={v.series}
                  data-share={v.share}
                  data-expected={v.expected}
                  data-count={v.count}
                >
                  {percent(v.share)} ({percent(v.expected)}), {count(v.count)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
