import { m } from 'framer-motion';
import { useState } from 'react';
import type { FlightPlan } from './core/flight';
import type { CardFace } from './core/frame';
import { CARD_FONT, CARD_LINE } from './core/placement';

interface Props {
  /** The packet as the device sends it on this hop. */
  readonly face: CardFace;
  /** The packet as it arrived at the device, shown until the fields flip; null: the face from the start. */
  readonly before: CardFace | null;
  readonly plan: FlightPlan;
  /** False in the frame the step is first drawn: the flight starts in the next one (see Diagram). */
  readonly go: boolean;
  /** A reply travelling back. */
  readonly reply: boolean;
  /** A dropped packet. */
  readonly dropped: boolean;
}

interface FaceProps {
  readonly face: CardFace;
  /** Highlight what changed (the face the device sent). */
  readonly lit: boolean;
  readonly reply: boolean;
  readonly dropped: boolean;
  /** 'before' hides at the flip, 'after' shows from it; none: always shown. */
  readonly role?: 'before' | 'after';
  /** Seconds until the flip. */
  readonly flipAt: number;
  /** Seconds the whole flight takes. */
  readonly duration: number;
  readonly go: boolean;
}

/** One face of the card: its box and its lines. */
function Face({ face, lit, reply, dropped, role, flipAt, duration, go }: FaceProps) {
  const { size } = face;
  // The swap rides on the flight's own animation clock (framer-motion starts both in one frame):
  // the face it arrived with shows until the flip, the new one from it.
  const at = duration > 0 ? Math.min(1, flipAt / duration) : 0;
  const swap =
    role === undefined || !go
      ? undefined
      : {
          animate: { opacity: role === 'before' ? [1, 1, 0, 0] : [0, 0, 1, 1] },
          transition: {
            duration,
            times: [0, at, Math.min(1, at + 0.001), 1],
            ease: 'linear' as const,
          },
        };
  return (
    <m.g
      className="card-face"
      data-face={role ?? 'only'}
      initial={role === undefined ? false : { opacity: role === 'before' ? 1 : 0 }}
      {...swap}
    >
      {/* A plain offset shape for the shadow: an SVG filter costs a full repaint in software rendering. */}
      <rect x={3} y={5} width={size.w} height={size.h} rx={12} fill="var(--ink)" opacity={0.18} />
      <rect
        width={size.w}
        height={size.h}
        rx={12}
        fill="var(--packet-bg)"
        stroke={dropped ? 'var(--drop)' : reply ? 'var(--wire-return)' : 'var(--packet-stroke)'}
        strokeWidth={3}
        strokeDasharray={reply ? '9 6' : undefined}
      />
      {face.lines.map((line, i) => {
        const changed = lit && face.changed[i] === true;
        return (
          <g key={`${i}-${line}`} className={changed ? 'changed-field' : undefined}>
            {changed && (
              // Lit from the flip on, with the face it belongs to.
              <rect
                x={8}
                y={10 + i * CARD_LINE}
                width={size.w - 16}
                height={CARD_LINE - 2}
                rx={6}
                fill="var(--changed)"
              />
            )}
            {changed && (
              // A change bar beside the field: the change does not rest on colour alone.
              <rect
                className="changed-bar"
                x={8}
                y={10 + i * CARD_LINE}
                width={7}
                height={CARD_LINE - 2}
                rx={2}
                fill="var(--ink)"
              />
            )}
            <text
              x={20}
              y={9 + (i + 1) * CARD_LINE - 8}
              fontSize={i < 2 ? CARD_FONT : CARD_FONT - 3}
              className={i < 2 ? 'packet-field' : 'packet-header'}
              fill={changed ? 'var(--changed-ink)' : undefined}
            >
              {line}
            </text>
          </g>
        );
      })}
    </m.g>
  );
}

/**
 * The packet as the talk draws it: a card with "Src: … / Dst: …". It flies
 * the plan's keyframes (framer-motion). Until the device rewrites it
 * (`plan.flipAt`) it shows the headers it arrived with; then the new ones,
 * the changed fields lit up with a change bar beside them, so the change does
 * not rest on colour alone. The flip is a keyframe of an animation started
 * with the flight's, on the same clock, so a busy main thread can never flip
 * the fields while the card is still on its way, or after it left.
 */
export function PacketCard({ face, before, plan, go, reply, dropped }: Props) {
  // Once the flight is over, the face it arrived with is dropped from the page.
  const [landed, setLanded] = useState<string | null>(null);
  const flips = before !== null && plan.flipAt > 0 && landed !== plan.key;
  return (
    <m.g
      data-testid="packet"
      className="packet"
      // A new element for each step: it is drawn where the step starts in the same frame as its
      // words (an animation of the old element's place would move it a frame later), and flies on.
      key={plan.key}
      initial={{ x: plan.x[0], y: plan.y[0] }}
      animate={plan.duration === 0 || !go ? undefined : { x: [...plan.x], y: [...plan.y] }}
      transition={{ duration: plan.duration, times: [...plan.times], ease: 'linear' }}
      onAnimationComplete={() => setLanded(plan.key)}
    >
      {flips && (
        <Face
          key={`before-${plan.key}`}
          face={before}
          lit={false}
          reply={reply}
          dropped={false}
          role="before"
          flipAt={plan.flipAt}
          duration={plan.duration}
          go={go}
        />
      )}
      {/* The face the device sends joins when the flight starts (it is hidden until the flip). */}
      {(go || !flips) && (
        <Face
          key={flips ? `after-${plan.key}` : 'face'}
          face={face}
          lit
          reply={reply}
          dropped={dropped}
          role={flips ? 'after' : undefined}
          flipAt={plan.flipAt}
          duration={plan.duration}
          go={go}
        />
      )}
    </m.g>
  );
}
