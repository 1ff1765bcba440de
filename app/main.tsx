import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, viewOf } from './App';
import { loadSinceCaptions, parseHash, TALK_SLIDE_COUNT } from './deck';
import { resumeHash } from './ui/usePreferences';
import './ui/theme.css';
import './ui/base.css';
import './ui/deck.css';

// The page's scripts ran (boot.js asks, to say so where a browser would not run them from a disk).
document.documentElement.dataset.app = 'running';

/** A visit with no slide in the link picks up where this browser left off; returns that slide. */
function resume(): number | null {
  if (viewOf(window.location.search) !== 'deck') return null;
  const hash = resumeHash(window.location.hash);
  if (hash === window.location.hash) return null;
  try {
    window.history.replaceState(null, '', hash);
  } catch {
    // Whatever storage held, the deck starts: at the first slide, as a fresh visit does.
    return null;
  }
  return parseHash(hash).location.slide;
}

const resumed = resume();

/**
 * A link into the section after the talk (or with its markers on) waits for
 * the section's captions, at most a moment, so its first words are the whole
 * caption rather than the computed sentence and then the caption.
 */
function captionsFirst(): Promise<unknown> {
  const { location } = parseHash(window.location.hash);
  if (location.slide <= TALK_SLIDE_COUNT && !location.marks) return Promise.resolve();
  return Promise.race([
    loadSinceCaptions().catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, 1000)),
  ]);
}

const root = document.getElementById('root');
if (root) {
  void captionsFirst().then(() =>
    createRoot(root).render(
      <StrictMode>
        <App resumed={resumed} />
      </StrictMode>,
    ),
  );
}
