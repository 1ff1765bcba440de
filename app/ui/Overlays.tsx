import { lazy, Suspense, useEffect } from 'react';
import { useInbound } from '../store';

// Panels are their own chunk: the first slide does not wait for them, and
// they are fetched as soon as the deck is idle, so they open at once.
const loadPanels = () => import('./panels');
const Overview = lazy(() => loadPanels().then((m) => ({ default: m.Overview })));
const HelpOverlay = lazy(() => loadPanels().then((m) => ({ default: m.HelpOverlay })));
const GoTo = lazy(() => loadPanels().then((m) => ({ default: m.GoTo })));

/** Whichever panel is open over the deck: overview, key help or go-to. */
export function Overlays() {
  const overlay = useInbound((s) => s.overlay);
  useEffect(() => {
    const id = window.setTimeout(() => void loadPanels(), 1500);
    return () => window.clearTimeout(id);
  }, []);
  return (
    <Suspense fallback={null}>
      {overlay === 'help' && <HelpOverlay />}
      {overlay === 'goto' && <GoTo />}
      {overlay === 'overview' && <Overview />}
    </Suspense>
  );
}
