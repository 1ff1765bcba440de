import { findMode, type ModeId } from '../model';
import type { Scene } from './scene';
import { TALK_SCENES } from './scenes';
import { SINCE_SLIDES, type SinceInfo, type SlideSwitch } from './since/slides';
import talk from './talk.json' with { type: 'json' };

export type SlideKind = 'title' | 'section' | 'statement' | 'proscons' | 'diagram';

/** One step within a slide: step 0 is the talk's slide exactly; later steps go beyond it. */
export interface Step {
  readonly scene?: Scene;
  /** Words shown with an extra step (the talk has none for it). */
  readonly caption?: string;
  /**
   * The scenes for the slide's live switch set to its second, third… value
   * (index 0 is the second): the same step under what the switch changes.
   */
  readonly alts?: readonly Scene[];
}

export interface Slide {
  /** 1-based, as in the talk. */
  readonly n: number;
  /** The talk's words, line by line. */
  readonly lines: readonly string[];
  readonly kind: SlideKind;
  readonly steps: readonly Step[];
  /** A short title for the overview, go-to search and the document title. */
  readonly title: string;
  /** The part of the talk it belongs to, e.g. "2) Service NodePort" (empty before the first). */
  readonly section: string;
  /** On the slides added after the talk ("since 2020"): their place, id and badge. */
  readonly since?: SinceInfo;
  /** A live switch of the slide's own (V), e.g. ipMode VIP ⇄ Proxy. */
  readonly switch?: SlideSwitch;
}

const SECTION = /^(\d[a-d]?(\.\d)?)\) /;

function kindOf(n: number, lines: readonly string[]): SlideKind {
  if (n === 1) return 'title';
  if (TALK_SCENES[n]) return 'diagram';
  if (lines[0] === 'Pro:') return 'proscons';
  if (SECTION.test(lines[0] ?? '')) return 'section';
  return 'statement';
}

/** "What it would look like": 3b and 4d had no implementation in 2020, so the talk draws nothing. */
const hypothetical = (
  mode: ModeId,
  hops: number,
  variant: Scene['variant'],
  caption: string,
): Step[] =>
  Array.from({ length: hops }, (_, hop) => ({
    scene: {
      build: 'client',
      variant,
      mode,
      hop,
      pod: 'pod-c',
      ...(variant === 'dedicated-ingress' ? { ingressPod: 'ingress-a1' } : {}),
      hypothetical: true,
    },
    caption,
  }));

/** After "HTTP Proxy can save client IP in X-Forwarded-For header": the hop into the pod again, header shown. */
const withForwardedFor = (slide: number, caption: string): Step[] => {
  const scene: Scene = { ...(TALK_SCENES[slide] as Scene) };
  delete (scene as { srcDstOnly?: boolean }).srcDstOnly;
  return [{ scene, caption }];
};

const EXTRA_STEPS: Readonly<Record<number, Step[]>> = {
  92: withForwardedFor(91, 'The same hop, with the header the proxy added'),
  101: withForwardedFor(100, 'The same hop, with the header the proxy added'),
  62: hypothetical('3b', 2, 'default', 'What 3b would look like: the VIP sends straight to a pod'),
  124: hypothetical(
    '4d',
    4,
    'dedicated-ingress',
    'What 4d would look like: a proxy set of its own for each Ingress',
  ),
};

const BUILD_TITLES: Readonly<Record<Scene['build'], string>> = {
  cluster: 'The cluster',
  nodes: 'The cluster: nodes',
  ranges: 'The cluster: pod ranges',
  pods: 'The cluster: pods and Services',
  client: 'A client outside the cluster',
};

/** What the packet is doing on a diagram slide, in a few words. */
export function sceneTitle(scene: Scene): string {
  const mode = scene.mode ? findMode(scene.mode) : undefined;
  if (!mode) return BUILD_TITLES[scene.build];
  const what = scene.shares
    ? 'load imbalance'
    : scene.hop === undefined
      ? 'the path'
      : `hop ${scene.hop + 1}`;
  const extra = [
    scene.variant === 'pod-a-gone' ? 'no Pod-a' : '',
    scene.policy === 'Local' ? 'Local' : '',
  ].filter(Boolean);
  return `${mode.title}: ${what}${extra.length ? ` (${extra.join(', ')})` : ''}`;
}

