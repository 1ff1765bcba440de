import type {
  ExternalTrafficPolicy,
  ModeId,
  NodeId,
  NodeWeighting,
  PodId,
  Scenario,
  TalkVariant,
} from '../model';

/** How much of the diagram has been built (slides 3–10 build it up). */
export type Build = 'cluster' | 'nodes' | 'ranges' | 'pods' | 'client';

/** Each build's place in the build-up: a build shows everything of the ones before it. */
export const BUILD_LEVEL: Readonly<Record<Build, number>> = {
  cluster: 0,
  nodes: 1,
  ranges: 2,
  pods: 3,
  client: 4,
};

/** The state of the diagram on one slide: what is drawn and where the packet is. */
export interface Scene {
  readonly build: Build;
  readonly variant: TalkVariant;
  /** Slide 10 draws the client with a question mark: how does it get in? */
  readonly clientUnknown?: boolean;
  readonly mode?: ModeId;
  /** The talk's policy on this slide; the presenter's live toggle overrides it. */
  readonly policy?: ExternalTrafficPolicy;
  /** The forward hop the packet is on (0 = leaving the client). */
  readonly hop?: number;
  /** The pod the talk's picture sends to. */
  readonly pod?: PodId;
  /** For in-cluster ingress: the proxy pod the talk's picture goes through. */
  readonly ingressPod?: PodId;
  /** Show the node ports (:30093, :30076) on the nodes. */
  readonly nodePorts?: boolean;
  /** Show each pod's and node's share of traffic (slide 39). */
  readonly shares?: boolean;
  /**
   * The card shows Src and Dst only, as the talk's picture does: 4a and 4b
   * before slides 92 and 101 say what X-Forwarded-For is (the steps after
   * them show the header).
   */
  readonly srcDstOnly?: boolean;
  /** A mode nobody had built in 2020 (3b, 4d): drawn, and marked as hypothetical. */
  readonly hypothetical?: boolean;
  /** What has changed since 2020 that this scene shows (the section after the talk). */
  readonly options?: SceneOptions;
  /** The node the client or load balancer sends to first; Node1 unless said. */
  readonly entryNode?: NodeId;
  /** Show the PROXY protocol header's bytes riding ahead of the payload. */
  readonly bytes?: boolean;
  /** Nodes on this many rows (three nodes on two keep projector-size words). */
  readonly rows?: number;
  /** Each node's answer to the load balancer's health check, drawn on it (since 2020). */
  readonly health?: boolean;
  /** The step shows the reply, at this return hop (−1: its last, arriving at the client). */
  readonly replyHop?: number;
}

/** The simulator's since-2020 options a scene can set (absent: the talk's behaviour). */
export type SceneOptions = Pick<
  Scenario,
  | 'client'
  | 'target'
  | 'ipMode'
  | 'internalPolicy'
  | 'trafficDistribution'
  | 'dataplane'
  | 'clientIpPreservation'
  | 'proxyProtocol'
  | 'proxyProtocolVersion'
> & {
  /** How a load balancer weights nodes under Local, for the shares (slide 39 is "equal"). */
  readonly weighting?: NodeWeighting;
};
