import { lazy } from 'react';

// The diagram (framer-motion's animation components, D3) is its own chunk: the
// first slide paints without it, and Deck prefetches it straight after.
export const loadDiagram = () => import('../scene/Diagram');
export const LazyDiagram = lazy(() => loadDiagram().then((m) => ({ default: m.Diagram })));
