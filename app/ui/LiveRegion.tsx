import { SLIDE_COUNT, spokenLines } from '../deck';
import { describeHop, describeOutcome } from '../model';
import { describeBuild, topologyOf } from '../deck';
import { describeShares } from '../scene/shares-text';
import { KeepHyphenated, prosAndCons } from './TextSlide';
import {
  selectPolicy,
  selectSlide,
  selectStep,
  selectTrace,
  useInbound,
  type InboundState,
} from '../store';

/** In words, what the current step shows: the sentence a screen reader announces. */
export function selectStepSentence(s: InboundState): string {
  const slide = selectSlide(s);
  const step = selectStep(s);
  const where = `Slide ${slide.n} of ${SLIDE_COUNT}${s.step > 0 ? `, step ${s.step}` : ''}.`;
  const t = selectTrace(s);
  if (!step.scene) {
    if (slide.kind === 'statement') return `${where} ${spokenLines(slide.lines)}`;
    if (slide.kind !== 'proscons') return `${where} ${slide.lines.join(' ')}`;
    const { pros, cons } = prosAndCons(slide.lines);
    return `${where} Pro: ${pros.join('; ')}. Con: ${cons.join('; ')}.`;
  }
  const caption = step.caption ? ` ${step.caption}.` : '';
  if (!t) {
    const built = describeBuild(topologyOf(step.scene.variant), step.scene.build);
    const question = step.scene.clientUnknown ? ' How does its traffic get in?' : '';
    return `${where}${caption} ${built}${question}`;
  }
  if (!t.ok) return `${where} ${t.error}`;
  const trace = t.value;
  if (s.returnHop !== null) {
    const hop = trace.back[s.returnHop];
    return hop
      ? `${where} Reply, hop ${s.returnHop + 1} of ${trace.back.length}: ${describeHop(trace, hop, s.addressView)}`
      : where;
  }
  if (step.scene.shares && step.scene.mode)
    return `${where} ${describeShares(topologyOf(step.scene.variant), trace.service, step.scene.mode, selectPolicy(s))}`;
  const hop = step.scene.hop === undefined ? undefined : trace.forward[step.scene.hop];
  // Where the card holds X-Forwarded-For back (4a and 4b before slides 92 and 101), so do the words.
  const wording = { headers: !step.scene.srcDstOnly };
  if (!hop) return `${where}${caption} ${describeOutcome(trace, wording)}`;
  const last = hop.index === trace.forward.length - 1;
  return `${where}${caption} ${describeHop(trace, hop, s.addressView, wording)}${last && hop.kind === 'pass' ? ` ${describeOutcome(trace, wording)}` : ''}`;
}

/** The aria-live region: every step's meaning, announced as it changes; shown as a caption too. */
export function LiveRegion() {
  const sentence = useInbound(selectStepSentence);
  return (
    <p className="live-region" aria-live="polite" aria-atomic="true">
      <KeepHyphenated line={sentence} />
    </p>
  );
}
