import { m, useReducedMotionConfig } from 'framer-motion';

interface Props {
  /** The SVG path of the hop. */
  readonly d: string;
  readonly reply: boolean;
  readonly dropped: boolean;
  /** Changes when a new hop is drawn, so the wire draws itself in again. */
  readonly drawKey: string;
}

/** The wire a hop travels along, drawn in from its start; replies are dashed. */
export function Wire({ d, reply, dropped, drawKey }: Props) {
  const reduce = useReducedMotionConfig();
  return (
    <m.path
      key={drawKey}
      d={d}
      fill="none"
      stroke={dropped ? 'var(--drop)' : reply ? 'var(--wire-return)' : 'var(--wire)'}
      strokeWidth={5}
      strokeLinecap="round"
      strokeDasharray={reply || dropped ? '14 10' : undefined}
      markerEnd={dropped ? undefined : reply ? 'url(#arrow-return)' : 'url(#arrow)'}
      initial={reduce || reply || dropped ? false : { pathLength: 0 }}
      animate={{ pathLength: 1 }}
      transition={{ duration: reduce ? 0 : 0.9, ease: 'easeInOut' }}
    />
  );
}
