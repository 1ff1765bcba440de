import { stepSentence } from '../deck';
import { KeepHyphenated } from './TextSlide';
import {
  selectPolicy,
  selectSlide,
  selectStep,
  selectTrace,
  useInbound,
  type InboundState,
} from '../store';

/** In words, what the current step shows: the sentence a screen reader announces (deck/words). */
export const selectStepSentence = (s: InboundState): string =>
  stepSentence({
    slide: selectSlide(s),
    stepIndex: s.step,
    step: selectStep(s),
    trace: selectTrace(s),
    returnHop: s.returnHop,
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
