// framer-motion's animation engine is loaded after the first paint (LazyMotion
// with the `m` component), so it does not weigh on the initial bundle.
export const loadMotionFeatures = () => import('./motion-features').then((m) => m.default);
