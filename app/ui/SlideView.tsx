import { lazy, Suspense, useState, useSyncExternalStore } from 'react';
import { TALK_SCENES, type Scene } from '../deck';
import type { DiagramProps } from '../scene/Diagram';
import { selectPolicy, selectSlide, selectStep, selectTrace, useInbound } from '../store';
import { ErrorBoundary } from './ErrorBoundary';
import { TextSlide } from './TextSlide';

// The diagram (framer-motion's animation components, D3) is its own chunk: the
// first slide paints without it, and Deck prefetches it straight after.
export const loadDiagram = () => import('../scene/Diagram');
const Diagram = lazy(() => loadDiagram().then((m) => ({ default: m.Diagram })));

const FIRST_DIAGRAM = TALK_SCENES[3] as Scene;

const noSubscription = () => () => {};
/** False while prerendering on the server, true in the browser. */
const useInBrowser = () =>
  useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

const same = (a: DiagramProps, b: DiagramProps) =>
  a.scene === b.scene &&
  a.trace === b.trace &&
  a.policy === b.policy &&
  a.view === b.view &&
  a.returnHop === b.returnHop &&
  a.caption === b.caption;

/**
 * The current step: a diagram, or the talk's words. The diagram stays mounted
 * behind text slides (skipped for layout and paint), so the scene lives on
 * from one diagram slide to the next and coming back to it costs an update,
 * not a rebuild. It is mounted, hidden, as soon as its code arrives.
 */
export function SlideView() {
  const slide = useInbound(selectSlide);
  const step = useInbound(selectStep);
  const trace = useInbound(selectTrace);
  const policy = useInbound(selectPolicy);
  const view = useInbound((s) => s.addressView);
  const returnHop = useInbound((s) => s.returnHop);
  const current: DiagramProps | null = step.scene
    ? {
        scene: step.scene,
        trace,
        policy,
        view,
        returnHop,
        ...(step.caption ? { caption: step.caption } : {}),
      }
    : null;
  // Until a diagram slide is shown, the talk's first diagram waits hidden.
  const [kept, setKept] = useState<DiagramProps>(
    () =>
      current ?? {
        scene: FIRST_DIAGRAM,
        trace: null,
        policy: 'Cluster',
        view: 'talk',
        returnHop: null,
      },
  );
  if (current && !same(current, kept)) setKept(current);
  const inBrowser = useInBrowser();

  return (
    <>
      {inBrowser && (
        <div
          className="diagram-layer"
          data-hidden={current ? undefined : ''}
          aria-hidden={current ? undefined : true}
        >
          <ErrorBoundary what="The diagram" resetKey={`${slide.n}`}>
            <Suspense fallback={null}>
              <Diagram {...kept} />
            </Suspense>
          </ErrorBoundary>
        </div>
      )}
      {!current && <TextSlide slide={slide} />}
    </>
  );
}
