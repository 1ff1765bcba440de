import { useEffect, useState } from 'react';
import { noSuchSlide, TALK_SLIDE_COUNT } from '../deck';
import { selectTrace, type InboundStore } from '../store';
import { commandFor, type Command } from './keys';
import { openExplorer, toggleFullscreen, toggleReply } from './window-actions';

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

export interface KeyboardOptions {
  /** What S does: the deck opens the presenter view, the presenter view the audience window. */
  readonly onOtherWindow: () => void;
}

/**
 * The presenter's keys, as listed in keys.ts (and in the help overlay). A
 * number then Enter jumps to that slide. While a panel is open, keys belong
 * to it, except the panel's own key, which closes it. Returns the digits
 * typed so far, to show them.
 */
export function useKeyboard(store: InboundStore, { onOtherWindow }: KeyboardOptions): string {
  const [typed, setTyped] = useState('');
  useEffect(() => {
    let buffer = '';
    const setBuffer = (v: string) => {
      buffer = v;
      setTyped(v);
    };
    const run = (command: Command) => {
      const s = store.getState();
      switch (command) {
        case 'next':
          return s.next();
        case 'prev':
          return s.prev();
        case 'first':
          return s.first();
        case 'last':
          return s.last();
        case 'policy':
          if (s.toggleTrafficPolicy()) return;
          return s.showNotice(
            selectTrace(s)
              ? 'externalTrafficPolicy changes nothing in this mode: no node does kube-proxy’s NAT for it.'
              : 'externalTrafficPolicy applies where a packet enters through a node: there is none on this slide.',
            'news',
          );
        case 'switch':
          if (s.toggleSwitch()) return;
          return s.showNotice(
            'This slide has no switch of its own: V flips one on the slides after the talk (ipMode, DSR…).',
            'news',
          );
        case 'marks':
          s.toggleMarks();
          return s.showNotice(
            store.getState().marks
              ? 'Markers on: the talk’s slides say where something has changed since 2020 (M hides them).'
              : 'Markers off: the talk as it was given.',
            'news',
          );
        case 'addresses':
          return s.toggleAddressView();
        case 'return':
          return toggleReply(s);
        case 'blackout':
          return s.toggleBlackout();
        case 'theme':
          return s.cycleTheme();
        case 'goto':
        case 'overview':
        case 'help':
        case 'picture':
          return s.toggleOverlay(command);
        case 'close':
          return s.toggleOverlay('overview');
        case 'fullscreen':
          return toggleFullscreen((message) => s.showNotice(message));
        case 'presenter':
          return onOtherWindow();
        case 'explore':
          return openExplorer(s);
        case 'number':
          return;
      }
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || ownsKey(e.target, e.key))
        return;
      const s = store.getState();
      const command = commandFor(e.key, e.shiftKey);
      if (s.overlay !== null) {
        // The panel has the keyboard; its own key (or Esc) closes it.
        if (command === s.overlay || command === 'close') {
          e.preventDefault();
          s.closeOverlay();
        }
        return;
      }
      if (s.blackout && command !== null && command !== 'blackout' && command !== 'help') {
        // Any key brings the screen back first, as on a slide projector.
        e.preventDefault();
        s.toggleBlackout();
        return;
      }
      if (/^[0-9]$/.test(e.key)) {
        e.preventDefault();
        setBuffer((buffer + e.key).slice(0, 4));
        return;
      }
      if (buffer) {
        if (e.key === 'Enter') {
          const n = Number(buffer);
          // Typed numbers are the talk's (1–124); the section after it is reached by →, G or O.
          s.goTo(Math.min(n, TALK_SLIDE_COUNT));
          if (n < 1 || n > TALK_SLIDE_COUNT)
            s.showNotice(noSuchSlide(n, store.getState().slide), 'news');
        }
        if (e.key === 'Backspace') {
          e.preventDefault();
          setBuffer(buffer.slice(0, -1));
          return;
        }
        setBuffer('');
        if (e.key === 'Enter' || e.key === 'Escape') {
          e.preventDefault();
          return;
        }
      }
      if (command === null) return;
      e.preventDefault();
      run(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, onOtherWindow]);
  return typed;
}
