import { lazy, Suspense, useState } from 'react';
import { createInboundStore, StoreProvider } from './store';
import { Deck } from './ui/Deck';

const TracePage = lazy(() => import('./explore/TracePage').then((m) => ({ default: m.TracePage })));

/** Picks the view from the query string: the deck, or the trace table (?view=table). */
export function App() {
  const [store] = useState(() => createInboundStore());
  const view = new URLSearchParams(window.location.search).get('view');
  if (view === 'table')
    return (
      <Suspense fallback={null}>
        <TracePage />
      </Suspense>
    );
  return (
    <StoreProvider store={store}>
      <Deck />
    </StoreProvider>
  );
}
