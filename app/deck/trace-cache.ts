import {
  backendServices,
  serviceRoles,
  talkCluster,
  trace,
  type ExternalTrafficPolicy,
  type Result,
  type Scenario,
  type ServiceId,
  type ServiceRole,
  type TalkVariant,
  type Topology,
  type Trace,
} from '../model';
import type { Scene } from './scene';
import { PACKET_SERVICE } from './scenes';

/** The simulator's question for a scene, under the policy in force. */
export function scenarioFor(scene: Scene, policy?: ExternalTrafficPolicy): Scenario | null {
  if (!scene.mode) return null;
  // The node weighting is the shares' question (exactShares), not a trace's.
  const options = { ...scene.options };
  delete options.weighting;
  return {
    topology: topologyOf(scene.variant),
    service: PACKET_SERVICE,
    mode: scene.mode,
    policy: policy ?? talkPolicy(scene),
    entryNode: scene.entryNode ?? 'node1',
    ...(scene.pod ? { pod: scene.pod } : {}),
    ...(scene.ingressPod ? { ingressPod: scene.ingressPod } : {}),
    ...options,
  };
}

const topologies = new Map<TalkVariant, Topology>();
const traces = new WeakMap<Scene, Map<ExternalTrafficPolicy, Result<Trace>>>();

/** The talk's cluster for a variant, built once. */
export function topologyOf(variant: TalkVariant): Topology {
  let t = topologies.get(variant);
  if (!t) {
    t = talkCluster(variant);
    topologies.set(variant, t);
  }
  return t;
}

/** The policy a scene shows when nobody has flipped the switch. */
export const talkPolicy = (scene: Scene | undefined): ExternalTrafficPolicy =>
  scene?.policy ?? 'Cluster';

/**
 * The simulator's trace for a scene under a policy. The same inputs return the
 * very same object, so selectors built on it are stable between renders.
 */
export function traceFor(scene: Scene, policy: ExternalTrafficPolicy): Result<Trace> | null {
  if (!scene.mode) return null;
  let byPolicy = traces.get(scene);
  if (!byPolicy) {
    byPolicy = new Map();
    traces.set(scene, byPolicy);
  }
  let result = byPolicy.get(policy);
  if (!result) {
    result = trace(scenarioFor(scene, policy) as Scenario);
    byPolicy.set(policy, result);
  }
  return result;
}

const roles = new Map<TalkVariant, ReadonlyMap<ServiceId, ServiceRole>>();

/**
 * Each Service's role on a scene's diagram (the packet's, the other one, the
 * ingress proxies'), so the drawing and the words never name a Service by
 * its id. The same variant returns the very same map.
 */
export function serviceRolesOf(scene: Scene): ReadonlyMap<ServiceId, ServiceRole> {
  let r = roles.get(scene.variant);
  if (!r) {
    r = serviceRoles(topologyOf(scene.variant), PACKET_SERVICE);
    roles.set(scene.variant, r);
  }
  return r;
}

/** The Services whose node ports a scene labels on the nodes: none unless it shows them. */
export const nodePortServicesOf = (scene: Scene): readonly ServiceId[] =>
  scene.nodePorts
    ? backendServices(topologyOf(scene.variant), PACKET_SERVICE)
        .filter((s) => s.nodePort !== undefined)
        .map((s) => s.id)
    : [];

/**
 * The reply hop a step shows by itself (Scene.replyHop, −1 for the last), or
 * null where it shows the request; clamped to the reply the trace has.
 */
export function sceneReplyHop(scene: Scene | undefined, t: Result<Trace> | null): number | null {
  if (scene?.replyHop === undefined || !t?.ok) return null;
  const n = t.value.back.length;
  if (n === 0) return null;
  return scene.replyHop < 0 ? Math.max(0, n + scene.replyHop) : Math.min(scene.replyHop, n - 1);
}
