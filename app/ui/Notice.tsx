import { useEffect } from 'react';
import { useInbound, useInboundStore } from '../store';

/**
 * Where a message sits: it rises from the stage's bottom edge, just above the
 * caption, since the slide's title is at the top and a message must never
 * cover it. The anchor has no height, so a message never moves the stage or
 * the caption. (Set here rather than in a stylesheet: the prerendered first
 * slide renders this component, and its build cannot take a component's own
 * CSS import; the box's look stays `.notice` in deck.css.)
 */
const ANCHOR = { position: 'relative', height: 0 } as const;
const ABOVE_CAPTION = {
  top: 'auto',
  bottom: 10,
  width: 'max-content',
  maxWidth: 'min(92%, 760px)',
} as const;

/** How long news (not a problem) stays on screen. */
export const NEWS_MS = 6000;

/**
 * A message for the person, with a way to dismiss it. A problem (a bad link)
 * is an alert and stays until dismissed or the deck moves on; news (back where
 * you left off) goes by itself after a few seconds. News is written into a
 * status region that is always there, since screen readers announce a polite
 * region's changes, not a region that arrives already filled.
 */
export function Notice() {
  const notice = useInbound((s) => s.notice);
  const tone = useInbound((s) => s.noticeTone);
  const seq = useInbound((s) => s.noticeSeq);
  const store = useInboundStore();
  useEffect(() => {
    if (tone !== 'news' || seq === 0) return;
    const timer = setTimeout(() => {
      if (store.getState().noticeSeq === seq) store.getState().dismissNotice();
    }, NEWS_MS);
    return () => clearTimeout(timer);
  }, [seq, tone, store]);
  const box = (role: 'alert' | undefined) =>
    notice && (
      <div
        className={tone === 'news' ? 'notice notice-news' : 'notice'}
        role={role}
        style={ABOVE_CAPTION}
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
  return (
    <div className="notice-anchor" style={ANCHOR}>
      <div className="notice-slot" role="status">
        {tone === 'news' && box(undefined)}
      </div>
      {tone === 'problem' && box('alert')}
    </div>
  );
}
