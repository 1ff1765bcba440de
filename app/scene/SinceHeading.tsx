import type { HeadingGeometry } from './core/diagram-geometry';
import { ADDED, TITLE_PITCH } from './core/diagram-geometry';

/**
 * A since-2020 slide's own heading, where a talk slide has its mode's title:
 * the title (on two lines where it needs them), a badge with the year and the
 * version or KEP, and that it was added to the talk.
 */
export function SinceHeading({ box: headingBox }: { readonly box: HeadingGeometry }) {
  return (
    <g className="since-heading">
      <text fontSize={30} className="mode-title">
        {headingBox.titleLines.map((line, i) => (
          <tspan key={i} x={36} y={56 + TITLE_PITCH * i}>
            {line}
          </tspan>
        ))}
      </text>
      <g transform={`translate(36 ${headingBox.badgeY})`}>
        <rect
          width={headingBox.badgeW}
          height={headingBox.badgeH}
          rx={21}
          className="since-badge-box"
        />
        <text fontSize={28} className="since-badge-text">
          {headingBox.lines.map((line, i) => (
            <tspan key={i} x={18} y={31 + 34 * i}>
              {line}
            </tspan>
          ))}
        </text>
      </g>
      <text x={36} y={headingBox.addedY} fontSize={28} className="since-added-text">
        {ADDED}
      </text>
    </g>
  );
}
