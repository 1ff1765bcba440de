import { lazy, Suspense, useEffect, useState } from 'react';
import { isExplorerHash, parseHash } from './deck';
import { createInboundStore, StoreProvider } from './store';
import { Deck } from './ui/Deck';
import { LiveRegion } from './ui/LiveRegion';
import { Notice } from './ui/Notice';
import { SlideView } from './ui/SlideView';
import { initialTheme } from './ui/usePreferences';

const TracePage = lazy(() => import('./explore/TracePage').then((m) => ({ default: m.TracePage })));
const ExplorerPage = lazy(() =>
  import('./explore/ExplorerPage').then((m) => ({ default: m.ExplorerPage })),
);
const SceneLab = lazy(() => import('./explore/SceneLab').then((m) => ({ default: m.SceneLab })));
const PresenterView = lazy(() =>
  import('./presenter/PresenterView').then((m) => ({ default: m.PresenterView })),
);
const PrintView = lazy(() =>
  import('./presenter/PrintView').then((m) => ({ default: m.PrintView })),
);
const EmbedView = lazy(() => import('./embed/EmbedView').then((m) => ({ default: m.EmbedView })));

export type View = 'deck' | 'presenter' | 'print' | 'embed' | 'table' | 'scene';

/** The view the query string asks for (`?view=presenter`, `print`, `embed`, `table`); the deck otherwise. */
export function viewOf(search: string): View {
  const v = new URLSearchParams(search).get('view');
  return v === 'presenter' || v === 'print' || v === 'embed' || v === 'table' || v === 'scene'
    ? v
    : 'deck';
}

/** Picks the view and gives it a store. `resumed` says the deck reopened where this browser left it. */
export function App({ resumed = null }: { resumed?: number | null }) {
  const [store] = useState(() => {
    // Start where the link points, so a message about it is not cleared by moving there.
    const s = createInboundStore(parseHash(window.location.hash).location);
    s.setState({ theme: initialTheme() });
    if (resumed !== null)
      s.getState().showNotice(
        `Back at slide ${resumed}, where you left off. Home goes to the start.`,
        'news',
      );
    return s;
  });
  const view = viewOf(window.location.search);
  const exploring = useExploring();
  if (view === 'deck' && exploring)
    return (
      <Suspense fallback={null}>
        <ExplorerPage />
      </Suspense>
    );
  if (view === 'deck')
    return (
      <StoreProvider store={store}>
        <Deck />
      </StoreProvider>
    );
  return (
    <Suspense fallback={null}>
      {view === 'table' ? (
        <TracePage />
      ) : view === 'scene' ? (
        <SceneLab />
      ) : (
        <StoreProvider store={store}>
          {view === 'presenter' ? (
            <PresenterView />
          ) : view === 'embed' ? (
            // The deck's own parts, handed in from here where the first load already has them:
            // imported from the lazy chunk instead, they make the bundler split the store into
            // a chunk of its own, which costs every first visit most of a kilobyte.
            <EmbedView stage={<SlideView />} notice={<Notice />} caption={<LiveRegion />} />
          ) : (
            <PrintView />
          )}
        </StoreProvider>
      )}
    </Suspense>
  );
}

/** Whether the hash opens the explorer (`#/explore…`), following the hash as it changes. */
function useExploring(): boolean {
  const [exploring, setExploring] = useState(() => isExplorerHash(window.location.hash));
  useEffect(() => {
    const follow = () => setExploring(isExplorerHash(window.location.hash));
    window.addEventListener('hashchange', follow);
    window.addEventListener('popstate', follow);
    return () => {
      window.removeEventListener('hashchange', follow);
      window.removeEventListener('popstate', follow);
    };
  }, []);
  return exploring;
}
