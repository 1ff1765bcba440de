import { selects, type Pod, type Topology } from '../../model';
import { serviceRoles, type PodRole } from '../../scene/core/layout';

/**
 * The colour role a pod wears on the stage (its first Service's, the ingress
 * proxies', or none), so a chip in the editor matches its box in the drawing.
 */
export function podRole(t: Topology, pod: Pod): PodRole {
  const svc = t.services.find((s) => selects(s.selector, pod));
  return (svc && serviceRoles(t).get(svc.id)) ?? 'other';
}
