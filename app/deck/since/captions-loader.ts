/**
 * The section's step captions and the talk slides' markers arrive in a chunk
 * of their own (captions.ts): the deck asks for it when it comes near the
 * section or the markers are turned on, and until it is here a step's words
 * are the ones computed from its packet.
 */
import type { SinceMark } from './words-types';

let loaded: readonly (readonly string[])[] | null = null;
let points: readonly (readonly string[])[] | null = null;
/** The talk's slides that link into the section, and where to: talk slide → its markers. */
let marks: ReadonlyMap<number, readonly { k: number; mark: SinceMark }[]> | null = null;
let loading: Promise<void> | null = null;

/** The caption of step `step` of the section's slide k (1-based), once loaded. */
export const sinceCaption = (k: number, step: number): string | undefined =>
  loaded?.[k - 1]?.[step];

/** The markers on talk slide n that link into the section, once loaded. */
export const sinceMarksOn = (n: number): readonly { k: number; mark: SinceMark }[] =>
  marks?.get(n) ?? [];

/** The points of the section's diagram slide k (1-based), once loaded; none before. */
export const sinceLinesOf = (k: number): readonly string[] => points?.[k - 1] ?? [];

/** Whether the captions are here. */
export const sinceCaptionsLoaded = (): boolean => loaded !== null;

/** Loads the captions (once); resolves when they are here. */
export function loadSinceCaptions(): Promise<void> {
  loading ??= import('./captions').then((m) => {
    loaded = m.SINCE_CAPTIONS;
    points = m.SINCE_LINES;
    const byTalkSlide = new Map<number, { k: number; mark: SinceMark }[]>();
    m.SINCE_MARK_WORDS.forEach((list, i) => {
      for (const mark of list)
        for (const n of mark.slides)
          byTalkSlide.set(n, [...(byTalkSlide.get(n) ?? []), { k: i + 1, mark }]);
    });
    marks = byTalkSlide;
  });
  return loading;
}
