import type { StateCreator } from 'zustand';
import type { InboundState } from './state';

/** A problem to read (a bad link) stays until dismissed; news (back where you left off) passes. */
export type NoticeTone = 'problem' | 'news';

export interface NoticeState {
  /** A message for the person (a bad link, say), or null. */
  readonly notice: string | null;
  readonly noticeTone: NoticeTone;
  /** Counts the notices shown, so the same words shown again count as new. */
  readonly noticeSeq: number;
}

export interface NoticeActions {
  showNotice(message: string, tone?: NoticeTone): void;
  dismissNotice(): void;
}

export const createNoticeSlice: StateCreator<InboundState, [], [], NoticeState & NoticeActions> = (
  set,
) => ({
  notice: null,
  noticeTone: 'problem',
  noticeSeq: 0,
  showNotice: (notice, noticeTone = 'problem') =>
    set((s) => ({ notice, noticeTone, noticeSeq: s.noticeSeq + 1 })),
  dismissNotice: () => set({ notice: null }),
});
