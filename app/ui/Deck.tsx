import { LazyMotion, MotionConfig } from 'framer-motion';
import { useEffect, useRef } from 'react';
import { loadMotionFeatures } from '../scene/motion';
import { useInboundStore } from '../store';
import { Controls } from './Controls';
import { LiveRegion } from './LiveRegion';
import { Notice } from './Notice';
import { SlideView } from './SlideView';
import { Stage } from './Stage';
import { useHashSync } from './useHashSync';
import { useKeyboard } from './useKeyboard';
import { useReturnPlayback } from './useReturnPlayback';
import { useSwipe } from './useSwipe';

/** The talk as a deck: the stage, what it means in words, and the controls. */
export function Deck({ prerendered = false }: { prerendered?: boolean }) {
  const store = useInboundStore();
  const typed = useKeyboard(store);
  const main = useRef<HTMLElement>(null);
  useHashSync(store);
  useReturnPlayback(store);
  useSwipe(main, store);
  useEffect(() => {
    // Fetch the animation engine as soon as the first slide is up (SlideView loads the diagram).
    void loadMotionFeatures();
  }, []);
  return (
    <MotionConfig reducedMotion="user">
      <LazyMotion features={loadMotionFeatures} strict>
        <div className="deck" data-prerendered={prerendered ? '' : undefined}>
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
