import { useReducedMotionConfig } from 'framer-motion';
import type { Point } from './core/geometry';
import { badgeLayout, BADGE_FONT, BADGE_LINE, type BadgePlace } from './core/placement';
import { Appear } from './Appear';

interface BadgeProps extends BadgePlace {
  /** Simply there, no fade of its own (its step shows it when the card reaches the device: AtFlip). */
  readonly still?: boolean;
}

/** A small tag at the device that rewrote the packet (see `badgeLayout` for where). */
export function RewriteBadge({ still = false, ...place }: BadgeProps) {
  const reduce = useReducedMotionConfig() === true || still;
  const { lines, box } = badgeLayout(place);
  const { x, y: top, w, h } = box;
  const { at, text } = place;
  // Fades in as the packet arrives: a CSS animation (`.badge-in`), restarted by the key, for the
  // same reason as the wire's draw-in (Wire.tsx).
  return (
    <g
      key={`badge-${text}-${at.x}-${at.y}`}
      className={reduce ? 'rewrite-badge' : 'rewrite-badge badge-in'}
    >
      <rect x={x} y={top} width={w} height={h} rx={18} fill="var(--ink)" />
      <text
        x={x + w / 2}
        y={top + 32}
        textAnchor="middle"
        fontSize={BADGE_FONT}
        fill="var(--bg)"
        className="label-strong"
      >
        {lines.map((line, i) => (
          <tspan key={line} x={x + w / 2} dy={i === 0 ? 0 : BADGE_LINE}>
            {line}
          </tspan>
        ))}
      </text>
    </g>
  );
}

/**
 * Slide 37: the packet stops at the node, "Failure". A cross where it
 * stopped, and the words where a badge would hang (a drop rewrites nothing).
 */
export function DropMark({ at, label }: { at: Point; label: Point }) {
  return (
    <Appear key="drop">
      <g className="drop-mark" stroke="var(--drop)" strokeWidth={8} strokeLinecap="round">
        <line x1={at.x - 18} y1={at.y - 18} x2={at.x + 18} y2={at.y + 18} />
        <line x1={at.x - 18} y1={at.y + 18} x2={at.x + 18} y2={at.y - 18} />
      </g>
      <text x={label.x} y={label.y + 36} fontSize={38} fill="var(--drop)" className="label-strong">
        ? Failure
      </text>
    </Appear>
  );
}
