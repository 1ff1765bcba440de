import { useRef } from 'react';
import { useMotionReady } from '../scene/motion';
import { useInboundStore } from '../store';
import { Blackout } from './Blackout';
import { Controls } from './Controls';
import { LiveRegion } from './LiveRegion';
import { Notice } from './Notice';
import { Overlays } from './Overlays';
import { SinceMarks } from './SinceBanner';
import { SlideView } from './SlideView';
import { Stage } from './Stage';
import { useSwipe } from './useSwipe';
import { WindowShell } from './WindowShell';

/** The talk as a deck: the stage, what it means in words, and the controls. */
export function Deck({ prerendered = false }: { prerendered?: boolean }) {
  const store = useInboundStore();
  const main = useRef<HTMLElement>(null);
  useSwipe(main, store);
  // The animation engine, fetched once the first slide is up (SlideView loads the diagram).
  const motionReady = useMotionReady();
  return (
    <WindowShell otherView="presenter">
      {({ typed, openOtherWindow }) => (
        <div
          className="deck"
          data-prerendered={prerendered ? '' : undefined}
          data-motion={motionReady ? 'ready' : 'loading'}
        >
          <main ref={main} className="deck-main" aria-label="Slide">
            <Stage>
              <SlideView />
              <SinceMarks />
            </Stage>
          </main>
          <Notice />
          <LiveRegion />
          <Controls typed={typed} onOtherWindow={openOtherWindow} />
          <Blackout />
          <Overlays />
        </div>
      )}
    </WindowShell>
  );
}
