import { Suspense, useDeferredValue, useState, useSyncExternalStore } from 'react';
import { shallow } from 'zustand/shallow';
import { SLIDES, TALK_SCENES, type Scene, type Slide, type Step } from '../deck';
import type { DiagramProps } from '../scene/Diagram';
import {
  selectPolicy,
  selectReturnHop,
  selectScene,
  selectSlide,
  selectStep,
  selectTrace,
  selectUpcomingDiagram,
  useInbound,
} from '../store';
import { ErrorBoundary } from './ErrorBoundary';
import { LazyDiagram as Diagram } from './lazy-diagram';
import { talkProps } from './StaticStep';
import { sinceProps, switchScenesProp } from './since-heading';
import { TextSlide } from './TextSlide';

/** The slide a step belongs to (the deck's steps are its slides' own objects). */
const slideWith = (step: Step): Slide | undefined => SLIDES.find((s) => s.steps.includes(step));

const FIRST_DIAGRAM_STEP: Step = { scene: TALK_SCENES[3] as Scene };

const noSubscription = () => () => {};
/** False while prerendering on the server, true in the browser. */
const useInBrowser = () =>
  useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

/**
 * The current step: a diagram, or the talk's words. The diagram stays mounted
 * behind text slides (skipped for layout and paint), so coming back to it costs
 * an update, not a rebuild. While a text slide is up, the diagram quietly
 * prepares the next diagram step in the background (a deferred render), so
 * the key press that reaches it only has to show it.
 */
/** The diagram the current step draws, with every live switch, or null on a slide of words. */
export function useCurrentDiagram(): DiagramProps | null {
  const slide = useInbound(selectSlide);
  const step = useInbound(selectStep);
  const trace = useInbound(selectTrace);
  const policy = useInbound(selectPolicy);
  const view = useInbound((s) => s.addressView);
  const returnHop = useInbound(selectReturnHop);
  // The slide's own switch (after the talk) picks which of the step's scenes is drawn.
  const scene = useInbound(selectScene);
  const alt = useInbound((s) => s.alt ?? 0);
  return scene
    ? {
        scene,
        trace,
        policy,
        view,
        returnHop,
        // After the talk a step's words go under the stage (the live region), not onto it.
        ...(step.caption && !slide.since ? { caption: step.caption } : {}),
        ...sinceProps(slide, alt),
        ...switchScenesProp(step),
      }
    : null;
}

export function SlideView() {
  const slide = useInbound(selectSlide);
  const view = useInbound((s) => s.addressView);
  const upcoming = useInbound(selectUpcomingDiagram);
  const current = useCurrentDiagram();
  const ahead = useDeferredValue(current ? null : upcoming);
  // Until a diagram is shown or prepared, the talk's first diagram waits hidden.
  const [kept, setKept] = useState<DiagramProps>(
    () => current ?? talkProps(FIRST_DIAGRAM_STEP, view),
  );
  const wanted =
    current ??
    (ahead
      ? // Prepared as it will be shown: a slide after the talk with its own heading and switch.
        { ...talkProps(ahead, view, slideWith(ahead)), shown: false }
      : { ...kept, shown: false });
  if (!shallow(wanted, kept)) setKept(wanted);
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
