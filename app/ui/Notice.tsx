import { useEffect } from 'react';
import { useInbound, useInboundStore } from '../store';

/** How long news (not a problem) stays on screen. */
export const NEWS_MS = 6000;

/**
 * A message for the person, with a way to dismiss it. A problem (a bad link)
 * is an alert and stays until dismissed or the deck moves on; news (back where
 * you left off) is a status that goes by itself after a few seconds.
 */
export function Notice() {
  const notice = useInbound((s) => s.notice);
  const tone = useInbound((s) => s.noticeTone);
  const store = useInboundStore();
  useEffect(() => {
    if (!notice || tone !== 'news') return;
    const timer = setTimeout(() => {
      if (store.getState().notice === notice) store.getState().dismissNotice();
    }, NEWS_MS);
    return () => clearTimeout(timer);
  }, [notice, tone, store]);
  if (!notice) return null;
  return (
    <div
      className={tone === 'news' ? 'notice notice-news' : 'notice'}
      role={tone === 'news' ? 'status' : 'alert'}
    >
      <span>{notice}</span>
      <button
        type="button"
        onClick={() => store.getState().dismissNotice()}
        aria-label="Dismiss message"
      >
        ×
      </button>
    </div>
  );
}
