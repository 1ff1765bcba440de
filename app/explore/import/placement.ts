// Where the pods go: each node's pod range (stated, told from its pods, or a
// free block), the cluster's range covering them all, and the pods inside
// their node's range. Whatever breaks the model's rules is left out, with why.
import { cidrContains, cidrSize, cidrsOverlap, type Cidr } from '../../model';
import { listed, shown } from './kube';
import type { NodeDraft } from './nodes';
import type { PodDraft } from './pods';
import { coveringAll, freeBlock, lastAddress, rangeForPods } from './ranges';

export interface PlacedNode {
  readonly draft: NodeDraft;
  readonly range: Cidr;
}

export interface Placement {
  readonly nodes: readonly PlacedNode[];
  readonly pods: readonly PodDraft[];
  readonly clusterCidr: Cidr;
}

interface Plan {
  readonly draft: NodeDraft;
  pods: PodDraft[];
  range: Cidr | null;
  kept: boolean;
}

const inside = (c: Cidr, ip: number) => ip >= c.base && ip <= lastAddress(c);

/** Places nodes and pods, or says why nothing can be drawn. */
export function place(
  nodes: readonly NodeDraft[],
  pods: readonly PodDraft[],
  absentNodes: ReadonlySet<string>,
): Placement | { error: string } {
  const plans = new Map<string, Plan>();
  for (const draft of nodes) plans.set(draft.name, { draft, pods: [], range: null, kept: true });
  const nodeIps = new Map(nodes.map((n) => [n.ipNumber, n.name]));

  // Each pod on its node, each address once.
  const owners = new Map<number, string>();
  for (const pod of pods) {
    const plan = plans.get(pod.nodeName);
    if (!plan) {
      pod.line.skip(
        `It runs on node ${shown(pod.nodeName, 60)}, which ${absentNodes.has(pod.nodeName) ? 'was left out' : 'is not in the dump'}`,
      );
      continue;
    }
    const node = nodeIps.get(pod.ipNumber);
    if (node !== undefined) {
      pod.line.skip(`Its IP ${pod.ip} is node ${node}'s own address (host networking?)`);
      continue;
    }
    const other = owners.get(pod.ipNumber);
    if (other !== undefined) {
      pod.line.skip(`Its IP ${pod.ip} is also pod ${other}'s`);
      continue;
    }
    owners.set(pod.ipNumber, pod.id);
    plan.pods.push(pod);
  }

  const all = [...plans.values()];
  const accepted: Plan[] = [];
  const overlapping = (range: Cidr) =>
    accepted.find((p) => p.range && cidrsOverlap(p.range, range));
  const drop = (plan: Plan, why: string) => {
    plan.kept = false;
    plan.draft.line.skip(why);
    for (const pod of plan.pods)
      pod.line.skip(`It runs on node ${plan.draft.name}, which was left out`);
  };

  // Stated ranges that hold their pods first: they are the cluster's own truth.
  const fits = (plan: Plan) =>
    plan.draft.declared !== null &&
    plan.pods.every((p) => cidrContains(plan.draft.declared as Cidr, p.ip));
  for (const plan of all.filter(fits)) {
    const range = plan.draft.declared as Cidr;
    const other = overlapping(range);
    if (other)
      drop(
        plan,
        `Its pod range ${range.text} overlaps node ${other.draft.name}'s ${other.range?.text}`,
      );
    else accepted.push(Object.assign(plan, { range }));
  }
  // Then ranges told from the pods: no podCIDR, or one the network plugin ignores (Calico's own IPAM).
  for (const plan of all.filter((p) => !fits(p) && p.pods.length > 0)) {
    const name = plan.draft.name;
    const derived = rangeForPods(plan.pods.map((p) => p.ipNumber)) as Cidr;
    const declared = plan.draft.declared;
    const other = overlapping(derived);
    const count = plan.pods.length === 1 ? 'its pod' : `its ${plan.pods.length} pods`;
    if (!other) {
      plan.draft.line.change(
        declared
          ? `Node ${name}'s spec.podCIDR ${declared.text} does not hold its pods' addresses (its network plugin assigns its own); Inbound uses ${derived.text}, the smallest range covering ${count}`
          : `Node ${name} has no spec.podCIDR; Inbound uses ${derived.text}, the smallest range covering ${count}`,
      );
      accepted.push(Object.assign(plan, { range: derived }));
    } else if (declared && !overlapping(declared)) {
      // Keep what the node states; the pods outside it cannot be drawn there.
      accepted.push(Object.assign(plan, { range: declared }));
      plan.pods = plan.pods.filter((p) => {
        if (cidrContains(declared, p.ip)) return true;
        p.line.skip(`Its IP ${p.ip} is outside its node ${name}'s pod range ${declared.text}`);
        return false;
      });
    } else
      drop(
        plan,
        `It has no usable spec.podCIDR, and the smallest range covering ${count}, ${derived.text}, overlaps node ${other.draft.name}'s ${other.range?.text}`,
      );
  }

  // The cluster's range: the smallest block over every pod range, with no node address inside.
  let cluster = coveringAll(accepted.map((p) => p.range as Cidr));
  for (;;) {
    if (!cluster) break;
    const c: Cidr = cluster;
    const kept = accepted.filter((p) => p.kept);
    if (!kept.some((p) => inside(c, p.draft.ipNumber))) break;
    leaveOutOne(kept, c, drop);
    cluster = coveringAll(accepted.filter((p) => p.kept).map((p) => p.range as Cidr));
  }
  if (!cluster)
    return {
      error:
        nodes.length === 0
          ? 'The dump has no Nodes Inbound can draw: run kubectl get nodes,pods,services,endpointslices -A -o json'
          : 'No node has a pod range Inbound can use, and none has pods with addresses of their own to tell one from',
    };
  const clusterCidr: Cidr = cluster;

  // Nodes with no range and no pods: a free block of the usual size inside the cluster.
  const sizes = new Map<number, number>();
  for (const p of accepted)
    if (p.kept && p.range) sizes.set(p.range.prefix, (sizes.get(p.range.prefix) ?? 0) + 1);
  const usual = [...sizes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 24;
  const avoid = nodes.map((n) => n.ipNumber);
  for (const plan of all) {
    if (!plan.kept || plan.range) continue;
    if (inside(clusterCidr, plan.draft.ipNumber)) {
      drop(
        plan,
        `Its IP ${plan.draft.ip} is inside the cluster's pod range ${clusterCidr.text}: Inbound keeps node addresses outside the pod network`,
      );
      continue;
    }
    const taken = all.filter((p) => p.kept && p.range).map((p) => p.range as Cidr);
    const block = freeBlock(clusterCidr, Math.max(usual, clusterCidr.prefix), taken, avoid);
    if (!block) {
      drop(
        plan,
        `It has no pod range and no pods, and the cluster's range ${clusterCidr.text} has no free block for one`,
      );
      continue;
    }
    plan.range = block;
    plan.draft.line.change(
      `Node ${plan.draft.name} has no spec.podCIDR and no pods; Inbound gives it the free range ${block.text}`,
    );
  }

  const placed: PlacedNode[] = [];
  const kept: PodDraft[] = [];
  for (const plan of all) {
    if (!plan.kept || !plan.range) continue;
    const range = plan.range;
    placed.push({ draft: plan.draft, range });
    for (const pod of plan.pods) {
      const offset = pod.ipNumber - range.base;
      if (cidrSize(range) >= 4 && (offset === 0 || offset === cidrSize(range) - 1)) {
        pod.line.skip(
          `Its IP ${pod.ip} is the ${offset === 0 ? 'network' : 'broadcast'} address of its node's range ${range.text}`,
        );
        continue;
      }
      kept.push(pod);
    }
  }
  return { nodes: placed, pods: kept, clusterCidr };
}

/**
 * Leaves out the one node that best frees the cluster's range of node
 * addresses: a node whose address lies inside, or one whose outlying pod range
 * stretches the range over the others'. Fewest node addresses left inside
 * wins, then fewest pods lost.
 */
function leaveOutOne(kept: Plan[], cluster: Cidr, drop: (plan: Plan, why: string) => void) {
  let lo = kept[0] as Plan;
  let hi = kept[0] as Plan;
  for (const p of kept) {
    if ((p.range as Cidr).base < (lo.range as Cidr).base) lo = p;
    if (lastAddress(p.range as Cidr) > lastAddress(hi.range as Cidr)) hi = p;
  }
  const candidates = new Set<Plan>([
    lo,
    hi,
    ...kept.filter((p) => inside(cluster, p.draft.ipNumber)),
  ]);
  let best: { plan: Plan; left: number; cover: Cidr | null } | null = null;
  for (const plan of candidates) {
    const rest = kept.filter((p) => p !== plan);
    const cover = coveringAll(rest.map((p) => p.range as Cidr));
    const left = cover ? rest.filter((p) => inside(cover, p.draft.ipNumber)).length : 0;
    if (
      !best ||
      left < best.left ||
      (left === best.left && plan.pods.length < best.plan.pods.length)
    )
      best = { plan, left, cover };
  }
  if (!best) return;
  const { plan, cover } = best;
  const within = kept.filter((p) => inside(cluster, p.draft.ipNumber));
  // Its range pushes the cluster's over other nodes' addresses, or its own address is the trouble.
  const stretches = cover !== null && cover.text !== cluster.text && within.some((p) => p !== plan);
  drop(
    plan,
    !stretches
      ? `Its IP ${plan.draft.ip} is inside the cluster's pod range ${cluster.text}: Inbound keeps node addresses outside the pod network`
      : `Its pod range ${plan.range?.text} stretches the cluster's range to ${cluster.text}, over the address of ${listed(
          within.slice(0, 3).map((p) => (p === plan ? 'this node' : `node ${p.draft.name}`)),
        )}${within.length > 3 ? ' and others' : ''}: left out so the rest can be drawn`,
  );
}
