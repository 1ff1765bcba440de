import { endpointsOf, type Topology } from '../../model';
import { BUILD_LEVEL, type Build } from '../scene';
import { capital, list } from './names';

const COUNT = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'];
const count = (n: number) => COUNT[n] ?? String(n);

/**
 * The cluster diagram as built so far, in words: what the build-up slides
 * (3–10) draw, for the caption and for screen readers, which cannot read the
 * drawing itself.
 */
export function describeBuild(topology: Topology, build: Build): string {
  const level = BUILD_LEVEL[build];
  const nodes = topology.nodes;
  const out = [`The cluster, ${topology.clusterCidr.text}.`];
  if (level >= 1)
    out.push(
      `${capital(count(nodes.length))} nodes: ${list(nodes.map((n) => `${n.name} at ${n.ip}`))}.`,
    );
  if (level >= 2) out.push(`Pod ranges: ${list(nodes.map((n) => `${n.name} ${n.podCidr.text}`))}.`);
  if (level >= 3) {
    const onNodes = nodes.map((n) => {
      const pods = topology.pods.filter((p) => p.node === n.id);
      return `${list(pods.map((p) => `${p.name} ${p.ip}`))} on ${n.name}`;
    });
    out.push(`Pods: ${onNodes.join('; ')}.`);
    for (const svc of topology.services) {
      const pods = endpointsOf(topology, svc);
      if (pods.length > 0) out.push(`${svc.name} is ${list(pods.map((p) => p.name))}.`);
    }
  }
  if (level >= 4) out.push(`A client at ${topology.client.ip}, outside the cluster.`);
  return out.join(' ');
}
