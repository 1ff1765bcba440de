import { memo } from 'react';
import type { AddressView, ClientPlace, Topology } from '../model';
import { BUILD_LEVEL, type Build } from '../deck';
import { Appear } from './Appear';
import { Presence } from './Presence';
import type { FoldLine } from './core/fold-box';
import {
  podLines,
  podName,
  SERVICE_ROLES,
  type DiagramLayout,
  type NodeLayout,
  type PodRole,
} from './core/layout';

const swatch = (name: string) => ({ stroke: `var(--${name})`, fill: `var(--${name}-fill)` });

/** Each role's colours (theme.css): the n-th Service's, the ingress proxies', or none. */
export const roleColour: Record<PodRole, { stroke: string; fill: string }> = {
  ...(Object.fromEntries(SERVICE_ROLES.map((r) => [r, swatch(`svc-${r}`)])) as Record<
    (typeof SERVICE_ROLES)[number],
    { stroke: string; fill: string }
  >),
  ingress: swatch('ingress'),
  other: swatch('other'),
};

interface Props {
  readonly topology: Topology;
  readonly layout: DiagramLayout;
  /** How much has been built so far (slides 3–10). */
  readonly build: Build;
  /** Slide 10's "1.2.3.4 ?": how does the client's traffic get in? */
  readonly clientUnknown: boolean;
  /** Show pod addresses (slide 39 draws bare "pod"s). */
  readonly podAddresses: boolean;
  /** Each pod's share of traffic, as text, when shown. */
  readonly shares: ReadonlyMap<string, string> | null;
  readonly view: AddressView;
  /**
   * Where the request starts when not at the client outside (since 2020): a
   * pod, tagged "client", or a node; the client outside then stays drawn but
   * faded, as it takes no part.
   */
  readonly inside?: ClientPlace | undefined;
}

/** The cluster, its nodes and pods, and the client, as the talk draws them. */
export const ClusterShapes = memo(function ClusterShapes({
  topology,
  layout,
  build,
  clientUnknown,
  podAddresses,
  shares,
  view,
  inside,
}: Props) {
  const tag = inside?.kind === 'pod' ? layout.clientTag : undefined;
  const level = BUILD_LEVEL[build];
  const { cluster, clusterLabel } = layout;
  return (
    <g className="cluster-shapes">
      <rect
        x={cluster.x}
        y={cluster.y}
        width={cluster.w}
        height={cluster.h}
        rx={22}
        fill="var(--cluster-fill)"
        stroke="var(--cluster-stroke)"
        strokeWidth={3}
      />
      <text
        x={clusterLabel.x}
        y={clusterLabel.y}
        className="label-strong"
        fontSize={clusterLabel.fontSize}
      >
        Cluster: {topology.clusterCidr.text}
      </text>
      <Presence>
        {level >= 1 &&
          layout.nodes.map((nl, i) => {
            if (nl.folded)
              return (
                <Appear key={`node-${nl.id}`} delay={i * 0.12}>
                  <FoldedNodes node={nl} lines={nl.folded.lines} />
                </Appear>
              );
            const node = topology.nodes.find((n) => n.id === nl.id);
            if (!node) return null;
            const { box, labels } = nl;
            return (
              <Appear key={`node-${nl.id}`} delay={i * 0.12}>
                <rect
                  x={box.x}
                  y={box.y}
                  width={box.w}
                  height={box.h}
                  rx={16}
                  fill="var(--node-fill)"
                  stroke="var(--node-stroke)"
                  strokeWidth={2.5}
                />
                <text
                  x={labels.name.x}
                  y={labels.name.y}
                  className="label-strong"
                  fontSize={labels.name.fontSize}
                >
                  {node.name}:
                  {node.zone && (
                    // Where the cluster spans zones (since 2020's trafficDistribution).
                    <tspan className="node-zone" dx={12} fontWeight={400}>
                      {node.zone}
                    </tspan>
                  )}
                </text>
                <text x={labels.ip.x} y={labels.ip.y} fontSize={labels.ip.fontSize}>
                  {labels.ip.text}
                </text>
                {level >= 2 && (
                  <text x={labels.range.x} y={labels.range.y} fontSize={labels.range.fontSize}>
                    {labels.range.text}
                  </text>
                )}
              </Appear>
            );
          })}
      </Presence>
      <Presence>
        {level >= 3 &&
          layout.pods.map((pl, i) => {
            const pod = topology.pods.find((p) => p.id === pl.id);
            if (!pod) return null;
            const colour = roleColour[pl.role];
            const { box, fontSize, lines } = pl;
            const [nameY, secondY] = podLines(box, fontSize, lines);
            // A pod too small for two lines shows its name alone.
            const share = lines === 2 ? shares?.get(pod.id) : undefined;
            return (
              <Appear key={`pod-${pl.id}`} delay={0.05 * i}>
                <rect
                  x={box.x}
                  y={box.y}
                  width={box.w}
                  height={box.h}
                  rx={12}
                  fill={colour.fill}
                  stroke={colour.stroke}
                  strokeWidth={3}
                  strokeDasharray={pl.role === 'ingress' ? '10 6' : undefined}
                  opacity={pod.ready ? 1 : 0.45}
                />
                <text
                  x={box.x + box.w / 2}
                  y={nameY}
                  textAnchor="middle"
                  className="label-strong"
                  fontSize={fontSize}
                >
                  {podName(pod)}
                </text>
                {/* The talk writes no address on its ingress pods; with concrete addresses they get theirs. */}
                {lines === 2 && podAddresses && (pod.name !== 'Ingress' || view === 'ip') && (
                  <text x={box.x + box.w / 2} y={secondY} textAnchor="middle" fontSize={fontSize}>
                    {pod.ip}
                  </text>
                )}
                {share && (
                  <text
                    x={box.x + box.w / 2}
                    y={secondY}
                    textAnchor="middle"
                    className="share"
                    fontSize={fontSize}
                  >
                    {share}
                  </text>
                )}
                {pod.terminating && fontSize >= 24 && (
                  // Being deleted (KEP-1669): said in words under the pod, not by its fading alone.
                  <text
                    x={box.x}
                    y={box.y + box.h + fontSize}
                    fontSize={Math.min(28, fontSize)}
                    className="pod-terminating"
                  >
                    terminating{pod.serving ? ', serving' : ''}
                  </text>
                )}
              </Appear>
            );
          })}
        {level >= 3 &&
          layout.nodes.map(
            ({ id, morePods }) =>
              morePods && (
                <Appear key={`more-pods-${id}`}>
                  <text
                    x={morePods.box.x + morePods.box.w / 2}
                    y={morePods.y}
                    fontSize={morePods.fontSize}
                    textAnchor="middle"
                    className="more-pods"
                  >
                    {morePods.text}
                  </text>
                </Appear>
              ),
          )}
      </Presence>
      <Presence>
        {level >= 4 && (
          <Appear key="client">
            <g opacity={inside && inside.kind !== 'outside' ? 0.35 : undefined}>
              <rect
                x={layout.client.x}
                y={layout.client.y}
                width={layout.client.w}
                height={layout.client.h}
                rx={14}
                fill="var(--bg)"
                stroke="var(--ink)"
                strokeWidth={3}
              />
              <text
                x={layout.client.x + layout.client.w / 2}
                y={layout.client.y + 50}
                textAnchor="middle"
                className="label-strong"
                fontSize={32}
              >
                {topology.client.name}:
              </text>
              <text
                x={layout.client.x + layout.client.w / 2}
                y={layout.client.y + 94}
                textAnchor="middle"
                fontSize={30}
              >
                {topology.client.ip}
              </text>
            </g>
          </Appear>
        )}
      </Presence>
      {tag && (
        <g className="client-tag" aria-hidden="true">
          <rect
            x={tag.x}
            y={tag.y}
            width={tag.w}
            height={tag.h}
            rx={19}
            fill="var(--bg)"
            stroke="var(--ink)"
            strokeWidth={2}
          />
          <text
            x={tag.x + tag.w / 2}
            y={tag.y + 28}
            textAnchor="middle"
            fontSize={28}
            className="label-strong"
          >
            client
          </text>
        </g>
      )}
      {level >= 4 && clientUnknown && <WayIn layout={layout} />}
    </g>
  );
});

