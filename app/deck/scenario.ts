import type { ExternalTrafficPolicy, Scenario } from '../model';
import { talkCluster } from '../model';
import type { Scene } from './scene';
import { PACKET_SERVICE } from './scenes';

/** The simulator's question for a scene, with the presenter's live policy override if any. */
export function scenarioFor(scene: Scene, policy?: ExternalTrafficPolicy): Scenario | null {
  if (!scene.mode) return null;
  return {
    topology: talkCluster(scene.variant),
    service: PACKET_SERVICE,
    mode: scene.mode,
    policy: policy ?? scene.policy ?? 'Cluster',
    entryNode: 'node1',
    ...(scene.pod ? { pod: scene.pod } : {}),
    ...(scene.ingressPod ? { ingressPod: scene.ingressPod } : {}),
  };
}
