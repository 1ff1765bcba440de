import {
  cidrContains,
  cidrSize,
  err,
  ipToNumber,
  nextFreeIp,
  numberToIp,
  ok,
  type Cidr,
  type ClusterNode,
  type NodeId,
  type NodeIp,
  type Pod,
  type PodIp,
  type Result,
  type Topology,
} from '../../model';
import type { ExplorerDoc } from '../doc';
import { lowestFree, nodeIpFor, podRangeFor, usedAddresses } from './alloc';
import { omit, onTopology, orSame, replaceById, tryOnTopology } from './settle';

/** The number of the next node, NodeN, whose name and id are both free. */
function nextNodeNumber(t: Topology): number {
  const names = new Set(t.nodes.map((n) => n.name.toLowerCase()));
  const ids = new Set(t.nodes.map((n) => n.id));
  return lowestFree((k) => names.has(`node${k}`) || ids.has(`node${k}`));
}

/**
 * Adds NodeN with the next free address of the nodes' network and the next free
 * pod range of the cluster (the talk's cluster gets Node3, 10.240.0.3, 10.0.3.0/24).
 */
export function tryAddNode(doc: ExplorerDoc): Result<ExplorerDoc> {
  return tryOnTopology(doc, (t) => {
    const n = nextNodeNumber(t);
    const ip = nodeIpFor(t, n);
    if (!ip.ok) return ip;
    const podCidr = podRangeFor(t, n);
    if (!podCidr.ok) return podCidr;
    const node: ClusterNode = {
      id: `node${n}`,
      name: `Node${n}`,
      ip: ip.value as string as NodeIp,
      podCidr: podCidr.value,
    };
    return ok({ ...t, nodes: [...t.nodes, node] });
  });
}

export const addNode = (doc: ExplorerDoc): ExplorerDoc => orSame(doc, tryAddNode(doc));

/** Removes a node and the pods on it, as deleting a Node object evicts them. */
export function removeNode(doc: ExplorerDoc, id: NodeId): ExplorerDoc {
  return onTopology(doc, (t) =>
    t.nodes.some((n) => n.id === id)
      ? {
          ...t,
          nodes: t.nodes.filter((n) => n.id !== id),
          pods: t.pods.filter((p) => p.node !== id),
        }
      : t,
  );
}

/** The words for removing a node: "Remove Node2 and its 3 pods". */
export function removeNodeLabel(t: Topology, id: NodeId): string {
  const node = t.nodes.find((n) => n.id === id);
  const pods = t.pods.filter((p) => p.node === id).length;
  const name = node?.name ?? id;
  return pods === 0
    ? `Remove ${name}`
    : `Remove ${name} and its ${pods === 1 ? 'pod' : `${pods} pods`}`;
}

/** Renames a node; a blank name changes nothing. */
export function renameNode(doc: ExplorerDoc, id: NodeId, name: string): ExplorerDoc {
  const trimmed = name.trim();
  if (!trimmed) return doc;
  return onTopology(doc, (t) => {
    const nodes = replaceById(t.nodes, id, (n) =>
      n.name === trimmed ? n : { ...n, name: trimmed },
    );
    return nodes === t.nodes ? t : { ...t, nodes };
  });
}

/** Renames a node; a blank name, or one another node has, is refused (node names are unique). */
export function tryRenameNode(doc: ExplorerDoc, id: NodeId, name: string): Result<ExplorerDoc> {
  const trimmed = name.trim();
  if (!trimmed) return err('A node needs a name');
  if (doc.topology.nodes.some((n) => n.id !== id && n.name === trimmed))
    return err(`Another node is already called ${trimmed}`);
  return ok(renameNode(doc, id, trimmed));
}

/** Gives a node a new address (validate says when it clashes or lies in the pod network). */
export function setNodeIp(doc: ExplorerDoc, id: NodeId, ip: NodeIp): ExplorerDoc {
  return onTopology(doc, (t) => {
    const nodes = replaceById(t.nodes, id, (n) => (n.ip === ip ? n : { ...n, ip }));
    return nodes === t.nodes ? t : { ...t, nodes };
  });
}

/**
 * Gives a node a new pod range. Its pods are re-addressed into it, keeping their
 * place in the block where it is free (10.0.1.2 → 10.0.7.2), as they would be
 * when recreated on a node with that range. validate says when the range lies
 * outside the cluster or overlaps another node's.
 */
export function setPodRange(doc: ExplorerDoc, id: NodeId, podCidr: Cidr): ExplorerDoc {
  return onTopology(doc, (t) => {
    const node = t.nodes.find((n) => n.id === id);
    if (!node || node.podCidr.text === podCidr.text) return t;
    const used = usedAddresses(t);
    const moving = t.pods.filter((p) => p.node === id);
    for (const p of moving) used.delete(p.ip);
    const readdressed = new Map<string, PodIp>();
    for (const p of moving) {
      const ip = addressIn(podCidr, node.podCidr, p, used);
      if (ip) {
        used.add(ip);
        readdressed.set(p.id, ip);
      }
    }
    return {
      ...t,
      nodes: t.nodes.map((n) => (n.id === id ? { ...n, podCidr } : n)),
      pods: t.pods.map((p) => {
        const ip = readdressed.get(p.id);
        return ip && ip !== p.ip ? { ...p, ip } : p;
      }),
    };
  });
}

/** The pod's address in the new block: the same offset when usable, else the next free one. */
function addressIn(block: Cidr, old: Cidr, pod: Pod, used: Set<string>): PodIp | null {
  const n = ipToNumber(pod.ip);
  const size = cidrSize(block);
  if (n.ok && cidrContains(old, pod.ip)) {
    const offset = n.value - old.base;
    const reserved = size >= 4 && (offset === 0 || offset === size - 1);
    const ip = numberToIp(block.base + offset);
    if (offset < size && !reserved && !used.has(ip)) return ip as string as PodIp;
  }
  const next = nextFreeIp(block, used);
  return next.ok ? (next.value as string as PodIp) : null;
}

/** The node's topology.kubernetes.io/zone; blank takes it away. */
export function setZone(doc: ExplorerDoc, id: NodeId, zone: string): ExplorerDoc {
  const z = zone.trim();
  return onTopology(doc, (t) => {
    const nodes = replaceById(t.nodes, id, (n) => {
      if ((n.zone ?? '') === z) return n;
      const rest = omit(n, 'zone');
      return z ? { ...rest, zone: z } : rest;
    });
    return nodes === t.nodes ? t : { ...t, nodes };
  });
}
