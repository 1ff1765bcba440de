import type { Point } from './core/geometry';
import { badgeLayout, BADGE_FONT, BADGE_LINE, type BadgePlace } from './core/placement';
import { Appear } from './Appear';

/**
 * A small tag at the device that rewrote the packet (see `badgeLayout` for
 * where). It appears when the card reaches the device: its step wraps it in
 * `AtFlip`, on the flight's clock.
 */
export function RewriteBadge(place: BadgePlace) {
  const { lines, box } = badgeLayout(place);
  const { x, y: top, w, h } = box;
  return (
    <g className="rewrite-badge">
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
