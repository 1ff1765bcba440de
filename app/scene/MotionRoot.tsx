import { domAnimation, LazyMotion, MotionConfig, MotionConfigContext } from 'framer-motion';
import { useContext, type ReactNode } from 'react';

/**
 * The animation engine's context, given by the drawing itself rather than by
 * the window: a window that shows no diagram (the title slide, a text slide)
 * loads nothing of framer-motion. The features come with this lazy chunk, so a
 * diagram mounted after a text slide animates from its first frame. Motion follows the reader's
 * prefers-reduced-motion, unless an outer config already says otherwise (the
 * overview's and the handout's still thumbnails say "always").
 */
export function MotionRoot({ children }: { children: ReactNode }) {
  const outer = useContext(MotionConfigContext).reducedMotion;
  return (
    <MotionConfig reducedMotion={outer === 'never' ? 'user' : outer}>
      <LazyMotion features={domAnimation} strict>
        {children}
      </LazyMotion>
    </MotionConfig>
  );
}
