import { sinceCaption } from '../since/captions-loader';
import type { AddressView, ExternalTrafficPolicy, Result, Trace } from '../../model';
import { SINCE_COUNT, spokenLines, TALK_SLIDE_COUNT, type Slide, type Step } from '../slides';

/** "Slide 27 of 124", or after the talk "Added since 2020, slide 3 of 12". */
const placeWords = (n: number): string =>
  n <= TALK_SLIDE_COUNT
    ? `Slide ${n} of ${TALK_SLIDE_COUNT}`
    : `Added since 2020, slide ${n - TALK_SLIDE_COUNT} of ${SINCE_COUNT}`;
import { topologyOf } from '../trace-cache';
import { describeBuild } from './build';
import { dropNote } from './card';
import { describeHop, describeOutcome } from './hop';
import { describeShares, shareExtras } from './shares';

/** A pros-and-cons slide's lines as two lists, an item's wrapped lines joined. */
export function prosAndCons(lines: readonly string[]): { pros: string[]; cons: string[] } {
  const out = { pros: [] as string[], cons: [] as string[] };
  let items: string[] | null = null;
  for (const line of lines) {
    if (line === 'Pro:') items = out.pros;
    else if (line === 'Con:') items = out.cons;
    else if (items && line.startsWith('- ')) items.push(line.slice(2));
    else if (items && items.length > 0) items[items.length - 1] += ` ${line}`;
  }
  return out;
}

/** What is on screen, as the words need it: plain data, no store. */
export interface StepOnScreen {
  readonly slide: Slide;
  /** The step within the slide (0 = the talk's slide). */
  readonly stepIndex: number;
  readonly step: Step;
  /** The simulator's trace for the step under the policy in force, or null without a packet. */
  readonly trace: Result<Trace> | null;
  /** The reply's hop on screen, or null. */
  readonly returnHop: number | null;
  readonly view: AddressView;
  readonly policy: ExternalTrafficPolicy;
}

/**
 * In words, what the current step shows: the sentence a screen reader
 * announces, the caption under the stage and the presenter's "on screen".
 */
export function stepSentence(s: StepOnScreen): string {
  const { slide, step } = s;
  const where = `${placeWords(slide.n)}${s.stepIndex > 0 ? `, step ${s.stepIndex}` : ''}.`;
  if (!step.scene) {
    if (slide.kind === 'statement') return `${where} ${spokenLines(slide.lines)}`;
    if (slide.since && slide.kind === 'section') {
      // The section's opener: its heading, what it is about, then its topics as a list.
      const [heading, about, ...topics] = slide.lines;
      return `${where} ${heading}: ${about}. ${topics.join('; ')}.`;
    }
    if (slide.kind !== 'proscons') return `${where} ${slide.lines.join(' ')}`;
    const { pros, cons } = prosAndCons(slide.lines);
    return `${where} Pro: ${pros.join('; ')}. Con: ${cons.join('; ')}.`;
  }
  const scene = step.scene;
  // After the talk, a step's words are the section's caption for it (once loaded).
  const words =
    step.caption ?? (slide.since ? sinceCaption(slide.since.k, s.stepIndex) : undefined);
  const caption = words ? ` ${words.replace(/\.$/, '')}.` : '';
  const t = s.trace;
  if (!t) {
    const built = describeBuild(topologyOf(scene.variant), scene.build);
    const question = scene.clientUnknown ? ' How does its traffic get in?' : '';
    return `${where}${caption} ${built}${question}`;
  }
  if (!t.ok) return `${where} ${t.error}`;
  const trace = t.value;
  if (s.returnHop !== null) {
    const hop = trace.back[s.returnHop];
    return hop
      ? `${where} Reply, hop ${s.returnHop + 1} of ${trace.back.length}: ${describeHop(trace, hop, s.view)}`
      : where;
  }
  if (scene.shares && scene.mode)
    return `${where} ${describeShares(
      topologyOf(scene.variant),
      trace.service,
      scene.mode,
      s.policy,
      shareExtras(scene),
    )}`;
  const hop = scene.hop === undefined ? undefined : trace.forward[scene.hop];
  // Where the card holds X-Forwarded-For back (4a and 4b before slides 92 and 101), so do the words.
  const wording = { headers: !scene.srcDstOnly };
  if (!hop) return `${where}${caption} ${describeOutcome(trace, wording)}`;
  const last = hop.index === trace.forward.length - 1;
  const outcome = last && hop.kind === 'pass' ? ` ${describeOutcome(trace, wording)}` : '';
  const note = dropNote(trace, hop, s.view);
  return `${where}${caption} ${describeHop(trace, hop, s.view, wording)}${outcome}${note ? ` ${note}` : ''}`;
}
