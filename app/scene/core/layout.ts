import { scaleBand } from 'd3-scale';
import { findService, type Pod, type Service, type Topology } from '../../model';
import { textWidth, type Box, type Point } from './geometry';
import { headerPlan, podGrid, type HeaderPlan, type HeaderWords, type PodGrid } from './node-parts';
import { foldedNode, morePodsText, noteInCell, type FoldLine, type SceneFold } from './fold-box';
import { rolesOf, type PodRole } from './roles';

export { SERVICE_ROLES, serviceRoles, type PodRole } from './roles';
export { legendEntries, legendRows, type LegendEntry } from './legend-layout';

/** A line of text the layout has placed: its baseline's start and its size. */
export interface TextPlace {
  readonly x: number;
  readonly y: number;
  readonly fontSize: number;
}

export interface NodePortTag {
  readonly service: string;
  readonly label: string;
  readonly box: Box;
  readonly role: PodRole;
  readonly fontSize: number;
}

export interface NodeLayout {
  readonly id: string;
  readonly box: Box;
  /** Where kube-proxy sits: traffic enters and leaves the node here (its left side, level with the corridor). */
  readonly gate: Point;
  /** The empty band between the node's header and its pods, where packet cards rest and wires run. */
  readonly corridor: Box;
  readonly ports: readonly NodePortTag[];
  /** The node's name, address and pod range lines (the last two with their words). */
  readonly labels: {
    readonly name: TextPlace;
    readonly ip: TextPlace & { readonly text: string };
    readonly range: TextPlace & { readonly text: string };
  };
  /** Only on the box standing for the nodes a big cluster does not draw: its words, line by line. */
  readonly folded?: { readonly lines: readonly FoldLine[] };
  /** Where the node draws only some of its pods: "+ 4 pods", in the grid's cell after them. */
  readonly morePods?: TextPlace & { readonly text: string; readonly box: Box };
}

export interface PodLayout {
  readonly id: string;
  readonly node: string;
  readonly box: Box;
  readonly role: PodRole;
  /** Font size that fits the box: the name and the address fit its width, two lines its height. */
  readonly fontSize: number;
  /** 2: its name and its address (or share); 1: its name alone, where two lines would be too small to read. */
  readonly lines: 1 | 2;
}

/** Free lanes between the boxes, where wires may run: x of vertical lanes, y of horizontal ones. */
export interface Channels {
  readonly xs: readonly number[];
  readonly ys: readonly number[];
}

export interface DiagramLayout {
  readonly cluster: Box;
  /** The cluster's "Cluster: 10.0.0.0/16" line. */
  readonly clusterLabel: TextPlace;
  readonly client: Box;
  /** The VIP or proxy box (when the mode has one). */
  readonly lb: Box;
  readonly nodes: readonly NodeLayout[];
  readonly pods: readonly PodLayout[];
  /** Where "externalTrafficPolicy = Local" is written, under the client and the load balancer. */
  readonly policyTag: Box;
  /** The area the legend may take (under the policy tag). */
  readonly legend: Box;
  /** A heading the wires keep clear of, where the slide has one of its own. */
  readonly heading?: Box;
  /** The "client" tag on a pod that sends the request, over its box's top edge. */
  readonly clientTag?: Box;
  /** A panel drawn in the left column (a PROXY header's bytes): wires and cards keep clear of it. */
  readonly panel?: Box;
  /** The lanes wires run along, between and around the boxes. */
  readonly channels: Channels;
}

export interface LayoutOptions {
  /** Show the node ports of these Services on every node. */
  readonly nodePortServices: readonly string[];
  /** A big cluster drawn in part: the box for the nodes left out, and the pods each node leaves out. */
  readonly fold?: SceneFold;
  /** Room kept clear of wires at the top left: a since-2020 slide's own heading. */
  readonly heading?: Box;
  /** Rows of nodes, where a slide wants wider ones (three nodes on two rows keep 28-unit words). */
  readonly rows?: number;
  /** A pod that is the request's client (since 2020): it wears a "client" tag. */
  readonly clientPod?: string;
  /** Room kept clear of wires, cards and badges in the left column (a PROXY header's bytes). */
  readonly panel?: Box;
}

/**
 * The stage: the cluster takes the right two thirds and the full height; the
 * client, the load balancer, the policy and the legend stack on the left, under
 * the slide's title and above the legend, with room for a resting packet card
 * (about 380×100) above the client.
 */
