import { useEffect } from 'react';
import { findMode, policyApplies } from '../model';
import { policyOf, traceOf } from './derive';
import { setPolicy } from './edit';
import { policyServiceOf } from './from-slide';
import { placeOf } from './stage-step';
import type { ExplorerStore } from './store';

/** Typing in a field keeps its keys (and its own Ctrl+Z). */
const typing = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  target.closest('input, select, textarea, [contenteditable="true"]') !== null;

/**
 * Keys that a focused control answers itself: Space and Enter press a button;
 * arrows move within a radio group or a tab list. After a click on any other
 * button, the arrows still step the hops.
 */
const pressing = (target: EventTarget | null, key: string): boolean => {
  if (!(target instanceof HTMLElement)) return false;
  if (key.startsWith('Arrow')) return target.closest('[role="radio"], [role="tab"]') !== null;
  return (key === ' ' || key === 'Enter') && target.closest('button, a, summary') !== null;
};

/**
 * The explorer's keys: ← → step through the hops, R jumps to the reply and
 * back, E flips externalTrafficPolicy, A switches addresses, Ctrl+Z undoes,
 * Ctrl+Shift+Z or Ctrl+Y redoes, Esc goes back to where the explorer was
 * opened from (the deck's slide).
 */
export function useExplorerKeys(store: ExplorerStore, onLeave: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey) return;
      const s = store.getState();
      const ctrl = e.ctrlKey || e.metaKey;
      if (ctrl) {
        if (typing(e.target)) return;
        const k = e.key.toLowerCase();
        if (k === 'z' && !e.shiftKey) s.undo();
        else if ((k === 'z' && e.shiftKey) || k === 'y') s.redo();
        else return;
        e.preventDefault();
        return;
      }
      if (typing(e.target) || pressing(e.target, e.key)) return;
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      const result = traceOf(s.drawn);
      const t = result.ok ? result.value : null;
      const { total, at } = placeOf(t, s.step);
      switch (e.key) {
        case 'ArrowRight':
          s.setStep(Math.min(total - 1, at + 1));
          break;
        case 'ArrowLeft':
          s.setStep(Math.max(0, at - 1));
          break;
        case 'Home':
          s.setStep(0);
          break;
        case 'End':
          s.setStep(Math.max(0, total - 1));
          break;
        case 'r':
        case 'R':
          if (!t || t.back.length === 0) return;
          s.setStep(at < t.forward.length ? t.forward.length : t.forward.length - 1);
          break;
        case 'e':
        case 'E': {
          const mode = findMode(s.doc.mode);
          if (!mode || !policyApplies(mode)) return;
          const to = policyOf(s.doc) === 'Local' ? 'Cluster' : 'Local';
          const id = policyServiceOf(s.doc.topology, s.doc.service, s.doc.mode);
          s.edit(`externalTrafficPolicy ${to}`, (d) => setPolicy(d, id, to));
          break;
        }
        case 'a':
        case 'A':
          s.set({ view: s.doc.view === 'ip' ? 'talk' : 'ip' });
          break;
        case 'Escape':
          onLeave();
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, onLeave]);
}
