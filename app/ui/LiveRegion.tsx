import { stepSentence, type Step } from '../deck';
import { KeepHyphenated } from './TextSlide';
import {
  selectPolicy,
  selectReturnHop,
  selectScene,
  selectSlide,
  selectStep,
  selectTrace,
  useInbound,
  type InboundState,
} from '../store';

/** The step with the scene on screen (a since-2020 slide's switch picks one of its scenes). */
const selectShownStep = (s: InboundState): Step => {
  const step = selectStep(s);
  const scene = selectScene(s);
  return scene === step.scene ? step : { ...step, ...(scene ? { scene } : {}) };
};

/** In words, what the current step shows: the sentence a screen reader announces (deck/words). */
export const selectStepSentence = (s: InboundState): string =>
  // (s.sinceCaptions: read again once the section's captions arrive.)
  stepSentence({
    slide: selectSlide(s),
    stepIndex: s.step,
    step: selectShownStep(s),
    trace: selectTrace(s),
    returnHop: selectReturnHop(s),
    view: s.addressView,
    policy: selectPolicy(s),
  });

/** The aria-live region: every step's meaning, announced as it changes; shown as a caption too. */
export function LiveRegion() {
  const sentence = useInbound(selectStepSentence);
  return (
    <p className="live-region" aria-live="polite" aria-atomic="true">
      <KeepHyphenated line={sentence} />
    </p>
  );
}
