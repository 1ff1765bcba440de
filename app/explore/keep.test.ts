import { defaultDoc } from './from-slide';
import { describe, expect, it } from 'vitest';
import { decodeDoc } from './link';
import { explorerHash, keepDoc, linkOf, shareUrl } from './keep';
import { SAVED_KEY, type DocStorage } from './saved';
import { sampleCluster } from './sample-cluster';

/** A window's location and history, as far as keepDoc uses them. */
function fakeWindow(hash: string, refuseLongUrls = false) {
  const calls: string[] = [];
  const win = {
    location: { hash } as Location,
    history: {
      state: { from: 'deck' },
      replaceState(_state: unknown, _title: string, url: string) {
        if (refuseLongUrls && url.length > 20) throw new DOMException('too long', 'SecurityError');
        calls.push(url);
        win.location.hash = url;
      },
    } as unknown as History,
  };
  return { win, calls };
}

function memory() {
  const items = new Map<string, string>();
  const storage: DocStorage = {
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
  };
  return { storage, items };
}

const doc = { ...defaultDoc(), topology: sampleCluster(4, 6), mode: '4c.2' as const };

describe('keepDoc', () => {
  it('replaces the explorer’s URL with the doc’s link and keeps it in storage', () => {
    const { win, calls } = fakeWindow('#/explore?from=27');
    const m = memory();
    expect(keepDoc(doc, win, m.storage)).toBeNull();
    expect(calls).toEqual([`#/explore?s=${linkOf(doc)}&from=27`]);
    expect(decodeDoc(m.items.get(SAVED_KEY) ?? '')).toEqual({ ok: true, value: doc });
  });

  it('never writes over a page that is no longer the explorer', () => {
    const { win, calls } = fakeWindow('#/27');
    const m = memory();
    expect(keepDoc(doc, win, m.storage)).toBeNull();
    expect(calls).toEqual([]);
    expect(m.items.has(SAVED_KEY)).toBe(true);
  });

  it('drops the link from the URL when the browser refuses one that long', () => {
    const { win, calls } = fakeWindow('#/explore', true);
    keepDoc(doc, win, memory().storage);
    expect(calls).toEqual(['#/explore']);
  });

  it('keeps neither URL nor storage for a doc the link reader would refuse, and says why', () => {
    const { win, calls } = fakeWindow('#/explore');
    const m = memory();
    const bad = {
      ...doc,
      topology: { ...doc.topology, nodes: [{ ...doc.topology.nodes[0]!, id: '' }] },
    };
    expect(keepDoc(bad, win, m.storage)).toBe(
      'This cluster cannot be kept or linked until this is fixed: topology.nodes[0].id: must not be empty. The link and the kept copy hold the last cluster that could be.',
    );
    expect(calls).toEqual([]);
    expect(m.items.size).toBe(0);
  });
});

describe('the links', () => {
  it('are made once per doc', () => {
    expect(linkOf(doc)).toBe(linkOf(doc));
  });

  it('share the page without its old hash, and keep other settings in the URL', () => {
    expect(shareUrl('1.abc', 'http://localhost:4173/?x=1#/explore?s=1.old')).toBe(
      'http://localhost:4173/?x=1#/explore?s=1.abc',
    );
    expect(shareUrl('1.abc', 'file:///home/me/inbound.html')).toBe(
      'file:///home/me/inbound.html#/explore?s=1.abc',
    );
    expect(explorerHash('1.new', '#/explore?s=1.old&from=27')).toBe('#/explore?s=1.new&from=27');
    expect(explorerHash('1.new')).toBe('#/explore?s=1.new');
  });
});
