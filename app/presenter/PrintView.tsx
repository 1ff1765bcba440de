import { domAnimation, LazyMotion, MotionConfig } from 'framer-motion';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  noteFor,
  sourcesFor,
  parseHash,
  SINCE_COUNT,
  slideAt,
  slideNumber,
  SLIDES,
  TALK_SLIDE_COUNT,
} from '../deck';
import { loadDiagram } from '../ui/lazy-diagram';
import { StaticStep } from '../ui/StaticStep';
import { usePreferences } from '../ui/usePreferences';
import './presenter.css';
import { useInbound, useInboundStore } from '../store';
import {
  handoutLayout,
  intoPages,
  notesFontSize,
  PAPER_NAMES,
  PER_PAGE,
  readHandoutOptions,
  writeHandoutOptions,
  type Box,
  type HandoutOptions,
  type Paper,
  type PerPage,
} from './print-layout';

interface Place {
  readonly slide: number;
  readonly step: number;
}

/** Every step of every slide, in order: one printed page each. */
export const PRINT_PAGES: readonly Place[] = SLIDES.flatMap((s) =>
  s.steps.map((_, step) => ({ slide: s.n, step })),
);
/** Each slide's last step: the slide as it ends. */
const FINAL_STEPS: readonly Place[] = SLIDES.map((s) => ({ slide: s.n, step: s.steps.length - 1 }));

const cellId = (slide: number, step: number) => `page-${slide}-${step}`;
const stepLabel = ({ slide, step }: Place) =>
  `Slide ${slideNumber(slide)}${step > 0 ? `, step ${step}` : ''}`;

/** A step's notes as printed: its paragraphs, and the slide's sources with its first step. */
function notesOf({ slide, step }: Place): string[] {
  const paragraphs = noteFor(slide, step).split('\n\n');
  if (step === 0 && sourcesFor(slide).length > 0)
    paragraphs.push(`Sources: ${sourcesFor(slide).join('; ')}.`);
  return paragraphs;
}

/**
 * A step's notes in their box, at a type size that fills it; if the words
 * still spill (a long word, a narrow box), the size steps down until they fit.
 */
function Notes({ place, box, max }: { place: Place; box: Box; max: number }) {
  const paragraphs = useMemo(() => notesOf(place), [place]);
  const chars = paragraphs.join(' ').length;
  const estimate = notesFontSize(chars, box, max);
  const ref = useRef<HTMLDivElement>(null);
  const [fit, setFit] = useState({ estimate, size: estimate });
  // A new box or new words: start again from the estimate.
  if (fit.estimate !== estimate) setFit({ estimate, size: estimate });
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && el.scrollHeight > el.clientHeight + 1 && fit.size > 6)
      setFit((f) => ({ ...f, size: f.size - 0.5 }));
  }, [fit]);
  const size = fit.size;
  return (
    <div
      ref={ref}
      className="print-notes"
      style={{ left: box.x, top: box.y, width: box.w, height: box.h, fontSize: size }}
    >
      {paragraphs.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </div>
  );
}

/**
 * `?view=print`: a handout. Each step of each slide drawn at rest (the packet
 * where that step puts it, every build shown), 1, 2, 4 or 6 to a page, with
 * or without the speaker notes, on 16:9 pages, A4 or Letter, or only each
 * slide's final step. The options are in the link (`&per=4&notes=1&paper=a4
 * &final=1`), so it reproduces the handout; printing it from Chromium to PDF
 * gives exactly these pages.
 */
