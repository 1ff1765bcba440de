import { describe, expect, it } from 'vitest';
import { expect as unwrap, parseCidr, parseNodeIp, talkCluster } from '../../model';
import { validate } from '../../model/validate';
import {
  addNode,
  removeNode,
  removeNodeLabel,
  renameNode,
  setNodeIp,
  setPodRange,
  tryAddNode,
  tryRenameNode,
} from './nodes';
import { newEmptyCluster } from './cluster';
import { docOf, errorsOf } from './test-doc';

const cidr = (text: string) => unwrap(parseCidr(text));

describe('adding a node', () => {
  it('gives the talk cluster Node3 at 10.240.0.3 with pod range 10.0.3.0/24', () => {
    const doc = addNode(docOf());
    const node3 = doc.topology.nodes[2];
    expect(node3).toEqual({
      id: 'node3',
      name: 'Node3',
      ip: '10.240.0.3',
      podCidr: cidr('10.0.3.0/24'),
    });
    expect(errorsOf(doc.topology)).toEqual([]);
  });

  it('fills the gap a removed node left, name, address and range alike', () => {
    const three = addNode(addNode(docOf()));
    const doc = addNode(removeNode(three, 'node2'));
    expect(doc.topology.nodes.map((n) => [n.name, n.ip, n.podCidr.text])).toEqual([
      ['Node1', '10.240.0.1', '10.0.1.0/24'],
      ['Node3', '10.240.0.3', '10.0.3.0/24'],
      ['Node4', '10.240.0.4', '10.0.4.0/24'],
      ['Node2', '10.240.0.2', '10.0.2.0/24'],
    ]);
  });

  it('starts an empty cluster at Node1, 10.240.0.1, 10.0.1.0/24', () => {
    const doc = addNode(newEmptyCluster(docOf()));
    expect(doc.topology.nodes).toEqual([
      { id: 'node1', name: 'Node1', ip: '10.240.0.1', podCidr: cidr('10.0.1.0/24') },
    ]);
  });

  it('keeps node addresses out of a pod network that covers 10.240.0.0', () => {
    const empty = newEmptyCluster(docOf());
    const wide = { ...empty, topology: { ...empty.topology, clusterCidr: cidr('10.0.0.0/8') } };
    const doc = addNode(wide);
    expect(doc.topology.nodes[0]?.ip).toBe('192.168.0.1');
    expect(doc.topology.nodes[0]?.podCidr.text).toBe('10.0.1.0/24');
  });

  it('uses smaller blocks in a cluster range smaller than a /24, and says when it is full', () => {
    const empty = newEmptyCluster(docOf());
    let doc = { ...empty, topology: { ...empty.topology, clusterCidr: cidr('10.0.0.0/25') } };
    doc = addNode(doc);
    expect(doc.topology.nodes[0]?.podCidr.text).toBe('10.0.0.64/26');
    doc = addNode(doc);
    expect(doc.topology.nodes[1]?.podCidr.text).toBe('10.0.0.0/26');
    const full = tryAddNode(doc);
    expect(full).toEqual({
      ok: false,
      error: 'The cluster range 10.0.0.0/25 has no free pod range left for a new node',
    });
    expect(addNode(doc)).toBe(doc);
  });
});

describe('removing a node', () => {
  it('takes its pods with it and says how many', () => {
    const doc = docOf();
    expect(removeNodeLabel(doc.topology, 'node2')).toBe('Remove Node2 and its 2 pods');
    const after = removeNode(doc, 'node2');
    expect(after.topology.nodes.map((n) => n.id)).toEqual(['node1']);
    expect(after.topology.pods.map((p) => p.id)).toEqual(['pod-a', 'pod-b']);
    expect(validate(after.topology).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('names a single pod and an empty node in its words', () => {
    const t = talkCluster('pod-a-gone');
    expect(removeNodeLabel(t, 'node1')).toBe('Remove Node1 and its pod');
    const three = addNode(docOf());
    expect(removeNodeLabel(three.topology, 'node3')).toBe('Remove Node3');
  });

  it('moves the entry node to the first node left', () => {
    const doc = { ...docOf(), entryNode: 'node2' };
    expect(removeNode(doc, 'node2').entryNode).toBe('node1');
    const both = removeNode(removeNode(doc, 'node2'), 'node1');
    expect(both.entryNode).toBeNull();
  });

  it('changes nothing for a node that is not there', () => {
    const doc = docOf();
    expect(removeNode(doc, 'node9')).toBe(doc);
  });
});

describe('renaming and readdressing a node', () => {
  it('renames, ignoring a blank name and an unchanged one', () => {
    const doc = docOf();
    expect(renameNode(doc, 'node1', 'worker-a').topology.nodes[0]?.name).toBe('worker-a');
    expect(renameNode(doc, 'node1', '   ')).toBe(doc);
    expect(renameNode(doc, 'node1', 'Node1')).toBe(doc);
  });

  it('refuses a blank name or one another node has', () => {
    const doc = docOf();
    expect(tryRenameNode(doc, 'node2', 'Node1')).toEqual({
      ok: false,
      error: 'Another node is already called Node1',
    });
    expect(tryRenameNode(doc, 'node2', '  ')).toEqual({ ok: false, error: 'A node needs a name' });
    const r = tryRenameNode(doc, 'node2', ' edge ');
    expect(r.ok && r.value.topology.nodes[1]?.name).toBe('edge');
  });

  it('sets the node IP; validate flags one inside the pod network', () => {
    const doc = setNodeIp(docOf(), 'node2', unwrap(parseNodeIp('10.0.9.9')));
    expect(doc.topology.nodes[1]?.ip).toBe('10.0.9.9');
    expect(errorsOf(doc.topology)).toEqual([
      "Node2's IP 10.0.9.9 is inside the pod network 10.0.0.0/16",
    ]);
  });

  it('moves a pod range and its pods into it, keeping their place in the block', () => {
    const doc = setPodRange(docOf(), 'node1', cidr('10.0.7.0/24'));
    expect(doc.topology.nodes[0]?.podCidr.text).toBe('10.0.7.0/24');
    expect(doc.topology.pods.filter((p) => p.node === 'node1').map((p) => p.ip)).toEqual([
      '10.0.7.1',
      '10.0.7.2',
    ]);
    expect(errorsOf(doc.topology)).toEqual([]);
  });

  it('lets validate name a pod range outside the cluster, on the node', () => {
    const doc = setPodRange(docOf(), 'node2', cidr('192.168.5.0/24'));
    const errors = validate(doc.topology).filter((p) => p.severity === 'error');
    expect(errors.map((p) => [p.ref, p.message])).toEqual([
      [
        { kind: 'node', id: 'node2' },
        "Node2's pod range 192.168.5.0/24 is not inside the cluster range 10.0.0.0/16",
      ],
    ]);
  });

  it('re-addresses pods that no longer fit a smaller block', () => {
    const doc = setPodRange(docOf(), 'node1', cidr('10.0.1.0/31'));
    expect(doc.topology.pods.filter((p) => p.node === 'node1').map((p) => p.ip)).toEqual([
      '10.0.1.1',
      '10.0.1.0',
    ]);
  });
});
