import { MotionConfig } from 'framer-motion';
import {
  memo,
  startTransition,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { SLIDES } from '../deck';
import { useInbound, useInboundStore } from '../store';
import { Modal } from './Modal';
import { StaticStep } from './StaticStep';

/**
 * A slide's thumbnail: the real rendering at rest, drawn only once it scrolls
 * near the viewport, so the overview opens at once however long the deck is.
 */
const Thumbnail = memo(function Thumbnail({ n }: { n: number }) {
  const ref = useRef<HTMLDivElement>(null);
  // Without IntersectionObserver every thumbnail is simply drawn.
  const [seen, setSeen] = useState(() => typeof IntersectionObserver !== 'function');
  useEffect(() => {
    const el = ref.current;
    if (!el || seen) return;
    const io = new IntersectionObserver(
      (entries) => {
        // A transition: the grid is up at once, thumbnails draw in without blocking keys.
        if (entries.some((e) => e.isIntersecting)) startTransition(() => setSeen(true));
      },
      { rootMargin: '200px 0px' },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [seen]);
  return (
    <div className="thumb" ref={ref} aria-hidden="true">
      {seen && (
        <div className="thumb-stage">
          <StaticStep slide={n} step={0} />
        </div>
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
  const close = () => store.getState().closeOverlay();
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
              <Thumbnail n={s.n} />
              <span className="overview-caption">
                <span className="overview-n">{s.n}</span> {s.title}
              </span>
            </button>
          ))}
        </div>
      </MotionConfig>
    </Modal>
  );
}
