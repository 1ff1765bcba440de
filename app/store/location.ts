import { shallow } from 'zustand/shallow';
import {
  SLIDE_COUNT,
  slideAt,
  talkPolicy,
  traceFor,
  type Location,
  type Scene,
  type Step,
} from '../deck';

/** A whole number in [min, max]; anything else (NaN, ±Infinity) is `fallback`. */
const clampInt = (n: number, min: number, max: number, fallback: number): number =>
  Number.isFinite(n) ? Math.min(Math.max(min, Math.round(n)), max) : fallback;

/** The nearest place the deck has: a slide of the talk, and a step that slide has. */
export function clampPlace(slide: number, step: number): { slide: number; step: number } {
  const s = clampInt(slide, 1, SLIDE_COUNT, 1);
  return { slide: s, step: clampInt(step, 0, slideAt(s).steps.length - 1, 0) };
}

/**
 * Whether the externalTrafficPolicy switch means anything for a step's scene:
 * there is a packet, and it enters through a node that does kube-proxy's NAT.
 * (It depends on the mode, not on the policy in force.)
 */
export function policyAppliesOn(scene: Scene | undefined): boolean {
  const t = scene ? traceFor(scene, talkPolicy(scene)) : null;
  return t?.ok === true && t.value.policyApplies;
}

/** How many hops the reply has on a step under a policy; 0 where no reply can be shown. */
function replyHops(scene: Scene | undefined, policy: Location['policyOverride']): number {
  if (!scene || scene.hop === undefined) return 0;
  const t = traceFor(scene, policy ?? talkPolicy(scene));
  return t?.ok ? t.value.back.length : 0;
}

/**
 * The one rule for what a location may hold, used by links, the switches,
 * next/previous and other windows alike: a place the deck has; a policy
 * override only where the policy applies and only when it differs from the
 * talk's own (an override equal to it is no override, and the URL stays
 * clean); a reply hop only where a reply exists, within its hops.
 */
export function normalizeLocation(l: Location): Location {
  const { slide, step } = clampPlace(l.slide, l.step);
  const scene = slideAt(slide).steps[step]?.scene;
  const policyOverride =
    l.policyOverride !== null && l.policyOverride !== talkPolicy(scene) && policyAppliesOn(scene)
      ? l.policyOverride
      : null;
  // The slide's own switch (since 2020): a value it has, the first being no override.
  const values = slideAt(slide).switch?.values.length ?? 0;
  const alt = l.alt !== undefined && values > 1 ? clampInt(l.alt, 0, values - 1, 0) : 0;
  const shown = sceneUnder(slideAt(slide).steps[step], alt);
  const hops = replyHops(shown, policyOverride);
  const returnHop = l.returnHop !== null && hops > 0 ? clampInt(l.returnHop, 0, hops - 1, 0) : null;
  return {
    slide,
    step,
    policyOverride,
    addressView: l.addressView === 'ip' ? 'ip' : 'talk',
    returnHop,
    ...(alt > 0 ? { alt } : {}),
    ...(l.marks === true ? { marks: true as const } : {}),
  };
}

/** A step's scene with the slide's switch at value `alt` (0: the scene as the slide opens). */
export const sceneUnder = (step: Step | undefined, alt: number | undefined): Scene | undefined =>
  (alt && step?.alts?.[alt - 1]) || step?.scene;

/** Just the location's fields of something that has more (a store's state, a message). */
export const pickLocation = (l: Location): Location => ({
  slide: l.slide,
  step: l.step,
  policyOverride: l.policyOverride,
  addressView: l.addressView,
  returnHop: l.returnHop,
  ...(l.alt ? { alt: l.alt } : {}),
  ...(l.marks ? { marks: l.marks } : {}),
});

/** Whether a location is already as the normaliser would make it (what a window ever sends). */
export const isNormalLocation = (l: Location): boolean =>
  shallow(normalizeLocation(l), pickLocation(l));
