import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/** Whether CSS alone can scale the stage (typed arithmetic with container units). */
const cssScales = () =>
  typeof CSS !== 'undefined' && CSS.supports('transform', 'scale(calc(100cqw / 1600px))');

/**
 * A fixed 1600×900 stage scaled to fit its container, so every slide is laid
 * out once and looks the same on a laptop and a projector. CSS does the
 * scaling (deck.css), so the prerendered first slide is the right size before
 * any script runs; where CSS cannot, a ResizeObserver sets the scale.
 */
export function Stage({ children }: { children: ReactNode }) {
  const outer = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = outer.current;
    if (!el || cssScales()) return;
    const fit = () =>
      setScale(Math.max(0.05, Math.min(el.clientWidth / 1600, el.clientHeight / 900)));
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <div className="stage-outer" ref={outer}>
      <div
        className="stage"
        style={scale === null ? undefined : { transform: `translate(-50%, -50%) scale(${scale})` }}
      >
        {children}
      </div>
    </div>
  );
}
