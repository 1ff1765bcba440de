import type { StateCreator } from 'zustand';
import { modeOf, SLIDE_COUNT, slideAt, type Location } from '../deck';
import type { AddressView, ExternalTrafficPolicy } from '../model';
import { clampPlace, normalizeLocation } from './location';
import {
  selectLocation,
  selectPolicy,
  selectPolicyApplies,
  selectReplyAvailable,
  selectReplyHasNext,
} from './selectors';
import type { InboundState } from './state';

/**
 * Where the deck is and what the live switches say: everything the URL hash
 * holds (slide, step, policyOverride, addressView, returnHop), plus whether
 * the reply moves on by itself. Every change goes through normalizeLocation.
 */
export interface LocationState extends Location {
  /**
   * Whether the reply moves on by itself: after R in this window, until the
   * presenter steps it by hand. A reply opened from a link, or followed from
   * another window, holds its hop.
   */
  readonly replyPlaying: boolean;
}

export interface LocationActions {
  goTo(slide: number, step?: number): void;
  next(): void;
  prev(): void;
  first(): void;
  last(): void;
  /** Puts the whole deck at a location (from the URL, or another window). */
  applyLocation(location: Location): void;
  setTrafficPolicy(policy: ExternalTrafficPolicy): void;
  /** Flips Cluster ⇄ Local; false (and nothing changes) where the policy means nothing. */
  toggleTrafficPolicy(): boolean;
  setAddressView(view: AddressView): void;
  toggleAddressView(): void;
  /** Moves the slide's own switch to its next value; false (and nothing changes) where it has none. */
  toggleSwitch(): boolean;
  /** Puts the slide's own switch at value i (0 is what the slide opens with). */
  setSwitch(i: number): void;
  /** Markers linking the talk's slides to the section after it: on or off. */
  toggleMarks(): void;
  /** Shows the reply from its first hop; again while showing, hides it. */
  toggleReturn(): void;
  /** Moves the reply one hop on; false when it is already at the client (playing then stops). */
  advanceReturn(): boolean;
  stopReturn(): void;
}

/**
 * Moving to a place in the deck. The reply stops playing; a policy override
 * holds while the packet stays in the same mode (one living scene) and clears
 * when the mode changes, so the next section starts as the talk shows it. A
 * message about the link that was opened goes once the deck moves on: it no
 * longer describes what is on screen, and it would cover the next slide's title.
 */
function place(state: InboundState, slide: number, step: number): Partial<InboundState> {
  const to = clampPlace(slide, step);
  if (to.slide === state.slide && to.step === state.step) return {};
  const mode = modeOf(to.slide, to.step);
  const sameMode = mode !== undefined && mode === modeOf(state.slide, state.step);
  const { alt, ...here } = selectLocation(state);
  return {
    alt: undefined,
    ...normalizeLocation({
      ...here,
      ...to,
      policyOverride: sameMode ? state.policyOverride : null,
      returnHop: null,
      // A slide's own switch holds through its steps and starts afresh on the next slide.
      ...(to.slide === state.slide && alt ? { alt } : {}),
    }),
    replyPlaying: false,
    notice: null,
  };
}

/** What → changes: the reply's next hop while it is shown (until it reaches the client), else the next step. */
export function nextChange(state: InboundState): Partial<InboundState> {
  const { slide, step, returnHop } = state;
  if (returnHop !== null && selectReplyHasNext(state))
    return { returnHop: returnHop + 1, replyPlaying: false };
  if (step < slideAt(slide).steps.length - 1) return place(state, slide, step + 1);
  if (slide < SLIDE_COUNT) return place(state, slide + 1, 0);
  return {};
}

/** What ← changes: the reply back a hop (from its first, back to the request), else the step before. */
export function prevChange(state: InboundState): Partial<InboundState> {
  const { slide, step, returnHop } = state;
  if (returnHop !== null)
    return { returnHop: returnHop > 0 ? returnHop - 1 : null, replyPlaying: false };
  if (step > 0) return place(state, slide, step - 1);
  if (slide > 1) return place(state, slide - 1, slideAt(slide - 1).steps.length - 1);
  return {};
}

export const createLocationSlice: StateCreator<
  InboundState,
  [],
  [],
  LocationState & LocationActions
> = (set, get) => ({
  slide: 1,
  step: 0,
  policyOverride: null,
  addressView: 'talk',
  returnHop: null,
  replyPlaying: false,

  goTo: (slide, step = 0) => set(place(get(), slide, step)),
  next: () => set(nextChange(get())),
  prev: () => set(prevChange(get())),
  first: () => set(place(get(), 1, 0)),
  last: () => set(place(get(), SLIDE_COUNT, 0)),

  applyLocation: (l) => {
    const was = get();
    const to = normalizeLocation(l);
    const movedPlace = to.slide !== was.slide || to.step !== was.step;
    // A reply from a link, or moved by another window, holds its hop: the link shows what it
    // says. One this window is playing plays on through changes that leave it where it is
    // (the other window flipping the addresses, say).
    const moved = movedPlace || to.returnHop !== was.returnHop || to.alt !== was.alt;
    set({
      alt: undefined,
      marks: undefined,
      ...to,
      replyPlaying: moved ? false : was.replyPlaying && to.returnHop !== null,
      ...(movedPlace ? { notice: null } : {}),
    });
  },

  setTrafficPolicy: (policyOverride) => {
    const state = get();
    if (!selectPolicyApplies(state)) return;
    set({
      alt: undefined,
      ...normalizeLocation({ ...selectLocation(state), policyOverride, returnHop: null }),
      replyPlaying: false,
    });
  },
  toggleTrafficPolicy: () => {
    const state = get();
    if (!selectPolicyApplies(state)) return false;
    state.setTrafficPolicy(selectPolicy(state) === 'Cluster' ? 'Local' : 'Cluster');
    return true;
  },
  toggleSwitch: () => {
    const state = get();
    const values = slideAt(state.slide).switch?.values.length ?? 0;
    if (values < 2) return false;
    state.setSwitch(((state.alt ?? 0) + 1) % values);
    return true;
  },
  setSwitch: (i) => {
    const state = get();
    set({
      alt: undefined,
      ...normalizeLocation({ ...selectLocation(state), alt: i, returnHop: null }),
      replyPlaying: false,
    });
  },
  toggleMarks: () => {
    const state = get();
    set({ marks: state.marks ? undefined : true });
  },
  setAddressView: (addressView) => set({ addressView }),
  toggleAddressView: () => set({ addressView: get().addressView === 'talk' ? 'ip' : 'talk' }),

  toggleReturn: () => {
    const state = get();
    if (state.returnHop !== null) return set({ returnHop: null, replyPlaying: false });
    if (selectReplyAvailable(state)) set({ returnHop: 0, replyPlaying: true });
  },
  advanceReturn: () => {
    const state = get();
    if (state.returnHop === null || !selectReplyHasNext(state)) {
      if (state.replyPlaying) set({ replyPlaying: false });
      return false;
    }
    set({ returnHop: state.returnHop + 1 });
    return true;
  },
  stopReturn: () => set({ returnHop: null, replyPlaying: false }),
});
