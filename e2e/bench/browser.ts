import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { SLIDES } from '../../app/deck';
import { chromiumArgs, findChromium } from '../chromium.mjs';
import {
  keyLatencies,
  LATENCY_CATEGORIES,
  RASTER_CATEGORIES,
  rasterPerKey,
  type KeyLatency,
  type TraceEvent,
} from './latency';
import { OPEN_TIMER_SCRIPT, OVERVIEW_READY, SETTLE_SCRIPT } from './page-scripts';
import type { Figure } from './table';

export const quantile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
export const median = (xs: readonly number[]) => quantile(xs, 0.5);

const VIEWPORT = { width: 1280, height: 720 };

/** Nothing visible moves for this long: the step has come to rest. */
const QUIET_MS = 300;
/** A step that never comes to rest is given up on after this long (and counted). */
const CAP_MS = 6000;

interface Settled {
  /** A packet card on screen changed place: a flight. */
  readonly moved: boolean;
  readonly waited: number;
  readonly capped: boolean;
}

/** Opens a page with the in-page helpers the bench uses. */
export async function openPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(SETTLE_SCRIPT);
  await context.addInitScript(OPEN_TIMER_SCRIPT);
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** Waits, as a presenter would, until what is on screen has stopped moving (see SETTLE_SCRIPT). */
export const settle = (page: Page): Promise<Settled> =>
  page.evaluate<Settled>(`window.__settle(${QUIET_MS}, ${CAP_MS})`);

/** How long the page is left alone after it settles and before the next key press. */
const CLOCK_STOP_MS = 50;

/**
 * Settles, then leaves the page alone for a moment before the next press. The
 * settle script watches the screen with requestAnimationFrame, and while
 * anything asks for frames Chromium keeps its frame clock ticking, so a press
 * straight after it waits for the next tick (up to a frame) on the bench's
 * account, not the deck's. A still screen in front of an audience asks for no
 * frames: 50 ms with none asked for (as the floor's page waits) lets the clock
 * stop as it would there. Whatever the deck itself still animates or schedules
 * is still running then, and counts.
 */
export async function settleForPress(page: Page): Promise<Settled> {
  const settled = await settle(page);
  await page.waitForTimeout(CLOCK_STOP_MS);
  return settled;
}

const parseTrace = (buffer: Buffer): TraceEvent[] => {
  const trace = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  return Array.isArray(trace) ? trace : trace.traceEvents;
};

/**
 * First contentful paint of the first slide, cold, median of several loads of
 * `pageUrl` (the served app's `/#/1`, or the single file's `file://…#/1`).
 */
export async function firstPaint(browser: Browser, pageUrl: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    await page.goto(pageUrl);
    await page.getByText('Kubernetes cluster').first().waitFor();
    const fcp = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          new PerformanceObserver((list) => {
            const entry = list.getEntries().find((e) => e.name === 'first-contentful-paint');
            if (entry) resolve(entry.startTime);
          }).observe({ type: 'paint', buffered: true });
        }),
    );
    times.push(fcp);
    await context.close();
  }
  return median(times);
}

/**
 * Every script and stylesheet a first visit has fetched by the time it has
 * settled on slide 1, i.e. before a first key press could arrive (idle
 * prefetches included), gzipped from the build folder, plus the CSS inlined
 * into index.html.
 */