const CLUSTER: Box = { x: 600, y: 12, w: 986, h: 876 };
/** From the cluster's top to its first row of nodes: its label, then a lane for wires. */
const TOP_BAND = 100;
const LEFT_GUTTER = 44;
const RIGHT_GUTTER = 36;
const GUTTER = 48;
const NARROW_GUTTER = 32;
const ROW_GAP = 60;
const BOTTOM = 24;
const NODE_MAX_W = 560;
/** A corridor in a two-row layout: a wire along its middle, a 46-unit rewrite badge from its top. */
const TWO_ROW_CORRIDOR = 56;
/** The header's words shrink for the pods' sake down to this (the name a little larger), no further. */
const HEADER_FLOOR = 14;
/** A pod showing its name alone says less than one with its address: its font counts this much. */
const NAME_ALONE_WORTH = 0.7;
const CLIENT: Box = { x: 24, y: 536, w: 236, h: 126 };
const LB: Box = { x: 316, y: 536, w: 224, h: 126 };
export const POLICY_FONT = 28;

/** Readable from the back of the room (28 px at 1080p); smaller only when a big cluster leaves no room. */
const FONT = 28;

/** The words on a pod: its name line and its address line. */
export const podName = (pod: Pod): string =>
  pod.name === 'Ingress' || pod.name === 'pod' ? pod.name : `${pod.name}:`;

/** The baselines of a pod's two lines (its name, then its address or share), centred in its box. */
export const podLines = (box: Box, fontSize: number, lines: 1 | 2 = 2): [number, number] =>
  lines === 1
    ? [box.y + box.h / 2 + fontSize * 0.36, box.y + box.h / 2 + fontSize * 0.36]
    : [box.y + box.h / 2 - fontSize * 0.2, box.y + box.h / 2 + fontSize * 1.05];

interface RowPlan {
  readonly rows: number;
  readonly cols: number;
  readonly nodeW: number;
  readonly rowH: number;
  readonly gutter: number;
  readonly left: number;
}

function rowPlan(count: number, rowsWanted?: number): RowPlan {
  const rows = Math.min(count, rowsWanted ?? (count > 6 ? 2 : 1));
  const cols = Math.max(1, Math.ceil(count / rows));
  const room = CLUSTER.w - LEFT_GUTTER - RIGHT_GUTTER;
  // Four or more columns keep narrower gaps (a wire's lane needs far less than 48): the nodes get the width.
  const gutter = cols >= 4 ? NARROW_GUTTER : GUTTER;
  const nodeW = Math.min(NODE_MAX_W, (room - gutter * (cols - 1)) / cols);
  const used = nodeW * cols + gutter * (cols - 1);
  const rowH = (CLUSTER.h - TOP_BAND - BOTTOM - ROW_GAP * (rows - 1)) / rows;
  return { rows, cols, nodeW, rowH, gutter, left: CLUSTER.x + LEFT_GUTTER + (room - used) / 2 };
}

/**
 * Positions for every box of the diagram, computed from the topology alone:
 * nodes share the cluster's width (a D3 band scale; more than six nodes take
 * two rows), each node has a header (name, address, pod range, node ports), a
 * corridor where wires run and cards rest, and its pods in a grid below,
 * ingress proxy pods first, as the talk draws them. Every font is as large as
 * the projector wants (28 or more) where the box has room; where a big
 * cluster leaves none, the header's words and the pods' words share the
 * node's height so that the smaller of the two is as large as it can be.
 */
