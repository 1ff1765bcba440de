import { useId } from 'react';
import { findMode, policyApplies, type AddressView, type ModeId } from '../model';
import { Segmented } from '../ui/Segmented';
import { entersAtNode, offersOf, policyOf } from './derive';
import { setPolicy } from './edit';
import { policyServiceOf } from './from-slide';
import { useExplorer, useExplorerStore } from './store';

const VIEWS: readonly { value: AddressView; text: string }[] = [
  { value: 'talk', text: 'Talk words' },
  { value: 'ip', text: 'IP addresses' },
];
const POLICIES = [
  { value: 'Cluster', text: 'Cluster' },
  { value: 'Local', text: 'Local' },
] as const;

/**
 * The one request's questions: which Service, which way in (only the modes the
 * Service's type offers), which node first, and the live policy.
 */
export function RequestBar() {
  const store = useExplorerStore();
  const doc = useExplorer((s) => s.doc);
  const ids = { service: useId(), mode: useId(), entry: useId() };
  const offers = offersOf(doc.topology, doc.service);
  const offered = offers.filter((o) => o.refusal === null);
  const refused = offers.filter((o) => o.refusal !== null);
  const mode = findMode(doc.mode);
  const policy = policyOf(doc);
  const applies = !!mode && policyApplies(mode);
  const act = () => store.getState();

  const chooseService = (service: string) => {
    const modes = offersOf(doc.topology, service).filter((o) => o.refusal === null);
    const keep = modes.some((o) => o.mode.id === doc.mode);
    act().set({ service, mode: keep ? doc.mode : (modes[0]?.mode.id ?? doc.mode) });
  };
  const flip = (to: 'Cluster' | 'Local') => {
    const id = policyServiceOf(doc.topology, doc.service, doc.mode);
    act().edit(`externalTrafficPolicy ${to}`, (d) => setPolicy(d, id, to));
  };

  return (
    <form className="explore-request" aria-label="The request" onSubmit={(e) => e.preventDefault()}>
      <label htmlFor={ids.service}>Service</label>
      <select id={ids.service} value={doc.service} onChange={(e) => chooseService(e.target.value)}>
        {doc.topology.services.length === 0 && <option value={doc.service}>No Service yet</option>}
        {doc.topology.services.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name} ({s.type})
          </option>
        ))}
      </select>
      <label htmlFor={ids.mode}>Way in</label>
      <select
        id={ids.mode}
        value={doc.mode}
        onChange={(e) => act().set({ mode: e.target.value as ModeId })}
        aria-describedby={refused.length > 0 ? `${ids.mode}-why` : undefined}
      >
        {offered.map((o) => (
          <option key={o.mode.id} value={o.mode.id}>
            {o.mode.title}
          </option>
        ))}
        {!offered.some((o) => o.mode.id === doc.mode) && mode && (
          <option value={mode.id} disabled>
            {mode.title} (not offered)
          </option>
        )}
        {refused.length > 0 && (
          <optgroup label="Not offered by this Service">
            {refused.map((o) => (
              <option key={o.mode.id} value={o.mode.id} disabled>
                {o.mode.title}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      <span id={`${ids.mode}-why`} className="visually-hidden">
        {refused.map((o) => `${o.mode.title}: ${o.refusal}.`).join(' ')}
      </span>
      {entersAtNode(doc) && (
        <>
          <label htmlFor={ids.entry}>Enters at</label>
          <select
            id={ids.entry}
            value={doc.entryNode ?? ''}
            onChange={(e) => act().set({ entryNode: e.target.value || null })}
          >
            <option value="">
              {mode?.front === 'node' ? 'The client chooses' : 'The load balancer chooses'}
            </option>
            {doc.topology.nodes.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name}
              </option>
            ))}
          </select>
        </>
      )}
      {applies ? (
        <Segmented
          label="externalTrafficPolicy"
          value={policy}
          options={POLICIES}
          onChange={flip}
          shortcut="E"
        />
      ) : (
        <span className="explore-hint">externalTrafficPolicy changes nothing in this mode</span>
      )}
      <Segmented
        label="Addresses"
        value={doc.view}
        options={VIEWS}
        onChange={(view) => act().set({ view })}
        shortcut="A"
      />
    </form>
  );
}
