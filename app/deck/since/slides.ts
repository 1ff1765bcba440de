import type { Scene } from '../scene';
import type { Slide, Step } from '../slides';
import { SINCE_SCENES } from './scenes';
import { SINCE_WORDS } from './words';
import type { SinceBadge, SinceId } from './words-types';

/** What a slide of the section after the talk carries besides its words. */
export interface SinceInfo {
  /** 1-based place in the section: #/since/k. */
  readonly k: number;
  readonly id: SinceId;
  readonly badge: SinceBadge;
}

/** A slide's own live switch: its values in order, the first being what the slide opens with. */
export interface SlideSwitch {
  /** What it switches, e.g. "ipMode", "dataplane". */
  readonly name: string;
  readonly values: readonly SwitchValue[];
}

export interface SwitchValue {
  /** The value in the link (`sw=proxy`): lower case, no spaces. */
  readonly word: string;
  /** The value on the button and in words: "Proxy", "DSR". */
  readonly label: string;
}

/**
 * The section's slides without their deck number (slides.ts numbers them on
 * from the talk's last): the words, and for a diagram slide its steps, one
 * scene per switch value.
 */
export const SINCE_SLIDES: readonly Omit<Slide, 'n'>[] = SINCE_WORDS.map((w, i) => {
  const plan = SINCE_SCENES[w.id];
  const steps: Step[] = plan
    ? // A step's words come with the captions chunk (captions-loader.ts).
      plan.steps.map((scenes) => {
        const [scene, ...alts] = scenes as readonly [Scene, ...Scene[]];
        return { scene, ...(alts.length > 0 ? { alts } : {}) };
      })
    : [{}];
  return {
    lines: w.lines,
    kind: i === 0 ? 'section' : plan ? 'diagram' : 'statement',
    steps,
    title: w.title,
    section: 'Since 2020',
    since: { k: i + 1, id: w.id, badge: w.badge },
    ...(plan?.switch ? { switch: plan.switch } : {}),
  };
});
