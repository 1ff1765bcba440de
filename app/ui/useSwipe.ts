import { useEffect, type RefObject } from 'react';
import type { InboundStore } from '../store';

/** A horizontal swipe on the stage moves a step: left for next, right for previous. */
export function useSwipe(target: RefObject<HTMLElement | null>, store: InboundStore): void {
  useEffect(() => {
    const el = target.current;
    if (!el) return;
    let start: { x: number; y: number } | null = null;
    const down = (e: PointerEvent) => {
      if (e.pointerType !== 'mouse') start = { x: e.clientX, y: e.clientY };
    };
    const up = (e: PointerEvent) => {
      if (!start) return;
      const dx = e.clientX - start.x;
      const dy = e.clientY - start.y;
      start = null;
      if (Math.abs(dx) < 50 || Math.abs(dx) < Math.abs(dy) * 1.5) return;
      if (dx < 0) store.getState().next();
      else store.getState().prev();
    };
    el.addEventListener('pointerdown', down);
    el.addEventListener('pointerup', up);
    return () => {
      el.removeEventListener('pointerdown', down);
      el.removeEventListener('pointerup', up);
    };
  }, [target, store]);
}
