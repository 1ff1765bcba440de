import { useId, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { useExplorer, useExplorerStore } from '../store';
import type { RunsStore } from './controller';
import { count, requests } from './format';
import { parseRequests, parseSeed } from './validate';

/** N, the seed, Send, and while a run goes its progress and Cancel. */
export function RunControls({ runs }: { readonly runs: RunsStore }) {
  const n = useExplorer((s) => s.doc.requests);
  const seed = useExplorer((s) => s.doc.seed);
  const store = useExplorerStore();
  const ids = { n: useId(), seed: useId(), nError: useId(), seedError: useId() };
  const [nText, setNText] = useState(count(n));
  const [seedText, setSeedText] = useState(String(seed));
  const [nError, setNError] = useState<string | null>(null);
  const [seedError, setSeedError] = useState<string | null>(null);
  // The typed text follows the document when it changes elsewhere (undo, a link).
  const [synced, setSynced] = useState({ n, seed });
  if (synced.n !== n || synced.seed !== seed) {
    setSynced({ n, seed });
    setNText(count(n));
    setSeedText(String(seed));
  }
  const typed = parseRequests(nText);
  const shown = 'n' in typed ? typed.n : n;

  const commit = (): { n: number; seed: number } | null => {
    const gotN = parseRequests(nText);
    const gotSeed = parseSeed(seedText);
    setNError('error' in gotN ? gotN.error : null);
    setSeedError('error' in gotSeed ? gotSeed.error : null);
    if ('error' in gotN || 'error' in gotSeed) return null;
    return { n: gotN.n, seed: gotSeed.seed };
  };
  const send = (e: FormEvent) => {
    e.preventDefault();
    const got = commit();
    if (!got) return;
    const explorer = store.getState();
    if (got.n !== n || got.seed !== seed) explorer.set({ requests: got.n, seed: got.seed });
    runs.getState().start(store.getState().drawn);
  };
  const keep = () => {
    const got = commit();
    if (got && (got.n !== n || got.seed !== seed))
      store.getState().set({ requests: got.n, seed: got.seed });
  };

  return (
    <form className="runs-form" aria-label="Many requests" onSubmit={send} noValidate>
      <div className="runs-field">
        <label htmlFor={ids.n}>Requests (N)</label>
        <input
          id={ids.n}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={nText}
          aria-invalid={nError !== null}
          aria-describedby={nError ? ids.nError : undefined}
          onChange={(e) => setNText(e.target.value)}
          onBlur={keep}
        />
        {nError && (
          <p id={ids.nError} className="runs-error" role="alert">
            {nError}
          </p>
        )}
      </div>
      <div className="runs-field">
        <label htmlFor={ids.seed}>Seed</label>
        <input
          id={ids.seed}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={seedText}
          aria-invalid={seedError !== null}
          aria-describedby={seedError ? ids.seedError : undefined}
          onChange={(e) => setSeedText(e.target.value)}
          onBlur={keep}
        />
        {seedError && (
          <p id={ids.seedError} className="runs-error" role="alert">
            {seedError}
          </p>
        )}
      </div>
      <button type="submit" className="runs-send">
        Send {requests(shown)}
      </button>
      <RunProgress runs={runs} />
    </form>
  );
}

function RunProgress({ runs }: { runs: RunsStore }) {
  const status = useStore(runs, (s) => s.status);
  const done = useStore(runs, (s) => s.done);
  const total = useStore(runs, (s) => s.total);
  if (status !== 'running') return null;
  const share = total > 0 ? done / total : 0;
  return (
    <div className="runs-progress">
      <div
        className="runs-progress-track"
        role="progressbar"
        aria-label="Requests sent"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={`${count(done)} of ${requests(total)} sent`}
      >
        <div className="runs-progress-fill" style={{ width: `${(share * 100).toFixed(1)}%` }} />
      </div>
      <button type="button" onClick={() => runs.getState().cancel()}>
        Cancel
      </button>
    </div>
  );
}
