import { memo, useMemo, useState } from 'react';
import type { Scene } from '../deck';
import { topologyOf } from '../deck';
import {
  findMode,
  packetLines,
  rewriteBadge,
  type AddressView,
  type ExternalTrafficPolicy,
  type Hop,
  type Result,
  type Trace,
} from '../model';
import { DropMark, RewriteBadge } from './Badges';
import { badgeLayout, type BadgePlace } from './core/placement';
import { hopPath, hopPoints } from './core/routes';
import { ClusterShapes } from './ClusterShapes';
import { Defs } from './Defs';
import { LoadBalancer, NodePorts } from './FrontDoor';
import type { Point } from './core/geometry';
import { layoutDiagram } from './core/layout';
import { Legend } from './Legend';
import { PacketCard } from './PacketCard';
import { Presence } from './Presence';
import {
  badgeAnchor,
  badgeBounds,
  cardRest,
  cardSize,
  clearOf,
  flightPoints,
} from './core/placement';
import { shareLabels } from './shares-text';
import { Trail, Wire } from './Wire';

export interface DiagramProps {
  readonly scene: Scene;
  readonly trace: Result<Trace> | null;
  readonly policy: ExternalTrafficPolicy;
  readonly view: AddressView;
  /** The return hop shown instead of the forward one, or null. */
  readonly returnHop: number | null;
  /** Words for an extra step (e.g. "What 3b would look like"). */
  readonly caption?: string;
  /**
   * False while the diagram waits hidden behind a text slide (prepared in
   * advance). When it is shown, the hop on screen plays: the wire draws in
   * and the packet travels it from its start.
   */
  readonly shown?: boolean;
}

interface Place {
  readonly run: string;
  readonly view: AddressView;
  readonly dir: 'forward' | 'return';
  readonly index: number;
  /** The wire the card came along to get here: stepping back retraces exactly this. */
  readonly wire: readonly Point[];
}

/** The hop on screen: a reply hop while the reply plays, else the scene's forward hop. */
function currentHop(trace: Trace | null, scene: Scene, returnHop: number | null): Hop | undefined {
  if (!trace) return undefined;
  if (returnHop !== null) return trace.back[returnHop];
  return scene.hop === undefined ? undefined : trace.forward[scene.hop];
}

/** The fields of the packet that differ from the previous hop's. */
function changedLines(lines: readonly string[], before: readonly string[] | null): boolean[] {
  return lines.map((l, i) => before !== null && (i >= 2 ? !before.includes(l) : before[i] !== l));
}

