import { useId, useMemo, useState } from 'react';
import { describeOutcome } from '../deck';
import {
  MODES,
  SERVICE_A,
  SERVICE_B,
  talkCluster,
  talkVariantFor,
  findMode,
  trace,
  type AddressView,
  type ExternalTrafficPolicy,
  type ModeId,
} from '../model';
import { TraceTable } from './TraceTable';

const variantFor = (mode: ModeId) => talkVariantFor(findMode(mode)?.ingress ?? 'none');

/** Pick a mode and a policy; see every hop the simulator computes. */
export function TracePage() {
  const [mode, setMode] = useState<ModeId>('2');
  const [policy, setPolicy] = useState<ExternalTrafficPolicy>('Cluster');
  const [service, setService] = useState(SERVICE_A);
  const [view, setView] = useState<AddressView>('talk');
  const ids = { mode: useId(), policy: useId(), service: useId(), view: useId() };

  const result = useMemo(
    () =>
      trace({
        topology: talkCluster(variantFor(mode)),
        service,
        mode,
        policy,
        entryNode: 'node1',
        pod: 'pod-c',
      }),
    [mode, policy, service],
  );

  return (
    <main>
      <h1>Inbound: every hop into the cluster</h1>
      <form onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={ids.mode}>Mode </label>
        <select id={ids.mode} value={mode} onChange={(e) => setMode(e.target.value as ModeId)}>
          {MODES.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title}
              {m.example ? ` (${m.example})` : ''}
            </option>
          ))}
        </select>{' '}
        <label htmlFor={ids.policy}>externalTrafficPolicy </label>
        <select
          id={ids.policy}
          value={policy}
          onChange={(e) => setPolicy(e.target.value as ExternalTrafficPolicy)}
        >
          <option value="Cluster">Cluster</option>
          <option value="Local">Local</option>
        </select>{' '}
        <label htmlFor={ids.service}>Service </label>
        <select id={ids.service} value={service} onChange={(e) => setService(e.target.value)}>
          <option value={SERVICE_A}>Service A (:30093)</option>
          <option value={SERVICE_B}>Service B (:30076)</option>
        </select>{' '}
        <label htmlFor={ids.view}>Addresses </label>
        <select id={ids.view} value={view} onChange={(e) => setView(e.target.value as AddressView)}>
          <option value="talk">the talk’s words</option>
          <option value="ip">concrete IPs</option>
        </select>
      </form>
      {result.ok ? (
        <>
          <p role="status">{describeOutcome(result.value)}</p>
          {result.value.notes.map((n) => (
            <p key={n}>{n}</p>
          ))}
          <h2>Request</h2>
          <TraceTable trace={result.value} view={view} direction="forward" />
          <h2>Reply</h2>
          {result.value.back.length > 0 ? (
            <TraceTable trace={result.value} view={view} direction="back" />
          ) : (
            <p>No reply: the packet was dropped.</p>
          )}
        </>
      ) : (
        <p role="alert">{result.error}</p>
      )}
    </main>
  );
}
