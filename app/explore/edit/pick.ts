import type { ServiceId, Topology } from '../../model';
import type { ExplorerDoc } from '../doc';
import { shortName } from './alloc';
import { sameLabels } from './labels';
import { omit, onTopology, replaceById } from './settle';

/** The label that picking pods for a Service puts on them: "serves-a" for Service A. */
export const pickLabel = (t: Topology, id: ServiceId): string =>
  `serves-${shortName(t.services.find((s) => s.id === id)?.name ?? id)}`;

/**
 * Picks a Service's pods by hand, as `kubectl label` would: the picked pods get
 * the label serves-<name>=yes, the others lose it, and the Service selects that label.
 */
export function pickPods(doc: ExplorerDoc, id: ServiceId, podIds: readonly string[]): ExplorerDoc {
  return onTopology(doc, (t) => {
    if (!t.services.some((s) => s.id === id)) return t;
    const key = pickLabel(t, id);
    const picked = new Set(podIds);
    let podsChanged = false;
    const pods = t.pods.map((p) => {
      const has = p.labels[key] === 'yes';
      if (picked.has(p.id) === has) return p;
      podsChanged = true;
      const others = omit(p.labels, key);
      return { ...p, labels: picked.has(p.id) ? { ...others, [key]: 'yes' } : others };
    });
    const selector = { [key]: 'yes' };
    const services = replaceById(t.services, id, (s) =>
      sameLabels(s.selector, selector) ? s : { ...s, selector },
    );
    return podsChanged || services !== t.services
      ? { ...t, pods: podsChanged ? pods : t.pods, services }
      : t;
  });
}
