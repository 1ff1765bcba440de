import { m } from 'framer-motion';
import type { ReactNode } from 'react';

/** A group that builds in (fades and grows a little) when it first appears, and out when it goes. */
export function Appear({ children, delay = 0 }: { children: ReactNode; delay?: number }) {
  return (
    <m.g
      initial={{ opacity: 0, scale: 0.96 }}
      animate={{ opacity: 1, scale: 1 }}
      exit={{ opacity: 0 }}
      transition={{ duration: 0.45, delay }}
      style={{ transformBox: 'fill-box', transformOrigin: 'center' }}
    >
      {children}
    </m.g>
  );
}
