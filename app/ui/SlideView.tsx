import { Suspense, useDeferredValue, useEffect, useState, useSyncExternalStore } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { shallow } from 'zustand/shallow';
import { SLIDES, TALK_SCENES, type Scene, type Slide, type Step } from '../deck';
import type { DiagramProps } from '../scene/Diagram';
import { whenIdle } from '../scene/idle';
import {
  selectPolicy,
  selectReturnHop,
  selectScene,
  selectSlide,
  selectStep,
  selectTrace,
  selectLocation,
  selectUpcomingDiagram,
  nextChange,
  prevChange,
  useInbound,
  useInboundStore,
  type InboundState,
} from '../store';
import { ErrorBoundary } from './ErrorBoundary';
import { LazyDiagram as Diagram, loadDiagram } from './lazy-diagram';
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
/** The diagram a state of the deck draws, with every live switch, or null on a slide of words. */
export function diagramPropsOf(s: InboundState): DiagramProps | null {
  // The slide's own switch (after the talk) picks which of the step's scenes is drawn.
  const scene = selectScene(s);
  if (!scene) return null;
  const slide = selectSlide(s);
  const step = selectStep(s);
  return {
    scene,
    trace: selectTrace(s),
    policy: selectPolicy(s),
    view: s.addressView,
    returnHop: selectReturnHop(s),
    // After the talk a step's words go under the stage (the live region), not onto it.
    ...(step.caption && !slide.since ? { caption: step.caption } : {}),
    ...sinceProps(slide, s.alt ?? 0),
    ...switchScenesProp(step),
  };
}

/** The diagram the current step draws (an object that changes only when what it holds does). */
export function useCurrentDiagram(): DiagramProps | null {
  return useInbound(useShallow(diagramPropsOf));
}

/**
 * Lays out, at idle, the steps ← and → would show from here, so the key press
 * that shows one only has to draw it (the diagram's chunk, once it is loaded).
 */
function usePrepareNeighbours() {
  const store = useInboundStore();
  const here = useInbound(useShallow(selectLocation));
  useEffect(() => {
    let left = false;
    // Everything at idle, the neighbours' props too: the key press's own frame does none of it.
    const stop = whenIdle(
      [nextChange, prevChange].map((change) => () => {
        const state = store.getState();
        const props = diagramPropsOf({ ...state, ...change(state) });
        // Not once the deck has moved on (the diagram's chunk may arrive later than this job).
        if (props) void loadDiagram().then((m) => left || m.prepareStep(props, props.view));
      }),
    );
    return () => {
      left = true;
      stop();
    };
  }, [store, here]);
}

export function SlideView() {
  const slide = useInbound(selectSlide);
  const view = useInbound((s) => s.addressView);
  const upcoming = useInbound(selectUpcomingDiagram);
  const current = useCurrentDiagram();
  usePrepareNeighbours();
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
