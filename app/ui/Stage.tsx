import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A fixed 1600×900 stage scaled to fit its container, so every slide is laid
 * out once and looks the same on a laptop and a projector. SVG and text stay
 * crisp at any scale.
 */
export function Stage({ children }: { children: ReactNode }) {
  const outer = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(0.5);
  useLayoutEffect(() => {
    const el = outer.current;
    if (!el) return;
    const fit = () =>
      setScale(Math.max(0.05, Math.min(el.clientWidth / 1600, el.clientHeight / 900)));
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <div className="stage-outer" ref={outer}>
      <div className="stage" style={{ transform: `translate(-50%, -50%) scale(${scale})` }}>
        {children}
      </div>
    </div>
  );
}
