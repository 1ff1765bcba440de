import { scaleBand } from 'd3-scale';
import { endpointsOf, findService, type Pod, type Service, type Topology } from '../../model';
import type { Box, Point } from './geometry';

/** Which Service a pod serves, for its colour: the talk's two, or an ingress proxy. */
export type PodRole = 'a' | 'b' | 'ingress' | 'other';

export interface NodePortTag {
  readonly service: string;
  readonly label: string;
  readonly box: Box;
  readonly role: PodRole;
}

export interface NodeLayout {
  readonly id: string;
  readonly box: Box;
  /** Where kube-proxy sits: traffic enters and leaves the node here. */
  readonly gate: Point;
  /** The empty band between the node's header and its pods, where packet cards rest. */
  readonly corridor: Box;
  readonly ports: readonly NodePortTag[];
}

export interface PodLayout {
  readonly id: string;
  readonly node: string;
  readonly box: Box;
  readonly role: PodRole;
  /** Font size that fits the box. */
  readonly fontSize: number;
}

export interface DiagramLayout {
  readonly cluster: Box;
  readonly client: Box;
  /** The VIP or proxy box (when the mode has one). */
  readonly lb: Box;
  readonly nodes: readonly NodeLayout[];
  readonly pods: readonly PodLayout[];
}

export interface LayoutOptions {
  /** Show the node ports of these Services on every node. */
  readonly nodePortServices: readonly string[];
}

const CLUSTER: Box = { x: 640, y: 36, w: 930, h: 820 };
const NODE_TOP = 120;
const NODE_BOTTOM = 830;
const HEADER_H = 128;
const CORRIDOR_H = 150;

function roleOf(topology: Topology, pod: Pod, byService: Map<string, Set<string>>): PodRole {
  if (byService.get('svc-a')?.has(pod.id)) return 'a';
  if (byService.get('svc-b')?.has(pod.id)) return 'b';
  for (const ing of topology.ingresses)
    if (ing.proxyService && byService.get(ing.proxyService)?.has(pod.id)) return 'ingress';
  return 'other';
}

/** Lays pods out in a grid inside a node's pod area: as few columns as fit, rows no taller than 130. */
function podGrid(
  area: Box,
  count: number,
): { cols: number; rows: number; w: number; h: number; gap: number } {
  const gap = 22;
  const cols = count <= 2 ? Math.max(count, 1) : count <= 6 ? 2 : Math.ceil(Math.sqrt(count));
  const rows = Math.max(1, Math.ceil(count / cols));
  const w = Math.min(185, (area.w - gap * (cols + 1)) / cols);
  const h = Math.min(140, (area.h - gap * (rows - 1)) / rows);
  return { cols, rows, w, h, gap };
}

/**
 * Positions for every box of the diagram, computed from the topology alone:
 * nodes share the cluster's width (a D3 band scale), each node's pods form a
 * grid, and ingress proxy pods come first, as the talk draws them.
 */
export function layoutDiagram(topology: Topology, options: LayoutOptions): DiagramLayout {
  const nodeScale = scaleBand<string>()
    .domain(topology.nodes.map((n) => n.id))
    .range([CLUSTER.x + 36, CLUSTER.x + CLUSTER.w - 30])
    .paddingInner(topology.nodes.length > 3 ? 0.08 : 0.16);

  const byService = new Map<string, Set<string>>();
  for (const svc of topology.services)
    byService.set(svc.id, new Set(endpointsOf(topology, svc).map((p) => p.id)));

  const portServices = options.nodePortServices
    .map((id) => findService(topology, id))
    .filter((s): s is Service => s !== undefined && s.nodePort !== undefined);

  const nodes: NodeLayout[] = [];
  const pods: PodLayout[] = [];
  for (const node of topology.nodes) {
    const x = nodeScale(node.id) ?? CLUSTER.x;
    const w = nodeScale.bandwidth();
    const box: Box = { x, y: NODE_TOP, w, h: NODE_BOTTOM - NODE_TOP };
    const corridor: Box = { x: x + 8, y: NODE_TOP + HEADER_H, w: w - 16, h: CORRIDOR_H };
    const gate: Point = { x, y: corridor.y + corridor.h / 2 };
    const ports = portServices.map((svc, i) => {
      const label = `:${svc.nodePort}`;
      const pw = 98;
      return {
        service: svc.id,
        label,
        role: (svc.id === 'svc-a' ? 'a' : svc.id === 'svc-b' ? 'b' : 'other') as PodRole,
        box: { x: x + w - (pw + 10) * (portServices.length - i), y: NODE_TOP + 14, w: pw, h: 36 },
      };
    });
    nodes.push({ id: node.id, box, gate, corridor, ports });

    const here = topology.pods.filter((p) => p.node === node.id);
    const roles = new Map(here.map((p) => [p.id, roleOf(topology, p, byService)]));
    here.sort(
      (a, b) => Number(roles.get(b.id) === 'ingress') - Number(roles.get(a.id) === 'ingress'),
    );
    const area: Box = {
      x: x + 6,
      y: corridor.y + corridor.h + 14,
      w: w - 12,
      h: box.y + box.h - (corridor.y + corridor.h + 14) - 20,
    };
    const grid = podGrid(area, here.length);
    const rowWidth = grid.cols * grid.w + (grid.cols - 1) * grid.gap;
    const gridHeight = grid.rows * grid.h + (grid.rows - 1) * grid.gap;
    const top = area.y + Math.max(0, (area.h - gridHeight) / 2.4);
    here.forEach((pod, i) => {
      const col = i % grid.cols;
      const row = Math.floor(i / grid.cols);
      pods.push({
        id: pod.id,
        node: node.id,
        role: roles.get(pod.id) ?? 'other',
        box: {
          x: area.x + (area.w - rowWidth) / 2 + col * (grid.w + grid.gap),
          y: top + row * (grid.h + grid.gap),
          w: grid.w,
          h: grid.h,
        },
        fontSize: Math.max(15, Math.min(28, grid.h / 4.2, grid.w / 6.4)),
      });
    });
  }

  return {
    cluster: CLUSTER,
    client: { x: 36, y: 560, w: 230, h: 118 },
    lb: { x: 352, y: 560, w: 200, h: 118 },
    nodes,
    pods,
  };
}
