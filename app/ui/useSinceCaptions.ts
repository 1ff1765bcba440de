import { useEffect } from 'react';
import { loadSinceCaptions, TALK_SLIDE_COUNT } from '../deck';
import type { InboundStore } from '../store';

/** How far before the section its captions are fetched, so they are there when it starts. */
const AHEAD = 4;

/**
 * Fetches the step captions of the section after the talk (and the talk
 * slides' markers) when the deck comes near the section, opens in it, or the
 * markers are turned on; says when they are here so the words under the stage
 * and the markers are drawn with them.
 */
export function useSinceCaptions(store: InboundStore): void {
  useEffect(() => {
    let live = true;
    const check = (slide: number) => {
      const s = store.getState();
      if (s.sinceCaptions || (slide < TALK_SLIDE_COUNT - AHEAD && !s.marks)) return;
      void loadSinceCaptions().then(() => live && store.setState({ sinceCaptions: true }));
    };
    check(store.getState().slide);
    const stop = store.subscribe((s, before) => {
      if (s.slide !== before.slide || s.marks !== before.marks) check(s.slide);
    });
    return () => {
      live = false;
      stop();
    };
  }, [store]);
}
