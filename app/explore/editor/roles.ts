import { selects, type Pod, type Topology } from '../../model';
import { serviceRoles, type PodRole } from '../../scene/core/layout';

// One topology's Service roles, worked out once however many chips ask.
const rolesCache = new WeakMap<Topology, ReadonlyMap<string, PodRole>>();

/** The colour role each Service wears on the stage (its order, or the ingress proxies'). */
export function rolesOf(t: Topology): ReadonlyMap<string, PodRole> {
  let roles = rolesCache.get(t);
  if (!roles) {
    roles = serviceRoles(t);
    rolesCache.set(t, roles);
  }
  return roles;
}

/**
 * The colour role a pod wears on the stage (its first Service's, the ingress
 * proxies', or none), so a chip in the editor matches its box in the drawing.
 */
export function podRole(t: Topology, pod: Pod): PodRole {
  const svc = t.services.find((s) => selects(s.selector, pod));
  return (svc && rolesOf(t).get(svc.id)) ?? 'other';
}
