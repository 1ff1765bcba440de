import { describe, expect, it } from 'vitest';
import { SERVICE_A, SERVICE_B, talkCluster } from '../../model';
import { addNode } from './nodes';
import {
  addPod,
  movePod,
  podState,
  removePod,
  renamePod,
  setPodLabels,
  setPodState,
  tryAddPod,
  tryMovePod,
  tryRenamePod,
} from './pods';
import { docOf, errorsOf } from './test-doc';

const pod = (doc: ReturnType<typeof docOf>, id: string) =>
  doc.topology.pods.find((p) => p.id === id);

describe('adding a pod', () => {
  it('takes the next free address of the node, its name and labels from the Service', () => {
    const doc = addPod(docOf(), 'node1', SERVICE_A);
    expect(doc.topology.pods.at(-1)).toEqual({
      id: 'a-1',
      name: 'a-1',
      ip: '10.0.1.3',
      node: 'node1',
      labels: { app: 'a' },
      ready: true,
    });
    const again = addPod(doc, 'node1', SERVICE_A);
    expect(again.topology.pods.at(-1)).toMatchObject({ name: 'a-2', ip: '10.0.1.4' });
    expect(errorsOf(again.topology)).toEqual([]);
  });

  it('adds an unlabelled pod-1 for no Service', () => {
    const doc = addPod(docOf(), 'node2', null);
    expect(doc.topology.pods.at(-1)).toMatchObject({
      name: 'pod-1',
      ip: '10.0.2.3',
      labels: {},
    });
  });

  it('refuses a node or Service that is not there, saying so', () => {
    const doc = docOf();
    expect(tryAddPod(doc, 'node9', SERVICE_A)).toEqual({
      ok: false,
      error: 'There is no node "node9"',
    });
    expect(tryAddPod(doc, 'node1', 'svc-z')).toEqual({
      ok: false,
      error: 'There is no Service "svc-z"',
    });
    expect(addPod(doc, 'node9', SERVICE_A)).toBe(doc);
  });
});

describe('moving a pod', () => {
  it('gives Pod-c 10.0.1.3 on Node1, where 10.0.1.1–2 are taken', () => {
    const doc = movePod(docOf(), 'pod-c', 'node1');
    expect(pod(doc, 'pod-c')).toMatchObject({ node: 'node1', ip: '10.0.1.3' });
    expect(errorsOf(doc.topology)).toEqual([]);
  });

  it('reuses the lowest address left free on the new node', () => {
    const doc = movePod(movePod(docOf(), 'pod-a', 'node2'), 'pod-d', 'node1');
    expect(pod(doc, 'pod-a')).toMatchObject({ node: 'node2', ip: '10.0.2.3' });
    expect(pod(doc, 'pod-d')).toMatchObject({ node: 'node1', ip: '10.0.1.1' });
  });

  it('to a new node takes that node’s first address', () => {
    const doc = movePod(addNode(docOf()), 'pod-b', 'node3');
    expect(pod(doc, 'pod-b')).toMatchObject({ node: 'node3', ip: '10.0.3.1' });
  });

  it('changes nothing when it stays, and refuses an unknown pod or node', () => {
    const doc = docOf();
    expect(movePod(doc, 'pod-c', 'node2')).toBe(doc);
    expect(tryMovePod(doc, 'pod-z', 'node1')).toEqual({
      ok: false,
      error: 'There is no pod "pod-z"',
    });
    expect(tryMovePod(doc, 'pod-c', 'node7')).toEqual({
      ok: false,
      error: 'There is no node "node7"',
    });
  });
});

describe('a pod’s state, labels and name', () => {
  it('ready, not ready, terminating (never ready) and back', () => {
    const doc = docOf();
    const terminating = setPodState(doc, 'pod-c', 'terminating');
    expect(pod(terminating, 'pod-c')).toMatchObject({ ready: false, terminating: true });
    expect(podState(pod(terminating, 'pod-c')!)).toBe('terminating');
    const notReady = setPodState(terminating, 'pod-c', 'not-ready');
    expect(pod(notReady, 'pod-c')).toEqual({ ...pod(doc, 'pod-c'), ready: false });
    expect(pod(setPodState(notReady, 'pod-c', 'ready'), 'pod-c')).toEqual(pod(doc, 'pod-c'));
    expect(setPodState(doc, 'pod-c', 'ready')).toBe(doc);
  });

  it('relabels a pod so another Service selects it', () => {
    const doc = setPodLabels(docOf(), 'pod-a', { app: 'b', tier: 'web' });
    expect(pod(doc, 'pod-a')?.labels).toEqual({ app: 'b', tier: 'web' });
    expect(setPodLabels(doc, 'pod-a', { tier: 'web', app: 'b' })).toBe(doc);
  });

  it('removes and renames', () => {
    const doc = removePod(docOf(), 'pod-b');
    expect(doc.topology.pods.map((p) => p.id)).toEqual(['pod-a', 'pod-c', 'pod-d']);
    expect(removePod(doc, 'pod-b')).toBe(doc);
    expect(renamePod(doc, 'pod-a', 'web-0').topology.pods[0]?.name).toBe('web-0');
    expect(renamePod(doc, 'pod-a', '')).toBe(doc);
  });

  it('refuses a pod name another pod has, or a blank one', () => {
    expect(tryRenamePod(docOf(), 'pod-a', 'Pod-c')).toEqual({
      ok: false,
      error: 'Another pod is already called Pod-c',
    });
    expect(tryRenamePod(docOf(), 'pod-a', '')).toEqual({ ok: false, error: 'A pod needs a name' });
  });

  it('names pods for Service B b-1, b-2 even after one is removed in between', () => {
    let doc = addPod(addPod(docOf(talkCluster('default')), 'node1', SERVICE_B), 'node2', SERVICE_B);
    doc = removePod(doc, 'b-1');
    doc = addPod(doc, 'node2', SERVICE_B);
    expect(doc.topology.pods.slice(4).map((p) => [p.name, p.ip])).toEqual([
      ['b-2', '10.0.2.3'],
      ['b-1', '10.0.2.4'],
    ]);
  });
});
