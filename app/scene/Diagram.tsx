import { useReducedMotionConfig } from 'framer-motion';
import { MotionRoot } from './MotionRoot';
import { whenIdle } from './idle';
import { memo, useEffect, useMemo, useState } from 'react';
import type { Scene } from '../deck';
import { dropNote, PACKET_SERVICE, passthroughNote } from '../deck';
import {
  findService,
  findMode,
  type AddressView,
  type ExternalTrafficPolicy,
  type Result,
  type ServiceId,
  type Topology,
  type Trace,
} from '../model';
import { AtFlip } from './AtFlip';
import { DropMark, RewriteBadge } from './Badges';
import { ClusterShapes } from './ClusterShapes';
import { frameOf, framesToPrepare, wordsColumn } from './core/frame';
import type { SceneFold } from './core/fold-box';
import { hopPath } from './core/routes';
import { stepKey, tell, type Shown, type Telling } from './core/telling';
import { Defs } from './Defs';
import { LoadBalancer, NodePorts } from './FrontDoor';
import { Legend } from './Legend';
import { PacketCard } from './PacketCard';
import { HealthTags } from './HealthTags';
import { PolicyTag } from './PolicyTag';
import { Presence } from './Presence';
import { ProxyBytes } from './ProxyBytes';
import { Appear } from './Appear';
import { ShareArrows } from './ShareArrows';
import { ShareChart } from './ShareChart';
import { SinceHeading } from './SinceHeading';
import {
  bytesShown,
  currentRef,
  stepGeometry,
  below,
  switchTagPlace,
  type DiagramHeading,
} from './core/diagram-geometry';
import { shareExtras, shareLabels } from '../deck';
import { Trail, Wire } from './Wire';

export type { DiagramHeading } from './core/diagram-geometry';
/** Lays out a step ahead of the key press that shows it (the deck calls it at idle). */
export { prepareStep } from './core/diagram-geometry';

export interface DiagramProps {
  readonly scene: Scene;
  /** The cluster to draw; the scene's talk variant when not given. */
  readonly topology?: Topology;
  /** The Service the packet is for (its node ports are drawn); the talk's Service A when not given. */
  readonly service?: ServiceId;
  readonly trace: Result<Trace> | null;
  readonly policy: ExternalTrafficPolicy;
  readonly view: AddressView;
  /** The return hop shown instead of the forward one, or null. */
  readonly returnHop: number | null;
  /** Words for an extra step (e.g. "What 3b would look like"). */
  readonly caption?: string;
  /**
   * In place of the mode's title, a slide's own (the section after the talk):
   * its title, where the change stands, and that it was added to the talk.
   */
  readonly heading?: DiagramHeading;
  /** A since-2020 slide's own switch as it stands ("ipMode = Proxy"), drawn with the policy. */
  readonly switchTag?: { readonly name: string; readonly value: string; readonly first?: string };
  /** The step under each value of the slide's own switch, the first as the slide opens (the shares' "was"). */
  readonly switchScenes?: readonly Scene[];
  /** A small note beside the card (e.g. what the talk's label means where it is not the header). */
  readonly note?: string | null;
  /**
   * False while the diagram waits hidden behind a text slide (prepared in
   * advance). When it is shown, the hop on screen plays: the wire draws in
   * and the packet travels it from its start.
   */
  readonly shown?: boolean;
  /**
   * A big cluster drawn in part (the explorer's `foldForScene`): the box for the
   * nodes left out, and each node's count of pods not drawn.
   */
  readonly fold?: SceneFold;
}

/**
 * The telling of the step on screen, kept from render to render: a new one
 * only when the step changes, so a re-render never restarts the card's flight.
 */
function useTelling(shown: Shown, forwardCount: number, reduce: boolean): Telling | null {
  const key = stepKey(shown);
  const [state, setState] = useState<{ shown: Shown; telling: Telling | null }>(() => ({
    shown,
    telling: tell(null, shown, forwardCount, true),
  }));
  if (stepKey(state.shown) !== key) {
    // React's pattern for a value derived from the previous render: the step shown before.
    setState({ shown, telling: tell(state.shown, shown, forwardCount, reduce) });
  }
  return stepKey(state.shown) === key ? state.telling : null;
}

/** The talk's cluster diagram for one scene, with the packet where the scene puts it. */
export const Diagram = memo(function Diagram(props: DiagramProps) {
  return (
    <MotionRoot>
      <DiagramBody {...props} />
    </MotionRoot>
  );
});