/**
 * The nodes a big cluster does not draw, as one box: dashed (it stands for
 * many), no pods, its words in the middle.
 */
function FoldedNodes({ node, lines }: { node: NodeLayout; lines: readonly FoldLine[] }) {
  const { box } = node;
  return (
    <g className="folded-nodes">
      <rect
        x={box.x}
        y={box.y}
        width={box.w}
        height={box.h}
        rx={16}
        fill="var(--node-fill)"
        stroke="var(--node-stroke)"
        strokeWidth={2.5}
        strokeDasharray="12 8"
      />
      <text className="folded-label">
        {/* Centred on the box: the layout's width estimate is a little wide for most words. */}
        {lines.map((line, k) => (
          <tspan
            key={k}
            x={box.x + box.w / 2}
            y={line.y}
            fontSize={line.fontSize}
            textAnchor="middle"
          >
            {line.text}
          </tspan>
        ))}
      </text>
    </g>
  );
}

/**
 * Slide 10's question: a client outside, and no known way in. A dashed arrow
 * from the client to the cluster's edge with a large "?" over it.
 */
function WayIn({ layout }: { layout: DiagramLayout }) {
  const from = {
    x: layout.client.x + layout.client.w + 12,
    y: layout.client.y + layout.client.h / 2,
  };
  const to = { x: layout.cluster.x - 12, y: from.y };
  const midX = (from.x + to.x) / 2;
  return (
    <Appear key="way-in" delay={0.3}>
      <path
        d={`M ${from.x} ${from.y} H ${to.x}`}
        stroke="var(--wire)"
        strokeWidth={5}
        strokeDasharray="14 10"
        markerEnd="url(#arrow)"
      />
      <text x={midX} y={from.y - 24} textAnchor="middle" fontSize={72} className="label-strong">
        ?
      </text>
    </Appear>
  );
}
