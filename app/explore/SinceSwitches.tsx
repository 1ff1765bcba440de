import { useId, type ReactNode } from 'react';
import { findService, type ClientPlace } from '../model';
import { withOption, type ExplorerDoc, type RequestOptions } from './doc';
import { switchesFor, switchesSet, type SwitchName } from './since-switches';
import { useExplorer, useExplorerStore } from './store';

/** A big imported cluster lists this many pods and nodes to send from (a select of 100,000 is no help). */
const SENDERS_LISTED = 300;

/** The first SENDERS_LISTED items, and the chosen one wherever it is. */
function firstAnd<T extends { readonly id: string }>(
  items: readonly T[],
  chosen: string | null,
): readonly T[] {
  if (items.length <= SENDERS_LISTED) return items;
  const first = items.slice(0, SENDERS_LISTED);
  const picked = chosen === null ? undefined : items.find((i) => i.id === chosen);
  return picked && !first.includes(picked) ? [...first, picked] : first;
}

const listed = (what: string, count: number) =>
  count > SENDERS_LISTED
    ? `${what} (the first ${SENDERS_LISTED} of ${count.toLocaleString('en')})`
    : what;

/** A select's text value for each switch (empty: the talk's behaviour, the switch unset). */
type Choice = { readonly value: string; readonly text: string };

const placeValue = (c: ClientPlace | undefined): string =>
  !c || c.kind === 'outside' ? 'outside' : c.kind === 'pod' ? `pod:${c.pod}` : `node:${c.node}`;

function placeOf(value: string): ClientPlace | undefined {
  if (value.startsWith('pod:')) return { kind: 'pod', pod: value.slice(4) };
  if (value.startsWith('node:')) return { kind: 'node', node: value.slice(5) };
  return undefined;
}

const DATAPLANES: readonly Choice[] = [
  { value: '', text: 'kube-proxy' },
  { value: 'dsr', text: 'DSR' },
  { value: 'ipvs-2020', text: 'IPVS as in 2020' },
];
const PROXY: readonly Choice[] = [
  { value: '', text: 'off' },
  { value: '1', text: 'v1 (text)' },
  { value: '2', text: 'v2 (binary)' },
];
const WEIGHTING: readonly Choice[] = [
  { value: '', text: 'equal per node' },
  { value: 'by-pods', text: 'by pods per node' },
];
const PRESERVATION: readonly Choice[] = [
  { value: '', text: 'on (default)' },
  { value: 'on', text: 'on (set)' },
  { value: 'off', text: 'off' },
];

/**
 * The disclosure button of the request's since-2020 switches: "Since 2020",
 * with how many are set, in the explorer's top row so the request bar keeps to
 * the talk's questions.
 */
export function SinceToggle({
  open,
  controls,
  onToggle,
}: {
  /** Whether the switches are shown. */
  open: boolean;
  /** The id of the switches' group. */
  controls: string;
  onToggle: () => void;
}) {
  const count = useExplorer((s) => switchesSet(s.doc));
  return (
    <button
      type="button"
      className="explore-since-toggle"
      aria-expanded={open}
      aria-controls={controls}
      onClick={onToggle}
    >
      Since 2020{count > 0 ? ` (${count} set)` : ''} {open ? '▴' : '▾'}
    </button>
  );
}

/**
 * The request's since-2020 switches (docs/since-2020.md), a row under the
 * request bar. Each is an edit (undo takes it back) and travels in the link. A
 * switch that means nothing for this Service and way in is disabled, its reason
 * read out.
 */
export function SinceSwitches({ id }: { id: string }) {
  const store = useExplorerStore();
  const doc = useExplorer((s) => s.doc);
  return (
    <Switches id={id} doc={doc} set={(label, change) => store.getState().edit(label, change)} />
  );
}

