import { LazyMotion, MotionConfig } from 'framer-motion';
import { useCallback, useEffect, useRef, useState } from 'react';
import { loadMotionFeatures } from '../scene/motion';
import { useInboundStore } from '../store';
import { Blackout } from './Blackout';
import { Controls } from './Controls';
import { LiveRegion } from './LiveRegion';
import { Notice } from './Notice';
import { Overlays } from './Overlays';
import { SlideView } from './SlideView';
import { Stage } from './Stage';
import { useHashSync } from './useHashSync';
import { useKeyboard } from './useKeyboard';
import { usePreferences } from './usePreferences';
import { useReturnPlayback } from './useReturnPlayback';
import { useSwipe } from './useSwipe';
import { useSync } from './useSync';
import { openOtherWindow } from './window-actions';

/** The talk as a deck: the stage, what it means in words, and the controls. */
export function Deck({ prerendered = false }: { prerendered?: boolean }) {
  const store = useInboundStore();
  const openPresenter = useCallback(
    () => openOtherWindow('presenter', (m) => store.getState().showNotice(m)),
    [store],
  );
  const typed = useKeyboard(store, { onOtherWindow: openPresenter });
  const main = useRef<HTMLElement>(null);
  useHashSync(store);
  useSync(store);
  usePreferences(store);
  useReturnPlayback(store);
  useSwipe(main, store);
  // Until the animation engine arrives a step still shows at once, just without travel;
  // `data-motion` says which, for tests and the benchmark that time a flight.
  const [motionReady, setMotionReady] = useState(false);
  useEffect(() => {
    // Fetch the animation engine as soon as the first slide is up (SlideView loads the diagram).
    let live = true;
    void loadMotionFeatures().then(() => live && setMotionReady(true));
    return () => {
      live = false;
    };
  }, []);
  return (
    <MotionConfig reducedMotion="user">
      <LazyMotion features={loadMotionFeatures} strict>
        <div
          className="deck"
          data-prerendered={prerendered ? '' : undefined}
          data-motion={motionReady ? 'ready' : 'loading'}
        >
          <main ref={main} className="deck-main" aria-label="Slide">
            <Stage>
              <SlideView />
            </Stage>
          </main>
          <Notice />
          <LiveRegion />
          <Controls typed={typed} onOtherWindow={openPresenter} />
          <Blackout />
          <Overlays />
        </div>
      </LazyMotion>
    </MotionConfig>
  );
}
