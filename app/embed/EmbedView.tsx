import { useLayoutEffect, useState, type ReactNode } from 'react';
import { useMotionReady } from '../scene/motion';
import { useInboundStore } from '../store';
import { Stage } from '../ui/Stage';
import { useReturnPlayback } from '../ui/useReturnPlayback';
import { useSinceCaptions } from '../ui/useSinceCaptions';
import { parseOrigins } from './api';
import { useEmbedHash } from './useEmbedHash';
import { useEmbedKeys } from './useEmbedKeys';
import { useEmbedMessages } from './useEmbedMessages';
import './embed.css';

/** What the frame's link asks for: the caption under the stage, and who may drive it. */
function readParams(search: string) {
  const params = new URLSearchParams(search);
  const { origins, problems } = parseOrigins(search);
  return {
    caption: params.get('caption') === '1',
    origins,
    problems:
      problems.length === 0
        ? []
        : [`${problems.join('; ')}${origins?.length ? '.' : ': no page may drive this frame.'}`],
  };
}

/**
 * `?view=embed`: the stage alone, sized to its frame, for an `<iframe>` in
 * another deck (reveal.js, Slidev) or any page. No bar; the step's words are
 * read to screen readers, and shown under the stage with `&caption=1`. The
 * host drives it with the message API (api.ts); it keeps to itself otherwise:
 * no other windows follow it, and it remembers no position.
 */
export function EmbedView({
  /** The slide (the deck's SlideView), drawn on a stage sized to the frame. */
  stage,
  /** Messages for the person (the deck's Notice): a bad link, a key that does nothing here. */
  notice,
  /** The step in words (the deck's LiveRegion): read aloud always, shown with `&caption=1`. */
  caption: words,
}: {
  stage: ReactNode;
  notice: ReactNode;
  caption: ReactNode;
}) {
  const store = useInboundStore();
  const [{ caption, origins, problems }] = useState(() => readParams(window.location.search));
  const ignored = useEmbedMessages(store, origins);
  useEmbedHash(store, problems);
  useEmbedKeys(store);
  useReturnPlayback(store);
  useSinceCaptions(store);
  // public/boot.js hides the page of `?view=embed` before it is drawn, so the prerendered
  // deck (title slide and bar) never shows in the frame, not even before the scripts run.
  useLayoutEffect(() => {
    document.documentElement.style.visibility = '';
  }, []);
  // The animation engine, fetched once the first slide is up (SlideView loads the diagram).
  const motionReady = useMotionReady();
  return (
    <div
      className="embed"
      data-caption={caption ? '' : undefined}
      data-ignored={ignored}
      data-motion={motionReady ? 'ready' : 'loading'}
    >
      <main
        className="embed-main"
        // Focusable, so a keyboard can reach the demo from the host page and step it.
        tabIndex={0}
        aria-label="Inbound live demo: arrow keys step it, E flips the policy, R plays the reply"
      >
        <Stage>{stage}</Stage>
      </main>
      {notice}
      <div className={caption ? 'embed-caption' : 'visually-hidden'}>{words}</div>
    </div>
  );
}
