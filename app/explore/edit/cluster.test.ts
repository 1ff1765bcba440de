import { describe, expect, it } from 'vitest';
import { SERVICE_A, SERVICE_B, talkCluster } from '../../model';
import { newEmptyCluster, resetToTalk } from './cluster';
import { parseLabels, formatLabels } from './labels';
import { addNode } from './nodes';
import { setType } from './services';
import { settle } from './settle';
import { docOf } from './test-doc';

describe('the cluster as a whole', () => {
  it('a new empty cluster has no nodes, pods or Services and keeps the client', () => {
    const doc = newEmptyCluster(docOf());
    expect(doc.topology).toEqual({
      ...talkCluster('default'),
      nodes: [],
      pods: [],
      services: [],
      ingresses: [],
    });
    expect(doc.entryNode).toBeNull();
    expect(newEmptyCluster(doc)).toBe(doc);
  });

  it('resets to the talk’s cluster, exploring Service A', () => {
    const doc = resetToTalk(addNode(newEmptyCluster({ ...docOf(), service: SERVICE_B })));
    expect(doc.topology).toEqual(talkCluster('default'));
    expect(doc.service).toBe(SERVICE_A);
    expect(doc.entryNode).toBeNull();
    const talk = docOf();
    expect(resetToTalk(talk)).toBe(talk);
  });
});

describe('settle', () => {
  it('leaves a doc that points at things that exist alone', () => {
    const doc = docOf();
    expect(settle(doc)).toBe(doc);
  });

  it('moves off a mode the Service no longer offers to its first offered one', () => {
    const doc = setType(docOf(undefined, '3c'), SERVICE_A, 'NodePort');
    expect(doc.mode).toBe('1');
    expect(settle({ ...docOf(), entryNode: 'node7' }).entryNode).toBe('node1');
  });
});

describe('labels as typed', () => {
  it('reads key=value pairs with commas or spaces between them', () => {
    expect(parseLabels('app=a, tier=web\nexample.com/role=edge env=')).toEqual({
      ok: true,
      value: { app: 'a', tier: 'web', 'example.com/role': 'edge', env: '' },
    });
    expect(parseLabels('')).toEqual({ ok: true, value: {} });
    expect(formatLabels({ app: 'a', tier: 'web' })).toBe('app=a, tier=web');
  });

  it('says what is wrong with a bad label', () => {
    expect(parseLabels('app')).toEqual({
      ok: false,
      error: '"app" is not a label: write it as key=value',
    });
    expect(parseLabels('-x=1')).toMatchObject({
      ok: false,
      error: expect.stringContaining('"-x" is not a label key'),
    });
    expect(parseLabels('app=a!')).toMatchObject({
      ok: false,
      error: expect.stringContaining('"a!" is not a label value'),
    });
    expect(parseLabels('Bad_Prefix/x=1')).toMatchObject({
      ok: false,
      error: expect.stringContaining('is not a label prefix'),
    });
    expect(parseLabels('app=a app=b')).toEqual({
      ok: false,
      error: 'The label app is given twice with different values',
    });
    expect(parseLabels(`k=${'v'.repeat(64)}`).ok).toBe(false);
  });
});