function DiagramBody({
  scene,
  topology: given,
  service = PACKET_SERVICE,
  trace,
  policy,
  view,
  returnHop,
  caption,
  heading,
  switchTag,
  switchScenes,
  note,
  shown = true,
  fold,
}: DiagramProps) {
  // The heading, the bytes and the cluster's layout: remembered, and laid out ahead of the key
  // press where the deck could (see prepareStep).
  const { topology, headingBox, dump, chart, layout } = useMemo(
    () =>
      stepGeometry({
        scene,
        topology: given,
        service,
        trace,
        policy,
        returnHop,
        heading,
        switchTag,
        switchScenes,
        fold,
      }),
    [scene, given, service, trace, policy, returnHop, heading, switchTag, switchScenes, fold],
  );
  const t = trace?.ok ? trace.value : null;
  const proxyLine = bytesShown(scene, t, returnHop);
  const reduce = useReducedMotionConfig() === true;
  const mode = scene.mode ? findMode(scene.mode) : undefined;
  // The slide's own switch sits under the policy (or in its place where the policy means nothing).
  const switchPlace = switchTag
    ? switchTagPlace(layout, switchTag, t?.policyApplies === true)
    : null;
  const switchBox = switchPlace?.box ?? null;
  const ref = currentRef(t, scene, returnHop);
  const srcDstOnly = scene.srcDstOnly === true;
  const frame = useMemo(
    () => (t && ref ? frameOf(layout, t, ref, { view, srcDstOnly }) : null),
    // The ref's fields, not the object: it is made anew each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [layout, t, ref?.dir, ref?.index, view, srcDstOnly],
  );
  // The other hops of this trip are laid out while the presenter talks, one per idle moment,
  // so the key press that shows one only has to draw it.
  useEffect(
    () => (t ? whenIdle(framesToPrepare(layout, t, srcDstOnly)) : undefined),
    [layout, t, srcDstOnly],
  );

  // Shown after waiting behind a text slide (19, 30, 48, …): play the hop from its start.
  const [wasShown, setWasShown] = useState(shown);
  const [entries, setEntries] = useState(0);
  if (wasShown !== shown) {
    setWasShown(shown);
    if (shown && frame) setEntries(entries + 1);
  }
  const run = `${scene.mode}|${scene.variant}|${scene.pod ?? ''}|${scene.ingressPod ?? ''}`;
  const telling = useTelling(
    { place: { run, policy, view, entries }, frame },
    t?.forward.length ?? 0,
    reduce,
  );

  const shares = useMemo(
    () =>
      scene.shares && scene.mode
        ? shareLabels(topology, service, scene.mode, policy, shareExtras(scene))
        : null,
    [topology, service, scene, policy],
  );
  const roles = useMemo(() => new Set(layout.pods.map((p) => p.role)), [layout]);
  // The Service whose healthCheckNodePort each node answers, where the step shows it.
  const checked = scene.health ? findService(topology, service) : undefined;
  const frontAddress =
    t && (mode?.front === 'vip' || mode?.front === 'proxy')
      ? (t.forward[0]?.packet.dst.ip ?? undefined)
      : undefined;
  const hop = frame?.hop;
  const reply = frame?.ref.dir === 'return';
  const stopped = hop !== undefined && hop.to === null;
  const plan = telling?.plan;
  // Where the picture needs a word: the talk's label for a stuck packet is not its header, and a
  // reply that skips a passthrough load balancer does so on purpose.
  const stuckNote = t && hop ? dropNote(t, hop, view) : null;
  const cardNote = note ?? stuckNote ?? (t && hop ? passthroughNote(t, hop) : null);
  // Things that happen at the device wait for the card to get there (CSS animation delays).
  const flipDelay = plan ? { animationDelay: `${plan.flipAt}s` } : undefined;
  const drawKey = telling?.key ?? '';
  // The frame of the key press only draws the step where it starts; its animations (the card's
  // flight, the flip, the badge) are started in the next frame, all together, so the press
  // paints at once.
  const [started, setStarted] = useState<string | null>(null);
  useEffect(() => {
    const id = requestAnimationFrame(() => setStarted(drawKey));
    return () => cancelAnimationFrame(id);
  }, [drawKey]);
  const go = started === drawKey;
  // What appears at the device (the badge, a drop's mark, a note) is not needed in the press's
  // frame unless the step is shown as it ends: it joins when the animations start.
  const atDevice = go || (plan !== undefined && plan.duration === 0);
  const showNote = cardNote !== null && atDevice;
  const wordsTop = mode?.example ? 118 : 84;
  const words = wordsColumn(
    layout,
    wordsTop,
    frame?.routes ?? [],
    frame ? { ...frame.rest, ...frame.face.size } : null,
  );
  return (
    <svg
      className="diagram"
      viewBox="0 0 1600 900"
      role="img"
      aria-label={describeScene(scene, mode?.title)}
    >
      <Defs />
      {heading && headingBox ? (
        <SinceHeading box={headingBox} />
      ) : (
        mode && (
          <text x={36} y={62} fontSize={30} className="mode-title">
            {mode.title}
            {mode.example && (
              <tspan x={36} dy={38} fontSize={28} className="mode-example">
                (e.g. {mode.example})
              </tspan>
            )}
          </text>
        )
      )}
      {(scene.hypothetical || caption || showNote) && (
        <foreignObject x={words.x} y={wordsTop} width={words.w} height={words.h}>
          {scene.hypothetical && (
            <p className="hypothetical">Hypothetical: nobody had built this in 2020</p>
          )}
          {caption && <p className="caption">{caption}</p>}
          {showNote && (
            // Appears with the card at the device it is about.
            <p
              key={`note-${drawKey}`}
              className={stuckNote ? 'card-note card-note-stuck drop-in' : 'card-note drop-in'}
              style={flipDelay}
            >
              <span className="card-note-mark" aria-hidden="true">
                ✱{' '}
              </span>
              {cardNote}
            </p>
          )}
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
        inside={t?.client}
      />
      {scene.nodePorts && <NodePorts nodes={layout.nodes} />}
      {scene.health && checked && (
        <HealthTags topology={topology} service={checked} layout={layout} />
      )}
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
      {/* Arrows from the client outside to each node; a pod that sends (since 2020) starts on its own node. */}
      {shares && t?.client?.kind !== 'pod' && <ShareArrows layout={layout} labels={shares.nodes} />}
      {chart && <ShareChart chart={chart} layout={layout} />}
      {!dump &&
        scene.build !== 'cluster' &&
        roles.size > 0 &&
        ['pods', 'client'].includes(scene.build) && (
          <Legend
            topology={topology}
            roles={roles}
            ports={scene.nodePorts === true}
            layout={switchBox ? { ...layout, legend: below(layout.legend, switchBox) } : layout}
          />
        )}
      {/* The audience sees the policy that routes the packet, and a live flip marks it. */}
      {t?.policyApplies && <PolicyTag box={layout.policyTag} policy={policy} />}
      {switchTag && switchBox && (
        <PolicyTag
          box={switchBox}
          name={switchTag.name}
          policy={switchTag.value}
          twoLines={switchPlace?.twoLines === true}
        />
      )}
      {dump && proxyLine && (
        // Builds in as the proxy writes the header, and stays while the packet carries it.
        <Appear key={`proxy-bytes-v${dump.version}`} delay={plan?.flipAt ?? 0}>
          <ProxyBytes
            line={proxyLine}
            dump={dump}
            keyArea={switchBox ? below(layout.legend, switchBox) : layout.legend}
          />
        </Appear>
      )}
      {frame && telling && plan && (
        <>
          {frame.trail.length > 0 && <Trail paths={frame.trail} reply={reply} />}
          {telling.undoing && telling.undoing.wire.length > 0 && (
            // Stepping back: the wire being undone draws out as the card returns along it.
            <path
              key={`undo-${drawKey}`}
              className="wire-undraw"
              style={{ animationDuration: `${Math.max(plan.flipAt, 0.3)}s` }}
              pathLength={1}
              d={hopPath(telling.undoing.wire)}
              fill="none"
              stroke={reply ? 'var(--wire-return)' : 'var(--wire)'}
              strokeWidth={5}
              strokeLinecap="round"
            />
          )}
          {telling.undoing?.badge && atDevice && (
            <AtFlip key={`undo-badge-${drawKey}`} plan={plan} go={go} hide>
              <RewriteBadge {...telling.undoing.badge} />
            </AtFlip>
          )}
          {frame.wire.length > 0 && (
            <Wire
              d={hopPath(frame.wire)}
              reply={reply}
              dropped={false}
              drawKey={drawKey}
              draw={telling.arrival !== 'back' && telling.arrival !== 'jump'}
              delay={plan.leaveAt}
            />
          )}
          {/* Keyed by the step, so they appear as the card reaches the device, not before. */}
          {frame.badge && atDevice && (
            <AtFlip key={`badge-${drawKey}`} plan={plan} go={go}>
              <RewriteBadge {...frame.badge} />
            </AtFlip>
          )}
          {stopped && frame.stop && frame.stopLabel && atDevice && (
            <AtFlip key={`drop-${drawKey}`} plan={plan} go={go}>
              <DropMark at={frame.stop} label={frame.stopLabel} />
            </AtFlip>
          )}
          <PacketCard
            face={frame.face}
            before={telling.before}
            plan={plan}
            go={go}
            reply={reply}
            dropped={stopped}
          />
        </>
      )}
    </svg>
  );
}

function describeScene(scene: Scene, title: string | undefined): string {
  const parts = ['Cluster diagram'];
  if (title) parts.push(`mode ${title}`);
  if (scene.hypothetical) parts.push('hypothetical');
  return parts.join(', ');
}
