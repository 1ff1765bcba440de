import { useEffect, useState } from 'react';
import type { InboundStore } from '../store';

const NEXT = new Set(['ArrowRight', 'PageDown', 'n', 'N', 'ArrowDown']);
const PREV = new Set(['ArrowLeft', 'PageUp', 'p', 'P', 'ArrowUp']);

/** Keys a control handles itself when it has focus. */
const ownsKey = (target: EventTarget | null, key: string): boolean => {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('input, select, textarea, [contenteditable="true"]')) return true;
  const control = target.closest('button, a, [role="radio"]');
  return (
    control !== null &&
    (key === ' ' ||
      key === 'Enter' ||
      (target.getAttribute('role') === 'radio' && key.startsWith('Arrow')))
  );
};

/**
 * The presenter's keys: next (→ Space PageDown N), previous (← PageUp P
 * Shift+Space), Home/End, a number then Enter to jump, E for
 * externalTrafficPolicy, A for addresses, R for the return path. Returns the
 * digits typed so far, to show them.
 */
export function useKeyboard(store: InboundStore): string {
  const [typed, setTyped] = useState('');
  useEffect(() => {
    let buffer = '';
    const setBuffer = (v: string) => {
      buffer = v;
      setTyped(v);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || ownsKey(e.target, e.key))
        return;
      const s = store.getState();
      let handled = true;
      if (/^[0-9]$/.test(e.key)) setBuffer((buffer + e.key).slice(0, 4));
      else if (e.key === 'Enter' && buffer) {
        s.goTo(Number(buffer));
        setBuffer('');
      } else if (e.key === 'Escape' && buffer) setBuffer('');
      else if (e.key === 'Backspace' && buffer) setBuffer(buffer.slice(0, -1));
      else if (e.key === ' ') (e.shiftKey ? s.prev : s.next)();
      else if (NEXT.has(e.key)) s.next();
      else if (PREV.has(e.key)) s.prev();
      else if (e.key === 'Home') s.first();
      else if (e.key === 'End') s.last();
      else if (e.key === 'e' || e.key === 'E') s.toggleTrafficPolicy();
      else if (e.key === 'a' || e.key === 'A') s.toggleAddressView();
      else if (e.key === 'r' || e.key === 'R') s.toggleReturn();
      else handled = false;
      if (handled) e.preventDefault();
      if (handled && !/^[0-9]$/.test(e.key) && e.key !== 'Backspace' && buffer && e.key !== 'Enter')
        setBuffer('');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
  return typed;
}
