import { createStore, type StoreApi } from 'zustand/vanilla';
import { START, talkPolicy, type Location } from '../deck';
import { selectScene, selectTrace } from './selectors';
import { createDeckSlice, place } from './deck-slice';
import { createNoticeSlice } from './notice-slice';
import { createSettingsSlice } from './settings-slice';
import { createViewSlice } from './view-slice';
import type { InboundState } from './state';

export type InboundStore = StoreApi<InboundState>;

/** A new store: one per app (and one per test), never a module-level singleton. */
export function createInboundStore(initial: Location = START): InboundStore {
  const store = createStore<InboundState>()((...a) => {
    const [set, get] = a;
    return {
      ...createDeckSlice(...a),
      ...createSettingsSlice(...a),
      ...createNoticeSlice(...a),
      ...createViewSlice(...a),
      applyLocation: (l) => {
        const was = get();
        set({ ...place(was, l.slide, l.step), addressView: l.addressView });
        // Live state only where it means something: a policy where the mode has one,
        // a return hop that exists.
        const state = get();
        const t = selectTrace({ ...state, policy: l.policy });
        const policyOk = l.policy !== null && t?.ok === true && t.value.policyApplies;
        const withPolicy = policyOk
          ? selectTrace({ ...state, policy: l.policy })
          : selectTrace({ ...state, policy: null });
        const back = withPolicy?.ok ? withPolicy.value.back.length : 0;
        const returnHop = l.returnHop !== null && back > 0 ? Math.min(l.returnHop, back - 1) : null;
        // A reply from a link, or moved by another window, holds its hop: the link shows what it
        // says. One this window is playing plays on through changes that leave it where it is
        // (the other window flipping the addresses, say).
        const moved =
          returnHop !== was.returnHop || was.slide !== state.slide || was.step !== state.step;
        set({
          policy: policyOk && l.policy !== talkPolicy(selectScene(state)) ? l.policy : null,
          returnHop,
          replyPlaying: moved ? false : state.replyPlaying && returnHop !== null,
        });
      },
    };
  });
  store.getState().applyLocation(initial);
  return store;
}
