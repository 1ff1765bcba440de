import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, viewOf } from './App';
import { parseHash } from './deck';
import { resumeHash } from './ui/usePreferences';
import './ui/theme.css';
import './ui/base.css';
import './ui/deck.css';

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
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App resumed={resumed} />
    </StrictMode>,
  );
}
