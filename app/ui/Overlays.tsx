import { useEffect, useState } from 'react';
import { useInbound } from '../store';
import type * as PanelsModule from './panels';

type Panels = typeof PanelsModule;

// Panels are their own chunk: the first slide does not wait for them, and
// they are fetched as soon as the deck is idle. The module is held in state
// rather than behind React.lazy: a lazy component suspends on its first
// render even when its code is already here, and Suspense then holds the
// reveal back for up to 300 ms. A panel must open at once.
let loading: Promise<Panels> | null = null;
const loadPanels = () => (loading ??= import('./panels'));

/** Whichever panel is open over the deck: overview, key help, go-to or the picture. */
export function Overlays() {
  const overlay = useInbound((s) => s.overlay);
  const [panels, setPanels] = useState<Panels | null>(null);
  useEffect(() => {
    let live = true;
    const fetchNow = () => void loadPanels().then((m) => live && setPanels(m));
    if (overlay !== null) fetchNow();
    const id = window.setTimeout(fetchNow, 1500);
    return () => {
      live = false;
      window.clearTimeout(id);
    };
  }, [overlay]);
  if (!panels || overlay === null) return null;
  const { GoTo, HelpOverlay, Overview, PictureSave } = panels;
  if (overlay === 'help') return <HelpOverlay />;
  if (overlay === 'picture') return <PictureSave />;
  if (overlay === 'goto') return <GoTo />;
  return <Overview />;
}
