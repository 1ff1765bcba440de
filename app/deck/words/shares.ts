import {
  endpointsOf,
  exactShares,
  findService,
  type ModeId,
  type ServiceId,
  type ShareQuery,
  type Topology,
} from '../../model';
import type { Scene, SceneOptions } from '../scene';

/** What else a share question can ask beyond the mode and policy (a since-2020 option). */
export type ShareExtras = Omit<ShareQuery, 'topology' | 'service' | 'mode' | 'policy'>;

/**
 * The share question's since-2020 extras a scene or an explorer request sets:
 * the load balancer's weighting, and for a client inside the cluster where it
 * is, what it dials and the policies and hints that choose its endpoint.
 */
export function shareOptions(o: SceneOptions | undefined): ShareExtras {
  if (!o) return {};
  const out: { -readonly [K in keyof ShareExtras]: ShareExtras[K] } = {};
  if (o.weighting !== undefined) out.weighting = o.weighting;
  if (o.client !== undefined && o.client.kind !== 'outside') out.client = o.client;
  if (o.target !== undefined) out.target = o.target;
  if (o.internalPolicy !== undefined) out.internalPolicy = o.internalPolicy;
  if (o.trafficDistribution !== undefined) out.trafficDistribution = o.trafficDistribution;
  if (o.ipMode !== undefined) out.ipMode = o.ipMode;
  return out;
}

/** The extras a scene's own options set. */
export const shareExtras = (scene: Scene): ShareExtras => shareOptions(scene.options);

export interface ShareLabels {
  readonly pods: ReadonlyMap<string, string>;
  readonly nodes: ReadonlyMap<string, string>;
}

/** "50%", "8.3%": a share as the talk would write it. */
export const percent = (share: number): string => {
  const p = share * 100;
  return `${Number.isInteger(Math.round(p * 10) / 10) ? Math.round(p) : p.toFixed(1)}%`;
};

/** Each pod's and node's share of requests, from the simulator, as text. */
export function shareLabels(
  topology: Topology,
  service: string,
  mode: ModeId,
  policy: 'Cluster' | 'Local',
  extras: ShareExtras = {},
): ShareLabels | null {
  const r = exactShares({ ...extras, topology, service, mode, policy });
  if (!r.ok) return null;
  const pods = new Map<string, string>();
  // The Service's endpoints that get none are written too ("0%": trafficDistribution keeps them out).
  const svc = findService(topology, service as ServiceId);
  for (const p of svc ? endpointsOf(topology, svc) : []) pods.set(p.id, percent(0));
  for (const [id, s] of r.value.pods) pods.set(id, percent(s));
  const nodes = new Map<string, string>();
  for (const [id, s] of r.value.nodes) nodes.set(id, percent(s));
  return { pods, nodes };
}

/** Slide 39 in words: how the requests split over nodes and pods. */
export function describeShares(
  topology: Topology,
  service: string,
  mode: ModeId,
  policy: 'Cluster' | 'Local',
  extras: ShareExtras = {},
): string {
  const r = exactShares({ ...extras, topology, service, mode, policy });
  if (!r.ok) return r.error;
  const inside = extras.client && extras.client.kind !== 'outside' ? extras.client : null;
  if (inside) {
    const from =
      inside.kind === 'pod'
        ? (topology.pods.find((p) => p.id === inside.pod)?.name ?? inside.pod)
        : (topology.nodes.find((n) => n.id === inside.node)?.name ?? inside.node);
    const hints = extras.trafficDistribution
      ? `trafficDistribution ${extras.trafficDistribution}`
      : 'no trafficDistribution';
    const each = topology.pods
      .filter((p) => (r.value.pods.get(p.id) ?? 0) > 0)
      .map((p) => `${p.name} ${percent(r.value.pods.get(p.id) ?? 0)}`)
      .join(', ');
    const lost = r.value.lost > 0 ? `; ${percent(r.value.lost)} dropped` : '';
    return `From ${from}, with ${hints}, kube-proxy on its own node shares requests out: ${each}${lost}.`;
  }
  const nodeWords = topology.nodes
    .map((n) => {
      const pods = topology.pods.filter((p) => p.node === n.id && r.value.pods.has(p.id));
      const each = pods[0] ? percent(r.value.pods.get(pods[0].id) ?? 0) : '0%';
      return `${n.name} gets ${percent(r.value.nodes.get(n.id) ?? 0)} of requests; its ${pods.length === 1 ? 'one pod takes' : `${pods.length} pods take`} ${each}${pods.length === 1 ? '' : ' each'}`;
    })
    .join('. ');
  const lost = r.value.lost > 0 ? ` ${percent(r.value.lost)} of requests are dropped.` : '';
  const spread =
    extras.weighting === 'by-pods'
      ? 'the load balancer weights each node by its ready pods'
      : mode === '2'
        ? 'clients spread requests evenly over the nodes'
        : 'the load balancer spreads requests evenly over the nodes';
  return `With externalTrafficPolicy ${policy}, ${spread}. ${nodeWords}.${lost}`;
}
