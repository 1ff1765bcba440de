import { useReducedMotionConfig } from 'framer-motion';
import {
  Children,
  cloneElement,
  isValidElement,
  useEffect,
  useRef,
  useState,
  type Key,
  type ReactElement,
  type ReactNode,
} from 'react';
import type { AppearProps } from './Appear';

/** How long a group that has gone stays to fade out (matches `.appear-out` in deck.css). */
export const EXIT_MS = 300;

type Child = ReactElement<AppearProps>;

const keyOf = (c: Child): Key => c.key ?? '';

/**
 * Keyed `Appear` groups that fade out when they leave the scene (stepping back
 * through the build-up, Pod-a going away) instead of vanishing. Children that
 * leave are kept, as they last were, for EXIT_MS with `leaving` set; one that
 * comes back before then builds in again. With reduced motion they go at once.
 */
export function Presence({ children }: { children: ReactNode }) {
  const reduce = useReducedMotionConfig() === true;
  const shown = Children.toArray(children).filter(isValidElement) as Child[];
  const keys = shown.map(keyOf);
  const keyList = keys.join('\n');
  // The children as last rendered, to keep drawing the ones that leave.
  const last = useRef<readonly Child[]>(shown);
  const [was, setWas] = useState(keyList);
  const [gone, setGone] = useState<readonly Child[]>([]);
  if (was !== keyList) {
    setWas(keyList);
    // eslint-disable-next-line react-hooks/refs -- read once when the set of keys changes, to keep what left
    const left = reduce ? [] : last.current.filter((c) => !keys.includes(keyOf(c)));
    setGone((g) => [
      ...g.filter((c) => !keys.includes(keyOf(c)) && !left.some((l) => keyOf(l) === keyOf(c))),
      ...left,
    ]);
  }
  useEffect(() => {
    last.current = shown;
  });
  useEffect(() => {
    if (gone.length === 0) return;
    const timer = setTimeout(() => setGone([]), EXIT_MS);
    return () => clearTimeout(timer);
  }, [gone]);
  return (
    <>
      {gone
        .filter((c) => !keys.includes(keyOf(c)))
        .map((c) => cloneElement(c, { key: keyOf(c), leaving: true }))}
      {shown}
    </>
  );
}
