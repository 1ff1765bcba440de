import { m } from 'framer-motion';
import { useEffect, useState } from 'react';
import type { FlightPlan } from './core/flight';
import type { CardFace } from './core/frame';
import { CARD_FONT, CARD_LINE } from './core/placement';

interface Props {
  /** The packet as the device sends it on this hop. */
  readonly face: CardFace;
  /** The packet as it arrived at the device, shown until the fields flip; null: the face from the start. */
  readonly before: CardFace | null;
  readonly plan: FlightPlan;
  /** A reply travelling back. */
  readonly reply: boolean;
  /** A dropped packet. */
  readonly dropped: boolean;
}

/**
 * The packet as the talk draws it: a card with "Src: … / Dst: …". It flies
 * the plan's keyframes (framer-motion); it shows the headers it arrived with
 * until the device rewrites it (`plan.flipAt`), then the new ones, the changed
 * fields lit up, with a change bar beside them so the change does not rest on
 * colour alone.
 */
export function PacketCard({ face, before, plan, reply, dropped }: Props) {
  // The key of the plan whose fields have flipped: a new plan starts unflipped.
  const [flipped, setFlipped] = useState<string | null>(null);
  const waits = before !== null && plan.flipAt > 0;
  useEffect(() => {
    if (!waits) return;
    const t = window.setTimeout(() => setFlipped(plan.key), plan.flipAt * 1000);
    return () => window.clearTimeout(t);
  }, [waits, plan.key, plan.flipAt]);
  const showing = waits && flipped !== plan.key ? before : face;
  const isBefore = showing !== face;
  const { size } = showing;
  return (
    <m.g
      data-testid="packet"
      data-phase={isBefore ? 'arriving' : 'sent'}
      className="packet"
      initial={false}
      animate={{ x: [...plan.x], y: [...plan.y] }}
      transition={{ duration: plan.duration, times: [...plan.times], ease: 'linear' }}
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
      {showing.lines.map((line, i) => {
        const lit = !isBefore && showing.changed[i] === true;
        return (
          <g key={`${i}-${line}`} className={lit ? 'changed-field' : undefined}>
            {lit && (
              // Lights up as the device rewrites it: a CSS animation (`.changed-in`), mounted at the flip.
              <rect
                className={plan.duration > 0 ? 'changed-in' : undefined}
                x={8}
                y={10 + i * CARD_LINE}
                width={size.w - 16}
                height={CARD_LINE - 2}
                rx={6}
                fill="var(--changed)"
              />
            )}
            <text
              x={20}
              y={9 + (i + 1) * CARD_LINE - 8}
              fontSize={i < 2 ? CARD_FONT : CARD_FONT - 3}
              className={i < 2 ? 'packet-field' : 'packet-header'}
              fill={lit ? 'var(--changed-ink)' : undefined}
            >
              {line}
            </text>
            {lit && (
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
          </g>
        );
      })}
    </m.g>
  );
}
