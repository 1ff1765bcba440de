/** The slides of the "since 2020" section, by id, in order. */
export const SINCE_IDS = [
  'since',
  'ipmode',
  'ipmode-inside',
  'cluster-ip',
  'internal-policy',
  'traffic-distribution',
  'terminating',
  'dsr',
  'lb-to-pods',
  'proxy-protocol',
  'weighted',
  'gateway',
] as const;

export type SinceId = (typeof SINCE_IDS)[number];

/** Where a change stands: a Kubernetes version or KEP, or a project, and the year. */
export interface SinceBadge {
  /** e.g. "Kubernetes 1.32 · KEP-1860", "Cilium · kube-router", "Gateway API v1.0". */
  readonly label: string;
  readonly year: number;
}

/** A link from one of the talk's own slides into the section, shown when markers are on. */
export interface SinceMark {
  /** The talk's slides (1–124) that carry the marker. */
  readonly slides: readonly number[];
  /** A few words after "Since 2020:", e.g. "ipMode puts VIP-like and proxy-like in the API". */
  readonly text: string;
}

/** The words of one slide of the section: none of them are the talk's. */
export interface SinceWords {
  readonly id: SinceId;
  /** A short title for the overview, go-to search, the handout and the tab. */
  readonly title: string;
  /**
   * The slide's words, line by line, short lines as the talk sets them: the
   * opener's; a diagram slide's points come with its captions (SINCE_LINES).
   */
  readonly lines: readonly string[];
  readonly badge: SinceBadge;
}
