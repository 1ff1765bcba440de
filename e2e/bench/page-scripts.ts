// Scripts the bench runs inside the page. They are strings, not functions: the
// TypeScript runner would wrap a named inner function in a helper the page lacks.

/**
 * `window.__settle(quietMs, capMs)`: resolves once nothing on screen has moved
 * for `quietMs`: no packet card in a visible layer changed place, no CSS/Web
 * animation of a visible element is running, and the page's own scripts
 * (framer-motion's frame loop) asked for no animation frame. What a layer
 * hidden behind a text slide holds (`.diagram-layer[data-hidden]`,
 * visibility: hidden) is not on screen and never counts as a flight.
 * Resolves `{ moved, waited, capped }`: whether a visible packet moved (a
 * flight), how long it waited, and whether it gave up at `capMs`.
 *
 * Installed before the page's scripts run (an init script), so that it can
 * count their requestAnimationFrame calls; its own frames are not counted.
 */
export const SETTLE_SCRIPT = `(() => {
  const raf = window.requestAnimationFrame.bind(window);
  let appFrames = 0;
  window.__benchFrame = raf;
  window.requestAnimationFrame = (cb) => {
    appFrames++;
    return raf(cb);
  };
  window.__settle = (quietMs, capMs) => new Promise((resolve) => {
    const visible = (el) =>
      !!el && el.isConnected && !el.closest('.diagram-layer[data-hidden]') &&
      (typeof el.checkVisibility !== 'function' || el.checkVisibility({ visibilityProperty: true }));
    const place = () =>
      [...document.querySelectorAll('[data-testid="packet"]')]
        .filter(visible)
        .map((el) => { const r = el.getBoundingClientRect(); return r.x.toFixed(1) + ',' + r.y.toFixed(1); })
        .join(' ');
    const animating = () =>
      document.getAnimations().some((a) => a.playState === 'running' && visible(a.effect && a.effect.target));
    const start = performance.now();
    let last = place();
    let frames = appFrames;
    let quietSince = start;
    let moved = false;
    const tick = (t) => {
      const now = place();
      if (now !== last) {
        if (now && last) moved = true;
        last = now;
        quietSince = t;
      } else if (animating() || frames !== appFrames) quietSince = t;
      frames = appFrames;
      if (t - quietSince >= quietMs) resolve({ moved, waited: t - start, capped: false });
      else if (t - start >= capMs) resolve({ moved, waited: t - start, capped: true });
      else raf(tick);
    };
    raf(tick);
  });
})();`;

export const OPEN_TIMER_SCRIPT = `window.__openTimer = (key) => {
  const frame = window.__benchFrame || window.requestAnimationFrame.bind(window);
  window.__opened = new Promise((resolve) => {
    const onKey = (e) => {
      if (e.key !== key) return;
      window.removeEventListener('keydown', onKey, true);
      const start = e.timeStamp;
      const check = () => {
        if (window.__openedWhen()) frame(() => setTimeout(() => resolve(performance.now() - start), 0));
        else if (performance.now() - start > 10000) resolve(Infinity); // never: over any budget
        else frame(check);
      };
      frame(check);
    };
    window.addEventListener('keydown', onKey, true);
  });
};`;

/**
 * When each deck's overview counts as open: Inbound's, once the dialog is up
 * and every thumbnail inside the visible part of the grid has its slide drawn
 * (not a blank box); reveal.js's, once it has switched to its overview, which
 * lays out the real slides.
 */
export const OVERVIEW_READY = {
  inbound: `window.__openedWhen = () => {
    const dialog = document.querySelector('dialog.overview[open]');
    if (!dialog) return false;
    // The dialog is the scroll box: what it shows of the grid, within the window.
    const box = dialog.getBoundingClientRect();
    const top = Math.max(box.top, 0);
    const bottom = Math.min(box.bottom, window.innerHeight);
    // Boxes of the items, not of what is inside them: asking where something inside an
    // item skipped by content-visibility is would make the browser lay it out.
    const items = [...dialog.querySelectorAll('.overview-item')].filter((t) => {
      const r = t.getBoundingClientRect();
      return r.bottom > top && r.top < bottom && r.height > 0;
    });
    return items.length > 0 && items.every((t) => t.querySelector('.thumb svg, .thumb .text-slide'));
  };`,
  reveal: `window.__openedWhen = () => !!document.querySelector('.reveal.overview');`,
} as const;
