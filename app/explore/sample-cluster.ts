import {
  INGRESS_SERVICE,
  parseCidr,
  talkCluster,
  type ClusterNode,
  type NodeIp,
  type Pod,
  type PodIp,
  type Topology,
} from '../model';
import { seededRandom } from '../model/random';

/** The most nodes the scene lays out one by one (the explorer folds the rest). */
export const SAMPLE_MAX_NODES = 12;
/** The most pods a sample node gets. */
export const SAMPLE_MAX_PODS = 6;

/**
 * A random valid cluster in the talk's style, the same for the same seed:
 * `nodes` nodes (10.240.0.n, pod range 10.0.n.0/24), each with 0–6 pods of
 * Service A, Service B or the shared ingress proxy, and at least one ready
 * pod of Service A and one ingress proxy pod somewhere, so every mode has
 * somewhere to go. The talk's Services and Ingresses, unchanged.
 */
export function sampleCluster(nodes: number, seed: number): Topology {
  const talk = talkCluster('shared-ingress');
  const random = seededRandom(seed);
  const count = Math.max(1, Math.min(SAMPLE_MAX_NODES, Math.floor(nodes)));
  const nodeList: ClusterNode[] = [];
  const pods: Pod[] = [];
  const apps = ['a', 'b', 'a', INGRESS_SERVICE];
  for (let n = 1; n <= count; n++) {
    const cidr = parseCidr(`10.0.${n}.0/24`);
    if (!cidr.ok) throw new Error(cidr.error);
    nodeList.push({
      id: `node${n}`,
      name: `Node${n}`,
      ip: `10.240.0.${n}` as NodeIp,
      podCidr: cidr.value,
    });
    const here = Math.floor(random() * (SAMPLE_MAX_PODS + 1));
    for (let k = 1; k <= here; k++) {
      const app = apps[Math.floor(random() * apps.length)] as string;
      pods.push({
        id: `pod-${n}-${k}`,
        name: app === INGRESS_SERVICE ? `Ingress-${n}${k}` : `Pod-${n}${'abcdef'[k - 1]}`,
        ip: `10.0.${n}.${k}` as PodIp,
        node: `node${n}`,
        labels: { app },
        ready: true,
      });
    }
  }
  // Every mode needs a pod of Service A and an ingress proxy: give the last node what is missing.
  const last = nodeList[nodeList.length - 1] as ClusterNode;
  const add = (app: string, name: string) => {
    const k = pods.filter((p) => p.node === last.id).length + 1;
    pods.push({
      id: `pod-${count}-${k}`,
      name,
      ip: `10.0.${count}.${k}` as PodIp,
      node: last.id,
      labels: { app },
      ready: true,
    });
  };
  if (!pods.some((p) => p.labels.app === 'a')) add('a', `Pod-${count}z`);
  if (!pods.some((p) => p.labels.app === INGRESS_SERVICE))
    add(INGRESS_SERVICE, `Ingress-${count}z`);
  return { ...talk, nodes: nodeList, pods };
}
