import { lazy, Suspense } from 'react';
import { selectPolicy, selectSlide, selectStep, selectTrace, useInbound } from '../store';
import { TextSlide } from './TextSlide';

// The diagram (framer-motion's animation components, D3) is its own chunk: the
// first slide paints without it, and Deck prefetches it straight after.
export const loadDiagram = () => import('../scene/Diagram');
const Diagram = lazy(() => loadDiagram().then((m) => ({ default: m.Diagram })));

/** The current step: a diagram, or the talk's words. */
export function SlideView() {
  const slide = useInbound(selectSlide);
  const step = useInbound(selectStep);
  const trace = useInbound(selectTrace);
  const policy = useInbound(selectPolicy);
  const view = useInbound((s) => s.addressView);
  const returnHop = useInbound((s) => s.returnHop);
  if (step.scene) {
    return (
      <Suspense fallback={<div className="diagram-loading" aria-busy="true" />}>
        <Diagram
          scene={step.scene}
          trace={trace}
          policy={policy}
          view={view}
          returnHop={returnHop}
          caption={step.caption}
        />
      </Suspense>
    );
  }
  return <TextSlide slide={slide} />;
}
