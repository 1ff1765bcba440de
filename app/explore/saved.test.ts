import { defaultDoc } from './from-slide';
import { describe, expect, it } from 'vitest';
import { sampleCluster } from './sample-cluster';
import { encodeDoc, MESSAGES } from './link';
import { initialDoc, linkInHash, loadDoc, SAVED_KEY, saveDoc, type DocStorage } from './saved';

/** Web Storage in memory, counting writes. */
function memory(start: Record<string, string> = {}) {
  const items = new Map(Object.entries(start));
  let writes = 0;
  const storage: DocStorage = {
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => {
      writes++;
      items.set(k, String(v));
    },
  };
  return { storage, items, writes: () => writes };
}

/** Storage that refuses everything, as a browser with storage turned off or full does. */
const refusing: DocStorage = {
  getItem: () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  },
};

const mine = { ...defaultDoc(), topology: sampleCluster(5, 3), mode: '3a' as const, seed: 42 };

describe('saveDoc and loadDoc', () => {
  it('keep the doc as its link and give it back', () => {
    const m = memory();
    expect(saveDoc(mine, m.storage)).toBeNull();
    expect(m.items.get(SAVED_KEY)).toBe(encodeDoc(mine));
    expect(loadDoc(m.storage)).toEqual({ doc: mine, message: null });
  });

  it('say why nothing was kept when storage is full, refused or missing, and never throw', () => {
    expect(saveDoc(mine, refusing)).toMatch(/no room left to keep the cluster/);
    expect(saveDoc(mine, null)).toMatch(/does not let Inbound keep the cluster/);
    expect(loadDoc(refusing)).toEqual({ doc: null, message: null });
    expect(loadDoc(null)).toEqual({ doc: null, message: null });
  });

  it('say a damaged or newer kept copy cannot be read', () => {
    expect(loadDoc(memory({ [SAVED_KEY]: '{"doc":1}' }).storage)).toEqual({
      doc: null,
      message: 'The cluster this browser kept could not be read: it is damaged.',
    });
    const cut = encodeDoc(mine).slice(0, 40);
    expect(loadDoc(memory({ [SAVED_KEY]: cut }).storage).message).toBe(
      'The cluster this browser kept could not be read: it is damaged.',
    );
    const newer = `3${encodeDoc(mine).slice(1)}`;
    expect(loadDoc(memory({ [SAVED_KEY]: newer }).storage).message).toBe(
      'The cluster this browser kept was made by a newer Inbound (version 3), which this one cannot read.',
    );
  });
});

describe('initialDoc', () => {
  const link = encodeDoc(mine);
  const kept = { ...defaultDoc(), topology: sampleCluster(3, 8), seed: 5 };

  it('opens a good link, whatever is kept', () => {
    const m = memory({ [SAVED_KEY]: encodeDoc(kept) });
    expect(initialDoc(`#/explore?s=${link}`, m.storage)).toEqual({
      doc: mine,
      message: null,
      from: 'link',
    });
    expect(initialDoc(`#/explore?from=27&s=${link}`, m.storage).doc).toEqual(mine);
  });

  it('opens the kept doc without a link, and the talk’s cluster without either', () => {
    const m = memory({ [SAVED_KEY]: encodeDoc(kept) });
    expect(initialDoc('#/explore', m.storage)).toEqual({ doc: kept, message: null, from: 'saved' });
    expect(initialDoc('#/explore', memory().storage)).toEqual({
      doc: defaultDoc(),
      message: null,
      from: 'talk',
    });
    expect(initialDoc('#/explore', refusing)).toEqual({
      doc: defaultDoc(),
      message: null,
      from: 'talk',
    });
  });

  it('says what was wrong with a cut link, opens the kept doc, and writes nothing', () => {
    const m = memory({ [SAVED_KEY]: encodeDoc(kept) });
    const opened = initialDoc(`#/explore?s=${link.slice(0, link.length - 30)}`, m.storage);
    expect(opened).toEqual({
      doc: kept,
      message: `${MESSAGES.cutShort} Showing the cluster you had last.`,
      from: 'saved',
    });
    expect(m.writes()).toBe(0);
    expect(m.items.get(SAVED_KEY)).toBe(encodeDoc(kept));
  });

  it('says what was wrong with a foreign or newer link, and shows the talk’s cluster when nothing is kept', () => {
    expect(initialDoc('#/explore?s=hello', memory().storage)).toEqual({
      doc: defaultDoc(),
      message: `${MESSAGES.notALink} Showing the talk's cluster.`,
      from: 'talk',
    });
    expect(initialDoc(`#/explore?s=3${link.slice(1)}`, memory().storage).message).toBe(
      `${MESSAGES.newer('3')} Showing the talk's cluster.`,
    );
  });

  it('says so when the kept doc cannot be read', () => {
    expect(initialDoc('#/explore', memory({ [SAVED_KEY]: 'garbage' }).storage)).toEqual({
      doc: defaultDoc(),
      message:
        "The cluster this browser kept could not be read: it is damaged. Showing the talk's cluster.",
      from: 'talk',
    });
  });

  it('finds the link among other settings of the hash', () => {
    expect(linkInHash('#/explore')).toBeNull();
    expect(linkInHash('#/explore?from=27')).toBeNull();
    expect(linkInHash('#/explore?from=27&s=1.abc_-')).toBe('1.abc_-');
  });
});
