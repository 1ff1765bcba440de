import { useEffect, useState } from 'react';

// framer-motion's animation engine is loaded after the first paint (LazyMotion
// with the `m` component), so it does not weigh on the initial bundle.
export const loadMotionFeatures = () => import('./motion-features').then((m) => m.default);

/**
 * Fetches the animation engine once the view is up; false until it is here.
 * Until then a step still shows at once, just without travel: a view writes it
 * as `data-motion`, for tests and the benchmark that time a flight.
 */
export function useMotionReady(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    void loadMotionFeatures().then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, []);
  return ready;
}
