import type { Scene } from '../../deck';
import { PACKET_SERVICE, topologyOf } from '../../deck';
import {
  backendServices,
  type AddressView,
  type ExternalTrafficPolicy,
  type Result,
  type ServiceId,
  type Topology,
  type Trace,
} from '../../model';
import type { SceneFold } from './fold-box';
import { frameOf, type HopRef } from './frame';
import { textWidth, type Box } from './geometry';
import { layoutDiagram, type DiagramLayout, type LayoutOptions } from './layout';
import { dumpLayout, type DumpLayout, type ProxyLine } from './proxy-bytes';
import type { ShareChartLayout } from './share-chart';
import { stepChart } from './share-chart-step';

// Everything a diagram step lays out before React draws it: the since-2020
// heading, a PROXY header's bytes, the cluster's layout and the frame of the
// hop on screen. Each is remembered by what it is made from (all immutable),
// so the deck can lay out the step a key press will show while the presenter
// talks (`prepareStep`), and the press itself only draws.

export interface DiagramHeading {
  readonly title: string;
  /** e.g. "Kubernetes 1.32 · KEP-1860 · 2024". */
  readonly badge: string;
}

/** What the geometry of a step is made from: the diagram's props that shape it. */
export interface GeometryInput {
  readonly scene: Scene;
  readonly topology?: Topology;
  readonly service?: ServiceId;
  readonly trace: Result<Trace> | null;
  readonly policy: ExternalTrafficPolicy;
  readonly returnHop: number | null;
  readonly heading?: DiagramHeading;
  /** The slide's own switch as it stands, with its first value (a share chart's "was"). */
  readonly switchTag?: { readonly value: string; readonly first?: string };
  /** The step under each value of the slide's own switch, the first as the slide opens. */
  readonly switchScenes?: readonly Scene[];
  readonly fold?: SceneFold;
}

export interface HeadingGeometry {
  /** The title, wrapped at its spaces onto as many lines as the column needs. */
  readonly titleLines: readonly string[];
  /** Where the badge's top is. */
  readonly badgeY: number;
  readonly lines: readonly string[];
  readonly badgeW: number;
  readonly badgeH: number;
  readonly addedY: number;
  readonly box: Box;
}

export interface StepGeometry {
  readonly topology: Topology;
  readonly headingBox: HeadingGeometry | null;
  readonly dump: DumpLayout | null;
  /** The shares of requests per pod, now and as the slide opened (since/6, since/11). */
  readonly chart: ShareChartLayout | null;
  readonly layout: DiagramLayout;
}

export const ADDED = 'Added to the talk · not its words';

const headings = new WeakMap<DiagramHeading, HeadingGeometry>();

/**
 * Where a since-2020 heading goes: its title, its badge (a pill holding the
 * year and where the change stands, wrapped at its " · " onto as many lines as
 * the left column needs, never smaller than projector size) and the "added"
 * line under it; the wires keep clear of the whole of it.
 */
export function headingGeometry(h: DiagramHeading): HeadingGeometry {
  const known = headings.get(h);
  if (known) return known;
  const room = 548 - 36;
  // Greedy lines of `parts` joined by `sep`, each within the column at `size` (bold: wider).
  const wrap = (parts: readonly string[], sep: string, size: number): string[] => {
    const lines: string[] = [];
    for (const part of parts) {
      const last = lines[lines.length - 1];
      if (last !== undefined && textWidth(`${last}${sep}${part}`, size) * 1.08 <= room)
        lines[lines.length - 1] = `${last}${sep}${part}`;
      else lines.push(part);
    }
    return lines;
  };
  const words = h.title.split(' ');
  const greedy = wrap(words, ' ', 30);
  // Two lines are balanced ("LoadBalancer ipMode:" over "VIP or Proxy"), not one word left over.
  const titleLines =
    greedy.length === 2
      ? words
          .slice(1)
          .map((_, i) => [words.slice(0, i + 1).join(' '), words.slice(i + 1).join(' ')])
          .reduce((best, pair) =>
            Math.max(...pair.map((l) => l.length)) < Math.max(...best.map((l) => l.length))
              ? pair
              : best,
          )
      : greedy;
  const badgeY = 78 + TITLE_PITCH * (titleLines.length - 1);
  const lines = wrap(h.badge.split(' · '), ' · ', 28);
  const badgeW = Math.max(...lines.map((l) => textWidth(l, 28) * 1.08)) + 36;
  const badgeH = 8 + 34 * lines.length;
  const addedY = badgeY + badgeH + 34;
  const w =
    Math.max(
      ...titleLines.map((l) => textWidth(l, 30) * 1.08),
      badgeW,
      textWidth(ADDED, 28) * 1.05,
    ) + 12;
  const made = {
    titleLines,
    badgeY,
    lines,
    badgeW,
    badgeH,
    addedY,
    box: { x: 28, y: 22, w, h: addedY - 10 },
  };
  headings.set(h, made);
  return made;
}

