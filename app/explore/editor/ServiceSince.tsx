import { useId } from 'react';
import {
  ok,
  parseClusterIp,
  parseNodeIp,
  type ClusterIp,
  type NodeIp,
  type Result,
  type Service,
  type ServiceId,
} from '../../model';
import { setSinceField, type SinceField } from '../edit';
import { useApply } from './context';
import { TextField } from './TextField';

/** An address, or blank for none. */
const blankOr =
  <T,>(parse: (text: string) => Result<T>) =>
  (text: string): Result<T | undefined> =>
    text.trim() === '' ? ok(undefined) : parse(text.trim());

/**
 * A Service's since-2020 fields (docs/since-2020.md): its cluster IP,
 * internalTrafficPolicy and trafficDistribution; for a LoadBalancer, its
 * address's ipMode and the private address a load balancer that sends straight
 * to pods uses as its source. Folded away under the card's other fields.
 */
export function ServiceSince({
  id,
  svc,
  describedBy,
}: {
  id: ServiceId;
  svc: Service;
  describedBy: string | undefined;
}) {
  const { apply } = useApply();
  const uid = useId();
  const name = svc.name;
  const set = <K extends SinceField>(key: K, value: Service[K] | undefined, words: string) =>
    apply(words, (d) => setSinceField(d, id, key, value));
  const choice = <K extends SinceField>(
    key: K,
    label: string,
    options: readonly string[],
    none: string,
  ) => (
    <div className="editor-field">
      <label htmlFor={`${uid}-${key}`}>
        {label}
        <span className="visually-hidden"> of {name}</span>
      </label>
      <select
        id={`${uid}-${key}`}
        value={(svc[key] as string | undefined) ?? ''}
        aria-describedby={describedBy}
        onChange={(e) => {
          const v = e.target.value;
          set(
            key,
            (v || undefined) as Service[K] | undefined,
            v ? `Set ${name}'s ${label} to ${v}` : `Take ${name}'s ${label} away`,
          );
        }}
      >
        <option value="">{none}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <details className="editor-since">
      <summary>
        Since 2020: cluster IP, traffic policies{svc.type === 'LoadBalancer' ? ', ipMode' : ''}
      </summary>
      <div className="editor-fields">
        <TextField
          label="Cluster IP"
          of={name}
          value={svc.clusterIp ?? ''}
          parse={blankOr(parseClusterIp)}
          placeholder="none"
          size={13}
          describedBy={describedBy}
          onCommit={(ip: ClusterIp | undefined) =>
            set(
              'clusterIp',
              ip,
              ip ? `Give ${name} the cluster IP ${ip}` : `Take ${name}'s cluster IP away`,
            )
          }
        />
        {choice(
          'internalTrafficPolicy',
          'internalTrafficPolicy',
          ['Cluster', 'Local'],
          'not set (Cluster)',
        )}
        {choice(
          'trafficDistribution',
          'trafficDistribution',
          ['PreferClose', 'PreferSameZone', 'PreferSameNode'],
          'not set',
        )}
        {svc.type === 'LoadBalancer' &&
          choice('ipMode', 'ipMode', ['VIP', 'Proxy'], 'not set (VIP)')}
        {svc.type === 'LoadBalancer' && (
          <TextField
            label="LB private address"
            of={name}
            value={svc.lbPrivateIp ?? ''}
            parse={blankOr(parseNodeIp)}
            placeholder="10.240.0.200"
            size={13}
            describedBy={describedBy}
            onCommit={(ip: NodeIp | undefined) =>
              set(
                'lbPrivateIp',
                ip,
                ip
                  ? `Give ${name}'s load balancer the private address ${ip}`
                  : `Take ${name}'s load balancer private address away`,
              )
            }
          />
        )}
      </div>
    </details>
  );
}
