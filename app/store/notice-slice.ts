import type { StateCreator } from 'zustand';
import type { InboundState } from './state';

export interface NoticeState {
  /** A message for the person (a bad link, say), or null. */
  readonly notice: string | null;
}

export interface NoticeActions {
  showNotice(message: string): void;
  dismissNotice(): void;
}

export const createNoticeSlice: StateCreator<InboundState, [], [], NoticeState & NoticeActions> = (
  set,
) => ({
  notice: null,
  showNotice: (notice) => set({ notice }),
  dismissNotice: () => set({ notice: null }),
});
