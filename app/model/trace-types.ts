import type { DeviceId, DeviceKind } from './device';
import type { ModeId } from './modes';
import type { Endpoint, Packet, Rewrite } from './packet';
import type {
  ExternalTrafficPolicy,
  InternalTrafficPolicy,
  IpMode,
  NodeId,
  PodId,
  ServiceId,
  Topology,
  TrafficDistribution,
} from './topology';

/** What the presenter or the explorer asks the simulator. */
export interface Scenario {
  readonly topology: Topology;
  /** The backend Service the request is for. */
  readonly service: ServiceId;
  readonly mode: ModeId;
  /** Overrides the Service's own externalTrafficPolicy (the live toggle). */
  readonly policy?: ExternalTrafficPolicy;
  /** The node the client (NodePort) or the load balancer sends to first. */
  readonly entryNode?: NodeId;
  /** The backend pod to choose, when it is a candidate; otherwise a seeded choice. */
  readonly pod?: PodId;
  /** For in-cluster ingress: which proxy pod to go through. */
  readonly ingressPod?: PodId;
  /** Seed for every choice not pinned above. */
  readonly seed?: number;
  /** An L4 proxy-like load balancer prepends a PROXY protocol line. */
  readonly proxyProtocol?: boolean;

  // Since 2020 (docs/since-2020.md). Every one is optional; absent, the trace is
  // exactly the talk's.

  /** Who sends the request: the talk's client outside the cluster (the default), a pod, or a node's own process. */
  readonly client?: ClientPlace;
  /** An in-cluster client dials the Service's cluster IP rather than the mode's front door. */
  readonly target?: 'cluster-ip';
  /** Overrides the Service's status.loadBalancer.ingress[].ipMode (the live VIP ⇄ Proxy switch). */
  readonly ipMode?: IpMode;
  /** Overrides the Service's internalTrafficPolicy. */
  readonly internalPolicy?: InternalTrafficPolicy;
  /** Overrides the Service's trafficDistribution; null turns it off. */
  readonly trafficDistribution?: TrafficDistribution | null;
  /**
   * What programs the nodes: kube-proxy (iptables or nftables, the default), a
   * direct-server-return dataplane (Cilium, kube-router), or IPVS as it behaved
   * under Local before the fix (forwarded to a remote pod without SNAT, reply lost).
   */
  readonly dataplane?: Dataplane;
  /**
   * A load balancer that sends straight to pods (3b, 3d at L4): whether it keeps
   * the client's address as the source. Absent: it does (the talk's 3b).
   */
  readonly clientIpPreservation?: boolean;
  /** Which PROXY protocol a proxyProtocol line is written in: 1 (text, the default) or 2 (binary). */
  readonly proxyProtocolVersion?: 1 | 2;
}

export type Dataplane = 'kube-proxy' | 'dsr' | 'ipvs-2020';

/** Where a request starts. */
export type ClientPlace =
  | { readonly kind: 'outside' }
  /** A pod in the cluster (its own address is the source). */
  | { readonly kind: 'pod'; readonly pod: PodId }
  /** A process on a node, in the host's network namespace. */
  | { readonly kind: 'node'; readonly node: NodeId };

export interface Device {
  readonly id: DeviceId;
  readonly kind: DeviceKind;
  /** "Client", "VIP", "Proxy", "Node1", "Pod-c", "Ingress". */
  readonly name: string;
}

export interface Hop {
  /** 0-based position in its list. */
  readonly index: number;
  readonly direction: 'forward' | 'return';
  readonly from: DeviceId;
  /**
   * Null for a drop: the packet goes nowhere. A reply the client receives and
   * discards (old IPVS's black hole, dataplane.ts) is a drop that names the client.
   */
  readonly to: DeviceId | null;
  /** A node the hop passes through that only routes (the pod's host); undefined when none. */
  readonly via: DeviceId | undefined;
  /** The packet as it is on this wire. */
  readonly packet: Packet;
  /** What the sending device did before putting the packet on this wire. */
  readonly rewrites: readonly Rewrite[];
  /** Which TCP connection (1 = the client's) the hop belongs to. */
  readonly connection: number;
  readonly kind: 'pass' | 'drop' | 'reject';
}

export type Outcome =
  | { readonly kind: 'delivered'; readonly pod: PodId }
  | { readonly kind: 'dropped'; readonly at: DeviceId; readonly reason: string }
  | { readonly kind: 'rejected'; readonly at: DeviceId; readonly reason: string };

/** How the client's address reaches the backend pod. */
export type ClientIpFate = 'l3' | 'xff' | 'proxy-protocol' | 'lost';

export interface Trace {
  readonly mode: ModeId;
  readonly service: ServiceId;
  /** The policy in force, and whether it changes anything in this mode. */
  readonly policy: ExternalTrafficPolicy;
  readonly policyApplies: boolean;
  /** Every device the trace names, by its DeviceId. */
  readonly devices: Readonly<Record<string, Device>>;
  readonly entryNode: NodeId | null;
  readonly ingressPod: PodId | null;
  readonly pod: PodId | null;
  readonly forward: readonly Hop[];
  readonly back: readonly Hop[];
  readonly outcome: Outcome;
  /** The source address the backend pod sees at L3, or null when nothing arrives. */
  readonly podSees: Endpoint | null;
  readonly clientIp: ClientIpFate;
  /** Wires the request crossed. */
  readonly hopCount: number;
  /** The talk's count: hops after the load balancer (or from the client, when there is none). */
  readonly talkHops: number;
  /** Whether any node rewrote the source (masquerade). */
  readonly snat: boolean;
  /** Things worth saying that are not a hop (e.g. a load balancer skipping a node). */
  readonly notes: readonly string[];
  /**
   * Where the request started, when that is inside the cluster (a pod or a
   * node's process). Absent for the talk's outside client, so its traces keep
   * their exact shape.
   */
  readonly client?: ClientPlace;
}