export function layoutDiagram(topology: Topology, options: LayoutOptions): DiagramLayout {
  const folded = options.fold?.folded ?? null;
  // The folded box takes the place of one more node, after the others.
  const plan = rowPlan(topology.nodes.length + (folded ? 1 : 0), options.rows);
  const cols = scaleBand<number>()
    .domain(Array.from({ length: plan.cols }, (_, i) => i))
    .range([plan.left, plan.left + plan.nodeW * plan.cols + plan.gutter * (plan.cols - 1)])
    .paddingInner(plan.gutter / (plan.nodeW + plan.gutter));
  const { pods: roles, services: svcRoles } = rolesOf(topology);

  const portServices = options.nodePortServices
    .map((id) => findService(topology, id))
    .filter((s): s is Service => s !== undefined && s.nodePort !== undefined);
  const words: HeaderWords = {
    names: topology.nodes.map((n) => `${n.name}:`),
    worded: topology.nodes.flatMap((n) => [`IP: ${n.ip}`, `Pod range: ${n.podCidr.text}`]),
    bare: topology.nodes.flatMap((n) => [n.ip, n.podCidr.text]),
    ports: portServices.map((s) => `:${s.nodePort}`),
  };

  const w = plan.nodeW;
  // Two rows leave each node a third of the height: the corridor keeps what a wire and the
  // rewrite badge hanging from its top (46) need, no more. One row gives it a quarter of the
  // node (a resting card fits under the badge), down to 110 where the pods need the height.
  const fullCorridor = Math.min(180, Math.max(110, plan.rowH * 0.26));
  const corridors =
    plan.rows > 1
      ? [TWO_ROW_CORRIDOR]
      : [fullCorridor, ...[170, 160, 150, 140, 130, 120, 110].filter((c) => c < fullCorridor)];
  const m = w < 300 ? { side: 8, top: 8, bottom: 10 } : { side: 14, top: 12, bottom: 16 };
  const notes = topology.nodes.map((node) => {
    const more = options.fold?.morePods.get(node.id) ?? 0;
    return more > 0 ? morePodsText(more) : null;
  });
  const podsHere = topology.nodes.map((node) =>
    topology.pods
      .filter((p) => p.node === node.id)
      .sort(
        (a, b) => Number(roles.get(b.id) === 'ingress') - Number(roles.get(a.id) === 'ingress'),
      ),
  );
  interface Fit {
    readonly header: HeaderPlan;
    readonly corridorH: number;
    /** The pod area under the corridor, from the node's top-left. */
    readonly area: Box;
    readonly grids: readonly PodGrid[];
    /** Per node with pods, the smaller of the header's words and its pods' (a name alone counts less); their mean. */
    readonly score: number;
    /** Whether every node's pods are written at least as large as the header. */
    readonly podsAtLeastHeader: boolean;
  }
  const fitWith = (corridorH: number, cap: number): Fit => {
    const header = headerPlan(words, w, cap);
    const top = header.height + 4 + corridorH + m.top;
    const area: Box = { x: m.side, y: top, w: w - 2 * m.side, h: plan.rowH - top - m.bottom };
    // The name is bold (about 10% wider); the address or a share (slide 39) goes under it.
    // A note of pods not drawn takes the cell after the last pod, written as a pod's name.
    const grids = podsHere.map((here, i) => {
      const note = notes[i];
      const names = here.map((p) => textWidth(podName(p), 1.1));
      return podGrid(
        area,
        here.length + (note ? 1 : 0),
        Math.max(0, ...(note ? [...names, textWidth(note, 1)] : names)),
        Math.max(0, ...here.map((p) => textWidth(p.ip, 1))),
      );
    });
    const worth = grids
      .filter((_, i) => podsHere[i]?.length)
      .map((g) => g.fontSize * (g.lines === 2 ? 1 : NAME_ALONE_WORTH));
    const score =
      worth.reduce((sum, v) => sum + Math.min(header.textFont, v), 0) / Math.max(1, worth.length);
    const podsAtLeastHeader = worth.every((v) => v >= header.textFont);
    return { header, corridorH, area, grids, score, podsAtLeastHeader };
  };
  // One header for every node, so the nodes read alike, its words at 28, the corridor at its
  // full height, unless the pods' words would then be smaller: then narrow the corridor, then
  // lower the header's words, where that makes the smaller of the two larger, node by node.
  const tries = [
    ...corridors.slice(1).map((c) => [c, FONT] as const),
    ...Array.from(
      { length: (FONT - HEADER_FLOOR) * 2 },
      (_, k) => [corridors.at(-1) ?? fullCorridor, FONT - 0.5 * (k + 1)] as const,
    ),
  ];
  let best = fitWith(corridors[0] ?? fullCorridor, FONT);
  for (const [corridorH, cap] of tries) {
    if (best.podsAtLeastHeader) break;
    const next = fitWith(corridorH, cap);
    if (next.score > best.score + 1e-9) best = next;
  }
  const { header, corridorH, grids } = best;
  const rel = best.area;

  const nodes: NodeLayout[] = [];
  const pods: PodLayout[] = [];
  topology.nodes.forEach((node, i) => {
    const row = Math.floor(i / plan.cols);
    const x = cols(i % plan.cols) ?? plan.left;
    const y = CLUSTER.y + TOP_BAND + row * (plan.rowH + ROW_GAP);
    const box: Box = { x, y, w, h: plan.rowH };
    const corridor: Box = { x: x + 8, y: y + header.height + 4, w: w - 16, h: corridorH };
    const gate: Point = { x, y: corridor.y + corridor.h / 2 };
    const ports = portServices.map((svc, k): NodePortTag => ({
      service: svc.id,
      label: words.ports[k] ?? '',
      role: svcRoles.get(svc.id) ?? 'other',
      fontSize: header.portFont,
      box: {
        x: x + (header.pills[k]?.dx ?? 0),
        y: y + (header.pills[k]?.dy ?? 0),
        w: header.pills[k]?.w ?? 0,
        h: header.pillH,
      },
    }));
    const lineX = x + header.pad;
    const labels = {
      name: { x: lineX, y: y + header.nameBase, fontSize: header.nameFont },
      ip: {
        x: lineX,
        y: y + header.ipBase,
        fontSize: header.textFont,
        text: header.bare ? node.ip : `IP: ${node.ip}`,
      },
      range: {
        x: lineX,
        y: y + header.rangeBase,
        fontSize: header.textFont,
        text: header.bare ? node.podCidr.text : `Pod range: ${node.podCidr.text}`,
      },
    };
    const here = podsHere[i] ?? [];
    const grid = grids[i];
    if (!grid) {
      nodes.push({ id: node.id, box, gate, corridor, ports, labels });
      return;
    }
    const area: Box = { x: x + rel.x, y: y + rel.y, w: rel.w, h: rel.h };
    const rowWidth = grid.cols * grid.w + (grid.cols - 1) * grid.gap;
    const gridHeight = grid.rows * grid.h + (grid.rows - 1) * grid.gap;
    const top = area.y + Math.max(0, (area.h - gridHeight) / 2.4);
    const cell = (k: number): Box => ({
      x: area.x + (area.w - rowWidth) / 2 + (k % grid.cols) * (grid.w + grid.gap),
      y: top + Math.floor(k / grid.cols) * (grid.h + grid.gap),
      w: grid.w,
      h: grid.h,
    });
    const note = notes[i];
    const rowRight = area.x + (area.w + rowWidth) / 2;
    const morePods = note
      ? noteInCell(cell(here.length), rowRight, note, grid.fontSize)
      : undefined;
    nodes.push({ id: node.id, box, gate, corridor, ports, labels, ...(morePods && { morePods }) });
    here.forEach((pod, k) => {
      pods.push({
        id: pod.id,
        node: node.id,
        role: roles.get(pod.id) ?? 'other',
        box: cell(k),
        fontSize: grid.fontSize,
        lines: grid.lines,
      });
    });
  });
  if (folded) {
    const k = topology.nodes.length;
    const x = cols(k % plan.cols) ?? plan.left;
    const y = CLUSTER.y + TOP_BAND + Math.floor(k / plan.cols) * (plan.rowH + ROW_GAP);
    nodes.push(foldedNode({ x, y, w, h: plan.rowH }, folded.label));
  }

  const policyTag = policyTagBox();
  const legend = LEGEND_AREA;
  return {
    cluster: CLUSTER,
    clusterLabel: { x: CLUSTER.x + 26, y: CLUSTER.y + 46, fontSize: 32 },
    client: CLIENT,
    lb: LB,
    nodes,
    pods,
    policyTag,
    legend,
    ...(options.heading ? { heading: options.heading } : {}),
    ...clientTagOf(pods, options.clientPod),
    ...(options.panel ? { panel: options.panel } : {}),
    channels: channelsOf(nodes, plan),
  };
}

