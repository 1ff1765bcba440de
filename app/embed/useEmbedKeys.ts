import { useEffect } from 'react';
import type { InboundStore } from '../store';
import { commandFor } from '../ui/keys';
import { toggleReply } from '../ui/window-actions';

/**
 * The deck's keys that make sense inside a frame, while it has focus: steps,
 * first and last, the policy (E), the slide's switch (V), the addresses (A)
 * and the reply (R). Keys that open windows or panels stay with the host page.
 */
export function useEmbedKeys(store: InboundStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      if (e.target instanceof HTMLElement && e.target.closest('button')) return;
      const s = store.getState();
      const command = commandFor(e.key, e.shiftKey);
      switch (command) {
        case 'next':
          s.next();
          break;
        case 'prev':
          s.prev();
          break;
        case 'first':
          s.first();
          break;
        case 'last':
          s.last();
          break;
        case 'policy':
          if (!s.toggleTrafficPolicy())
            s.showNotice('externalTrafficPolicy changes nothing on this step.', 'news');
          break;
        case 'switch':
          if (!s.toggleSwitch()) s.showNotice('This slide has no switch of its own.', 'news');
          break;
        case 'addresses':
          s.toggleAddressView();
          break;
        case 'return':
          toggleReply(s);
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
