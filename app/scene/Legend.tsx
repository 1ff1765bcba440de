import type { Topology } from '../model';
import { roleColour } from './ClusterShapes';
import {
  LEGEND_AREA,
  legendEntries,
  legendRows,
  type DiagramLayout,
  type PodRole,
} from './core/layout';

/**
 * Which colour is which Service; with `ports`, each Service's node port too
 * (from slide 24 on, where the talk brings node ports in). It sits in the
 * layout's legend area, under the client and the policy.
 */
export function Legend({
  topology,
  roles,
  ports,
  layout,
}: {
  topology: Topology;
  /** The roles of the pods on the stage: a Service with no pod drawn has no line. */
  roles: ReadonlySet<PodRole>;
  ports: boolean;
  /** The diagram's layout, for its legend area (the standard one when left out). */
  layout?: DiagramLayout;
}) {
  const entries = legendEntries(topology, roles, ports);
  const { x, y, step, fontSize } = legendRows(layout?.legend ?? LEGEND_AREA, entries);
  const size = fontSize * 0.95;
  return (
    <g className="legend" aria-hidden="true">
      {entries.map((e, i) => (
        <g key={e.role} transform={`translate(${x}, ${y + i * step})`}>
          <rect
            width={size}
            height={size}
            rx={5}
            fill={roleColour[e.role].fill}
            stroke={roleColour[e.role].stroke}
            strokeWidth={3}
            strokeDasharray={e.role === 'ingress' ? '6 4' : undefined}
          />
          <text x={size + 14} y={size * 0.82} fontSize={fontSize}>
            {e.text}
          </text>
        </g>
      ))}
    </g>
  );
}
