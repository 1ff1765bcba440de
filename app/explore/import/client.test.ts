import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importDump } from './client';
import { generateDump } from './generate';
import type { Progress } from './map';

const read = (name: string) =>
  readFileSync(new URL(`../../../e2e/fixtures/kubectl/${name}`, import.meta.url), 'utf8');

// Node has no Worker: importDump runs on the main thread, in slices, and says so.
describe('importDump without a Web Worker', () => {
  it('reads files and texts, loads YAML lazily, and reports progress', async () => {
    const seen: Progress[] = [];
    const r = await importDump(
      [
        new File([read('split-nodes.json')], 'split-nodes.json'),
        new File([read('split-pods.json')], 'split-pods.json'),
        { name: 'services', text: read('split-services.yaml') },
        new File([read('split-endpointslices.yaml')], 'split-endpointslices.yaml'),
      ],
      { onProgress: (p) => seen.push(p) },
    );
    expect(r.ranOn).toBe('main thread');
    expect(r.ok && r.topology.nodes.map((n) => n.id)).toEqual([
      'kind-control-plane',
      'kind-worker',
      'kind-worker2',
    ]);
    expect(seen[0]).toEqual({ fraction: 0, phase: 'Reading the files (on the main thread)' });
  });

  it('refuses a file over 50 MB without reading it', async () => {
    const huge = {
      name: 'cluster.json',
      size: 52 * 1024 * 1024,
      arrayBuffer: () => Promise.reject(new Error('read')),
      text: () => Promise.reject(new Error('read')),
    } as unknown as File;
    expect(await importDump([huge])).toEqual({
      ok: false,
      error: 'cluster.json is 52 MB; Inbound reads dumps up to 50 MB',
      ranOn: 'main thread',
    });
  });

  it('is cancelled by its signal', async () => {
    const controller = new AbortController();
    const text = generateDump(200, 10, 20);
    const pending = importDump([{ name: 'big.json', text }], {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    controller.abort();
    await expect(
      importDump([{ name: 'x', text }], { signal: controller.signal }),
    ).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('resolves a failure as a result, naming the file', async () => {
    const r = await importDump([new File([read('truncated.json')], 'truncated.json')]);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error).toMatch(/^truncated\.json ends in the middle of its JSON/);
  });
});
