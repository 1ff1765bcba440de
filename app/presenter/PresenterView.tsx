import { MotionConfig } from 'framer-motion';
import { useEffect, useState } from 'react';
import { noteFor, placeLabel, sinceLinesOf, slideAt, slideNumber, sourcesFor } from '../deck';
import {
  createInboundStore,
  selectLocation,
  selectStepTitle,
  StoreProvider,
  useInbound,
  useInboundStore,
  type InboundStore,
} from '../store';
import { Controls } from '../ui/Controls';
import { selectStepSentence } from '../ui/LiveRegion';
import { Notice } from '../ui/Notice';
import { Overlays } from '../ui/Overlays';
import { SlideView } from '../ui/SlideView';
import { Stage } from '../ui/Stage';
import { WindowShell } from '../ui/WindowShell';
import { SyncNote } from './SyncNote';
import { Clock, Timer } from './Timer';
import './presenter.css';

/**
 * A second store that always stands one step ahead of the presenter's: the
 * next step (not just the next slide), with the live switches carried over
 * as the deck itself would carry them.
 */
function useNextStepStore(main: InboundStore): {
  store: InboundStore;
  atEnd: boolean;
  /** The reply hop the next step shows, when the next step is the reply's next hop. */
  nextReplyHop: number | null;
} {
  const [store] = useState(() => createInboundStore());
  const [atEnd, setAtEnd] = useState(false);
  const [nextReplyHop, setNextReplyHop] = useState<number | null>(null);
  useEffect(() => {
    const follow = () => {
      const here = selectLocation(main.getState());
      const preview = store.getState();
      // With the reply on screen, the next step is its next hop (as → does in the deck).
      preview.applyLocation(here);
      preview.next();
      const after = store.getState();
      const samePlace = after.slide === here.slide && after.step === here.step;
      setAtEnd(samePlace && after.returnHop === here.returnHop);
      setNextReplyHop(samePlace && here.returnHop !== null ? after.returnHop : null);
      if (after.theme !== main.getState().theme) store.setState({ theme: main.getState().theme });
    };
    follow();
    return main.subscribe(follow);
  }, [main, store]);
  return { store, atEnd, nextReplyHop };
}

function NextStep() {
  const main = useInboundStore();
  const { store, atEnd, nextReplyHop } = useNextStepStore(main);
  const slide = useInbound((s) => s.slide);
  const step = useInbound((s) => s.step);
  const nextSlide = atEnd ? null : step + 1 < slideAt(slide).steps.length ? slide : slide + 1;
  return (
    <section className="presenter-next" aria-label="Next step">
      <h2>
        {atEnd
          ? 'Next: nothing, this is the end of the deck'
          : nextReplyHop !== null
            ? `Next: the reply's hop ${nextReplyHop + 1}`
            : nextSlide === slide
              ? `Next: step ${step + 1} of this slide`
              : `Next: slide ${slideNumber(nextSlide ?? slide)} · ${slideAt(nextSlide ?? slide).title}`}
      </h2>
      {!atEnd && (
        <div className="presenter-preview" aria-hidden="true">
          <StoreProvider store={store}>
            <MotionConfig reducedMotion="always">
              <Stage>
                <SlideView />
              </Stage>
            </MotionConfig>
          </StoreProvider>
        </div>
      )}
    </section>
  );
}

function Notes() {
  const slide = useInbound((s) => s.slide);
  const step = useInbound((s) => s.step);
  const sentence = useInbound(selectStepSentence);
  // A slide after the talk: its points, once the section's captions have arrived.
  const loaded = useInbound((s) => s.sinceCaptions);
  const since = slideAt(slide).since;
  const points = loaded && since ? sinceLinesOf(since.k) : [];
  return (
    // Focusable, so the notes can be scrolled from the keyboard when they run long.
    <section className="presenter-notes" aria-label="Speaker notes" tabIndex={0}>
      <h2>Notes</h2>
      {noteFor(slide, step)
        .split('\n\n')
        .map((paragraph, i) => (
          <p key={i} className="note">
            {paragraph}
          </p>
        ))}
      {points.length > 0 && (
        <ul className="note-points" aria-label="Points of this slide">
          {points.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {sourcesFor(slide).length > 0 && (
        <p className="note-sources">Sources: {sourcesFor(slide).join('; ')}.</p>
      )}
      <h2>On screen now</h2>
      <p className="on-screen" aria-live="polite">
        {sentence}
      </p>
    </section>
  );
}

function Header() {
  const slide = useInbound((s) => s.slide);
  const step = useInbound((s) => s.step);
  const title = useInbound(selectStepTitle);
  const blackout = useInbound((s) => s.blackout);
  return (
    <header className="presenter-header">
      <p className="presenter-position">
        <strong>{placeLabel(slide)}</strong>
        {step > 0 ? ` · step ${step}` : ''} · {title}
      </p>
      {blackout && (
        <p className="presenter-blackout" role="status">
          Audience screen is black (B)
        </p>
      )}
      <Timer />
      <Clock />
    </header>
  );
}

/**
 * `?view=presenter`: the current step large, the next step, the notes, a
 * timer and the clock, and the same controls and keys as the deck. It stays
 * in sync with the audience windows of this browser, either way round.
 */
export function PresenterView() {
  return (
    <WindowShell otherView={null} titlePrefix="Presenter">
      {({ typed, openOtherWindow }) => (
        <div className="presenter">
          <Header />
          <SyncNote />
          <main className="presenter-current" aria-label="Current step">
            <Stage>
              <SlideView />
            </Stage>
          </main>
          <aside className="presenter-side">
            <NextStep />
            <Notes />
          </aside>
          <div className="presenter-controls">
            <Controls
              typed={typed}
              onOtherWindow={openOtherWindow}
              otherWindowName="Audience window"
            />
          </div>
          <Notice />
          <Overlays />
        </div>
      )}
    </WindowShell>
  );
}
