import type { AddressView, ModeId, NodeId, Scenario, ServiceId, Topology } from '../model';
import type { SceneOptions } from '../deck';

/**
 * The request's since-2020 switches (docs/since-2020.md): who sends it, what it
 * dials, the per-request overrides of the Service's ipMode, internalTrafficPolicy
 * and trafficDistribution, the dataplane, a load balancer's client IP
 * preservation and PROXY protocol, and how a load balancer weights nodes under
 * Local. Every one absent is the talk's request exactly.
 */
export type RequestOptions = SceneOptions;

/**
 * Everything the explorer's screen is made of, and all a link carries: the
 * cluster, which Service and mode a request uses, where it enters, and the
 * many-request run. The live externalTrafficPolicy is the chosen Service's own
 * field in the topology, so there is one truth for it.
 */
export interface ExplorerDoc {
  readonly topology: Topology;
  /** The backend Service the request is for. */
  readonly service: ServiceId;
  readonly mode: ModeId;
  /** The node the client or load balancer sends to first; null lets it choose (seeded). */
  readonly entryNode: NodeId | null;
  /** How many requests a run sends (1 to 1,000,000). */
  readonly requests: number;
  /** The seed of every random choice: the single request's and the run's. */
  readonly seed: number;
  readonly view: AddressView;
  /** The since-2020 switches; absent (or empty) is the talk's request. */
  readonly options?: RequestOptions;
}

export const MIN_REQUESTS = 1;
export const MAX_REQUESTS = 1_000_000;

/** The options a trace takes (everything but the load balancer's weighting). */
export function scenarioOptions(o: RequestOptions | undefined): Partial<Scenario> {
  if (!o) return {};
  const out: { -readonly [K in keyof Scenario]?: Scenario[K] } = {};
  if (o.client !== undefined && o.client.kind !== 'outside') out.client = o.client;
  if (o.target !== undefined) out.target = o.target;
  if (o.ipMode !== undefined) out.ipMode = o.ipMode;
  if (o.internalPolicy !== undefined) out.internalPolicy = o.internalPolicy;
  if (o.trafficDistribution !== undefined) out.trafficDistribution = o.trafficDistribution;
  if (o.dataplane !== undefined && o.dataplane !== 'kube-proxy') out.dataplane = o.dataplane;
  if (o.clientIpPreservation !== undefined) out.clientIpPreservation = o.clientIpPreservation;
  if (o.proxyProtocol) out.proxyProtocol = true;
  if (o.proxyProtocolVersion !== undefined) out.proxyProtocolVersion = o.proxyProtocolVersion;
  return out;
}

/** The options the shares take: the deck's own rule (deck/words/shares.ts). */
export { shareOptions } from '../deck';

/**
 * The options with one switch set (undefined takes it away). An options object
 * that ends up empty is dropped, so a doc with every switch back at the talk's
 * behaviour is the same doc as one that never had any.
 */
export function withOption<K extends keyof RequestOptions>(
  doc: ExplorerDoc,
  key: K,
  value: RequestOptions[K] | undefined,
): ExplorerDoc {
  const before = doc.options ?? {};
  if (before[key] === value && (value !== undefined || !(key in before))) return doc;
  const next: { -readonly [P in keyof RequestOptions]?: RequestOptions[P] } = { ...before };
  if (value === undefined) delete next[key];
  else next[key] = value;
  const rest: { -readonly [P in keyof ExplorerDoc]?: ExplorerDoc[P] } = { ...doc };
  if (Object.keys(next).length === 0) delete rest.options;
  else rest.options = next;
  return rest as ExplorerDoc;
}

/** A stable text for the options, for caches keyed by what a trace depends on. */
export function optionsKey(o: RequestOptions | undefined): string {
  if (!o) return '';
  const c = o.client;
  const place = !c
    ? ''
    : c.kind === 'pod'
      ? `pod:${c.pod}`
      : c.kind === 'node'
        ? `node:${c.node}`
        : '';
  return [
    place,
    o.target,
    o.ipMode,
    o.internalPolicy,
    o.trafficDistribution === null ? 'none' : o.trafficDistribution,
    o.dataplane,
    o.clientIpPreservation,
    o.proxyProtocol,
    o.proxyProtocolVersion,
    o.weighting,
  ].join('|');
}
