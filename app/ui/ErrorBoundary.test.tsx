// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from './ErrorBoundary';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Broken({ fail }: { fail: boolean }) {
  if (fail) throw new Error('layout exploded');
  return <p>diagram drawn</p>;
}

describe('ErrorBoundary', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows what failed instead of the view, and tries again when the slide changes', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const host = document.createElement('div');
    const root = createRoot(host);
    act(() =>
      root.render(
        <ErrorBoundary what="The diagram" resetKey={27}>
          <Broken fail />
        </ErrorBoundary>,
      ),
    );
    expect(host.querySelector('[role="alert"]')?.textContent).toContain(
      'The diagram could not be drawn: layout exploded',
    );
    act(() =>
      root.render(
        <ErrorBoundary what="The diagram" resetKey={28}>
          <Broken fail={false} />
        </ErrorBoundary>,
      ),
    );
    expect(host.textContent).toBe('diagram drawn');
    act(() => root.unmount());
  });
});
