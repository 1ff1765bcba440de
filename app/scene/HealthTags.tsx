import { healthCheck, type Service, type Topology } from '../model';
import type { DiagramLayout } from './core/layout';

/** Each node's answer on the Service's healthCheckNodePort, at the foot of the node. */
export function HealthTags({
  topology,
  service,
  layout,
}: {
  topology: Topology;
  service: Service;
  layout: DiagramLayout;
}) {
  return (
    <g className="health-tags">
      {layout.nodes.map((n) => {
        const node = topology.nodes.find((x) => x.id === n.id);
        if (!node) return null;
        const answer = healthCheck(topology, service, node);
        const text = `health check: ${answer.status}`;
        const w = text.length * 28 * 0.58 + 28;
        const x = n.box.x + (n.box.w - w) / 2;
        const y = n.box.y + n.box.h - 56;
        return (
          <g
            key={n.id}
            data-testid={`health-${n.id}`}
            role="img"
            aria-label={`${node.name}'s health check answers ${answer.status}: ${answer.localEndpoints} ready local ${answer.localEndpoints === 1 ? 'pod' : 'pods'}`}
          >
            <rect
              x={x}
              y={y}
              width={w}
              height={42}
              rx={21}
              fill="var(--bg)"
              stroke={answer.status === 200 ? 'var(--pro)' : 'var(--drop)'}
              strokeWidth={3}
              strokeDasharray={answer.status === 200 ? undefined : '8 5'}
            />
            <text x={x + w / 2} y={y + 30} fontSize={28} textAnchor="middle">
              {text}
            </text>
          </g>
        );
      })}
    </g>
  );
}
