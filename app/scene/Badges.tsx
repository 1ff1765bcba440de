import { useReducedMotionConfig } from 'framer-motion';
import type { Hop } from '../model';
import type { Box, Point } from './geometry';
import { textWidth } from './geometry';
import { Appear } from './Appear';

/**
 * What the sending device did, in a few words ("DNAT + SNAT", "proxy: new
 * connection"); without `headers`, nothing about the headers it added.
 */
export function rewriteBadge(hop: Hop, { headers = true } = {}): string | null {
  const types = new Set(hop.rewrites.map((r) => r.type));
  if (types.has('drop') || types.has('reject')) return null;
  const words: string[] = [];
  if (types.has('xff') && headers) words.push('+ X-Forwarded-For');
  if (types.has('proxy'))
    words.push(hop.direction === 'return' ? 'proxy: answers' : 'proxy: new connection');
  if (types.has('proxy-protocol')) words.push('+ PROXY line');
  if (types.has('dnat') && types.has('snat')) words.push('DNAT + SNAT');
  else if (types.has('dnat')) words.push('DNAT, no SNAT');
  else if (types.has('snat')) words.push('SNAT');
  if (types.has('unnat')) words.push('undo NAT');
  return words.length > 0 ? words.join(' · ') : null;
}

/** A bold 21px line's drawn width: bold text runs wider than the estimate. */
const badgeLineWidth = (line: string) => textWidth(line, 21) * 1.14 + 28;
const BADGE_LINE = 28;

/** Where a badge goes and how it breaks into lines. */
export interface BadgePlace {
  /** Bottom centre, or bottom left with `align: 'left'`. */
  readonly at: Point;
  readonly text: string;
  readonly align: 'center' | 'left';
  /** The x range of the box it belongs in (e.g. the pod's node), if any. */
  readonly within?: readonly [number, number] | undefined;
}

/**
 * A badge's lines and box: it stays inside `within`, putting each rewrite on a
 * line of its own when one line would not fit.
 */
export function badgeLayout({ at, text, align, within }: BadgePlace): {
  lines: string[];
  box: Box;
} {
  const room = within ? within[1] - within[0] : Infinity;
  const lines = badgeLineWidth(text) <= room ? [text] : text.split(' · ');
  const w = Math.max(...lines.map(badgeLineWidth));
  const wanted = align === 'left' ? at.x : at.x - w / 2;
  const x = within ? Math.max(within[0], Math.min(wanted, within[1] - w)) : Math.max(8, wanted);
  const h = 36 + BADGE_LINE * (lines.length - 1);
  return { lines, box: { x, y: at.y - 22 - h, w, h } };
}

/** A small tag at the device that rewrote the packet (see `badgeLayout` for where). */
export function RewriteBadge(place: BadgePlace) {
  const reduce = useReducedMotionConfig();
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
        y={top + 25}
        textAnchor="middle"
        fontSize={21}
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

/** Slide 37: the packet stops at the node, "Failure". */
export function DropMark({ at }: { at: Point }) {
  return (
    <Appear key="drop">
      <g className="drop-mark" stroke="var(--drop)" strokeWidth={8} strokeLinecap="round">
        <line x1={at.x - 18} y1={at.y - 18} x2={at.x + 18} y2={at.y + 18} />
        <line x1={at.x - 18} y1={at.y + 18} x2={at.x + 18} y2={at.y - 18} />
      </g>
      <text x={at.x + 32} y={at.y + 13} fontSize={38} fill="var(--drop)" className="label-strong">
        ? Failure
      </text>
    </Appear>
  );
}
