import type {
  ClientIpFate,
  ExternalTrafficPolicy,
  ModeId,
  NodeId,
  NodeWeighting,
  ServiceId,
  Topology,
} from '../../model';
import type { RequestOptions } from '../doc';

/** What a run sends: the same question `exactShares` and `trace` answer, for many requests. */
export interface RunQuery {
  readonly topology: Topology;
  /** The backend Service the requests are for. */
  readonly service: ServiceId;
  readonly mode: ModeId;
  /** Overrides the front Service's own externalTrafficPolicy (Cluster and Local side by side). */
  readonly policy?: ExternalTrafficPolicy;
  /** How a load balancer weights nodes under Local (default: equally, as on slide 39). */
  readonly weighting?: NodeWeighting;
  /** An L4 proxy-like load balancer writes a PROXY protocol line. */
  readonly proxyProtocol?: boolean;
  /** The request's since-2020 switches (who sends, what it dials, the overrides, the dataplane). */
  readonly options?: RequestOptions;
}

/** One bar's worth of numbers: how many requests went there, and the share expected. */
export interface Tally {
  readonly id: string;
  /** The name people know it by (unique within the run: a shared name gets its id added). */
  readonly label: string;
  /** For pods: the node the pod runs on. */
  readonly node?: NodeId;
  readonly count: number;
  /** The exact expected share (exactShares), 0–1. */
  readonly expected: number;
}

/** Requests that reached no backend pod, for one reason (the trace's own words). */
export interface LostReason {
  readonly kind: 'dropped' | 'rejected';
  readonly reason: string;
  readonly count: number;
}

/** Requests that reached no pod, split the way the trace splits them. */
export interface LostTally {
  readonly count: number;
  readonly dropped: number;
  readonly rejected: number;
  /** The largest reasons first, at most a handful; the rest are summed into the last one. */
  readonly reasons: readonly LostReason[];
  /** The exact expected share lost (exactShares), 0–1. */
  readonly expected: number;
}

/** How many delivered requests reached their pod with the client's address in each place. */
export type FateCounts = Readonly<Record<ClientIpFate, number>>;

/** What a run of many requests found. Plain data: it crosses from the worker by structured clone. */
export interface RunResult {
  /** Requests sent. */
  readonly n: number;
  readonly seed: number;
  readonly mode: ModeId;
  /** The policy in force (Cluster where the mode has no policy). */
  readonly policy: ExternalTrafficPolicy;
  /** Whether externalTrafficPolicy changes anything in this mode. */
  readonly policyApplies: boolean;
  /** The backend pods that can be chosen, in the cluster's order. */
  readonly pods: readonly Tally[];
  /** Where requests enter the cluster; empty when no node is chosen (pods are addressed directly). */
  readonly nodes: readonly Tally[];
  readonly lost: LostTally;
  /** Delivered requests by how the backend pod sees the client; `lost` here means delivered without it. */
  readonly clientIp: FateCounts;
}

/** Progress of a run, reported between chunks. */
export interface RunProgress {
  readonly done: number;
  readonly total: number;
}
