import { useReducedMotionConfig } from 'framer-motion';
import type { ReactNode } from 'react';

export interface AppearProps {
  readonly children: ReactNode;
  /** Seconds to wait before building in (nodes and pods come in one after another). */
  readonly delay?: number;
  /** Set by `Presence` while the group fades out after it has gone from the scene. */
  readonly leaving?: boolean;
}

/**
 * A group that builds in (fades and grows a little) when it first appears, and
 * fades out when it goes (inside `Presence`); with reduced motion it is simply
 * there. CSS animations, so building a slide up spends no script per element.
 */
export function Appear({ children, delay = 0, leaving = false }: AppearProps) {
  const reduce = useReducedMotionConfig() === true;
  if (reduce) return <g>{children}</g>;
  return (
    <g
      className={leaving ? 'appear-out' : 'appear'}
      style={!leaving && delay > 0 ? { animationDelay: `${delay}s` } : undefined}
      aria-hidden={leaving ? true : undefined}
    >
      {children}
    </g>
  );
}
