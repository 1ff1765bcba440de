import { SERVICE_A } from '../model';
import type { ModeId, PodId } from '../model';
import type { Scene } from './scene';

export const PACKET_SERVICE = SERVICE_A;

const pods: Scene = { build: 'pods', variant: 'default' };
const withClient: Scene = { build: 'client', variant: 'default' };

/** A packet on forward hop `hop` of `mode`. */
const at = (mode: ModeId, hop: number, extra: Partial<Scene> = {}): Scene => ({
  ...withClient,
  mode,
  hop,
  pod: 'pod-c' as PodId,
  ...extra,
});

const ingress = (mode: ModeId, hop: number): Scene =>
  at(mode, hop, { variant: 'shared-ingress', ingressPod: 'ingress-1' });

/**
 * The diagram on each of the talk's diagram slides, by slide number. Every
 * Src/Dst the slide shows is computed from this by the simulator; the golden
 * tests check the result against the talk's own words.
 */
export const TALK_SCENES: Readonly<Record<number, Scene>> = {
  3: { build: 'cluster', variant: 'default' },
  4: { build: 'nodes', variant: 'default' },
  5: { build: 'ranges', variant: 'default' },
  6: pods,
  8: pods,
  10: { ...withClient, clientUnknown: true },
  // 1) Pod IP
  19: at('1', 0),
  // 2) NodePort
  // The talk's question on 28 ("why did the source IP change?") is about a pod on the very
  // node the packet entered: Node1 SNATs even then. Slide 30 takes Pod-a away to show why.
  // 26 already heads for Pod-a, so a reply played there comes from the pod 27 shows.
  26: at('2', 0, { nodePorts: true, pod: 'pod-a' as PodId }),
  27: at('2', 1, { nodePorts: true, pod: 'pod-a' as PodId }),
  30: at('2', 1, { nodePorts: true, variant: 'pod-a-gone' }),
  37: at('2', 1, { nodePorts: true, variant: 'pod-a-gone', policy: 'Local' }),
  39: { ...withClient, variant: 'imbalance', mode: '2', policy: 'Local', shares: true },
  // 3a) VIP-like, 2 hops
  48: at('3a', 0, { pod: 'pod-a' as PodId }),
  49: at('3a', 1, { pod: 'pod-a' as PodId }),
  50: at('3a', 2, { pod: 'pod-a' as PodId }), // as 27: local pod, SNAT all the same
  53: at('3a', 2, { variant: 'pod-a-gone' }),
  // 3c) Proxy-like, 2 hops
  64: at('3c', 0, { nodePorts: true }),
  65: at('3c', 1, { nodePorts: true }),
  66: at('3c', 2, { nodePorts: true }),
  // 3d) Proxy-like, 1 hop
  77: at('3d', 0),
  78: at('3d', 1),
  // 4a) External ingress, 2 hops. X-Forwarded-For waits for slide 92 (step 92/1 shows it).
  87: at('4a', 0, { nodePorts: true }),
  88: at('4a', 1, { nodePorts: true, srcDstOnly: true }),
  89: at('4a', 2, { nodePorts: true, srcDstOnly: true }),
  91: at('4a', 2, { nodePorts: true, srcDstOnly: true }),
  // 4b) External ingress, 1 hop: "Proxy can choose any pod, regardless of node"; X-Forwarded-For
  // waits for slide 101 (step 101/1).
  97: at('4b', 0),
  99: at('4b', 1, { srcDstOnly: true }),
  100: at('4b', 1, { pod: 'pod-a', srcDstOnly: true }),
  // 4c) In-cluster shared ingress, one slide per hop
  106: ingress('4c.1', 0),
  107: ingress('4c.1', 1),
  108: ingress('4c.1', 2),
  109: ingress('4c.1', 3),
  112: ingress('4c.2', 0),
  113: ingress('4c.2', 1),
  114: ingress('4c.2', 2),
  115: ingress('4c.2', 3),
  118: ingress('4c.3', 0),
  119: ingress('4c.3', 1),
  120: ingress('4c.3', 2),
};