/** From one line of a since-2020 slide's title to the next. */
export const TITLE_PITCH = 36;

export const bottomOf = (b: Box) => b.y + b.h;

/**
 * The node ports written on each node: the backend Services' (the talk's
 * :30093 and :30076). Past two, a node has no room to write them all large
 * enough to read, so only the packet's own Service's is written.
 */
export function portsDrawn(topology: Topology, service: ServiceId): string[] {
  const ids = backendServices(topology, service)
    .filter((svc) => svc.nodePort !== undefined)
    .map((svc) => svc.id);
  return ids.length > 2 ? ids.filter((id) => id === service) : ids;
}

/** The hop on screen: a reply hop while the reply plays, else the scene's forward hop. */
export function currentRef(
  trace: Trace | null,
  scene: Scene,
  returnHop: number | null,
): HopRef | null {
  if (!trace) return null;
  if (returnHop !== null) return trace.back[returnHop] ? { dir: 'return', index: returnHop } : null;
  if (scene.hop === undefined || !trace.forward[scene.hop]) return null;
  return { dir: 'forward', index: scene.hop };
}

/**
 * The PROXY header of the packet on screen, where the scene shows bytes: the
 * forward hop's (the proxy writes it, and it rides on while the packet carries
 * it); none on a reply, or on a hop without one.
 */
export function bytesShown(
  scene: Scene,
  t: Trace | null,
  returnHop: number | null,
): ProxyLine | null {
  if (!scene.bytes || !t || returnHop !== null || scene.hop === undefined) return null;
  return t.forward[scene.hop]?.packet.proxyLine ?? null;
}

const dumps = new WeakMap<ProxyLine, Map<number, DumpLayout>>();

/** A PROXY header's dump in the left column, under the heading (remembered per header and place). */
function dumpAt(line: ProxyLine, y: number): DumpLayout {
  let byY = dumps.get(line);
  if (!byY) dumps.set(line, (byY = new Map()));
  let d = byY.get(y);
  if (!d) byY.set(y, (d = dumpLayout(line, { x: 28, y }, 532)));
  return d;
}

const charts = new WeakMap<Scene, WeakMap<object, Map<string, ShareChartLayout | null>>>();

/**
 * A share chart for a step on a slide with its own switch, under a heading
 * (`stepChart`), remembered per scene, the scenes under every switch value
 * (the "was" and the scale), the switch and the policy.
 */
function chartFor(
  scene: Scene,
  input: GeometryInput,
  topology: Topology,
  service: ServiceId,
  headingBottom: number | null,
): ShareChartLayout | null {
  const value = input.switchTag?.value;
  const first = input.switchTag?.first ?? value;
  if (!scene.shares || value === undefined || first === undefined || headingBottom === null)
    return null;
  let bySwitch = charts.get(scene);
  if (!bySwitch) charts.set(scene, (bySwitch = new WeakMap()));
  const scenes = input.switchScenes ?? [scene];
  let known = bySwitch.get(scenes);
  if (!known) bySwitch.set(scenes, (known = new Map()));
  const key = `${value}|${first}|${input.policy}|${service}|${headingBottom}`;
  if (!input.topology && known.has(key)) return known.get(key) ?? null;
  const chart = stepChart({
    scene,
    scenes,
    topology,
    service,
    policy: input.policy,
    value,
    first,
    headingBottom,
  });
  // Only the talk's own clusters are remembered; a cluster given from outside is charted afresh.
  if (!input.topology) known.set(key, chart);
  return chart;
}

const layouts = new WeakMap<Topology, Map<string, DiagramLayout>>();
const foldedLayouts = new WeakMap<Topology, WeakMap<SceneFold, Map<string, DiagramLayout>>>();

const boxKey = (b: Box | undefined) => (b ? `${b.x},${b.y},${b.w},${b.h}` : '');

/**
 * The cluster laid out, remembered per topology and options; a big cluster
 * drawn in part, per fold too (the explorer keeps one fold object for as long
 * as its shape holds).
 */
