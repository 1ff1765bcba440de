// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HEARD_OTHER_WINDOW } from '../ui/other-windows';
import { SYNC_NOTE_AFTER_MS, SyncNote } from './SyncNote';

// As in the single-file copy (dist/inbound.html); the served app never shows the note.
vi.mock('../ui/single-file', () => ({ SINGLE_FILE: true }));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// One window's life, in order: nothing heard at first, then a deck answers.
describe('SyncNote in the single-file copy', () => {
  let host: HTMLDivElement;
  let root: Root;
  beforeEach(() => {
    vi.useFakeTimers();
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });
  afterEach(() => {
    act(() => root.unmount());
    host.remove();
    vi.useRealTimers();
  });

  const note = () => host.querySelector('.presenter-sync-note')?.textContent ?? null;

  it('says nothing at first, then, while no deck has answered, why and what to do', () => {
    act(() => root.render(<SyncNote />));
    expect(note()).toBeNull();
    expect(host.querySelector('[role="status"]')).not.toBeNull();
    act(() => vi.advanceTimersByTime(SYNC_NOTE_AFTER_MS));
    expect(note()).toContain('sync between windows needs the served app (npm start)');
    // A deck window answers: the note goes.
    act(() => void window.dispatchEvent(new Event(HEARD_OTHER_WINDOW)));
    expect(note()).toBeNull();
  });

  it('never shows once a deck window has been heard from', () => {
    act(() => root.render(<SyncNote />));
    act(() => vi.advanceTimersByTime(SYNC_NOTE_AFTER_MS * 2));
    expect(note()).toBeNull();
  });
});
