import { m, useReducedMotionConfig } from 'framer-motion';
import type { ReactNode } from 'react';

/**
 * A group that builds in (fades and grows a little) when it first appears, and
 * out when it goes; with reduced motion it is simply there.
 */
export function Appear({ children, delay = 0 }: { children: ReactNode; delay?: number }) {
  const reduce = useReducedMotionConfig();
  return (
    <m.g
      initial={reduce ? false : { opacity: 0, scale: 0.96 }}
      animate={{ opacity: 1, scale: 1 }}
      exit={reduce ? { opacity: 0, transition: { duration: 0 } } : { opacity: 0 }}
      transition={{ duration: reduce ? 0 : 0.45, delay: reduce ? 0 : delay }}
      style={{ transformBox: 'fill-box', transformOrigin: 'center' }}
    >
      {children}
    </m.g>
  );
}
