import type { AddressView, ModeId, NodeId, ServiceId, Topology } from '../model';

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
}

export const MIN_REQUESTS = 1;
export const MAX_REQUESTS = 1_000_000;
