import { textWidth, type Box } from './geometry';
import { serviceRoles, type PodRole } from './roles';
import type { Topology } from '../../model';

/** Readable from the back of the room (28 px at 1080p). */
const FONT = 28;

/** One line of the legend: a Service's colour and its name (with its node port from slide 24 on). */
export interface LegendEntry {
  readonly role: PodRole;
  readonly text: string;
}

/** The legend's lines: each Service whose pods are drawn, in the topology's order, then the ingress proxies. */
export function legendEntries(
  topology: Topology,
  roles: ReadonlySet<PodRole>,
  ports: boolean,
): LegendEntry[] {
  const byService = serviceRoles(topology);
  const entries: LegendEntry[] = [];
  for (const svc of topology.services) {
    const role = byService.get(svc.id);
    if (!role || role === 'ingress' || role === 'other' || !roles.has(role)) continue;
    entries.push({
      role,
      text: `${svc.name}${ports && svc.nodePort ? ` (:${svc.nodePort})` : ''}`,
    });
  }
  if (roles.has('ingress')) entries.push({ role: 'ingress', text: 'Ingress proxy' });
  return entries;
}

/** Where the legend's lines go in the layout's legend area: 28-unit words, smaller only for many Services. */
export function legendRows(
  legend: Box,
  entries: readonly LegendEntry[],
): { x: number; y: number; step: number; fontSize: number } {
  const step = Math.min(42, legend.h / Math.max(1, entries.length));
  const widest = entries.reduce((a, e) => (e.text.length > a.length ? e.text : a), '');
  const fontSize = Math.min(FONT, step * 0.7, (legend.w - 44) / Math.max(1, textWidth(widest, 1)));
  return { x: legend.x, y: legend.y, step, fontSize };
}
