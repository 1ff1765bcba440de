import { describe, expect, it } from 'vitest';
import { expect as unwrap, offeredModes, parseCidr, SERVICE_A, talkCluster } from '../model';
import type { ExplorerDoc } from './doc';
import {
  addNode,
  addPod,
  newEmptyCluster,
  removeNode,
  podState,
  setPodRange,
  setPodState,
  setType,
} from './edit';
import { docOf } from './edit/test-doc';
import { createExplorerStore, HISTORY_LIMIT } from './store';

/** The i-th of a run of edits that always change something: pods added, and flipped in and out of ready. */
function nthEdit(i: number): [string, (d: ExplorerDoc) => ExplorerDoc] {
  if (i % 3 === 2) {
    const pod = `pod-${'abcd'[i % 4]}`;
    return [
      `Flip ${pod}`,
      (d) => {
        const now = d.topology.pods.find((p) => p.id === pod);
        return setPodState(d, pod, now && podState(now) === 'ready' ? 'terminating' : 'ready');
      },
    ];
  }
  return [`Add pod ${i}`, (d) => addPod(d, i % 2 ? 'node1' : 'node2', SERVICE_A)];
}

describe('undo and redo', () => {
  it('150 edits, then 100 undos, give back the doc of 100 edits ago exactly', () => {
    const store = createExplorerStore(docOf());
    const seen: ExplorerDoc[] = [store.getState().doc];
    for (let i = 0; i < 150; i++) {
      const [label, change] = nthEdit(i);
      store.getState().edit(label, change);
      seen.push(store.getState().doc);
    }
    expect(new Set(seen).size).toBe(151);
    for (let i = 0; i < 100; i++) store.getState().undo();
    const s = store.getState();
    expect(s.doc).toEqual(seen[50]);
    expect(s.drawn).toEqual(seen[50]);
    expect(s.past).toHaveLength(50);
    expect(s.future).toHaveLength(100);
    expect(s.said).toBe('Undone: Flip pod-c');
    expect(s.doc.topology.pods).toHaveLength(4 + 34);
  });

  it('keeps the last 200 edits', () => {
    const store = createExplorerStore(docOf());
    for (let i = 0; i < 230; i++) store.getState().edit(...nthEdit(i));
    expect(store.getState().past).toHaveLength(HISTORY_LIMIT);
    for (let i = 0; i < 250; i++) store.getState().undo();
    expect(store.getState().past).toHaveLength(0);
    expect(store.getState().future).toHaveLength(HISTORY_LIMIT);
  });

  it('redo after undo comes back to the edit, and says so', () => {
    const store = createExplorerStore(docOf());
    store.getState().edit('Add Node3', addNode);
    const withNode3 = store.getState().doc;
    store.getState().undo();
    expect(store.getState().doc.topology.nodes.map((n) => n.name)).toEqual(['Node1', 'Node2']);
    expect(store.getState().said).toBe('Undone: Add Node3');
    store.getState().redo();
    expect(store.getState().doc).toEqual(withNode3);
    expect(store.getState().said).toBe('Redone: Add Node3');
    expect(store.getState().future).toEqual([]);
  });

  it('a new edit clears what could be redone', () => {
    const store = createExplorerStore(docOf());
    store.getState().edit('Add Node3', addNode);
    store.getState().edit('Remove Node1 and its 2 pods', (d) => removeNode(d, 'node1'));
    store.getState().undo();
    expect(store.getState().future).toHaveLength(1);
    store.getState().edit('Add a pod', (d) => addPod(d, 'node3', SERVICE_A));
    expect(store.getState().future).toEqual([]);
    store.getState().redo();
    expect(store.getState().doc.topology.nodes.map((n) => n.id)).toEqual([
      'node1',
      'node2',
      'node3',
    ]);
    expect(store.getState().said).toBe('Add a pod');
  });

  it('an edit that changes nothing is not an edit', () => {
    const store = createExplorerStore(docOf());
    store.getState().edit('Remove Node9', (d) => removeNode(d, 'node9'));
    expect(store.getState().past).toEqual([]);
    expect(store.getState().said).toBe('');
  });
});

describe('an invalid edit', () => {
  it('keeps drawing the last valid doc and names the node in its problems', () => {
    const store = createExplorerStore(docOf());
    store.getState().edit('Add Node3', addNode);
    const valid = store.getState().doc;
    store
      .getState()
      .edit('Set Node3’s pod range', (d) =>
        setPodRange(d, 'node3', unwrap(parseCidr('192.168.0.0/24'))),
      );
    const s = store.getState();
    expect(s.doc.topology.nodes[2]?.podCidr.text).toBe('192.168.0.0/24');
    expect(s.drawn.topology).toBe(valid.topology);
    expect(s.problems.filter((p) => p.severity === 'error')).toEqual([
      {
        code: 'pod-range-outside-cluster',
        severity: 'error',
        subject: 'Node3',
        message: "Node3's pod range 192.168.0.0/24 is not inside the cluster range 10.0.0.0/16",
        ref: { kind: 'node', id: 'node3' },
      },
    ]);
    store.getState().undo();
    expect(store.getState().problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(store.getState().drawn).toEqual(valid);
  });

  it('an empty cluster is valid and drawn', () => {
    const store = createExplorerStore(docOf(talkCluster('default')));
    store.getState().edit('New empty cluster', newEmptyCluster);
    expect(store.getState().drawn.topology.nodes).toEqual([]);
    expect(store.getState().problems).toEqual([]);
  });

  it('undo and redo never leave the request on a node or mode that is gone', () => {
    const store = createExplorerStore(docOf(talkCluster('default'), '2'));
    const s = () => store.getState();
    s().edit('Add Node3', addNode);
    s().set({ entryNode: 'node3' });
    s().undo();
    expect(s().doc.topology.nodes.map((n) => n.id)).toEqual(['node1', 'node2']);
    expect(s().doc.entryNode).not.toBe('node3');
    // ClusterIP offers no load balancer: after redo, mode 3a moves to one the Service offers.
    s().edit('Service A to ClusterIP', (d) => setType(d, SERVICE_A, 'ClusterIP'));
    s().undo();
    s().set({ mode: '3a' });
    s().redo();
    expect(s().doc.topology.services[0]?.type).toBe('ClusterIP');
    expect(s().doc.mode).not.toBe('3a');
    expect(offeredModes(s().doc.topology, SERVICE_A)).toContain(s().doc.mode);
  });
});