export function PrintView() {
  const store = useInboundStore();
  usePreferences(store);
  const view = useInbound((s) => s.addressView);
  const [{ options: initial, problems }] = useState(() =>
    readHandoutOptions(window.location.search),
  );
  const [options, setOptions] = useState<HandoutOptions>(initial);
  const [ready, setReady] = useState(false);
  const layout = useMemo(() => handoutLayout(options), [options]);
  const steps = options.final ? FINAL_STEPS : PRINT_PAGES;
  const pages = useMemo(() => intoPages(steps, options.per), [steps, options.per]);
  const change = (o: Partial<HandoutOptions>) => {
    const next = { ...options, ...o };
    setOptions(next);
    setReady(false);
    const url = new URL(window.location.href);
    url.search = writeHandoutOptions(url.search, next);
    window.history.replaceState(null, '', url);
  };

  useEffect(() => {
    document.title = 'Handout · Inbound';
  }, []);
  useEffect(() => {
    let live = true;
    // Ready once every diagram on the pages has drawn (and one more frame, to settle).
    const wanted = steps.filter((p) => slideAt(p.slide).steps[p.step]?.scene).length;
    const check = () => {
      if (!live) return;
      if (document.querySelectorAll('.print-page svg.diagram').length >= wanted)
        requestAnimationFrame(() => {
          if (!live) return;
          setReady(true);
          // Opened from a place in the deck (#/27): show where it is printed.
          const { slide, step } = parseHash(window.location.hash).location;
          if (slide === 1 && step === 0) return;
          // With only final steps printed, the slide's one step stands for all of them.
          const here =
            document.getElementById(cellId(slide, step)) ??
            document.querySelector(`[id^="page-${slide}-"]`);
          here?.scrollIntoView();
        });
      else requestAnimationFrame(check);
    };
    void loadDiagram().then(check);
    return () => {
      live = false;
    };
  }, [steps, layout]);

  const { stage, notesBox } = layout;
  const framed = options.per > 1 || options.notes || options.paper !== 'slide';
  return (
    <MotionConfig reducedMotion="always">
      <LazyMotion features={domAnimation} strict>
        <style>{`@page { size: ${layout.pageSize}; margin: 0; }`}</style>
        <div className="print" data-ready={ready ? '' : undefined}>
          <header className="print-toolbar">
            <h1>Handout: {pages.length} pages</h1>
            <p className="print-contents">
              The talk, slides 1–{TALK_SLIDE_COUNT}; then “Since 2020”, slides since 1–{SINCE_COUNT}
              : what has changed on the way in since the talk, added to it.
            </p>
            {problems.length > 0 && (
              <div className="print-problems" role="alert">
                {problems.map((p) => (
                  <p key={p}>{p}</p>
                ))}
              </div>
            )}
            <label>
              Steps per page{' '}
              <select
                value={options.per}
                onChange={(e) => change({ per: Number(e.target.value) as PerPage })}
              >
                {PER_PAGE.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Paper{' '}
              <select
                value={options.paper}
                onChange={(e) => change({ paper: e.target.value as Paper })}
              >
                {(Object.keys(PAPER_NAMES) as Paper[]).map((p) => (
                  <option key={p} value={p}>
                    {PAPER_NAMES[p]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <input
                type="checkbox"
                checked={options.notes}
                onChange={(e) => change({ notes: e.target.checked })}
              />{' '}
              Speaker notes with each step
            </label>
            <label>
              <input
                type="checkbox"
                checked={options.final}
                onChange={(e) => change({ final: e.target.checked })}
              />{' '}
              Final step of each slide only
            </label>
            <button type="button" onClick={() => window.print()} disabled={!ready}>
              {ready ? 'Print or save as PDF' : 'Preparing pages…'}
            </button>
            <a href={`./${window.location.hash || '#/1'}`}>Back to the deck</a>
          </header>
          <main aria-label="Handout pages">
            {pages.map((onPage, i) => {
              const one = onPage.length === 1 && options.per === 1;
              return (
                <section
                  key={`${options.per}/${i}`}
                  className="print-page"
                  style={{ width: layout.width, height: layout.height }}
                  aria-label={
                    one
                      ? stepLabel(onPage[0] as Place)
                      : `Page ${i + 1}: ${onPage.map((p) => slideNumber(p.slide)).join(', ')}`
                  }
                >
                  {onPage.map((place, k) => {
                    const cell = layout.cells[k] as Box;
                    const Cell = one ? 'div' : 'section';
                    return (
                      <Cell
                        key={`${place.slide}/${place.step}`}
                        id={cellId(place.slide, place.step)}
                        className="print-cell"
                        style={{ left: cell.x, top: cell.y, width: cell.w, height: cell.h }}
                        {...(one ? {} : { 'aria-label': stepLabel(place) })}
                      >
                        <div
                          className={`print-slide${framed ? ' print-slide-framed' : ''}`}
                          style={{ left: stage.x, top: stage.y, width: stage.w, height: stage.h }}
                        >
                          <div
                            className="print-stage"
                            style={{ transform: `scale(${stage.scale})` }}
                          >
                            <StaticStep slide={place.slide} step={place.step} view={view} />
                          </div>
                        </div>
                        <p
                          className="print-folio"
                          style={
                            framed
                              ? {
                                  left: stage.x,
                                  width: stage.w,
                                  top: stage.y + stage.h + 2,
                                  fontSize: Math.max(11, 20 * stage.scale),
                                }
                              : undefined
                          }
                        >
                          {slideNumber(place.slide)}
                          {place.step > 0 ? `.${place.step}` : ''}
                        </p>
                        {notesBox && <Notes place={place} box={notesBox} max={layout.notesMax} />}
                      </Cell>
                    );
                  })}
                </section>
              );
            })}
          </main>
        </div>
      </LazyMotion>
    </MotionConfig>
  );
}
