import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { SINGLE_FILE } from '../../ui/single-file';
import { useExplorer, useExplorerStore } from '../store';
import { warmRuns } from './client';
import { isFor, runsFor } from './controller';
import { RunControls } from './RunControls';
import { RunResults } from './RunResults';
import { summarize } from './summary';
import './runs.css';

/**
 * Many requests: N from 1 to 1,000,000 with a seed, sent under Cluster and
 * Local side by side (or under the one policy where the mode has none), counted
 * per pod and per node against the exact shares, with what was lost and where
 * the client's address went. The numbers are for the drawn cluster; after an
 * edit they are marked out of date, or sent again at once when the run is small.
 */
export function RunsPanel() {
  const explorer = useExplorerStore();
  const [runs] = useState(() => runsFor(explorer));
  const drawn = useExplorer((s) => s.drawn);
  const invalid = useExplorer(
    (s) => s.drawn !== s.doc && s.problems.some((p) => p.severity === 'error'),
  );
  const columns = useStore(runs, (s) => s.columns);
  const ranFor = useStore(runs, (s) => s.ranFor);
  const status = useStore(runs, (s) => s.status);
  const error = useStore(runs, (s) => s.error);
  const where = useStore(runs, (s) => s.where);
  const stale = columns.length > 0 && !isFor(ranFor, drawn);
  const topology = ranFor?.topology;
  const sentence = useMemo(() => {
    const names = new Map(topology?.nodes.map((n) => [n.id, n.name]));
    return summarize(columns, (id) => names.get(id) ?? id);
  }, [columns, topology]);
  // Start the workers now, so the first run does not wait for them to load.
  useEffect(warmRuns, []);

  return (
    <section className="runs" aria-label="Many requests">
      <p className="runs-intro">
        Send many requests at once: each picks a node as the client or load balancer would and a pod
        as kube-proxy would. Bars show each pod’s and node’s share; the ticks show the exact share
        expected.
      </p>
      {invalid && (
        <p className="runs-note">
          The cluster has a problem to fix: runs use the last valid cluster, as the drawing does.
        </p>
      )}
      <RunControls runs={runs} />
      {SINGLE_FILE ? (
        <p className="runs-note">
          In this single-file copy, runs of many requests use the page itself: a page opened from a
          file cannot start a Web Worker. Large runs go in short slices, so the page stays
          responsive, but they take longer than in the served app.
        </p>
      ) : (
        where === 'main-sliced' && (
          <p className="runs-note">
            This browser could not start a Web Worker, so runs go on this page in short slices; the
            page stays responsive, but a large run takes longer.
          </p>
        )
      )}
      {status === 'failed' && error && (
        <p className="runs-error" role="alert">
          {error}
        </p>
      )}
      {status === 'cancelled' && (
        <p className="runs-note" role="status">
          Cancelled.{columns.length > 0 ? ' The numbers below are from the last finished run.' : ''}
        </p>
      )}
      <p className="runs-summary" aria-live="polite">
        {sentence}
      </p>
      {stale && (
        <p className="runs-stale" role="status">
          Out of date: the cluster, the way in, a since-2020 switch, N or the seed changed since
          these numbers. Send again to update them.
        </p>
      )}
      <div className={stale ? 'runs-out-of-date' : undefined} data-stale={stale}>
        <RunResults columns={columns} />
      </div>
    </section>
  );
}
