import { LazyMotion, MotionConfig } from 'framer-motion';
import { useEffect, useRef } from 'react';
import { loadMotionFeatures } from '../scene/motion';
import { useInboundStore } from '../store';
import { Controls } from './Controls';
import { LiveRegion } from './LiveRegion';
import { Notice } from './Notice';
import { loadDiagram, SlideView } from './SlideView';
import { Stage } from './Stage';
import { useHashSync } from './useHashSync';
import { useKeyboard } from './useKeyboard';
import { useReturnPlayback } from './useReturnPlayback';
import { useSwipe } from './useSwipe';
import './deck.css';

/** The talk as a deck: the stage, what it means in words, and the controls. */
export function Deck() {
  const store = useInboundStore();
  const typed = useKeyboard(store);
  const main = useRef<HTMLElement>(null);
  useHashSync(store);
  useReturnPlayback(store);
  useSwipe(main, store);
  useEffect(() => {
    // Fetch the diagram and the animation engine as soon as the first slide is up.
    void loadDiagram();
    void loadMotionFeatures();
  }, []);
  return (
    <MotionConfig reducedMotion="user">
      <LazyMotion features={loadMotionFeatures} strict>
        <div className="deck">
          <main ref={main} className="deck-main" aria-label="Slide">
            <Stage>
              <SlideView />
            </Stage>
          </main>
          <Notice />
          <LiveRegion />
          <Controls typed={typed} />
        </div>
      </LazyMotion>
    </MotionConfig>
  );
}
