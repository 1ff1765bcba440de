import { m } from 'framer-motion';
import type { ReactNode } from 'react';
import type { FlightPlan } from './core/flight';

/**
 * Shows its children from the moment the card's fields flip at the device
 * (a badge, a drop's mark): a keyframe of an animation that framer-motion
 * starts in the same frame as the card's flight, so it is on the flight's
 * clock even when a busy main thread starts the flight late. With `hideAt`
 * it does the opposite: shown until the flip (a badge being undone).
 */
export function AtFlip({
  plan,
  go,
  hide = false,
  children,
}: {
  plan: FlightPlan;
  /** False in the frame the step is first drawn: it starts with the card's flight, a frame on. */
  go: boolean;
  hide?: boolean;
  children: ReactNode;
}) {
  if (plan.duration === 0) return hide ? null : <g>{children}</g>;
  const at = Math.min(1, plan.flipAt / plan.duration);
  const from = hide ? 1 : 0;
  return (
    <m.g
      initial={{ opacity: from }}
      animate={go ? { opacity: [from, from, 1 - from, 1 - from] } : undefined}
      transition={{
        duration: plan.duration,
        times: [0, at, Math.min(1, at + 0.02), 1],
        ease: 'linear',
      }}
    >
      {children}
    </m.g>
  );
}
