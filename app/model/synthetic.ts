import { numberToIp, parseCidr, type NodeIp, type PodIp } from './address';
import { expect } from './result';
import { talkCluster } from './talk';
import type { ClusterNode, Pod, Topology } from './topology';

/**
 * A large cluster for benchmarks and stress tests: `nodes` nodes with
 * `podsPerNode` ready pods of Service A each. Cluster 10.0.0.0/8, a /24 pod
 * range per node (so at most 65,536 nodes and 254 pods per node), node IPs
 * from 172.16.0.0/12.
 */
export function syntheticCluster(nodes: number, podsPerNode: number): Topology {
  const base = talkCluster('default');
  const nodeList: ClusterNode[] = [];
  const pods: Pod[] = [];
  const nodeCount = Math.max(1, Math.min(65536, Math.floor(nodes)));
  const perNode = Math.max(0, Math.min(254, Math.floor(podsPerNode)));
  for (let i = 0; i < nodeCount; i++) {
    const id = `node${i + 1}`;
    const rangeBase = (10 << 24) + (i << 8);
    nodeList.push({
      id,
      name: `Node${i + 1}`,
      ip: numberToIp(((172 << 24) + (16 << 16) + i + 1) >>> 0) as string as NodeIp,
      podCidr: expect(parseCidr(`${numberToIp(rangeBase >>> 0)}/24`)),
    });
    for (let j = 1; j <= perNode; j++) {
      pods.push({
        id: `pod-${i + 1}-${j}`,
        name: `pod-${i + 1}-${j}`,
        ip: numberToIp((rangeBase + j) >>> 0) as string as PodIp,
        node: id,
        labels: { app: 'a' },
        ready: true,
      });
    }
  }
  return { ...base, clusterCidr: expect(parseCidr('10.0.0.0/8')), nodes: nodeList, pods };
}
