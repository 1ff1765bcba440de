// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KEEP_DELAY_MS, KeepShare, useDocInUrlAndStorage, type Opening } from './KeepShare';
import { topologyFileText } from './file';
import { decodeDoc } from './link';
import { defaultDoc } from './from-slide';
import { linkInHash, SAVED_KEY } from './saved';
import { sampleCluster } from './sample-cluster';
import { createExplorerStore, ExplorerContext, type ExplorerStore } from './store';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Page({
  store,
  opening,
}: {
  store: ExplorerStore;
  opening: Pick<Opening, 'message' | 'from'>;
}) {
  const problem = useDocInUrlAndStorage(store, opening);
  return (
    <ExplorerContext.Provider value={store}>
      <KeepShare />
      <p data-testid="problem">{problem}</p>
    </ExplorerContext.Provider>
  );
}

let host: HTMLDivElement;
let root: Root;
const render = (
  store: ExplorerStore,
  message: string | null = null,
  from: Opening['from'] = 'saved',
) => act(() => root.render(<Page store={store} opening={{ message, from }} />));
const button = (name: string) =>
  [...host.querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement;
const text = (role: string) => host.querySelector(`[role="${role}"]`)?.textContent ?? '';
const hashDoc = () => decodeDoc(linkInHash(window.location.hash) ?? '');

beforeEach(() => {
  vi.useFakeTimers();
  window.localStorage.clear();
  window.history.replaceState(null, '', '#/explore');
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('useDocInUrlAndStorage', () => {
  it('writes the doc into the URL and storage once edits pause, without new history entries', () => {
    const store = createExplorerStore(defaultDoc());
    render(store);
    const entries = window.history.length;
    act(() =>
      store.getState().edit('Rename Node1', (d) => ({ ...d, topology: sampleCluster(3, 4) })),
    );
    act(() => store.getState().set({ mode: '3c' }));
    act(() => vi.advanceTimersByTime(KEEP_DELAY_MS + 1));
    const now = store.getState().doc;
    expect(hashDoc()).toEqual({ ok: true, value: now });
    expect(decodeDoc(window.localStorage.getItem(SAVED_KEY) ?? '')).toEqual({
      ok: true,
      value: now,
    });
    expect(window.history.length).toBe(entries);
  });

  it('leaves a bad opening link and the kept copy alone until the first change', () => {
    window.history.replaceState(null, '', '#/explore?s=1.cut');
    window.localStorage.setItem(SAVED_KEY, 'kept before');
    const store = createExplorerStore(defaultDoc());
    render(store, 'This explorer link is cut short…');
    act(() => vi.advanceTimersByTime(KEEP_DELAY_MS * 4));
    expect(window.location.hash).toBe('#/explore?s=1.cut');
    expect(window.localStorage.getItem(SAVED_KEY)).toBe('kept before');
    act(() => store.getState().set({ seed: 9 }));
    act(() => vi.advanceTimersByTime(KEEP_DELAY_MS + 1));
    expect(hashDoc()).toEqual({ ok: true, value: store.getState().doc });
  });
  it('links a cluster opened from the talk at once, and keeps it only once it is changed', () => {
    window.localStorage.setItem(SAVED_KEY, 'my own cluster');
    const store = createExplorerStore(defaultDoc());
    render(store, null, 'talk');
    act(() => vi.advanceTimersByTime(KEEP_DELAY_MS + 1));
    expect(hashDoc()).toEqual({ ok: true, value: defaultDoc() });
    expect(window.localStorage.getItem(SAVED_KEY)).toBe('my own cluster');
    act(() => store.getState().set({ view: 'ip' }));
    act(() => vi.advanceTimersByTime(KEEP_DELAY_MS + 1));
    expect(decodeDoc(window.localStorage.getItem(SAVED_KEY) ?? '')).toEqual({
      ok: true,
      value: store.getState().doc,
    });
  });
});

describe('KeepShare', () => {
  it('imports a topology file as one undoable edit, keeping the chosen Service', async () => {
    const store = createExplorerStore({ ...defaultDoc(), service: 'svc-b' });
    render(store);
    const cluster = sampleCluster(5, 2);
    const input = host.querySelector('input[type="file"]') as HTMLInputElement;
    expect(input.getAttribute('aria-label')).toBe('Topology JSON file to import');
    Object.defineProperty(input, 'files', {
      value: [new File([topologyFileText(cluster)], 'mine.json', { type: 'application/json' })],
    });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await vi.runAllTimersAsync();
    });
    expect(store.getState().doc.topology).toEqual(cluster);
    expect(store.getState().doc.service).toBe('svc-b');
    expect(text('status')).toBe('Imported 5 nodes, 17 pods and 3 Services (Ctrl+Z undoes it).');
    act(() => store.getState().undo());
    expect(store.getState().doc.topology).toEqual(defaultDoc().topology);
  });

  it('says what is wrong with a bad file in an alert, and changes nothing', async () => {
    const store = createExplorerStore(defaultDoc());
    render(store);
    const before = store.getState().doc;
    const input = host.querySelector('input[type="file"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', {
      value: [new File(['{"clusterCidr": "10.0.0.0/33"}'], 'odd.json')],
    });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await vi.runAllTimersAsync();
    });
    expect(text('alert')).toBe(
      'odd.json cannot be used: clusterCidr: "10.0.0.0/33" is not a CIDR block: the prefix length must be 0 to 32. Nothing was changed.',
    );
    expect(store.getState().doc).toBe(before);
  });

  it('shows the link selected in a text field when the clipboard is refused', async () => {
    const store = createExplorerStore(defaultDoc());
    render(store);
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
    });
    await act(async () => button('Copy link').click());
    const field = host.querySelector('input[readonly]') as HTMLInputElement;
    expect(field.labels?.[0]?.textContent).toContain('Link to this view');
    expect(decodeDoc(linkInHash(new URL(field.value).hash) ?? '')).toEqual({
      ok: true,
      value: defaultDoc(),
    });
    expect(host.querySelector('[data-testid="link-length"]')?.textContent).toBe(
      `Link: ${field.value.length.toLocaleString('en')} characters`,
    );
  });
});
