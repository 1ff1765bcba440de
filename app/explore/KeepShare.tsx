import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import type { ExplorerDoc } from './doc';
import { downloadTopology, readTopologyFile, TOPOLOGY_FILE_NAME, withTopology } from './file';
import { keepDoc, linkOf, shareUrl } from './keep';
import { browserStorage, type Opening } from './saved';
import { useExplorer, useExplorerStore, type ExplorerStore } from './store';
import './KeepShare.css';

export { initialDoc, type Opening } from './saved';

/** How long the doc must stay still before the URL and storage follow it. */
export const KEEP_DELAY_MS = 150;
/** Links longer than this may be cut by chat and mail apps. */
export const SAFE_LINK_CHARS = 2_000;

/**
 * Keeps the URL (`#/explore?s=…`, replaced, never pushed) and this browser's copy
 * in step with the doc, 150 ms after the last change and when the page is left.
 * Call once in the explorer's page, with what it opened with. When the opening
 * link or kept copy was bad, both are left as they were until the first change,
 * so a reload says the same and nothing is lost. A doc opened from the talk (a
 * slide, or the default) goes into the URL at once but replaces the kept copy
 * only once it is changed: looking at a slide's cluster loses nobody's work.
 * Returns why the doc could not be kept, or null.
 */
export function useDocInUrlAndStorage(
  store: ExplorerStore,
  opening: { readonly message: string | null; readonly from?: Opening['from'] } = {
    message: null,
  },
): string | null {
  const [problem, setProblem] = useState<string | null>(null);
  const atOnce = opening.message !== null ? 'nothing' : opening.from === 'talk' ? 'url' : 'both';
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const opened = store.getState().doc;
    let kept: ExplorerDoc | null = atOnce === 'nothing' ? opened : null;
    const keep = () => {
      timer = undefined;
      const { doc } = store.getState();
      if (doc === kept) return;
      kept = doc;
      setProblem(keepDoc(doc, window, browserStorage(), atOnce === 'both' || doc !== opened));
    };
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(keep, KEEP_DELAY_MS);
    };
    const now = () => {
      if (timer !== undefined) {
        clearTimeout(timer);
        keep();
      }
    };
    later();
    const unsubscribe = store.subscribe((s, before) => {
      if (s.doc !== before.doc) later();
    });
    window.addEventListener('pagehide', now);
    return () => {
      unsubscribe();
      window.removeEventListener('pagehide', now);
      now();
    };
  }, [store, atOnce]);
  return problem;
}

const urlLength = (doc: ExplorerDoc) => shareUrl(linkOf(doc), window.location.href).length;

/** Ends a message with a full stop unless it has one. */
const sentence = (text: string) => (/[.!?…]$/.test(text) ? text : `${text}.`);

type Said = { readonly text: string; readonly alert: boolean } | null;

/** The explorer's "Keep and share" panel: copy the link, export and import the topology. */
export function KeepShare() {
  const store = useExplorerStore();
  const doc = useExplorer((s) => s.doc);
  const [length, setLength] = useState(() => urlLength(doc));
  const [shown, setShown] = useState<string | null>(null);
  const [said, setSaid] = useState<Said>(null);
  const field = useRef<HTMLInputElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const id = useId();

  // Making a link of a big cluster takes a while: measured when editing pauses.
  useEffect(() => {
    const timer = setTimeout(() => setLength(urlLength(doc)), KEEP_DELAY_MS);
    return () => clearTimeout(timer);
  }, [doc]);

  // The link to copy by hand, once it is drawn: focused and selected for Ctrl+C.
  useEffect(() => {
    if (shown === null) return;
    field.current?.focus();
    field.current?.select();
  }, [shown]);

  const copy = async () => {
    const url = shareUrl(linkOf(store.getState().doc), window.location.href);
    setLength(url.length);
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setShown(null);
      setSaid({
        text: `Link copied (${url.length.toLocaleString('en')} characters).`,
        alert: false,
      });
    } catch {
      // Refused (no permission, not a secure page): the link to copy by hand, selected
      // (by the effect above when the field is new; here when it is already shown).
      setShown(url);
      setSaid({
        text: 'The browser did not let Inbound copy: the link is selected below, copy it with Ctrl+C.',
        alert: false,
      });
      field.current?.focus();
    }
  };

  const exportJson = () => {
    downloadTopology(store.getState().doc.topology);
    setSaid({ text: `Saved the topology as ${TOPOLOGY_FILE_NAME}.`, alert: false });
  };

  const importJson = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const read = await readTopologyFile(file);
    if (!read.ok) {
      setSaid({ text: `${sentence(read.error)} Nothing was changed.`, alert: true });
      return;
    }
    const t = read.value;
    store.getState().edit('Import topology.json', (d) => withTopology(d, t));
    setSaid({
      text: `Imported ${t.nodes.length} nodes, ${t.pods.length} pods and ${t.services.length} Services (Ctrl+Z undoes it).`,
      alert: false,
    });
  };

  return (
    <section className="keep-share" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Keep and share</h2>
      <div className="keep-share-row">
        <button type="button" onClick={() => void copy()}>
          Copy link
        </button>
        <span className="keep-share-length" data-testid="link-length">
          Link: {length.toLocaleString('en')} characters
        </span>
      </div>
      {length > SAFE_LINK_CHARS && (
        <p className="keep-share-note">
          Some chat and mail apps cut links over {SAFE_LINK_CHARS.toLocaleString('en')} characters:
          for a cluster this big, Export JSON is safer.
        </p>
      )}
      {shown !== null && (
        <label className="keep-share-link">
          Link to this view
          <input
            ref={field}
            type="text"
            readOnly
            value={shown}
            onFocus={(e) => e.currentTarget.select()}
          />
        </label>
      )}
      <div className="keep-share-row">
        <button type="button" onClick={exportJson}>
          Export JSON
        </button>
        <button type="button" onClick={() => picker.current?.click()}>
          Import JSON
        </button>
        <input
          ref={picker}
          type="file"
          accept=".json,application/json"
          aria-label="Topology JSON file to import"
          tabIndex={-1}
          hidden
          onChange={(e) => void importJson(e)}
        />
      </div>
      <p className="keep-share-said" role="status">
        {said && !said.alert ? said.text : ''}
      </p>
      <p className="keep-share-said" role="alert">
        {said?.alert ? said.text : ''}
      </p>
    </section>
  );
}
