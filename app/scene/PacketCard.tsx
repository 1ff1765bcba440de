import { m, useReducedMotionConfig } from 'framer-motion';
import { useState } from 'react';
import type { Point } from './core/geometry';
import { CARD_FONT, CARD_LINE, type CardSize } from './core/placement';

/** Where the card is going, and (when it travels) the wire it travels along. */
export interface Flight {
  /** Identifies the card's place: a change starts a new flight. */
  readonly key: string;
  readonly rest: Point;
  /** Wire points to pass through on the way (empty: the card just appears there). */
  readonly via: readonly Point[];
  /** Start at the wire's first point, not where the card was (a hop shown afresh). */
  readonly fromStart?: boolean;
}

interface Plan {
  readonly key: string;
  readonly x: number[];
  readonly y: number[];
  readonly times: number[];
  readonly duration: number;
}

function planFor(flight: Flight, from: Point | null, size: CardSize): Plan {
  const along = flight.via.map((p) => ({ x: p.x - size.w / 2, y: p.y - size.h / 2 }));
  const pts =
    along.length === 0
      ? [flight.rest]
      : flight.fromStart
        ? [...along, flight.rest]
        : from
          ? [from, ...along, flight.rest]
          : [flight.rest];
  // Equal time per wire segment reads as a steady speed on short hops.
  const times = pts.map((_, i) => (pts.length === 1 ? 1 : i / (pts.length - 1)));
  return {
    key: flight.key,
    x: pts.map((p) => p.x),
    y: pts.map((p) => p.y),
    times,
    duration: pts.length === 1 ? 0.35 : 1.1,
  };
}

interface Props {
  readonly lines: readonly string[];
  /** Which lines changed on this hop (highlighted). */
  readonly changed: readonly boolean[];
  readonly size: CardSize;
  readonly flight: Flight;
  /** A reply travelling back. */
  readonly reply: boolean;
  /** A dropped packet. */
  readonly dropped: boolean;
}

/**
 * The packet as the talk draws it: a card with "Src: … / Dst: …". When it
 * moves to the next hop it flies along that hop's wire, then rests beside it;
 * the fields that changed light up. With reduced motion it just appears.
 */
export function PacketCard({ lines, changed, size, flight, reply, dropped }: Props) {
  const reduce = useReducedMotionConfig();
  const [plan, setPlan] = useState<Plan>(() => planFor({ ...flight, via: [] }, null, size));
  const [at, setAt] = useState<Point>(flight.rest);
  if (plan.key !== flight.key) {
    // Plan the flight once per change of place, so re-renders never restart it.
    setPlan(planFor(reduce ? { ...flight, via: [] } : flight, at, size));
    setAt(flight.rest);
  }
  const instant = reduce || plan.x.length === 1;
  return (
    <m.g
      data-testid="packet"
      className="packet"
      initial={false}
      animate={{ x: plan.x, y: plan.y }}
      transition={{ duration: reduce ? 0 : plan.duration, times: plan.times, ease: 'linear' }}
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
      {lines.map((line, i) => (
        <g key={`${i}-${line}`}>
          {changed[i] && (
            // Lights up as the card arrives: a CSS animation (`.changed-in`), as for the wire (Wire.tsx).
            <rect
              key={plan.key}
              className={instant ? undefined : 'changed-in'}
              style={instant ? undefined : { animationDelay: `${plan.duration * 0.85}s` }}
              x={8}
              y={10 + i * CARD_LINE}
              width={size.w - 16}
              height={CARD_LINE - 2}
              rx={6}
              fill="var(--changed)"
            />
          )}
          <text
            x={16}
            y={9 + (i + 1) * CARD_LINE - 8}
            fontSize={i < 2 ? CARD_FONT : CARD_FONT - 3}
            className={i < 2 ? 'packet-field' : 'packet-header'}
          >
            {line}
          </text>
        </g>
      ))}
    </m.g>
  );
}
