import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, viewOf } from './App';
import { parseHash } from './deck';
import { resumeHash } from './ui/usePreferences';
import './ui/theme.css';
import './ui/base.css';
import './ui/deck.css';

// A visit with no slide in the link picks up where this browser left off.
let resumed: number | null = null;
if (viewOf(window.location.search) === 'deck') {
  const hash = resumeHash(window.location.hash);
  if (hash !== window.location.hash) {
    window.history.replaceState(null, '', hash);
    resumed = parseHash(hash).location.slide;
  }
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App resumed={resumed} />
    </StrictMode>,
  );
}