/** The "client" tag of a pod that sends the request: straddling its box's top edge, at its left. */
function clientTagOf(pods: readonly PodLayout[], id: string | undefined): { clientTag?: Box } {
  const pod = id === undefined ? undefined : pods.find((p) => p.id === id);
  return pod ? { clientTag: { x: pod.box.x + 8, y: pod.box.y - 19, w: 112, h: 38 } } : {};
}

/** The legend's area: under the policy, down to the stage's foot. */
export const LEGEND_AREA: Box = (() => {
  const tag = policyTagBox();
  const y = tag.y + tag.h + 16;
  return { x: CLIENT.x, y, w: LB.x + LB.w - CLIENT.x, h: 900 - y - 8 };
})();

/** The widest the policy line gets ("externalTrafficPolicy = Cluster"), in the talk's words. */
function policyTagBox(): Box {
  const w = textWidth('externalTrafficPolicy = Cluster', POLICY_FONT) * 1.06 + 28;
  return { x: CLIENT.x, y: CLIENT.y + CLIENT.h + 18, w, h: POLICY_FONT + 20 };
}

/**
 * The lanes: beside the client and the load balancer, the cluster's top band,
 * the gaps between node columns and rows, and the band under the last row.
 */
function channelsOf(nodes: readonly NodeLayout[], plan: RowPlan): Channels {
  const xs = new Set<number>([
    (CLIENT.x + CLIENT.w + LB.x) / 2,
    (LB.x + LB.w + CLUSTER.x) / 2,
    (CLUSTER.x + (plan.left ?? CLUSTER.x)) / 2,
  ]);
  const ys = new Set<number>([CLUSTER.y + TOP_BAND - 22]);
  for (const n of nodes) {
    const right = nodes.find((m) => m.box.y === n.box.y && m.box.x > n.box.x + n.box.w);
    xs.add(right ? (n.box.x + n.box.w + right.box.x) / 2 : n.box.x + n.box.w + RIGHT_GUTTER / 2);
    ys.add(n.box.y - 22);
    ys.add(n.box.y + n.box.h + Math.min(BOTTOM, ROW_GAP) / 2);
  }
  return { xs: [...xs].sort((a, b) => a - b), ys: [...ys].sort((a, b) => a - b) };
}
