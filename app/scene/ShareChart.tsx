import { m, useReducedMotionConfig } from 'framer-motion';
import { roleColour } from './ClusterShapes';
import type { DiagramLayout, PodRole } from './core/layout';
import { valueText, type ShareChartLayout } from './core/share-chart';

export interface ShareChartProps {
  readonly chart: ShareChartLayout;
  /** The diagram's layout: each bar wears its pod's colour. */
  readonly layout: DiagramLayout;
}

/**
 * Each pod's share of requests as a bar: filled for the switch as it stands,
 * an outlined ghost for the value the slide opened with, the percentages over
 * each node's bars ("50% → 14.3%"), a legend naming both. When the switch
 * flips the bars grow or shrink to their new share (framer-motion); with
 * reduced motion they are simply there. A screen reader hears the percentages.
 */
export function ShareChart({ chart, layout }: ShareChartProps) {
  const reduce = useReducedMotionConfig() === true;
  const move = reduce
    ? { duration: 0 }
    : { type: 'tween' as const, duration: 0.6, ease: 'easeInOut' as const };
  const roles = new Map<string, PodRole>(layout.pods.map((p) => [p.id, p.role]));
  const colour = (pod: string | undefined) =>
    roleColour[(pod && roles.get(pod)) || 'a'] ?? roleColour.a;
  const { box, fontSize, axis } = chart;
  return (
    <g className="share-chart" data-testid="share-chart" role="img" aria-label={chart.description}>
      <title>{chart.description}</title>
      <rect
        x={box.x}
        y={box.y}
        width={box.w}
        height={box.h}
        rx={10}
        fill="var(--bg)"
        stroke="var(--ink-soft)"
        strokeWidth={2}
      />
      <text
        x={chart.title.at.x}
        y={chart.title.at.y}
        fontSize={fontSize}
        className="label-strong share-chart-title"
      >
        {chart.title.text}
      </text>
      {chart.legend.map((mark) => (
        <g key={mark.kind} className="share-chart-legend" data-kind={mark.kind}>
          <rect
            x={mark.swatch.x}
            y={mark.swatch.y}
            width={mark.swatch.w}
            height={mark.swatch.h}
            rx={3}
            {...(mark.kind === 'now'
              ? { fill: colour(chart.bars[0]?.pod).fill, stroke: colour(chart.bars[0]?.pod).stroke }
              : { fill: 'none', stroke: 'var(--ink-soft)', strokeDasharray: '5 4' })}
            strokeWidth={3}
          />
          <text x={mark.textAt.x} y={mark.textAt.y} fontSize={fontSize}>
            {mark.text}
          </text>
        </g>
      ))}
      <g aria-hidden="true">
        {chart.bars.map((b) => (
          <m.rect
            key={b.pod}
            className="share-chart-bar"
            data-pod={b.pod}
            data-share={b.now.share}
            initial={false}
            animate={{ attrX: b.x, attrY: b.now.y, width: b.w, height: b.now.h }}
            transition={move}
            rx={3}
            fill={colour(b.pod).fill}
            stroke={colour(b.pod).stroke}
            strokeWidth={3}
          />
        ))}
        {/* Over the filled bars, so the ghost shows where the bar stood whether it grew or shrank. */}
        {chart.bars.map(
          (b) =>
            b.before && (
              <rect
                key={`before-${b.pod}`}
                className="share-chart-before"
                data-pod={b.pod}
                data-share={b.before.share}
                x={b.x - 3}
                y={b.before.y}
                width={b.w + 6}
                height={b.before.h}
                rx={3}
                fill="none"
                stroke="var(--ink-soft)"
                strokeWidth={3}
                strokeDasharray="6 5"
              />
            ),
        )}
        <line
          x1={axis.x1}
          x2={axis.x2}
          y1={axis.y}
          y2={axis.y}
          stroke="var(--ink)"
          strokeWidth={2}
        />
      </g>
      {chart.units.map((u) => (
        <g key={u.key} className="share-chart-unit" data-unit={u.name}>
          <m.text
            className="share-chart-value"
            data-value={valueText(u)}
            initial={false}
            animate={{ attrX: u.valueAt.x, attrY: u.valueAt.y }}
            transition={move}
            textAnchor="middle"
            fontSize={fontSize}
          >
            {u.before !== null && <tspan fill="var(--ink-soft)">{u.before} → </tspan>}
            <tspan className="share">{u.now}</tspan>
            {u.each && ' each'}
          </m.text>
          <text x={u.nameAt.x} y={u.nameAt.y} textAnchor="middle" fontSize={fontSize}>
            {u.name}
          </text>
        </g>
      ))}
    </g>
  );
}
