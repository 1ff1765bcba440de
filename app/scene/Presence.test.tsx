// @vitest-environment happy-dom
import { MotionConfig } from 'framer-motion';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Appear } from './Appear';
import { EXIT_MS, Presence } from './Presence';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Pods({
  names,
  label = '',
  reduce = false,
}: {
  names: string[];
  label?: string;
  reduce?: boolean;
}) {
  return (
    <MotionConfig reducedMotion={reduce ? 'always' : 'never'}>
      <svg>
        <Presence>
          {names.map((n, i) => (
            <Appear key={n} delay={i * 0.05}>
              <text>
                {n}
                {label}
              </text>
            </Appear>
          ))}
        </Presence>
      </svg>
    </MotionConfig>
  );
}

/** Each group on screen: its text and whether it is building in or fading out. */
const groups = (host: HTMLElement) =>
  [...host.querySelectorAll('svg > g')].map((g) => `${g.textContent} ${g.getAttribute('class')}`);

describe('Presence and Appear: the build-up grows in and fades out going back', () => {
  let host: HTMLElement;
  let root: Root;
  beforeEach(() => {
    vi.useFakeTimers();
    host = document.createElement('div');
    root = createRoot(host);
  });
  afterEach(() => {
    act(() => root.unmount());
    vi.useRealTimers();
  });

  it('builds new groups in, one after another', () => {
    act(() => root.render(<Pods names={['Pod-a', 'Pod-b']} />));
    expect(groups(host)).toEqual(['Pod-a appear', 'Pod-b appear']);
    const second = host.querySelectorAll('svg > g')[1] as SVGGElement;
    expect(second.style.animationDelay).toBe('0.05s');
  });

  it('keeps a group that left, as it last was, fading out, then drops it', () => {
    act(() => root.render(<Pods names={['Pod-a', 'Pod-b']} />));
    act(() => root.render(<Pods names={['Pod-a', 'Pod-b']} label="!" />));
    act(() => root.render(<Pods names={['Pod-b']} label="!" />));
    expect(groups(host)).toEqual(['Pod-a! appear-out', 'Pod-b! appear']);
    expect(host.querySelector('.appear-out')?.getAttribute('aria-hidden')).toBe('true');
    act(() => vi.advanceTimersByTime(EXIT_MS + 1));
    expect(groups(host)).toEqual(['Pod-b! appear']);
  });

  it('a group that comes back while fading out is shown once, building in', () => {
    act(() => root.render(<Pods names={['Pod-a', 'Pod-b']} />));
    act(() => root.render(<Pods names={['Pod-b']} />));
    act(() => root.render(<Pods names={['Pod-a', 'Pod-b']} />));
    expect(groups(host)).toEqual(['Pod-a appear', 'Pod-b appear']);
    act(() => vi.advanceTimersByTime(EXIT_MS + 1));
    expect(groups(host)).toEqual(['Pod-a appear', 'Pod-b appear']);
  });

  it('with reduced motion groups are simply there, and go at once', () => {
    act(() => root.render(<Pods names={['Pod-a', 'Pod-b']} reduce />));
    expect(groups(host)).toEqual(['Pod-a null', 'Pod-b null']);
    act(() => root.render(<Pods names={['Pod-b']} reduce />));
    expect(groups(host)).toEqual(['Pod-b null']);
  });
});
