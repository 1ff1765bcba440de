import { useMemo, useState } from 'react';
import type { ClientIpFate } from '../../model';
import type { Series } from './bars';
import type { Column } from './controller';
import { count, percent } from './format';
import { Histogram } from './Histogram';

interface Props {
  readonly columns: readonly Column[];
}

const FATES: readonly { fate: ClientIpFate | 'undelivered'; words: string }[] = [
  { fate: 'l3', words: 'At L3 (the packet’s source)' },
  { fate: 'xff', words: 'Only in X-Forwarded-For' },
  { fate: 'proxy-protocol', words: 'Only in a PROXY line' },
  { fate: 'lost', words: 'Not at all' },
  { fate: 'undelivered', words: 'No pod reached' },
];

const seriesOf = (columns: readonly Column[], pick: (c: Column) => Series['tallies']): Series[] =>
  columns.map((c) => ({ name: c.policy, n: c.result.n, tallies: pick(c) }));

const heading = (c: Column) =>
  !c.result.policyApplies ? 'All requests' : c.live ? `${c.policy} (live)` : c.policy;

/** The numbers of a run: shares per pod and per node, what was lost and why, where the client IP went. */
export function RunResults({ columns }: Props) {
  const [tables, setTables] = useState(false);
  // Built once per run: a big cluster's thousands of bars fold only when the numbers change.
  const pods = useMemo(() => seriesOf(columns, (c) => c.result.pods), [columns]);
  const nodes = useMemo(() => seriesOf(columns, (c) => c.result.nodes), [columns]);
  const first = columns[0];
  if (!first) return null;
  const share = (c: Column, x: number) => percent(x / Math.max(1, c.result.n));
  return (
    <div className="runs-results">
      {columns.length === 1 && !first.result.policyApplies && (
        <p className="runs-note">
          externalTrafficPolicy changes nothing in mode {first.result.mode}: no node translates
          addresses on the way in, so Cluster and Local send the same way.
        </p>
      )}
      {columns.length > 1 && (
        <p className="runs-legend" aria-hidden="true">
          {columns.map((c, i) => (
            <span key={c.policy}>
              <span className={`runs-swatch runs-bar-${i}`} /> {heading(c)}
            </span>
          ))}
          <span>
            <span className="runs-swatch-tick" /> expected
          </span>
        </p>
      )}
      <button type="button" aria-pressed={tables} onClick={() => setTables(!tables)}>
        Show the numbers as tables
      </button>
      <Histogram title="Share of requests per pod" kind="pod" series={pods} showTable={tables} />
      {first.result.nodes.length > 0 ? (
        <Histogram
          title="Share of requests per entry node"
          kind="node"
          series={nodes}
          showTable={tables}
        />
      ) : (
        <p className="runs-note">
          In mode {first.result.mode} no node is chosen: requests go to the pods directly.
        </p>
      )}
      <table className="runs-facts">
        <caption>Requests lost, and where the pod sees the client</caption>
        <thead>
          <tr>
            <th scope="col">Share of requests</th>
            {columns.map((c) => (
              <th key={c.policy} scope="col">
                {heading(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Lost (expected)</th>
            {columns.map((c) => (
              <td
                key={c.policy}
                data-lost={c.result.lost.count / c.result.n}
                data-policy={c.policy}
                data-expected={c.result.lost.expected}
              >
                {share(c, c.result.lost.count)} ({percent(c.result.lost.expected)})
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">Dropped, rejected</th>
            {columns.map((c) => (
              <td key={c.policy}>
                {share(c, c.result.lost.dropped)}, {share(c, c.result.lost.rejected)}
              </td>
            ))}
          </tr>
          {FATES.map(({ fate, words }) => (
            <tr key={fate}>
              <th scope="row">Client IP: {words}</th>
              {columns.map((c) => {
                const n = fate === 'undelivered' ? c.result.lost.count : c.result.clientIp[fate];
                return (
                  <td
                    key={c.policy}
                    data-fate={fate}
                    data-policy={c.policy}
                    data-share={n / c.result.n}
                  >
                    {share(c, n)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {columns.some((c) => c.result.lost.reasons.length > 0) && (
        <ul className="runs-reasons" aria-label="Why requests were lost">
          {columns.flatMap((c) =>
            c.result.lost.reasons.map((r) => (
              <li key={`${c.policy}|${r.reason}`}>
                <strong>
                  {columns.length > 1 ? `${c.policy}: ` : ''}
                  {r.kind} {share(c, r.count)} ({count(r.count)})
                </strong>{' '}
                — {r.reason}
              </li>
            )),
          )}
        </ul>
      )}
    </div>
  );
}
