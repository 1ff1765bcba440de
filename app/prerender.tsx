import { renderToString } from 'react-dom/server';
import { createInboundStore, StoreProvider } from './store';
import { Deck } from './ui/Deck';

/**
 * The deck at its first slide as HTML, written into index.html at build time
 * (see vite.config.ts), so the title slide paints before any script has run.
 * The app replaces it with the live deck as soon as it starts.
 */
export function renderFirstSlide(): string {
  return renderToString(
    <StoreProvider store={createInboundStore()}>
      <Deck prerendered />
    </StoreProvider>,
  );
}
