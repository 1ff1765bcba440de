import { useState } from 'react';
import { useSame } from '../use-same';
import { findService, selects, type ServiceId } from '../../model';
import { pickLabel, pickPods } from '../edit';
import { useExplorer } from '../store';
import { useApply } from './context';

/**
 * A Service's pods picked by hand, one checkbox a pod: picking labels the pods
 * (serves-<name>=yes) and makes the Service select that label.
 */
export function PickPods({ service }: { service: ServiceId }) {
  const svc = useExplorer((s) => findService(s.doc.topology, service));
  const pods = useExplorer((s) => s.doc.topology.pods);
  const key = useExplorer((s) => pickLabel(s.doc.topology, service));
  const nodeNames = useExplorer(
    useSame((s) => Object.fromEntries(s.doc.topology.nodes.map((n) => [n.id, n.name]))),
  );
  const { apply } = useApply();
  // The list is drawn only while open: a big imported cluster has thousands of pods.
  const [open, setOpen] = useState(false);
  if (!svc) return null;
  const picked = pods.filter((p) => selects(svc.selector, p)).map((p) => p.id);
  const toggle = (podId: string, on: boolean) => {
    const next = on ? [...picked, podId] : picked.filter((p) => p !== podId);
    const pod = pods.find((p) => p.id === podId);
    apply(`${on ? 'Pick' : 'Unpick'} ${pod?.name ?? podId} for ${svc.name}`, (d) =>
      pickPods(d, service, next),
    );
  };
  return (
    <details className="editor-more" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        Pick {svc.name}'s pods ({picked.length} selected)
      </summary>
      {!open ? null : pods.length === 0 ? (
        <p className="editor-sub">No pods yet: add some to a node.</p>
      ) : (
        <fieldset className="editor-pick">
          <legend className="visually-hidden">Pods {svc.name} selects</legend>
          <p className="editor-sub">Picking labels the pods {key}=yes.</p>
          {pods.map((p) => (
            <label key={p.id} className="editor-inline">
              <input
                type="checkbox"
                checked={picked.includes(p.id)}
                onChange={(e) => toggle(p.id, e.target.checked)}
              />{' '}
              {p.name} <span className="editor-sub">on {nodeNames[p.node] ?? p.node}</span>
            </label>
          ))}
        </fieldset>
      )}
    </details>
  );
}
