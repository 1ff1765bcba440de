import type { StateCreator } from 'zustand';
import { modeOf, SLIDE_COUNT, slideAt } from '../deck';
import { selectReplyHasNext } from './selectors';
import type { InboundState } from './state';

export interface DeckState {
  /** 1-based slide number. */
  readonly slide: number;
  /** Step within the slide; 0 is the talk's slide as it is. */
  readonly step: number;
}

export interface DeckActions {
  goTo(slide: number, step?: number): void;
  next(): void;
  prev(): void;
  first(): void;
  last(): void;
}

/**
 * Moving to a place in the deck. The reply stops playing; a policy override
 * holds while the packet stays in the same mode (one living scene) and clears
 * when the mode changes, so the next section starts as the talk shows it. A
 * message about the link that was opened goes once the deck moves on: it no
 * longer describes what is on screen, and it would cover the next slide's title.
 */
export function place(state: InboundState, slide: number, step: number): Partial<InboundState> {
  const s = Math.min(Math.max(1, Math.round(slide) || 1), SLIDE_COUNT);
  const steps = slideAt(s).steps.length;
  const k = Math.min(Math.max(0, Math.round(step) || 0), steps - 1);
  if (s === state.slide && k === state.step) return {};
  const sameMode = modeOf(s, k) !== undefined && modeOf(s, k) === modeOf(state.slide, state.step);
  return {
    slide: s,
    step: k,
    returnHop: null,
    replyPlaying: false,
    notice: null,
    ...(sameMode ? {} : { policy: null }),
  };
}

export const createDeckSlice: StateCreator<InboundState, [], [], DeckState & DeckActions> = (
  set,
  get,
) => ({
  slide: 1,
  step: 0,
  goTo: (slide, step = 0) => set(place(get(), slide, step)),
  next: () => {
    const { slide, step, returnHop } = get();
    // While the reply is shown, the next step is its next hop, until it reaches the client.
    if (returnHop !== null && selectReplyHasNext(get()))
      return set({ returnHop: returnHop + 1, replyPlaying: false });
    if (step < slideAt(slide).steps.length - 1) set(place(get(), slide, step + 1));
    else if (slide < SLIDE_COUNT) set(place(get(), slide + 1, 0));
  },
  prev: () => {
    const { slide, step, returnHop } = get();
    // While the reply is shown, back a hop; from its first hop, back to the request.
    if (returnHop !== null)
      return set({ returnHop: returnHop > 0 ? returnHop - 1 : null, replyPlaying: false });
    if (step > 0) set(place(get(), slide, step - 1));
    else if (slide > 1) set(place(get(), slide - 1, slideAt(slide - 1).steps.length - 1));
  },
  first: () => set(place(get(), 1, 0)),
  last: () => set(place(get(), SLIDE_COUNT, 0)),
});
