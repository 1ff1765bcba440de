import { useRef } from 'react';

/** Whether two selector results hold the same values: arrays item by item, objects key by key. */
function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length || Array.isArray(a) !== Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && Object.is(ra[k], rb[k]));
}

/**
 * Wraps a selector that builds a new array or object on each call, so that it
 * returns the previous one while its items are the same (a component reading
 * it re-renders only when they change). The explorer's own, so the deck's
 * first load keeps zustand's to itself.
 */
export function useSame<S, T>(select: (state: S) => T): (state: S) => T {
  const last = useRef<T | undefined>(undefined);
  return (state) => {
    const next = select(state);
    if (last.current !== undefined && same(last.current, next)) return last.current;
    last.current = next;
    return next;
  };
}
