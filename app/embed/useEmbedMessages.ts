import { useEffect, useState } from 'react';
import { shallow } from 'zustand/shallow';
import { selectLocation, type InboundStore } from '../store';
import {
  API_VERSION,
  checkCommand,
  EVENT_TYPE,
  originAllowed,
  type EmbedEvent,
  type EmbedIgnoredEvent,
} from './api';
import { applyCommand, stateEvent } from './apply';

/**
 * The frame's side of the message API: commands from the window that embeds
 * it (and, when the link names origins, only from those) are checked and
 * carried out; anything else is ignored and counted. Events go back to that
 * window: `ready` once, `state` whenever the place or a switch changes, and
 * `ignored` with the reason. Returns how many messages were ignored.
 */
export function useEmbedMessages(store: InboundStore, origins: readonly string[] | null): number {
  const [ignored, setIgnored] = useState(0);
  useEffect(() => {
    const parent = window.parent;
    // Opened on its own (not in a frame), the page has no one to talk to.
    const framed = parent !== window;
    let count = 0;
    const post = (event: EmbedEvent) => {
      if (!framed) return;
      // Events say only where a public deck is; with a list, they go only to those origins.
      if (origins === null) parent.postMessage(event, '*');
      else for (const origin of origins) parent.postMessage(event, origin);
    };
    let reason = '';
    let ignoredTimer = 0;
    const ignore = (why: string) => {
      count += 1;
      reason = why;
      setIgnored(count);
      if (count === 1) console.warn(`Inbound ignored a message: ${why}. (Later ones are counted.)`);
      // A flood of bad messages gets one answer per burst, not one each.
      if (ignoredTimer) return;
      ignoredTimer = window.setTimeout(() => {
        ignoredTimer = 0;
        const event: EmbedIgnoredEvent = {
          type: EVENT_TYPE,
          version: API_VERSION,
          event: 'ignored',
          ignored: count,
          reason,
        };
        post(event);
      }, 50);
    };
    const onMessage = (e: MessageEvent) => {
      // reveal.js tells every iframe on a slide when the slide starts and stops: not for us.
      if (e.data === 'slide:start' || e.data === 'slide:stop') return;
      if (!framed || e.source !== parent) return ignore('it did not come from the embedding page');
      if (!originAllowed(e.origin, origins))
        return ignore(`${e.origin.slice(0, 60)} is not among the origins this frame allows`);
      const checked = checkCommand(e.data);
      if (!checked.ok) return ignore(checked.reason);
      applyCommand(store, checked.command);
      if (checked.command.command === 'state') post(stateEvent(store.getState(), 'state', count));
    };

    let queued = false;
    const unsubscribe = store.subscribe((s, before) => {
      if (queued) return;
      if (
        shallow(selectLocation(s), selectLocation(before)) &&
        s.replyPlaying === before.replyPlaying
      )
        return;
      // Several changes from one command (or one key) make one event.
      queued = true;
      queueMicrotask(() => {
        queued = false;
        post(stateEvent(store.getState(), 'state', count));
      });
    });
    window.addEventListener('message', onMessage);
    post(stateEvent(store.getState(), 'ready', count));
    return () => {
      unsubscribe();
      window.removeEventListener('message', onMessage);
      window.clearTimeout(ignoredTimer);
    };
  }, [store, origins]);
  return ignored;
}
