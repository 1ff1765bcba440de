import type { Scene } from '../deck';
import { findMode, sendsToNodePort, type ModeId, type Topology, type Trace } from '../model';

/** Where a step is: a forward hop, or a reply hop after the request's last (clamped to the trip). */
export function placeOf(t: Trace | null, step: number) {
  const total = t ? t.forward.length + t.back.length : 0;
  const at = Math.min(step, Math.max(0, total - 1));
  const forward = !t || at < t.forward.length;
  return { total, at, forward, returnHop: forward || !t ? null : at - t.forward.length };
}

/**
 * The deck's scene for a cluster of one's own at a step: the whole cluster
 * built, the request on its forward hop (the last one while the reply plays),
 * and the node ports drawn where the client or load balancer sends to them.
 */
export function sceneAt(mode: ModeId, t: Trace | null, step: number, topology?: Topology): Scene {
  const { at, forward } = placeOf(t, step);
  const m = findMode(mode);
  // Nodes in zones say their zone beside their name: three to six of them take two rows,
  // as the trafficDistribution slide does, so the zone keeps clear of the node ports.
  const nodes = topology?.nodes ?? [];
  const zoned = nodes.length >= 3 && nodes.length <= 6 && nodes.some((n) => n.zone);
  return {
    build: 'client',
    variant: 'default',
    mode,
    hop: forward ? at : Math.max(0, (t?.forward.length ?? 1) - 1),
    nodePorts: !!m && sendsToNodePort(m),
    ...(zoned ? { rows: 2 } : {}),
  };
}
