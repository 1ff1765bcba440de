import { createStore, type StoreApi } from 'zustand/vanilla';
import { START, type Location } from '../deck';
import { createLocationSlice } from './location-slice';
import { createNoticeSlice } from './notice-slice';
import { createViewSlice } from './view-slice';
import type { InboundState } from './state';

export type InboundStore = StoreApi<InboundState>;

/** A new store: one per app (and one per test), never a module-level singleton. */
export function createInboundStore(initial: Location = START): InboundStore {
  const store = createStore<InboundState>()((...a) => ({
    ...createLocationSlice(...a),
    ...createNoticeSlice(...a),
    ...createViewSlice(...a),
  }));
  store.getState().applyLocation(initial);
  return store;
}
