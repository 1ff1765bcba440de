// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';
import type { Topology } from '../../model';
import { ImportDialog } from './ImportDialog';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// Under happy-dom, import.meta.url is not a file: read the fixture from the project's root.
const kind = readFileSync('e2e/fixtures/kubectl/kind-3node.json', 'utf8');

describe('ImportDialog', () => {
  it('draws nothing while closed', () => {
    const host = document.createElement('div');
    const root = createRoot(host);
    act(() => root.render(<ImportDialog open={false} onClose={() => {}} onImport={() => {}} />));
    expect(host.innerHTML).toBe('');
    act(() => root.unmount());
  });

  it('imports pasted text (on the main thread here) and hands over the cluster and the chosen Service', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    const onImport = vi.fn<(r: { topology: Topology; service: string }) => void>();
    const onClose = vi.fn();
    act(() => root.render(<ImportDialog open onClose={onClose} onImport={onImport} />));
    const dialog = host.querySelector('dialog') as HTMLDialogElement;
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(host.textContent).toContain(
      'Nothing leaves your browser: the import runs on this page.',
    );

    const textarea = host.querySelector('textarea') as HTMLTextAreaElement;
    const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
    act(() => {
      setValue?.call(textarea, kind);
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const button = [...host.querySelectorAll('button')].find(
      (b) => b.textContent === 'Import pasted text',
    ) as HTMLButtonElement;
    await act(async () => {
      button.click();
    });
    // The import settles in slices: let each one land inside act.
    for (let i = 0; i < 500 && !host.textContent?.includes('Read the pasted text'); i++)
      await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(host.textContent).toContain('Read the pasted text');
    expect(host.textContent).toContain('import ran on this page’s main thread');
    expect(host.querySelector('.import-counts')?.textContent).toBe(
      '16 taken (1 changed) · 12 skipped',
    );
    const select = host.querySelector('select') as HTMLSelectElement;
    expect(select.value).toBe('default/web');

    const explore = [...host.querySelectorAll('button')].find(
      (b) => b.textContent === 'Explore this cluster',
    ) as HTMLButtonElement;
    act(() => explore.click());
    expect(onImport).toHaveBeenCalledTimes(1);
    expect(onImport.mock.calls[0]?.[0].service).toBe('default/web');
    expect(onImport.mock.calls[0]?.[0].topology.nodes).toHaveLength(3);
    expect(onClose).toHaveBeenCalled();
    act(() => root.unmount());
    host.remove();
  });
});
