import { LazyMotion, MotionConfig } from 'framer-motion';
import { useEffect, useId, useState } from 'react';
import { useAfterPaint } from './use-after-paint';
import { loadMotionFeatures } from '../scene/motion';
import { initialTheme } from '../ui/usePreferences';
import { traceOf } from './derive';
import type { ExplorerDoc } from './doc';
import { EventList } from './EventList';
import { ExplorerStage } from './ExplorerStage';
import { Editor } from './Editor';
import { ImportButton } from './ImportButton';
import { docFromSlide, slideHop, switchAlt } from './from-slide';
import { initialDoc, KeepShare, useDocInUrlAndStorage, type Opening } from './KeepShare';
import { Notices } from './Notices';
import { RunsPanel } from './runs/RunsPanel';
import { RequestBar } from './RequestBar';
import { SinceSwitches, SinceToggle } from './SinceSwitches';
import { switchesSet } from './since-switches';
import { SidePanel, tabInHash } from './SidePanel';
import { runsFor } from './runs/controller';
import {
  createExplorerStore,
  ExplorerContext,
  useExplorer,
  useExplorerStore,
  type ExplorerStore,
} from './store';
import { StepButtons, UndoRedo } from './ExplorerControls';
import { useExplorerKeys } from './useExplorerKeys';
import './explorer.css';

/** The explorer's query: what follows `#/explore?`. */
export const explorerParams = (hash: string): URLSearchParams =>
  new URLSearchParams(hash.replace(/^#?\/explore\/?\??/, ''));

/**
 * Where the explorer starts: its link (`s=`), else the slide it was opened from,
 * else the cluster this browser kept, else the talk's.
 */
function startFrom(hash: string): Opening & { readonly step?: number } {
  const q = explorerParams(hash);
  const slide = q.get('slide');
  if (q.get('s') === null && slide !== null && /^\d{1,3}$/.test(slide))
    return {
      doc: fromSlide(q, slide),
      message: null,
      from: 'talk',
      step: slideHop(
        Number(slide),
        Number(q.get('step') ?? 0) || 0,
        switchAlt(Number(slide), q.get('sw')),
      ),
    };
  return initialDoc(hash);
}

/** The explorer on the slide it was opened from (`slide=27&step=1&etp=Local&addr=ip&sw=dsr`). */
function fromSlide(q: URLSearchParams, slide: string): ExplorerDoc {
  const etp = q.get('etp');
  const doc = docFromSlide(
    Number(slide),
    Number(q.get('step') ?? 0) || 0,
    etp === 'Local' || etp === 'Cluster' ? etp : null,
    switchAlt(Number(slide), q.get('sw')),
  );
  return q.get('addr') === 'ip' ? { ...doc, view: 'ip' } : doc;
}

/** Back to the slide the explorer was opened from (or the talk's start). */
function leave(): void {
  const from: unknown = window.history.state?.inboundFrom;
  if (typeof from === 'string') {
    window.history.back();
    return;
  }
  const slide = explorerParams(window.location.hash).get('slide');
  window.location.hash = slide && /^\d{1,3}$/.test(slide) ? `#/${slide}` : '#/1';
}

/**
 * The explorer: your own cluster, drawn by the deck's scene. One request
 * travels it hop by hop (with the event list beside it); the side panel edits
 * the cluster, sends many requests, imports from kubectl and keeps a link.
 */
export function ExplorerPage() {
  const [opening] = useState(() => startFrom(window.location.hash));
  const [store] = useState<ExplorerStore>(() => {
    const s = createExplorerStore(opening.doc);
    s.getState().setStep(opening.step ?? 0);
    // A link sent from the Requests tab shows its numbers: the same N and seed, sent again.
    if (opening.from === 'link' && tabInHash(window.location.hash) === 'requests')
      runsFor(s).getState().start(s.getState().drawn);
    return s;
  });
  const keepProblem = useDocInUrlAndStorage(store, opening);
  useEffect(() => {
    // Opened straight from a link, the explorer wears the theme this browser chose for the deck.
    document.documentElement.dataset.theme ??= initialTheme();
    const before = document.title;
    document.title = 'Explorer · Inbound';
    return () => {
      document.title = before;
    };
  }, []);
  useExplorerKeys(store, leave);
  return (
    <ExplorerContext.Provider value={store}>
      <MotionConfig reducedMotion="user">
        <LazyMotion features={loadMotionFeatures} strict>
          <Explorer onLeave={leave} notices={[opening.message, keepProblem]} />
        </LazyMotion>
      </MotionConfig>
    </ExplorerContext.Provider>
  );
}

function Explorer({
  onLeave,
  notices,
}: {
  onLeave: () => void;
  /** What went wrong opening the link, or keeping the cluster. */
  notices: readonly (string | null)[];
}) {
  const store = useExplorerStore();
  const drawn = useExplorer((s) => s.drawn);
  const step = useExplorer((s) => s.step);
  // The since-2020 switches start shown when the explorer opens with any set.
  const [sinceOpen, setSinceOpen] = useState(() => switchesSet(store.getState().doc) > 0);
  const sinceId = useId();
  const said = useExplorer((s) => s.said);
  const result = traceOf(drawn);
  // The event list follows once the stage is painted: a key press draws the stage within its frame.
  const events = useAfterPaint(result);
  const eventsStep = useAfterPaint(step);
  const eventsView = useAfterPaint(drawn.view);
  return (
    <div className="explorer">
      <header className="explore-head">
        <h1>Explorer</h1>
        <button type="button" onClick={onLeave} title="Back to the talk (Esc)">
          ← Back to the talk
        </button>
        <UndoRedo />
        <ImportButton />
        <SinceToggle open={sinceOpen} controls={sinceId} onToggle={() => setSinceOpen((o) => !o)} />
        <RequestBar />
        {sinceOpen && <SinceSwitches id={sinceId} />}
        <p className="visually-hidden" role="status" aria-live="polite">
          {said}
        </p>
      </header>
      <main className="explore-main">
        <Notices messages={notices} />
        <ExplorerStage result={result} />
        <StepButtons result={result} />
      </main>
      <SidePanel
        panels={{
          events: events.ok ? (
            <EventList
              trace={events.value}
              view={eventsView}
              step={eventsStep}
              onGo={store.getState().setStep}
            />
          ) : (
            <p role="alert">{events.error}</p>
          ),
          cluster: <Editor />,
          requests: <RunsPanel />,
          share: <KeepShare />,
        }}
      />
    </div>
  );
}
