import { useEffect, useState } from 'react';

/**
 * The value, one painted frame late: what shows it (the event list) renders
 * after the frame that answers a key press, never inside it. (React's own
 * deferral can still run before that frame and hold it back.)
 */
export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(shown, value)) return;
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setShown(value), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [value, shown]);
  return shown;
}
