import { CLIENT, nodeDevice } from '../model';
import type { DiagramLayout } from './core/layout';
import { hopPath, wirePoints } from './core/routes';

/** Slide 39: the client splits its requests evenly over the nodes. */
export function ShareArrows({
  layout,
  labels,
}: {
  layout: DiagramLayout;
  labels: ReadonlyMap<string, string>;
}) {
  return (
    <g className="share-arrows">
      {layout.nodes.map((n) => {
        const label = labels.get(n.id);
        if (!label) return null;
        // Routed like a wire: around the boxes it does not enter.
        const d = hopPath(wirePoints(layout, CLIENT, nodeDevice(n.id)));
        return (
          <g key={n.id}>
            <path d={d} fill="none" stroke="var(--wire)" strokeWidth={4} markerEnd="url(#arrow)" />
            <text
              x={n.box.x + n.box.w - 20}
              y={n.box.y + 50}
              textAnchor="end"
              fontSize={40}
              className="label-strong share"
            >
              {label}
            </text>
          </g>
        );
      })}
    </g>
  );
}
