import { useCallback, useId, useRef, useState } from 'react';
import type { Ingress } from '../../model';
import { removeIngress, removeIngressLabel, tryAddIngress, type IngressKind } from '../edit';
import { useExplorer } from '../store';
import { useApply } from './context';
import { ProblemList, useProblemsOf } from './Problems';

/** The in-cluster Ingresses, each with its proxies; a new one for a backend Service, shared or dedicated. */
export function IngressList() {
  const ingresses = useExplorer((s) => s.doc.topology.ingresses);
  const services = useExplorer((s) => s.doc.topology.services);
  const { attempt } = useApply();
  const uid = useId();
  const [backend, setBackend] = useState<string | null>(null);
  const [kind, setKind] = useState<IngressKind>('shared');
  // A removed Ingress's button goes with it: focus moves to "Add Ingress".
  const add = useRef<HTMLButtonElement>(null);
  const onRemoved = useCallback(() => add.current?.focus(), []);
  const proxies = new Set(ingresses.map((i) => i.proxyService));
  const candidates = services.filter(
    (s) => !proxies.has(s.id) && !ingresses.some((i) => i.backend === s.id),
  );
  const chosen = candidates.find((s) => s.id === backend) ?? candidates[0];
  return (
    <section className="editor-section" aria-labelledby={`${uid}-h`}>
      <h3 id={`${uid}-h`}>Ingresses</h3>
      {ingresses.length === 0 ? (
        <p className="editor-sub">No Ingress.</p>
      ) : (
        <ul className="editor-list">
          {ingresses.map((i) => (
            <IngressItem key={i.id} ingress={i} onRemoved={onRemoved} />
          ))}
        </ul>
      )}
      <div className="editor-row">
        <label className="editor-inline">
          <span>Ingress for</span>{' '}
          <select
            value={chosen?.id ?? ''}
            disabled={!chosen}
            onChange={(e) => setBackend(e.target.value)}
          >
            {candidates.length === 0 && <option value="">no Service without one</option>}
            {candidates.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="editor-inline">
          <span>Proxies</span>{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value as IngressKind)}>
            <option value="shared">shared</option>
            <option value="dedicated">dedicated</option>
          </select>
        </label>
        <button
          ref={add}
          type="button"
          disabled={!chosen}
          onClick={() =>
            chosen &&
            attempt(`Add a ${kind} Ingress for ${chosen.name}`, (d) =>
              tryAddIngress(d, chosen.id, kind),
            )
          }
        >
          Add Ingress
        </button>
      </div>
    </section>
  );
}

function IngressItem({ ingress, onRemoved }: { ingress: Ingress; onRemoved: () => void }) {
  const services = useExplorer((s) => s.doc.topology.services);
  const problems = useProblemsOf('ingress', ingress.id);
  const { apply } = useApply();
  const uid = useId();
  const name = (id?: string) => services.find((s) => s.id === id)?.name ?? id ?? 'none';
  const words = useExplorer((s) => removeIngressLabel(s.doc.topology, ingress.id));
  return (
    <li className="editor-card" aria-labelledby={`${uid}-t`}>
      <div className="editor-card-head">
        <h4 id={`${uid}-t`}>Ingress {ingress.name}</h4>
        <button
          type="button"
          aria-label={words}
          onClick={() => {
            apply(words, (d) => removeIngress(d, ingress.id));
            // After the edit: the Ingress freed its Service, so "Add Ingress" can take the focus.
            requestAnimationFrame(onRemoved);
          }}
        >
          Remove
        </button>
      </div>
      <p className="editor-sub">
        {ingress.host} → {name(ingress.backend)}, proxies {name(ingress.proxyService)}
      </p>
      <ProblemList id={`${uid}-problems`} problems={problems} />
    </li>
  );
}
