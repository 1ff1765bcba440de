import { useId } from 'react';
import {
  findService,
  parseNodePort,
  parsePort,
  type ExternalTrafficPolicy,
  type ServiceId,
  type ServiceType,
} from '../../model';
import {
  formatLabels,
  parseLabels,
  removeService,
  removeServiceLabel,
  setNodePort,
  setPort,
  setSelector,
  setTargetPort,
  trySetPolicy,
  trySetProxy,
  trySetType,
  tryRenameService,
} from '../edit';
import { useExplorer } from '../store';
import { useApply } from './context';
import { parseName } from './parse-name';
import { PickPods } from './PickPods';
import { ServiceSince } from './ServiceSince';
import { ProblemList, useProblemsOf } from './Problems';
import { rolesOf } from './roles';
import { TextField } from './TextField';

const TYPES: readonly ServiceType[] = ['ClusterIP', 'NodePort', 'LoadBalancer'];

/**
 * One Service: name, type (what Kubernetes gives with it shown beside), the
 * selector or its pods picked by hand, ports, externalTrafficPolicy, Remove.
 */
export function ServiceCard({ id, onRemoved }: { id: ServiceId; onRemoved: () => void }) {
  const svc = useExplorer((s) => findService(s.doc.topology, id));
  const problems = useProblemsOf('service', id);
  const role = useExplorer((s) => rolesOf(s.doc.topology).get(id) ?? 'other');
  const removeWords = useExplorer((s) => removeServiceLabel(s.doc.topology, id));
  const { apply, attempt } = useApply();
  const uid = useId();
  if (!svc) return null;
  const problemsId = `${uid}-problems`;
  const describedBy = problems.length ? problemsId : undefined;
  const name = svc.name;
  return (
    <li
      className="editor-card editor-service"
      aria-labelledby={`${uid}-title`}
      data-invalid={problems.some((p) => p.severity === 'error') || undefined}
    >
      <div className="editor-card-head">
        <span className="editor-swatch" data-role={role} aria-hidden="true" />
        <h4 id={`${uid}-title`}>{name}</h4>
        <span className="editor-sub">{svc.type}</span>
        <button
          type="button"
          aria-label={removeWords}
          onClick={() => {
            onRemoved();
            apply(removeWords, (d) => removeService(d, id));
          }}
        >
          Remove
        </button>
      </div>
      <div className="editor-fields">
        <TextField
          label="Name"
          of={name}
          value={name}
          parse={parseName}
          size={12}
          describedBy={describedBy}
          onCommit={(next) =>
            attempt(`Rename ${name} to ${next}`, (d) => tryRenameService(d, id, next))
          }
        />
        <div className="editor-field">
          <label htmlFor={`${uid}-type`}>Type</label>
          <select
            id={`${uid}-type`}
            value={svc.type}
            aria-describedby={describedBy}
            onChange={(e) => {
              const type = e.target.value as ServiceType;
              attempt(`Make ${name} ${type}`, (d) => trySetType(d, id, type));
            }}
          >
            {TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <TextField
          label="Port"
          of={name}
          value={String(svc.port)}
          parse={parsePort}
          size={5}
          describedBy={describedBy}
          onCommit={(port) => apply(`Set ${name}'s port to ${port}`, (d) => setPort(d, id, port))}
        />
        <TextField
          label="targetPort"
          of={name}
          value={String(svc.targetPort)}
          parse={parsePort}
          size={5}
          describedBy={describedBy}
          onCommit={(port) =>
            apply(`Set ${name}'s targetPort to ${port}`, (d) => setTargetPort(d, id, port))
          }
        />
        {svc.type !== 'ClusterIP' && (
          <TextField
            label="nodePort"
            of={name}
            value={svc.nodePort === undefined ? '' : String(svc.nodePort)}
            parse={parseNodePort}
            size={6}
            describedBy={describedBy}
            onCommit={(port) =>
              apply(`Set ${name}'s nodePort to ${port}`, (d) => setNodePort(d, id, port))
            }
          />
        )}
        {svc.type !== 'ClusterIP' && (
          <div className="editor-field">
            <label htmlFor={`${uid}-etp`}>externalTrafficPolicy</label>
            <select
              id={`${uid}-etp`}
              value={svc.externalTrafficPolicy}
              aria-describedby={describedBy}
              onChange={(e) => {
                const policy = e.target.value as ExternalTrafficPolicy;
                attempt(`Set ${name}'s externalTrafficPolicy to ${policy}`, (d) =>
                  trySetPolicy(d, id, policy),
                );
              }}
            >
              <option value="Cluster">Cluster</option>
              <option value="Local">Local</option>
            </select>
          </div>
        )}
      </div>
      {svc.type === 'LoadBalancer' && (
        <div className="editor-row">
          <span className="editor-sub">
            VIP {svc.vip ?? 'none'}
            {svc.healthCheckNodePort !== undefined &&
              ` · healthCheckNodePort ${svc.healthCheckNodePort}`}
          </span>
          <label className="editor-inline">
            <input
              type="checkbox"
              checked={!!svc.proxyIp}
              onChange={(e) => {
                const on = e.target.checked;
                attempt(
                  on ? `Put a proxy in front of ${name}` : `Take the proxy away from ${name}`,
                  (d) => trySetProxy(d, id, on),
                );
              }}
            />{' '}
            Proxy load balancer{svc.proxyIp ? ` ${svc.proxyIp}` : ''}
          </label>
        </div>
      )}
      <TextField
        label="Selector"
        of={name}
        value={formatLabels(svc.selector)}
        parse={parseLabels}
        placeholder="app=a"
        size={24}
        describedBy={describedBy}
        onCommit={(selector) =>
          apply(`Select ${formatLabels(selector) || 'nothing'} for ${name}`, (d) =>
            setSelector(d, id, selector),
          )
        }
      />
      <PickPods service={id} />
      <ServiceSince id={id} svc={svc} describedBy={describedBy} />
      <ProblemList id={problemsId} problems={problems} />
    </li>
  );
}