/** A short title: the talk's words for text slides, what is shown for diagrams and pros/cons. */
function titleOf(
  lines: readonly string[],
  kind: SlideKind,
  scene: Scene | undefined,
  section: string,
): string {
  if (kind === 'title') return `${lines[0]} ${lines[1]}`;
  if (kind === 'diagram' && scene) return sceneTitle(scene);
  if (kind === 'proscons') return section ? `${section}: pros and cons` : 'Pros and cons';
  return lines.join(' ');
}

/** Every slide of the talk, in order. */
let section = '';
export const TALK_SLIDES: readonly Slide[] = talk.map(({ n, lines }) => {
  const kind = kindOf(n, lines);
  const scene = TALK_SCENES[n];
  if (kind === 'section') section = (lines[0] ?? '').split(' (')[0] ?? '';
  return {
    n,
    lines,
    kind,
    steps: [scene ? { scene } : {}, ...(EXTRA_STEPS[n] ?? [])],
    title: titleOf(lines, kind, scene, section),
    section,
  };
});

/** The talk's own slides: #/1 … #/124. */
export const TALK_SLIDE_COUNT = TALK_SLIDES.length;

/**
 * Every slide of the deck: the talk, then the section added after it
 * (#/since/1 …), numbered on from the talk's last slide.
 */
export const SLIDES: readonly Slide[] = [
  ...TALK_SLIDES,
  ...SINCE_SLIDES.map((s, i) => ({ ...s, n: TALK_SLIDE_COUNT + i + 1 })),
];

export const SLIDE_COUNT = SLIDES.length;
/** How many slides the section after the talk has. */
export const SINCE_COUNT = SLIDE_COUNT - TALK_SLIDE_COUNT;

/** Whether slide n is one of the talk's own (not added after it). */
export const isTalkSlide = (n: number): boolean => n >= 1 && n <= TALK_SLIDE_COUNT;

/** Where a slide is, for people: "27 / 124", or "Since 2020 · 3 / 12" after the talk. */
export function placeLabel(n: number): string {
  return isTalkSlide(n)
    ? `${n} / ${TALK_SLIDE_COUNT}`
    : `Since 2020 · ${n - TALK_SLIDE_COUNT} / ${SINCE_COUNT}`;
}

/** The bar's short form: "27 / 124", or "since 3 / 12". */
export const shortPlaceLabel = (n: number): string =>
  isTalkSlide(n) ? placeLabel(n) : `since ${n - TALK_SLIDE_COUNT} / ${SINCE_COUNT}`;

/** A slide's number as the deck writes it: "27", or "since 3". */
export const slideNumber = (n: number): string =>
  isTalkSlide(n) ? String(n) : `since ${n - TALK_SLIDE_COUNT}`;

/** The slide with 1-based number n (clamped into range). */
export const slideAt = (n: number): Slide =>
  SLIDES[Math.min(Math.max(1, n), SLIDE_COUNT) - 1] as Slide;

/** The mode a step shows a packet for, if any. */
export const modeOf = (slide: number, step: number): ModeId | undefined =>
  slideAt(slide).steps[step]?.scene?.mode;

/**
 * Whether line i of a statement slide starts a new sentence. The talk sets
 * sentences without full stops; a line that opens with a capitalised word
 * after one that did not end in a comma starts the next ("…to your service" /
 * "We know which service by…", slide 25). Acronyms ("APIs") continue a line.
 */
export const startsSentence = (lines: readonly string[], i: number): boolean =>
  i > 0 && /^[A-Z][a-z]/.test(lines[i] ?? '') && !/,$/.test(lines[i - 1] ?? '');

/** A statement slide's words as sentences, for reading aloud: "… to your service. We know …". */
export const spokenLines = (lines: readonly string[]): string =>
  lines.map((l, i) => (startsSentence(lines, i + 1) ? `${l}.` : l)).join(' ');
