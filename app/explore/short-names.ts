import type { Topology } from '../model';

/** Names up to this long are drawn as they are. */
const SHORT = 14;

/**
 * A pod name as Kubernetes makes it for a Deployment's pod
 * (`storefront-6d8f7c9b5-2xkqp`: the ReplicaSet's hash, then the pod's own
 * suffix) or a StatefulSet's or DaemonSet's (`web-0`, `kube-proxy-x7k2p`),
 * shortened to the workload and the pod's own suffix: `storefront-2xkqp`.
 */
export function shortPodName(name: string): string {
  if (name.length <= SHORT) return name;
  const deployment = /^(.+)-[a-z0-9]{6,10}-([a-z0-9]{5})$/.exec(name);
  return deployment ? `${deployment[1]}-${deployment[2]}` : name;
}

/**
 * Node names of a cloud's node pool share a long prefix
 * (`gke-shop-prod-default-pool-3f6a1c2e-7k2m`): what tells them apart is the
 * end, so that is what is drawn (`…-7k2m`), with the prefix cut at a dash.
 */
export function shortNodeNames(names: readonly string[]): string[] {
  // Only a pool of long names: where some are short (kind-worker), the long ones read as they are.
  if (names.length < 2 || names.some((n) => n.length <= SHORT)) return [...names];
  let prefix = names[0] ?? '';
  for (const n of names) while (!n.startsWith(prefix)) prefix = prefix.slice(0, -1);
  const cut = prefix.lastIndexOf('-');
  if (cut < 3) return [...names];
  return names.map((n) => `…${n.slice(cut)}`);
}

/**
 * The cluster as the stage draws it: long generated names shortened so they
 * can be read on a projector. Only the drawing: ids, the trace, the words and
 * the event list keep the full names.
 */
export function withShortNames(t: Topology): Topology {
  const nodeNames = shortNodeNames(t.nodes.map((n) => n.name));
  const nodesChange = t.nodes.some((n, i) => n.name !== nodeNames[i]);
  const podsChange = t.pods.some((p) => shortPodName(p.name) !== p.name);
  if (!nodesChange && !podsChange) return t;
  return {
    ...t,
    nodes: nodesChange ? t.nodes.map((n, i) => ({ ...n, name: nodeNames[i] ?? n.name })) : t.nodes,
    pods: podsChange ? t.pods.map((p) => ({ ...p, name: shortPodName(p.name) })) : t.pods,
  };
}
