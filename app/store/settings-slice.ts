import type { StateCreator } from 'zustand';
import { talkPolicy } from '../deck';
import type { AddressView, ExternalTrafficPolicy } from '../model';
import {
  selectPolicyApplies,
  selectReplyAvailable,
  selectReplyHasNext,
  selectScene,
} from './selectors';
import type { InboundState } from './state';

export interface SettingsState {
  /** The presenter's externalTrafficPolicy override; null shows the talk's. */
  readonly policy: ExternalTrafficPolicy | null;
  readonly addressView: AddressView;
  /** The return hop on screen (0-based), or null when the reply is not shown. */
  readonly returnHop: number | null;
  /**
   * Whether the reply moves on by itself: after R in this window, until the
   * presenter steps it by hand. A reply opened from a link, or followed from
   * another window, holds its hop.
   */
  readonly replyPlaying: boolean;
}

export interface SettingsActions {
  setTrafficPolicy(policy: ExternalTrafficPolicy): void;
  toggleTrafficPolicy(): void;
  setAddressView(view: AddressView): void;
  toggleAddressView(): void;
  /** Shows the reply from its first hop; again while showing, hides it. */
  toggleReturn(): void;
  /** Moves the reply one hop on; false when it is already at the client (playing then stops). */
  advanceReturn(): boolean;
  stopReturn(): void;
}

export const createSettingsSlice: StateCreator<
  InboundState,
  [],
  [],
  SettingsState & SettingsActions
> = (set, get) => ({
  policy: null,
  addressView: 'talk',
  returnHop: null,
  replyPlaying: false,
  setTrafficPolicy: (policy) => {
    const state = get();
    if (!selectPolicyApplies(state)) return;
    const scene = selectScene(state);
    // An override equal to the talk's own policy is no override: the URL stays clean.
    set({
      policy: policy === talkPolicy(scene) ? null : policy,
      returnHop: null,
      replyPlaying: false,
    });
  },
  toggleTrafficPolicy: () => {
    const state = get();
    const current = state.policy ?? talkPolicy(selectScene(state));
    state.setTrafficPolicy(current === 'Cluster' ? 'Local' : 'Cluster');
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
