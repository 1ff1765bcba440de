import type { ExplorerDoc } from './doc';
import { defaultDoc } from './from-slide';
import { decodeDoc, encodeDoc } from './link';

// The explorer keeps the last doc in this browser, written as its link (so it is
// versioned and compact the same way), and opens with it on the next visit.
// Storage can be missing, full or forbidden (private windows, policies): then
// nothing is kept, a message says so, and nothing fails because of it.

/** Where the last doc is kept: beside the deck's own keys (app/ui/storage.ts). */
export const SAVED_KEY = 'inbound:explorer';

/** The part of Web Storage used here; tests hand in one that fails. */
export type DocStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The browser's localStorage, or null when the browser refuses it. */
export function browserStorage(): DocStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/**
 * Keeps `link` (encodeDoc's text for the doc) as the last doc. Returns null when
 * kept, or a message saying why it could not be.
 */
export function saveLink(link: string, storage = browserStorage()): string | null {
  if (!storage)
    return 'This browser does not let Inbound keep the cluster (storage is off): the link still holds it.';
  try {
    storage.setItem(SAVED_KEY, link);
    return null;
  } catch {
    return 'This browser has no room left to keep the cluster: the link still holds it, and Export JSON keeps it as a file.';
  }
}

/** Keeps the doc as the last one; null when kept, else why not. */
export const saveDoc = (doc: ExplorerDoc, storage = browserStorage()): string | null =>
  saveLink(encodeDoc(doc), storage);

export type Loaded =
  | { readonly doc: ExplorerDoc; readonly message: null }
  | { readonly doc: null; readonly message: string | null };

/** The doc kept by the last visit; a null doc with no message when there is none. */
export function loadDoc(storage = browserStorage()): Loaded {
  let text: string | null;
  try {
    text = storage ? storage.getItem(SAVED_KEY) : null;
  } catch {
    return { doc: null, message: null };
  }
  if (text === null) return { doc: null, message: null };
  const doc = decodeDoc(text);
  if (doc.ok) return { doc: doc.value, message: null };
  const newer = /newer Inbound \(version \d+\)/.exec(doc.error);
  return {
    doc: null,
    message: newer
      ? `The cluster this browser kept was made by a ${newer[0]}, which this one cannot read.`
      : 'The cluster this browser kept could not be read: it is damaged.',
  };
}

/** What the explorer opens with, and where it came from. */
export interface Opening {
  readonly doc: ExplorerDoc;
  /** What went wrong with the link or the kept cluster; null when nothing did. */
  readonly message: string | null;
  readonly from: 'link' | 'saved' | 'talk';
}

/** The `s=` value of an explorer hash (`#/explore?s=1.…`), or null when it has none. */
export function linkInHash(hash: string): string | null {
  const q = hash.indexOf('?');
  if (q < 0) return null;
  return new URLSearchParams(hash.slice(q + 1)).get('s');
}

/**
 * The doc the explorer opens with: the link's when the hash has a good one;
 * otherwise the one this browser kept; otherwise the talk's cluster (defaultDoc). A bad link
 * gets a message saying what was wrong and which cluster is shown instead, and
 * the kept cluster is left as it was.
 */
export function initialDoc(hash: string, storage = browserStorage()): Opening {
  const link = linkInHash(hash);
  const fromLink = link === null ? null : decodeDoc(link);
  if (fromLink?.ok) return { doc: fromLink.value, message: null, from: 'link' };
  const saved = loadDoc(storage);
  const linkProblem = fromLink && !fromLink.ok ? fromLink.error : null;
  if (saved.doc) {
    const message = linkProblem ? `${linkProblem} Showing the cluster you had last.` : null;
    return { doc: saved.doc, message, from: 'saved' };
  }
  const problems = [linkProblem, saved.message].filter((m) => m !== null);
  const message = problems.length ? `${problems.join(' ')} Showing the talk's cluster.` : null;
  return { doc: defaultDoc(), message, from: 'talk' };
}