export function cachedLayout(topology: Topology, options: LayoutOptions): DiagramLayout {
  let byOptions: Map<string, DiagramLayout> | undefined;
  if (options.fold) {
    let byFold = foldedLayouts.get(topology);
    if (!byFold) foldedLayouts.set(topology, (byFold = new WeakMap()));
    byOptions = byFold.get(options.fold);
    if (!byOptions) byFold.set(options.fold, (byOptions = new Map()));
  } else {
    byOptions = layouts.get(topology);
    if (!byOptions) layouts.set(topology, (byOptions = new Map()));
  }
  const key = [
    options.nodePortServices.join(','),
    boxKey(options.heading),
    options.rows ?? '',
    options.clientPod ?? '',
    boxKey(options.panel),
  ].join('|');
  let layout = byOptions.get(key);
  if (!layout) byOptions.set(key, (layout = layoutDiagram(topology, options)));
  return layout;
}

/** The heading, the bytes or the share chart, and the cluster's layout of one step (each remembered). */
export function stepGeometry(input: GeometryInput): StepGeometry {
  const {
    scene,
    topology: given,
    service = PACKET_SERVICE,
    trace,
    returnHop,
    heading,
    fold,
  } = input;
  const topology = given ?? topologyOf(scene.variant);
  const headingBox = heading ? headingGeometry(heading) : null;
  const t = trace?.ok ? trace.value : null;
  const inside = t?.client;
  const clientPod = inside?.kind === 'pod' ? inside.pod : undefined;
  const proxyLine = bytesShown(scene, t, returnHop);
  const dump = proxyLine
    ? dumpAt(proxyLine, headingBox ? bottomOf(headingBox.box) + 10 : 128)
    : null;
  const chart = dump
    ? null
    : chartFor(scene, input, topology, service, headingBox ? bottomOf(headingBox.box) : null);
  const layout = cachedLayout(topology, {
    // The node ports of the backend Services (the talk's :30093 and :30076), where the scene shows them.
    nodePortServices: scene.nodePorts ? portsDrawn(topology, service) : [],
    ...(fold ? { fold } : {}),
    ...(headingBox ? { heading: headingBox.box } : {}),
    ...(scene.rows ? { rows: scene.rows } : {}),
    ...(clientPod ? { clientPod } : {}),
    ...(dump ? { panel: dump.box } : chart ? { panel: chart.box } : {}),
  });
  return { topology, headingBox, dump, chart, layout };
}

/** What is left of the legend's area under a box drawn over its top. */
export function below(legend: Box, box: Box): Box {
  const top = Math.max(legend.y, box.y + box.h + 12);
  return { ...legend, y: top, h: Math.max(0, legend.y + legend.h - top) };
}

/** Between the two lines of a switch tag that needs them. */
export const SWITCH_LINE_PITCH = 34;

/**
 * Where a since-2020 slide's own switch is written ("ipMode = Proxy"): under
 * the policy (or in its place where the policy means nothing), as wide as its
 * words need within the column left of the cluster. Words too long for that
 * column at 28 ("trafficDistribution = PreferSameZone") go on two lines, the
 * value under the name, rather than smaller or past the box.
 */
export function switchTagPlace(
  layout: DiagramLayout,
  tag: { readonly name: string; readonly value: string },
  policyShown: boolean,
): { box: Box; twoLines: boolean } {
  const tagBox = layout.policyTag;
  const room = layout.cluster.x - 16 - tagBox.x;
  const y = policyShown ? tagBox.y + tagBox.h + 10 : tagBox.y;
  // The value is bold: wider than the estimate's average glyph.
  const nameW = textWidth(`${tag.name} = `, 28) * 1.06;
  const valueW = textWidth(tag.value, 28) * 1.14;
  const oneLine = nameW + valueW + 28;
  if (oneLine <= room)
    return { box: { ...tagBox, y, w: Math.max(tagBox.w, oneLine) }, twoLines: false };
  const w = Math.min(room, Math.max(tagBox.w, nameW + 28, valueW + 28));
  return { box: { ...tagBox, y, w, h: tagBox.h + SWITCH_LINE_PITCH }, twoLines: true };
}

/**
 * Lays out a step before it is shown: its geometry and the frame of its hop
 * in the address view it will be drawn in. What the diagram then draws comes
 * from the same caches, so the key press that shows the step only renders it.
 */
export function prepareStep(input: GeometryInput, view: AddressView): void {
  const { layout } = stepGeometry(input);
  const t = input.trace?.ok ? input.trace.value : null;
  const ref = currentRef(t, input.scene, input.returnHop);
  if (t && ref) frameOf(layout, t, ref, { view, srcDstOnly: input.scene.srcDstOnly === true });
}