/** The talk's cluster diagram for one scene, with the packet where the scene puts it. */
export const Diagram = memo(function Diagram({
  scene,
  trace,
  policy,
  view,
  returnHop,
  caption,
  shown = true,
}: DiagramProps) {
  const topology = topologyOf(scene.variant);
  const layout = useMemo(
    () => layoutDiagram(topology, { nodePortServices: scene.nodePorts ? ['svc-a', 'svc-b'] : [] }),
    [topology, scene.nodePorts],
  );
  const mode = scene.mode ? findMode(scene.mode) : undefined;
  const t = trace?.ok ? trace.value : null;
  const hop = currentHop(t, scene, returnHop);
  const dir = returnHop !== null ? 'return' : 'forward';
  const list = t ? (dir === 'return' ? t.back : t.forward) : [];
  const index = hop ? hop.index : -1;
  // Where the talk has not yet said what X-Forwarded-For is, the card shows what its picture does.
  const onCard = (l: readonly string[]) => (scene.srcDstOnly ? l.slice(0, 2) : l);
  const lines = hop ? onCard(packetLines(hop.packet, view)) : [];
  const previous = index > 0 ? list[index - 1] : undefined;
  const changed = changedLines(
    lines,
    previous && dir === 'forward' ? onCard(packetLines(previous.packet, view)) : null,
  );
  const size = cardSize(lines);

  // Travel along the wire only when stepping one hop on (or back) within the same run of slides.
  const run = `${scene.mode}|${scene.variant}|${policy}`;
  // The wire of the hop on screen, computed once per render for the flight and the drawing.
  const points = hop ? hopPoints(layout, hop) : [];
  const flight = hop ? flightPoints(layout, hop, points) : [];
  const [was, setWas] = useState<Place>(() => ({ run, view, dir, index, wire: flight }));
  const [via, setVia] = useState<readonly Point[]>([]);
  const [fromStart, setFromStart] = useState(false);
  if (was.run !== run || was.dir !== dir || was.index !== index || was.view !== view) {
    // Only the addresses changed (A): the card takes its new size where it is, no flight.
    const sameRun = was.run === run && was.view === view;
    const stepOn =
      sameRun &&
      ((was.dir === dir && index === was.index + 1) ||
        (was.dir === 'forward' && dir === 'return' && index === 0));
    const stepBack = sameRun && was.dir === dir && index === was.index - 1;
    // Back along the wire the card arrived by, which the slide stepped back to may not draw
    // (27 sends to Pod-a, 26's own trace would go on to Pod-c).
    setVia(stepOn ? flight : stepBack ? [...was.wire].reverse() : []);
    setFromStart(false);
    setWas({ run, view, dir, index, wire: flight });
  }
  // Shown after waiting behind a text slide (19, 30, 48, …): play the hop from its start.
  const [wasShown, setWasShown] = useState(shown);
  const [entries, setEntries] = useState(0);
  if (wasShown !== shown) {
    setWasShown(shown);
    if (shown && hop) {
      setEntries(entries + 1);
      setVia(flight);
      setFromStart(true);
    }
  }

  // The hops already taken on this trip (forward, or the reply so far).
  const trail = index > 0 ? list.slice(0, index).map((h) => hopPath(hopPoints(layout, h))) : [];

  const shares = useMemo(
    () => (scene.shares && scene.mode ? shareLabels(topology, 'svc-a', scene.mode, policy) : null),
    [topology, scene.shares, scene.mode, policy],
  );
  const roles = useMemo(() => new Set(layout.pods.map((p) => p.role)), [layout]);
  const frontAddress =
    t && (mode?.front === 'vip' || mode?.front === 'proxy')
      ? (t.forward[0]?.packet.dst.ip ?? undefined)
      : undefined;
  const badgeText = hop ? rewriteBadge(hop, { headers: !scene.srcDstOnly }) : null;
  const badge: BadgePlace | null =
    hop && badgeText
      ? {
          at: badgeAnchor(layout, hop),
          text: badgeText,
          align: hop.from.startsWith('node:') ? 'left' : 'center',
          within: badgeBounds(layout, hop),
        }
      : null;
  const dropped = hop?.kind === 'drop';
  return (
    <svg
      className="diagram"
      viewBox="0 0 1600 900"
      role="img"
      aria-label={describeScene(scene, mode?.title)}
    >
      <Defs />
      {mode && (
        <text x={36} y={62} fontSize={30} className="mode-title">
          {mode.title}
          {mode.example && (
            <tspan x={36} dy={38} fontSize={26} className="mode-example">
              (e.g. {mode.example})
            </tspan>
          )}
        </text>
      )}
      {(scene.hypothetical || caption) && (
        <foreignObject x={36} y={mode?.example ? 118 : 84} width={570} height={150}>
          {scene.hypothetical && (
            <p className="hypothetical">Hypothetical: nobody had built this in 2020</p>
          )}
          {caption && <p className="caption">{caption}</p>}
        </foreignObject>
      )}
      <ClusterShapes
        topology={topology}
        layout={layout}
        build={scene.build}
        clientUnknown={scene.clientUnknown === true}
        podAddresses={!scene.shares}
        shares={shares?.pods ?? null}
        view={view}
      />
      {scene.nodePorts && <NodePorts nodes={layout.nodes} />}
      <Presence>
        {(mode?.front === 'vip' || mode?.front === 'proxy') && (
          <LoadBalancer
            key={`lb-${mode.front}`}
            layout={layout}
            kind={mode.front}
            address={frontAddress}
            view={view}
            hypothetical={scene.hypothetical === true}
          />
        )}
      </Presence>
      {shares && <ShareArrows layout={layout} labels={shares.nodes} />}
      {scene.build !== 'cluster' && roles.size > 0 && ['pods', 'client'].includes(scene.build) && (
        <Legend topology={topology} roles={roles} ports={scene.nodePorts === true} />
      )}
      {hop && (
        <>
          {trail.length > 0 && <Trail paths={trail} reply={dir === 'return'} />}
          <Wire
            d={hopPath(points)}
            reply={dir === 'return'}
            dropped={dropped}
            drawKey={`${run}|${dir}|${index}|${entries}`}
          />
          {/* Keyed by the entry too, so they fade in as the hop plays, not while it waited hidden. */}
          {badge && <RewriteBadge key={`badge-${entries}`} {...badge} />}
          {dropped && <DropMark key={`drop-${entries}`} at={points[points.length - 1] as Point} />}
          <PacketCard
            lines={lines}
            changed={changed}
            size={size}
            flight={{
              key: `${run}|${dir}|${index}|${view}|${entries}`,
              fromStart,
              rest: clearOf(
                cardRest(layout, hop, size),
                size,
                badge ? badgeLayout(badge).box : null,
                layout,
              ),
              via,
            }}
            reply={dir === 'return'}
            dropped={dropped}
          />
        </>
      )}
    </svg>
  );
});

function describeScene(scene: Scene, title: string | undefined): string {
  const parts = ['Cluster diagram'];
  if (title) parts.push(`mode ${title}`);
  if (scene.hypothetical) parts.push('hypothetical');
  return parts.join(', ');
}

/** Slide 39: the client splits its requests evenly over the nodes. */
function ShareArrows({
  layout,
  labels,
}: {
  layout: ReturnType<typeof layoutDiagram>;
  labels: ReadonlyMap<string, string>;
}) {
  const from = { x: layout.client.x + layout.client.w, y: layout.client.y + layout.client.h / 2 };
  return (
    <g className="share-arrows">
      {layout.nodes.map((n) => {
        const label = labels.get(n.id);
        if (!label) return null;
        const to = n.gate;
        const midX = (from.x + to.x) / 2;
        const d = `M ${from.x} ${from.y} C ${midX} ${from.y}, ${midX} ${to.y}, ${to.x} ${to.y}`;
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
