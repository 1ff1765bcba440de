import { MotionConfig } from 'framer-motion';
import { memo, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { SLIDES, slideNumber } from '../deck';
import { useInbound, useInboundStore } from '../store';
import { Modal } from './Modal';
import { StaticStep } from './StaticStep';

/**
 * Thumbnails already drawn, as markup, for the page's life: a thumbnail drawn
 * once comes back at once (parsing a static picture costs well under a
 * millisecond; drawing one with the diagram's components costs tens). The
 * colours are CSS variables, so a theme change needs no redraw.
 */
const drawnMarkup = new Map<number, string>();

/** Whether a thumbnail's stage holds a finished picture worth keeping. */
const finished = (el: HTMLElement) => el.querySelector('svg, .text-slide') !== null;

/** Milliseconds of drawing per task before the browser gets to paint what is done. */
const SLICE_MS = 24;

/**
 * Draws the thumbnails, one React commit each, a slice of them per frame:
 * first those in or near the view, the one nearest the current slide first,
 * so they appear one after another at once instead of all together after the
 * last; then, while the overview stays open, the rest, so that scrolling (or
 * the next opening) finds them drawn.
 */
class DrawQueue {
  private readonly near = new Map<number, () => void>();
  private readonly far = new Map<number, () => void>();
  private nearDrawn = false;
  private frame = 0;
  private timer = 0;
  constructor(private readonly current: number) {}

  /** `draw` is called (once) when `n`'s turn comes; `inView` puts it ahead of the others. */
  want(n: number, draw: () => void, inView: boolean): void {
    this.near.delete(n);
    this.far.delete(n);
    (inView ? this.near : this.far).set(n, draw);
    this.schedule();
  }

  drop(n: number): void {
    this.near.delete(n);
    this.far.delete(n);
  }

  stop(): void {
    this.near.clear();
    this.far.clear();
    cancelAnimationFrame(this.frame);
    clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.frame || this.timer) return;
    // Straight after a frame: the slice runs, and the next frame shows it.
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.timer = window.setTimeout(this.run, 0);
    });
  }

  /** The next to draw: in view first, nearest the current slide first; the rest once those are done. */
  private next(): [number, () => void] | null {
    const from = this.near.size > 0 ? this.near : this.nearDrawn ? this.far : null;
    if (!from) return null;
    let best: [number, () => void] | null = null;
    for (const entry of from)
      if (!best || Math.abs(entry[0] - this.current) < Math.abs(best[0] - this.current))
        best = entry;
    if (best) from.delete(best[0]);
    if (from === this.near) this.nearDrawn = true;
    return best;
  }

  private readonly run = () => {
    this.timer = 0;
    const start = performance.now();
    while (performance.now() - start < SLICE_MS) {
      const next = this.next();
      if (!next) break;
      flushSync(next[1]);
    }
    if (this.near.size > 0 || (this.nearDrawn && this.far.size > 0)) this.schedule();
  };
}

/**
 * A slide's thumbnail: the real rendering at rest, drawn when its turn comes
 * (see DrawQueue), then kept as markup; or at once from the markup kept from
 * an earlier drawing.
 */
const Thumbnail = memo(function Thumbnail({ n, queue }: { n: number; queue: DrawQueue }) {
  const ref = useRef<HTMLDivElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const [markup, setMarkup] = useState(() => drawnMarkup.get(n));
  // Without IntersectionObserver every thumbnail is simply drawn.
  const [draw, setDraw] = useState(() => typeof IntersectionObserver !== 'function');
  useEffect(() => {
    const el = ref.current;
    if (!el || markup !== undefined || draw) return;
    const start = () => setDraw(true);
    queue.want(n, start, false);
    const io = new IntersectionObserver(
      (entries) =>
        queue.want(
          n,
          start,
          entries.some((e) => e.isIntersecting),
        ),
      { rootMargin: '300px 0px' },
    );
    io.observe(el);
    return () => {
      io.disconnect();
      queue.drop(n);
    };
  }, [n, queue, markup, draw]);
  useEffect(() => {
    const el = stage.current;
    if (markup !== undefined || !draw || !el) return;
    // Kept once it has settled (motion applies its final values a frame after the commit),
    // or as it goes away, whichever comes first; then shown from the markup, which frees
    // the drawing's components.
    const keep = () => {
      if (!finished(el)) return undefined;
      const html = drawnMarkup.get(n) ?? el.innerHTML;
      drawnMarkup.set(n, html);
      return html;
    };
    const id = window.setTimeout(() => setMarkup(keep()), 1000);
    return () => {
      window.clearTimeout(id);
      keep();
    };
  }, [draw, markup, n]);
  return (
    <div className="thumb" ref={ref} aria-hidden="true">
      {markup !== undefined ? (
        <div className="thumb-stage" dangerouslySetInnerHTML={{ __html: markup }} />
      ) : (
        draw && (
          <div className="thumb-stage" ref={stage}>
            <StaticStep slide={n} step={0} />
          </div>
        )
      )}
    </div>
  );
});

