import { domAnimation, LazyMotion, MotionConfig } from 'framer-motion';
import { useEffect, useState } from 'react';
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

/** Every step of every slide, in order: one printed page each. */
export const PRINT_PAGES: readonly { slide: number; step: number }[] = SLIDES.flatMap((s) =>
  s.steps.map((_, step) => ({ slide: s.n, step })),
);

const withNotes = () => new URLSearchParams(window.location.search).get('notes') === '1';

/**
 * `?view=print`: a handout. Each step of each slide is a 16:9 page, drawn at
 * rest (the packet where that step puts it, every build shown), optionally
 * with the speaker notes under it (`&notes=1`). Printing it from Chromium to
 * PDF gives one page per step.
 */
const pageId = (slide: number, step: number) => `page-${slide}-${step}`;

export function PrintView() {
  const store = useInboundStore();
  usePreferences(store);
  const view = useInbound((s) => s.addressView);
  const [notes, setNotes] = useState(withNotes);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    document.title = 'Handout · Inbound';
    let live = true;
    // Ready once every diagram page has drawn its diagram (and one more frame, to settle).
    const wanted = PRINT_PAGES.filter((p) => slideAt(p.slide).steps[p.step]?.scene).length;
    const check = () => {
      if (!live) return;
      if (document.querySelectorAll('.print-page svg.diagram').length >= wanted)
        requestAnimationFrame(() => {
          if (!live) return;
          setReady(true);
          // Opened from a place in the deck (#/27): show that page.
          const { slide, step } = parseHash(window.location.hash).location;
          if (slide > 1 || step > 0) document.getElementById(pageId(slide, step))?.scrollIntoView();
        });
      else requestAnimationFrame(check);
    };
    void loadDiagram().then(check);
    return () => {
      live = false;
    };
  }, []);
  const toggleNotes = (on: boolean) => {
    setNotes(on);
    const url = new URL(window.location.href);
    if (on) url.searchParams.set('notes', '1');
    else url.searchParams.delete('notes');
    window.history.replaceState(null, '', url);
  };
  return (
    <MotionConfig reducedMotion="always">
      <LazyMotion features={domAnimation} strict>
        <div
          className={`print${notes ? ' print-with-notes' : ''}`}
          data-ready={ready ? '' : undefined}
        >
          <header className="print-toolbar">
            <h1>Handout: {PRINT_PAGES.length} pages</h1>
            <p className="print-contents">
              The talk, slides 1–{TALK_SLIDE_COUNT}; then “Since 2020”, slides since 1–{SINCE_COUNT}
              : what has changed on the way in since the talk, added to it.
            </p>
            <label>
              <input
                type="checkbox"
                checked={notes}
                onChange={(e) => toggleNotes(e.target.checked)}
              />{' '}
              Speaker notes under each page
            </label>
            <button type="button" onClick={() => window.print()} disabled={!ready}>
              {ready ? 'Print or save as PDF' : 'Preparing pages…'}
            </button>
            <a href={`./${window.location.hash || '#/1'}`}>Back to the deck</a>
          </header>
          <main aria-label="Handout pages">
            {PRINT_PAGES.map(({ slide, step }) => (
              <section
                key={`${slide}/${step}`}
                id={pageId(slide, step)}
                className="print-page"
                aria-label={`Slide ${slideNumber(slide)}${step > 0 ? `, step ${step}` : ''}`}
              >
                <div className="print-stage">
                  <StaticStep slide={slide} step={step} view={view} />
                </div>
                <p className="print-folio">
                  {slideNumber(slide)}
                  {step > 0 ? `.${step}` : ''}
                </p>
                {notes && (
                  <div className="print-notes">
                    {noteFor(slide, step)
                      .split('\n\n')
                      .map((paragraph, i) => (
                        <p key={i}>{paragraph}</p>
                      ))}
                    {step === 0 && sourcesFor(slide).length > 0 && (
                      <p>Sources: {sourcesFor(slide).join('; ')}.</p>
                    )}
                  </div>
                )}
              </section>
            ))}
          </main>
        </div>
      </LazyMotion>
    </MotionConfig>
  );
}
