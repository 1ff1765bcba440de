// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createInboundStore, type InboundStore } from '../store';
import { useHeardOtherWindow } from './other-windows';
import { useSync } from './useSync';

// As in the single-file copy (dist/inbound.html): only there does useSync note other windows.
vi.mock('./single-file', () => ({ SINGLE_FILE: true }));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Window({ store }: { store: InboundStore }) {
  useSync(store);
  return <p>{useHeardOtherWindow() ? 'heard' : 'alone'}</p>;
}

describe('a window of the single-file copy, and the others', () => {
  let host: HTMLDivElement;
  let root: Root;
  let other: BroadcastChannel;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    // Another window of the presentation, on the channel the windows share.
    other = new BroadcastChannel('inbound-presenting');
  });
  afterEach(() => {
    act(() => root.unmount());
    host.remove();
    other.close();
  });

  it('is alone until another window speaks, then knows it is heard (useSync → the hook)', async () => {
    act(() => root.render(<Window store={createInboundStore()} />));
    expect(host.textContent).toBe('alone');
    other.postMessage({ kind: 'hello', from: 'deck' });
    await vi.waitFor(() => expect(host.textContent).toBe('heard'));
  });
});