function Switches({
  id,
  doc,
  set,
}: {
  id: string;
  doc: ExplorerDoc;
  set: (label: string, change: (d: ExplorerDoc) => ExplorerDoc) => void;
}) {
  const why = switchesFor(doc);
  const o: RequestOptions = doc.options ?? {};
  const t = doc.topology;
  const service = findService(t, doc.service);
  const one =
    <K extends keyof RequestOptions>(key: K, label: string) =>
    (value: RequestOptions[K] | undefined) =>
      set(label, (d) => withOption(d, key, value));

  const own = (v: string | undefined, fallback: string) => `${v ?? fallback} (Service’s)`;
  return (
    <fieldset id={id} className="explore-since" aria-label="Since 2020: the request’s switches">
      <legend className="visually-hidden">Since 2020</legend>
      <Pick
        name="client"
        label="Sender"
        why={why}
        value={placeValue(o.client)}
        onChange={(v) => {
          const place = placeOf(v);
          set(
            place ? `the request sent from ${v.replace(':', ' ')}` : 'the client outside',
            (d) => {
              const next = withOption(d, 'client', place);
              return place ? next : withOption(next, 'target', undefined);
            },
          );
        }}
      >
        <option value="outside">the client outside</option>
        <optgroup label={listed('A pod', t.pods.length)}>
          {firstAnd(t.pods, o.client?.kind === 'pod' ? o.client.pod : null).map((p) => (
            <option key={p.id} value={`pod:${p.id}`}>
              {p.name}
            </option>
          ))}
        </optgroup>
        <optgroup label={listed('A node’s own process', t.nodes.length)}>
          {firstAnd(t.nodes, o.client?.kind === 'node' ? o.client.node : null).map((n) => (
            <option key={n.id} value={`node:${n.id}`}>
              {n.name}
            </option>
          ))}
        </optgroup>
      </Pick>
      <Pick
        name="target"
        label="Dials"
        why={why}
        value={o.target ?? ''}
        onChange={(v) =>
          one('target', v ? 'dial the cluster IP' : 'dial the way in')(v ? 'cluster-ip' : undefined)
        }
      >
        <option value="">the way in</option>
        <option value="cluster-ip">
          cluster IP{service?.clusterIp ? ` ${service.clusterIp}` : ''}
        </option>
      </Pick>
      <Pick
        name="ipMode"
        label="ipMode"
        why={why}
        value={o.ipMode ?? ''}
        onChange={(v) =>
          one('ipMode', `ipMode ${v || 'as the Service says'}`)(v ? (v as 'VIP') : undefined)
        }
      >
        <option value="">{own(service?.ipMode, 'VIP')}</option>
        <option value="VIP">VIP</option>
        <option value="Proxy">Proxy</option>
      </Pick>
      <Pick
        name="internalPolicy"
        label="internalTrafficPolicy"
        why={why}
        value={o.internalPolicy ?? ''}
        onChange={(v) =>
          one(
            'internalPolicy',
            `internalTrafficPolicy ${v || 'as the Service says'}`,
          )(v ? (v as 'Local') : undefined)
        }
      >
        <option value="">{own(service?.internalTrafficPolicy, 'Cluster')}</option>
        <option value="Cluster">Cluster</option>
        <option value="Local">Local</option>
      </Pick>
      <Pick
        name="trafficDistribution"
        label="trafficDistribution"
        why={why}
        value={
          o.trafficDistribution === undefined
            ? ''
            : o.trafficDistribution === null
              ? 'none'
              : o.trafficDistribution
        }
        onChange={(v) =>
          one(
            'trafficDistribution',
            `trafficDistribution ${v || 'as the Service says'}`,
          )(v === '' ? undefined : v === 'none' ? null : (v as 'PreferClose'))
        }
      >
        <option value="">{own(service?.trafficDistribution, 'not set')}</option>
        <option value="none">not set</option>
        <option value="PreferClose">PreferClose</option>
        <option value="PreferSameZone">PreferSameZone</option>
        <option value="PreferSameNode">PreferSameNode</option>
      </Pick>
      <Pick
        name="dataplane"
        label="Dataplane"
        why={why}
        value={o.dataplane === 'kube-proxy' || o.dataplane === undefined ? '' : o.dataplane}
        onChange={(v) =>
          one('dataplane', `dataplane ${v || 'kube-proxy'}`)(v ? (v as 'dsr') : undefined)
        }
      >
        {DATAPLANES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.text}
          </option>
        ))}
      </Pick>
      <Pick
        name="clientIpPreservation"
        label="Client IP preservation"
        why={why}
        value={o.clientIpPreservation === undefined ? '' : o.clientIpPreservation ? 'on' : 'off'}
        onChange={(v) =>
          one(
            'clientIpPreservation',
            `client IP preservation ${v || 'on'}`,
          )(v === '' ? undefined : v === 'on')
        }
      >
        {PRESERVATION.map((c) => (
          <option key={c.value} value={c.value}>
            {c.text}
          </option>
        ))}
      </Pick>
      <Pick
        name="proxyProtocol"
        label="PROXY protocol"
        why={why}
        value={o.proxyProtocol ? String(o.proxyProtocolVersion ?? 1) : ''}
        onChange={(v) =>
          set(`PROXY protocol ${v ? `v${v}` : 'off'}`, (d) =>
            withOption(
              withOption(d, 'proxyProtocol', v ? true : undefined),
              'proxyProtocolVersion',
              v === '2' ? 2 : v === '1' ? 1 : undefined,
            ),
          )
        }
      >
        {PROXY.map((c) => (
          <option key={c.value} value={c.value}>
            {c.text}
          </option>
        ))}
      </Pick>
      <Pick
        name="weighting"
        label="LB weighting"
        why={why}
        value={o.weighting === 'by-pods' ? 'by-pods' : ''}
        onChange={(v) =>
          one('weighting', `load balancer weighting ${v || 'equal'}`)(v ? 'by-pods' : undefined)
        }
      >
        {WEIGHTING.map((c) => (
          <option key={c.value} value={c.value}>
            {c.text}
          </option>
        ))}
      </Pick>
    </fieldset>
  );
}

/** One labelled switch: a select, disabled with its reason where it means nothing here. */
function Pick({
  name,
  label,
  why,
  value,
  onChange,
  children,
}: {
  name: SwitchName;
  label: string;
  why: Readonly<Record<SwitchName, string | null>>;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  const id = useId();
  const reason = why[name];
  return (
    <span className="explore-since-item" data-switch={name}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={reason !== null}
        title={reason ?? undefined}
        aria-describedby={reason !== null ? `${id}-why` : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        {children}
      </select>
      {reason !== null && (
        <span id={`${id}-why`} className="visually-hidden">
          {reason}
        </span>
      )}
    </span>
  );
}