/** Moves focus through the grid as arrow keys ask, by rows and columns as laid out. */
function moveInGrid(e: KeyboardEvent<HTMLElement>) {
  const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button.overview-item')];
  const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (i < 0) return;
  const top = buttons[0]?.offsetTop ?? 0;
  const firstOfRow2 = buttons.findIndex((b) => b.offsetTop !== top);
  const cols = firstOfRow2 <= 0 ? buttons.length : firstOfRow2;
  const to: Record<string, number> = {
    ArrowRight: i + 1,
    ArrowLeft: i - 1,
    ArrowDown: i + cols,
    ArrowUp: i - cols,
    Home: 0,
    End: buttons.length - 1,
  };
  const next = to[e.key];
  if (next === undefined) return;
  e.preventDefault();
  const target = buttons[Math.min(Math.max(next, 0), buttons.length - 1)];
  target?.focus();
  target?.scrollIntoView({ block: 'nearest' });
}

/** O or Esc: every slide as a thumbnail, the current one marked; arrows or a click jump. */
export function Overview() {
  const store = useInboundStore();
  const current = useInbound((s) => s.slide);
  const grid = useRef<HTMLDivElement>(null);
  // One queue for this opening, drawing outwards from the slide that was on screen.
  const [queue] = useState(() => new DrawQueue(store.getState().slide));
  useEffect(() => () => queue.stop(), [queue]);
  const close = () => store.getState().closeOverlay();
  useLayoutEffect(() => {
    // Every thumbnail has the grid's column width: one scale for all, kept as the window changes.
    const el = grid.current;
    const thumb = el?.querySelector<HTMLElement>('.thumb');
    if (!el || !thumb) return;
    const fit = () => el.style.setProperty('--thumb-scale', String(thumb.clientWidth / 1600));
    fit();
    if (typeof ResizeObserver !== 'function') return;
    const ro = new ResizeObserver(fit);
    ro.observe(thumb);
    return () => ro.disconnect();
  }, []);
  useLayoutEffect(() => {
    const el = grid.current?.querySelector<HTMLButtonElement>('[aria-current="true"]');
    el?.focus();
    el?.scrollIntoView({ block: 'center' });
    // Only on opening: the mark moves with the deck, focus stays with the person.
  }, []);
  return (
    <Modal label="Overview of all slides" className="overview" onClose={close}>
      <h2 className="overview-title">
        All {SLIDES.length} slides <span>(arrows to move, Enter to open, Esc to close)</span>
      </h2>
      <MotionConfig reducedMotion="always">
        <div className="overview-grid" ref={grid} onKeyDown={moveInGrid}>
          {SLIDES.map((s) => (
            <button
              key={s.n}
              type="button"
              className="overview-item"
              aria-current={s.n === current ? 'true' : undefined}
              onClick={() => {
                store.getState().goTo(s.n);
                close();
              }}
            >
              <Thumbnail n={s.n} queue={queue} />
              <span className="overview-caption">
                <span className="overview-n">{slideNumber(s.n)}</span> {s.title}
              </span>
            </button>
          ))}
        </div>
      </MotionConfig>
    </Modal>
  );
}
