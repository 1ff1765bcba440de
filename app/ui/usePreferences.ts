import { useEffect } from 'react';
import { formatHash, isCanonicalHash } from '../deck';
import { selectLocation, THEMES, type InboundStore, type Theme } from '../store';
import { KEYS, recall, remember } from './storage';

/** The theme this browser chose last, or the system's light/dark preference. */
export function initialTheme(): Theme {
  const saved = recall(KEYS.theme);
  if (saved && (THEMES as readonly string[]).includes(saved)) return saved as Theme;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/**
 * Where this browser last was in the deck, as a hash, when a link names no
 * place. Only a hash the deck itself wrote is used: storage is anyone's to
 * edit, and `//27` or `62/1` put into the address bar is another URL (a
 * thrown SecurityError, or a path whose assets 404 on the next reload).
 */
export function resumeHash(hash: string): string {
  if (hash !== '' && hash !== '#' && hash !== '#/') return hash;
  const saved = recall(KEYS.last);
  return saved !== null && isCanonicalHash(saved) ? saved : hash;
}

/**
 * Applies the theme to the page and remembers it; remembers the position
 * (written after the step is painted, with the URL) for the next visit.
 */
export function usePreferences(store: InboundStore): void {
  useEffect(() => {
    const apply = (theme: Theme) => {
      document.documentElement.dataset.theme = theme;
    };
    apply(store.getState().theme);
    let timer = 0;
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.theme !== prev.theme) {
        apply(s.theme);
        remember(KEYS.theme, s.theme);
      }
      if (s.slide !== prev.slide || s.step !== prev.step) {
        window.clearTimeout(timer);
        timer = window.setTimeout(
          () =>
            remember(
              KEYS.last,
              formatHash({ ...selectLocation(store.getState()), returnHop: null }),
            ),
          300,
        );
      }
    });
    return () => {
      unsubscribe();
      window.clearTimeout(timer);
    };
  }, [store]);
}
