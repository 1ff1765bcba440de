import type { Topology } from '../model';
import { roleColour } from './ClusterShapes';
import type { PodRole } from './core/layout';

/**
 * Which colour is which Service; with `ports`, each Service's node port too
 * (from slide 24 on, where the talk brings node ports in).
 */
export function Legend({
  topology,
  roles,
  ports,
}: {
  topology: Topology;
  roles: ReadonlySet<PodRole>;
  ports: boolean;
}) {
  const entries: { role: PodRole; text: string }[] = [];
  for (const svc of topology.services) {
    const role: PodRole | null = svc.id === 'svc-a' ? 'a' : svc.id === 'svc-b' ? 'b' : null;
    if (role && roles.has(role))
      entries.push({
        role,
        text: `${svc.name}${ports && svc.nodePort ? ` (:${svc.nodePort})` : ''}`,
      });
  }
  if (roles.has('ingress')) entries.push({ role: 'ingress', text: 'Ingress proxy' });
  return (
    <g className="legend" aria-hidden="true">
      {entries.map((e, i) => (
        <g key={e.role} transform={`translate(40, ${744 + i * 38})`}>
          <rect
            width={26}
            height={26}
            rx={5}
            fill={roleColour[e.role].fill}
            stroke={roleColour[e.role].stroke}
            strokeWidth={3}
            strokeDasharray={e.role === 'ingress' ? '6 4' : undefined}
          />
          <text x={38} y={21} fontSize={22}>
            {e.text}
          </text>
        </g>
      ))}
    </g>
  );
}