async function loadedBeforeFirstKey(
  browser: Browser,
  url: string,
  dist: string,
): Promise<{ kB: number; files: number }> {
  const page = await openPage(browser, `${url}/#/1`);
  await page.getByText('Kubernetes cluster').first().waitFor();
  await settle(page);
  // Idle-time prefetches start after the first paint: wait until the network is quiet.
  await page.waitForLoadState('networkidle');
  const names = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name))
      .filter((u) => u.origin === location.origin && /\.(?:js|css)$/.test(u.pathname))
      .map((u) => u.pathname),
  );
  await page.context().close();
  const files = [...new Set(names)];
  let gz = 0;
  for (const f of files) gz += gzipSync(readFileSync(join(dist, f.replace(/^\//, '')))).length;
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const inline = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('');
  if (inline) gz += gzipSync(inline).length;
  return { kB: gz / 1024, files: files.length + (inline ? 1 : 0) };
}

/** Every step of the deck, from slide 1 to 124/4. */
const STEP_COUNT = SLIDES.reduce((n, s) => n + s.steps.length, 0);

/** Presses → with a Chromium trace recording, and reads each press's latencies from it. */
export async function tracedPresses(
  page: Page,
  presses: number,
  after: () => Promise<void>,
  categories = LATENCY_CATEGORIES,
  key = 'ArrowRight',
): Promise<{ latencies: KeyLatency[]; events: TraceEvent[] }> {
  const browser = page.context().browser() as Browser;
  await browser.startTracing(page, { categories });
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press(key);
    await after();
  }
  const events = parseTrace(await browser.stopTracing());
  const latencies = keyLatencies(events);
  if (latencies.length !== presses)
    throw new Error(`the trace holds ${latencies.length} key presses, not ${presses}`);
  // Every press must be read the same way: from its platform event, to a committed frame.
  const unread = latencies.filter((l) => !l.matched || Number.isNaN(l.painted)).length;
  if (unread > 0)
    throw new Error(`${unread} of ${presses} key presses have no input-latency record or frame`);
  return { latencies, events };
}

interface Walked extends KeyLatency {
  readonly step: string;
  readonly settled: Settled;
}

/** A deck walked step by step, in chunks, each press after the previous step came to rest. */
class Walk {
  readonly steps: Walked[] = [];
  /** Wall-clock milliseconds spent walking (pressing and waiting for rest). */
  ms = 0;
  private done = 0;
  constructor(
    readonly page: Page,
    readonly presses: number,
    private readonly where: (page: Page) => string,
  ) {}

  get left() {
    return this.presses - this.done;
  }

  async chunk(n: number): Promise<void> {
    const count = Math.min(n, this.left);
    if (count <= 0) return;
    const start = Date.now();
    const seen: { step: string; settled: Settled }[] = [];
    const { latencies } = await tracedPresses(this.page, count, async () => {
      const settled = await settleForPress(this.page);
      seen.push({ step: this.where(this.page), settled });
    });
    this.ms += Date.now() - start;
    this.done += count;
    latencies.forEach((l, i) => {
      const s = seen[i] as { step: string; settled: Settled };
      this.steps.push({ ...l, ...s });
    });
  }
}

const hashOf = (page: Page) => new URL(page.url()).hash.replace(/\?.*/, '') || '#/1';

/** The slowest few steps by one figure, as "#/19 12.1 ms, …". */
const slowest = (steps: readonly Walked[], figure: 'painted' | 'presented'): string =>
  [...steps]
    .sort((a, b) => b[figure] - a[figure])
    .slice(0, 3)
    .map((s) => `${s.step} ${s[figure].toFixed(1)}`)
    .join(', ');

/**
 * The machine's floor for the same figures: a page that does nothing but
 * replace eight lines of text filling the viewport on each key press, timed
 * the same way.
 */
async function floorLatency(browser: Browser): Promise<KeyLatency[]> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.setContent(
    '<body style="margin:0"><div id="t" style="height:100vh;font:60px sans-serif"></div></body>',
  );
  await page.evaluate(`let n = 0;
    addEventListener('keydown', () => {
      n++;
      const t = document.getElementById('t');
      t.style.background = n % 2 ? '#fef9c3' : '#dbeafe';
      t.textContent = Array.from({ length: 8 }, (_, i) => 'Line ' + i + ' of slide ' + n).join(' ');
    });`);
  // The next frame after the change, then a little: nothing here animates.
  const { latencies } = await tracedPresses(page, 100, () =>
    page.evaluate('new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)))'),
  );
  await page.close();
  return latencies;
}

/** Frame intervals while a packet flies one hop, with the CPU slowed four times. */
async function throttledFlight(page: Page): Promise<number[]> {
  const cdp = await page.context().newCDPSession(page);
  await page.goto(page.url().replace(/#.*/, '#/26'));
  await page.getByTestId('packet').first().waitFor();
  await settle(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const frames = page.evaluate<number[]>(`new Promise((resolve) => {
    const stamps = [];
    const tick = (t) => {
      stamps.push(t);
      if (stamps.length < 2 || t - stamps[0] < 1800) requestAnimationFrame(tick);
      else resolve(stamps.slice(1).map((s, i) => s - stamps[i]));
    };
    requestAnimationFrame(tick);
  })`);
  await page.keyboard.press('ArrowRight');
  const intervals = await frames;
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  return intervals;
}

/** Where the raster figure starts: a text slide, then Ingress's diagram steps (106–109, 112–115). */
const RASTER_FROM = 105;

/**
 * Raster and paint work for diagram steps: a trace with Chromium's paint and
 * raster events while stepping on from slide 105, each step's work summed
 * from its key press to its frame on screen; steps that show a text slide
 * are left out.
 */
async function diagramRaster(page: Page): Promise<ReturnType<typeof rasterPerKey>> {
  await page.goto(page.url().replace(/#.*/, `#/${RASTER_FROM}`));
  await page.locator('.text-slide').waitFor();
  await settle(page);
  const diagram: boolean[] = [];
  const { events } = await tracedPresses(
    page,
    10,
    async () => {
      await settle(page);
      diagram.push((await page.locator('.diagram-layer:not([data-hidden])').count()) > 0);
    },
    [...LATENCY_CATEGORIES, ...RASTER_CATEGORIES],
  );
  return rasterPerKey(events).filter((_, i) => diagram[i]);
}

/** One press of O → the overview painted (see OVERVIEW_READY), then Escape. */
async function openOverview(page: Page): Promise<number> {
  await page.evaluate(`window.__openTimer('o')`);
  await page.keyboard.press('o');
  const ms = await page.evaluate<number>('window.__opened');
  await page.keyboard.press('Escape');
  await settle(page);
  return ms;
}

/**
 * Presenter key press → the audience window, in the same browser, showing the
 * new step in its DOM: the sync's whole round (BroadcastChannel, store, React
 * commit). Not to its paint: headless Chromium throttles the frames of a page
 * that is not the one being typed into, which a real second screen does not.
 */
async function syncLatency(browser: Browser, url: string): Promise<number[]> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(SETTLE_SCRIPT);
  const audience = await context.newPage();
  await audience.goto(`${url}/#/40`);
  const presenter = await context.newPage();
  await presenter.goto(`${url}/?view=presenter#/40`);
  await presenter.locator('.presenter-current .stage').waitFor();
  await settle(presenter);
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    await audience.evaluate(`void (window.__updated = new Promise((resolve) => {
      const el = document.querySelector('.controls .position');
      const seen = new MutationObserver(() => {
        seen.disconnect();
        resolve(performance.timeOrigin + performance.now());
      });
      seen.observe(el, { subtree: true, characterData: true, childList: true });
    }))`);
    await presenter.evaluate(`void (window.__pressed = new Promise((resolve) => {
      window.addEventListener('keydown', (e) => resolve(performance.timeOrigin + e.timeStamp), { capture: true, once: true });
    }))`);
    await presenter.keyboard.press('ArrowRight');
    const updated = await audience.evaluate<number>('window.__updated');
    const pressed = await presenter.evaluate<number>('window.__pressed');
    times.push(updated - pressed);
    await settle(presenter);
  }
  await context.close();
  return times;
}

export interface BrowserTargets {
  /** Inbound, served from `dist`. */
  readonly url: string;
  readonly dist: string;
  /** The same talk as a reveal.js deck, for comparison (none: not compared). */
  readonly revealUrl?: string;
}

export async function browserFigures({ url, dist, revealUrl }: BrowserTargets): Promise<Figure[]> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  try {
    const fcp = await firstPaint(browser, `${url}/#/1`);
    const loaded = await loadedBeforeFirstKey(browser, url, dist);

    // Both decks walked in one run, in alternating chunks, so that a busy
    // machine weighs on both alike.
    const page = await openPage(browser, `${url}/#/1`);
    await page.getByText('Kubernetes cluster').first().waitFor();
    await settle(page);
    const inbound = new Walk(page, STEP_COUNT - 1, hashOf);
    let reveal: Walk | null = null;
    if (revealUrl) {
      const rp = await openPage(browser, `${revealUrl}/index.html#/`);
      await rp.locator('body[data-ready]').waitFor();
      await settle(rp);
      reveal = new Walk(rp, (await rp.locator('.reveal .slides > section').count()) - 1, (p) =>
        new URL(p.url()).hash.replace(/^#\/(\d+).*/, (_, i: string) => `#/${Number(i) + 1}`),
      );
    }
    const CHUNKS = 4;
    const inboundChunk = Math.ceil(inbound.presses / CHUNKS);
    const revealChunk = reveal ? Math.ceil(reveal.presses / CHUNKS) : 0;
    while (inbound.left > 0 || (reveal?.left ?? 0) > 0) {
      await inbound.chunk(inboundChunk);
      await reveal?.chunk(revealChunk);
    }
    const painted = inbound.steps.map((l) => l.painted);
    const presented = inbound.steps.map((l) => l.presented).filter((t) => !Number.isNaN(t));
    const flights = inbound.steps.filter((s) => s.settled.moved).length;
    const capped = inbound.steps.filter((s) => s.settled.capped).map((s) => s.step);

    // The overview, O → thumbnails painted, alternately in each deck.
    await page.goto(`${url}/#/60`);
    await page.locator('.text-slide').waitFor();
    await page.evaluate(OVERVIEW_READY.inbound);
    await settle(page);
    await openOverview(page); // the panel's chunk fetched once, as a presenter's first O would
    if (reveal) await reveal.page.evaluate(OVERVIEW_READY.reveal);
    const overview: number[] = [];
    const revealOverview: number[] = [];
    for (let i = 0; i < 7; i++) {
      overview.push(await openOverview(page));
      if (reveal) revealOverview.push(await openOverview(reveal.page));
    }

    const raster = await diagramRaster(page);
    const intervals = await throttledFlight(page);
    await page.context().close();
    await reveal?.page.context().close();
    const sync = await syncLatency(browser, url);
    const floorSteps = await floorLatency(browser);
    const floor = {
      painted: floorSteps.map((l) => l.painted),
      presented: floorSteps.map((l) => l.presented).filter((t) => !Number.isNaN(t)),
    };
    const fps = 1000 / median(intervals);
    const figures: Figure[] = [
      {
        name: 'first slide painted (FCP), vite preview',
        value: fcp,
        unit: 'ms',
        budget: 400,
        better: 'lower',
        note: 'median of 7 cold loads, 1280×720',
      },
      {
        name: 'JS + CSS loaded before the first key press, gzipped',
        value: loaded.kB,
        unit: 'kB',
        better: 'lower',
        note: `context: ${loaded.files} files fetched once slide 1 is idle (prefetched chunks included); the budget counts what index.html names`,
      },
      {
        name: 'key press → next step painted, p50',
        value: median(painted),
        unit: 'ms',
        budget: 16.7,
        better: 'lower',
        note: `${painted.length} steps, → key; Chromium trace`,
      },
      {
        name: 'key press → next step painted, p95',
        value: quantile(painted, 0.95),
        unit: 'ms',
        budget: 16.7,
        better: 'lower',
        note: `budget: one frame; key to the frame committed; slowest ${slowest(inbound.steps, 'painted')} ms`,
      },
      {
        name: 'key press → next step on screen, p95',
        value: quantile(presented, 0.95),
        unit: 'ms',
        better: 'lower',
        note: `context: EventLatency, after raster and the display's next frame; p50 ${median(presented).toFixed(1)} ms`,
      },
      {
        name: 'walk of every step, wall clock',
        value: inbound.ms / 1000,
        unit: 's',
        better: 'lower',
        note: `context: each press once the screen is still for ${QUIET_MS} ms and then left alone ${CLOCK_STOP_MS} ms; a packet flew on screen on ${flights} of ${inbound.steps.length} steps${capped.length ? `; never still: ${capped.join(' ')}` : ''}`,
      },
    ];
    if (reveal) {
      const rPainted = reveal.steps.map((l) => l.painted);
      figures.push({
        name: '(reveal.js) key press → next slide painted, p95',
        value: quantile(rPainted, 0.95),
        unit: 'ms',
        better: 'lower',
        note: `context: the same talk's words, ${rPainted.length} slides, walked in turn with Inbound; p50 ${median(rPainted).toFixed(1)} ms; Inbound/reveal p95 ${(quantile(painted, 0.95) / quantile(rPainted, 0.95)).toFixed(2)}×`,
      });
    }
    figures.push(
      {
        name: '(machine floor) trivial page, key → painted, p95',
        value: quantile(floor.painted, 0.95),
        unit: 'ms',
        better: 'lower',
        note: `context: 8 lines of text replaced, nothing else; p50 ${median(floor.painted).toFixed(1)} ms`,
      },
      {
        name: '(machine floor) trivial page, key → on screen, p95',
        value: quantile(floor.presented, 0.95),
        unit: 'ms',
        better: 'lower',
        note: `context: the same page; p50 ${median(floor.presented).toFixed(1)} ms`,
      },
      {
        name: 'diagram step, raster + paint per step, median',
        value: median(raster.map((r) => r.raster + r.paint)),
        unit: 'ms',
        better: 'lower',
        note: `context: ${raster.length} diagram steps after #/${RASTER_FROM}, software raster, key → on screen; worst ${Math.max(...raster.map((r) => r.raster + r.paint)).toFixed(1)} ms; of it paint (main thread) median ${median(raster.map((r) => r.paint)).toFixed(1)} ms`,
      },
      {
        name: 'packet hop, 4× CPU throttle: worst frame',
        value: Math.max(...intervals),
        unit: 'ms',
        budget: 50,
        better: 'lower',
        note: `${intervals.length} frames over 1.8 s (slide 26 → 27)`,
      },
      {
        name: 'packet hop, 4× CPU throttle: median',
        value: fps,
        unit: 'fps',
        budget: 58,
        better: 'higher',
      },
      {
        name: 'overview (O) open, thumbnails painted, median',
        value: median(overview),
        unit: 'ms',
        budget: 100,
        better: 'lower',
        note: `worst of ${overview.length}: ${Math.round(Math.max(...overview))} ms; every thumbnail in view drawn; budget: feels instant`,
      },
    );
    if (reveal)
      figures.push({
        name: '(reveal.js) overview open, median',
        value: median(revealOverview),
        unit: 'ms',
        better: 'lower',
        note: `context: in turn with Inbound's; worst ${Math.round(Math.max(...revealOverview))} ms; Inbound/reveal ${(median(overview) / median(revealOverview)).toFixed(2)}×`,
      });
    figures.push({
      name: 'presenter key → audience window updated, p95',
      value: quantile(sync, 0.95),
      unit: 'ms',
      budget: 50,
      better: 'lower',
      note: `median ${Math.round(median(sync))} ms over ${sync.length} steps; DOM commit; budget: three frames`,
    });
    return figures;
  } finally {
    await browser.close();
  }
}
