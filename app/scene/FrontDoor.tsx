import type { AddressView } from '../model';
import { Appear } from './Appear';
import type { DiagramLayout, NodeLayout } from './core/layout';
import { roleColour } from './ClusterShapes';

interface LoadBalancerProps {
  readonly layout: DiagramLayout;
  readonly kind: 'vip' | 'proxy';
  /** The concrete address, shown in the IP view. */
  readonly address: string | undefined;
  readonly view: AddressView;
  readonly hypothetical: boolean;
  /** Set by `Presence` while it fades out. */
  readonly leaving?: boolean;
}

/** The VIP or the proxy between the client and the cluster. */
export function LoadBalancer({
  layout,
  kind,
  address,
  view,
  hypothetical,
  leaving = false,
}: LoadBalancerProps) {
  const { lb } = layout;
  return (
    <Appear leaving={leaving}>
      <rect
        x={lb.x}
        y={lb.y}
        width={lb.w}
        height={lb.h}
        rx={kind === 'vip' ? lb.h / 2 : 14}
        fill="var(--lb-fill)"
        stroke="var(--lb-stroke)"
        strokeWidth={3}
        strokeDasharray={hypothetical ? '12 8' : undefined}
      />
      <text
        x={lb.x + lb.w / 2}
        y={lb.y + (view === 'ip' ? 54 : 76)}
        textAnchor="middle"
        className="label-strong"
        fontSize={36}
      >
        {kind === 'vip' ? 'VIP' : 'Proxy'}
      </text>
      {view === 'ip' && address && (
        <text x={lb.x + lb.w / 2} y={lb.y + 92} textAnchor="middle" fontSize={28}>
          {address}
        </text>
      )}
    </Appear>
  );
}

/** The node ports (":30093", ":30076") on each node: "we know which service by which port". */
export function NodePorts({ nodes }: { nodes: readonly NodeLayout[] }) {
  return (
    <g className="node-ports">
      {nodes.flatMap((n) =>
        n.ports.map((p) => (
          <Appear key={`port-${n.id}-${p.service}`}>
            <rect
              x={p.box.x}
              y={p.box.y}
              width={p.box.w}
              height={p.box.h}
              rx={p.box.h / 2}
              fill={roleColour[p.role].fill}
              stroke={roleColour[p.role].stroke}
              strokeWidth={2.5}
            />
            <text
              x={p.box.x + p.box.w / 2}
              y={p.box.y + p.box.h / 2 + p.fontSize * 0.36}
              textAnchor="middle"
              className="label-strong"
              fontSize={p.fontSize}
            >
              {p.label}
            </text>
          </Appear>
        )),
      )}
    </g>
  );
}
