import { Suspense } from 'react';
import {
  sceneReplyHop,
  slideAt,
  talkPolicy,
  traceFor,
  type Scene,
  type Slide,
  type Step,
} from '../deck';
import type { AddressView } from '../model';
import type { DiagramProps } from '../scene/Diagram';
import { LazyDiagram as Diagram } from './lazy-diagram';
import { sinceProps, switchScenesProp } from './since-heading';
import { TextSlide } from './TextSlide';

/** Diagram props for a step as the talk shows it (talk policy, no reply), stable for the same step. */
export function talkProps(step: Step, view: AddressView, slide?: Slide): DiagramProps {
  const scene = step.scene as Scene;
  const policy = talkPolicy(scene);
  const trace = traceFor(scene, policy);
  return {
    ...(slide ? { ...sinceProps(slide), ...switchScenesProp(step) } : {}),
    scene,
    trace,
    policy,
    view,
    returnHop: sceneReplyHop(scene, trace),
    ...(step.caption && !slide?.since ? { caption: step.caption } : {}),
  };
}

/**
 * One step of one slide as the talk shows it, at rest: the packet where the
 * step puts it, every build shown. For thumbnails, handouts and previews; put
 * it under `MotionConfig reducedMotion="always"` so nothing travels.
 */
export function StaticStep({
  slide,
  step,
  view = 'talk',
}: {
  slide: number;
  step: number;
  view?: AddressView;
}) {
  const s = slideAt(slide);
  const st = s.steps[step] ?? s.steps[0];
  if (!st?.scene) return <TextSlide slide={s} />;
  return (
    <Suspense fallback={null}>
      <Diagram {...talkProps(st, view, s)} />
    </Suspense>
  );
}
