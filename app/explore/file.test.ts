import { defaultDoc } from './from-slide';
import { describe, expect, it } from 'vitest';
import { talkCluster } from '../model';
import {
  MAX_FILE_BYTES,
  readTopologyFile,
  readTopologyText,
  topologyFileText,
  withTopology,
} from './file';
import { sampleCluster } from './sample-cluster';

describe('the topology file', () => {
  it('is read back as the topology it was written from', async () => {
    const t = sampleCluster(7, 2);
    const text = topologyFileText(t);
    expect(JSON.parse(text)).toMatchObject({
      inbound: 'topology',
      version: 1,
      clusterCidr: '10.0.0.0/16',
    });
    expect(readTopologyText(text)).toEqual({ ok: true, value: t });
    const file = new File([text], 'mine.json', { type: 'application/json' });
    expect(await readTopologyFile(file)).toEqual({ ok: true, value: t });
  });

  it('says what is wrong with a file it cannot use', async () => {
    expect(readTopologyText('{"nodes": [', 'cut.json')).toEqual({
      ok: false,
      error: expect.stringMatching(/^cut\.json is not JSON: .+\.$/),
    });
    const newer = topologyFileText(talkCluster()).replace('"version": 1', '"version": 2');
    expect(readTopologyText(newer, 'new.json')).toEqual({
      ok: false,
      error: 'new.json was written by a newer Inbound (file version 2); this one reads version 1.',
    });
    const bad = topologyFileText(talkCluster()).replace('"10.0.2.1"', '"10.0.2.300"');
    expect(readTopologyText(bad, 'bad.json')).toEqual({
      ok: false,
      error:
        'bad.json cannot be used: pods[2].ip: "10.0.2.300" is not an IPv4 address: 300 is over 255',
    });
    const big = new File([new Uint8Array(MAX_FILE_BYTES + 1)], 'huge.json');
    expect(await readTopologyFile(big)).toEqual({
      ok: false,
      error: 'huge.json is 10.0 MB: the explorer reads topology files of up to 10 MB.',
    });
  });
});

describe('withTopology', () => {
  it('keeps the Service and entry node the new cluster still has', () => {
    const doc = { ...defaultDoc(), service: 'svc-b', entryNode: 'node2' };
    const next = withTopology(doc, sampleCluster(3, 1));
    expect([next.service, next.entryNode, next.mode, next.seed]).toEqual([
      'svc-b',
      'node2',
      '2',
      1,
    ]);
  });

  it('falls back to the first Service and a chosen entry node when they are gone', () => {
    const doc = { ...defaultDoc(), service: 'ingress-nginx', entryNode: 'node2' };
    const one = { ...talkCluster('imbalance'), nodes: talkCluster().nodes.slice(0, 1) };
    const next = withTopology(doc, one);
    expect([next.service, next.entryNode]).toEqual(['svc-a', null]);
    expect(next.topology).toBe(one);
  });
});
