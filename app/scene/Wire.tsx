import { useReducedMotionConfig } from 'framer-motion';

interface Props {
  /** The SVG path of the hop. */
  readonly d: string;
  readonly reply: boolean;
  readonly dropped: boolean;
  /** Changes when a new hop is drawn, so the wire draws itself in again. */
  readonly drawKey: string;
  /** Draws itself in (false: simply there, e.g. stepping back to it). */
  readonly draw?: boolean;
  /** Seconds before it draws in: when the card sets off along it. */
  readonly delay?: number;
}

/**
 * The wire a hop travels along, drawn in from its start; replies are dashed.
 * The draw-in is a CSS animation (`.wire-draw` in deck.css), not a motion
 * component: a new wire mounts on every step, and a CSS animation costs the
 * key press nothing in script, where a motion component builds and starts an
 * animation object on the main thread in the same frame.
 */
export function Wire({ d, reply, dropped, drawKey, draw: wanted = true, delay = 0 }: Props) {
  const reduce = useReducedMotionConfig();
  const draw = wanted && !reduce && !reply && !dropped;
  const later = delay > 0 ? { animationDelay: `${delay}s` } : undefined;
  const marker = dropped ? undefined : reply ? 'url(#arrow-return)' : 'url(#arrow)';
  const wire = (
    <path
      key={drawKey}
      className={draw ? 'wire-draw' : undefined}
      style={draw ? later : undefined}
      // With a path length of 1 the dash that draws the wire in is the wire's whole length.
      pathLength={draw ? 1 : undefined}
      d={d}
      fill="none"
      stroke={dropped ? 'var(--drop)' : reply ? 'var(--wire-return)' : 'var(--wire)'}
      strokeWidth={5}
      strokeLinecap="round"
      strokeDasharray={reply || dropped ? '14 10' : undefined}
      markerEnd={draw ? undefined : marker}
    />
  );
  if (!draw) return wire;
  // The arrowhead on a path of its own, which shows once the wire has drawn in up to it.
  return (
    <>
      {wire}
      <path
        key={`${drawKey}-head`}
        className="wire-head"
        style={delay > 0 ? { animationDelay: `${delay + 0.8}s` } : undefined}
        d={d}
        fill="none"
        stroke="none"
        // Markers scale with the stroke width: the wire's, so the head is the same size.
        strokeWidth={5}
        markerEnd={marker}
      />
    </>
  );
}

/**
 * The wires of the hops the packet has already taken on this trip, faded, so
 * the route so far stays in view: the wire into Pod-c starts where the one
 * from the client ended (slide 30), and a drop shows how the packet got there
 * (slide 37).
 */
export function Trail({ paths, reply }: { paths: readonly string[]; reply: boolean }) {
  return (
    <g className="trail" data-testid="trail" opacity={0.35}>
      {paths.map((d, i) => (
        <path
          key={`${i}|${d}`}
          d={d}
          fill="none"
          stroke={reply ? 'var(--wire-return)' : 'var(--wire)'}
          strokeWidth={4}
          strokeLinecap="round"
          strokeDasharray={reply ? '14 10' : undefined}
          markerEnd={reply ? 'url(#arrow-return)' : 'url(#arrow)'}
        />
      ))}
    </g>
  );
}
