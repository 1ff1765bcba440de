import {
  sceneReplyHop,
  sceneTitle,
  slideAt,
  talkPolicy,
  traceFor,
  type Location,
  type Scene,
  type Slide,
  type Step,
  SLIDE_COUNT,
} from '../deck';
import type { ExternalTrafficPolicy, Result, Trace } from '../model';
import { pickLocation, policyAppliesOn, sceneUnder } from './location';
import type { InboundState } from './state';

// Module-level selectors: each returns a value that is stable for the same
// state (slides and traces come from immutable data and a cache), so
// components re-render only when what they show changes.

export const selectSlide = (s: InboundState): Slide => slideAt(s.slide);
export const selectStep = (s: InboundState): Step => {
  const slide = slideAt(s.slide);
  return slide.steps[s.step] ?? (slide.steps[0] as Step);
};
/** The step's scene, under the slide's own switch where it has one. */
export const selectScene = (s: InboundState): Scene | undefined => sceneUnder(selectStep(s), s.alt);
/** The policy in force: the presenter's override, or the talk's own. */
export const selectPolicy = (s: InboundState): ExternalTrafficPolicy =>
  s.policyOverride ?? talkPolicy(selectScene(s));
/** Whether the externalTrafficPolicy switch means anything on this step. */
export const selectPolicyApplies = (s: InboundState): boolean => policyAppliesOn(selectScene(s));
export const selectTrace = (s: InboundState): Result<Trace> | null => {
  const scene = selectScene(s);
  return scene ? traceFor(scene, selectPolicy(s)) : null;
};
/** The reply hop on screen: the one being played (R), or the one the step itself shows. */
export const selectReturnHop = (s: InboundState): number | null =>
  s.returnHop ?? sceneReplyHop(selectScene(s), selectTrace(s));
/** What the URL hash holds (a new object each call: compare it with `shallow`). */
export const selectLocation = (s: InboundState): Location => pickLocation(s);

/** The next step after this one that draws the diagram (its step object is stable), or null. */
export const selectUpcomingDiagram = (s: InboundState): Step | null => {
  for (let n = s.slide, k = s.step + 1; n <= SLIDE_COUNT; n++, k = 0) {
    const steps = slideAt(n).steps;
    for (; k < steps.length; k++) if (steps[k]?.scene) return steps[k] as Step;
  }
  return null;
};

/** Whether this step shows a packet that got a reply, so the return path can be played. */
export const selectReplyAvailable = (s: InboundState): boolean => {
  const t = selectTrace(s);
  return t?.ok === true && t.value.back.length > 0 && selectScene(s)?.hop !== undefined;
};

/**
 * The title of what is on screen: the slide's, or for a diagram the packet's
 * mode and hop with the policy in force (so "(Local)" goes when the presenter
 * flips to Cluster), and for an extra step what that step draws.
 */
export const selectStepTitle = (s: InboundState): string => {
  const slide = selectSlide(s);
  const scene = selectScene(s);
  if (!scene || (s.step === 0 && slide.kind !== 'diagram')) return slide.title;
  // After the talk a slide is named by its own title, with the hop it is on.
  if (slide.since) {
    const reply = selectReturnHop(s);
    const where =
      reply !== null
        ? `reply, hop ${reply + 1}`
        : scene.hop !== undefined
          ? `hop ${scene.hop + 1}`
          : '';
    return where ? `${slide.title}: ${where}` : slide.title;
  }
  return sceneTitle({ ...scene, policy: selectPolicy(s) });
};

/** Whether the reply on screen has a hop left before it reaches the client. */
export const selectReplyHasNext = (s: InboundState): boolean => {
  if (s.returnHop === null) return false;
  const t = selectTrace(s);
  return t?.ok === true && s.returnHop < t.value.back.length - 1;
};
