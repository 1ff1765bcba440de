import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { chromiumArgs, findChromium } from '../chromium.mjs';
import { firstPaint, median } from './browser';
import type { Figure } from './table';

/**
 * When the one bundle has run: DOMContentLoaded waits for module scripts, so
 * its end is the moment the deck behind the prerendered slide is live.
 * Median of several cold loads from file://.
 */
async function scriptRun(browser: Browser, pageUrl: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(pageUrl);
    await page.waitForLoadState('domcontentloaded');
    times.push(
      await page.evaluate(
        () =>
          (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
            .domContentLoadedEventEnd,
      ),
    );
    await context.close();
  }
  return median(times);
}

/**
 * The single-file build (dist/inbound.html, the whole app in one page for a
 * USB stick): its size, raw and gzipped, and its first paint opened straight
 * from the disk, measured as the served app's is (FCP of the first slide,
 * median of 7 cold loads, headless Chromium). design.md sets no budget here:
 * the figures are printed for the README.
 */
export async function singleFileFigures(dist: string): Promise<Figure[]> {
  const file = join(dist, 'inbound.html');
  const bytes = readFileSync(file);
  const pageUrl = `${pathToFileURL(file).href}#/1`;
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  try {
    const fcp = await firstPaint(browser, pageUrl);
    const ran = await scriptRun(browser, pageUrl);
    return [
      {
        name: 'single file (inbound.html), size',
        value: bytes.length / 1024,
        unit: 'kB',
        better: 'lower',
        note: 'context: the whole app, every view, inlined; no budget in design.md',
      },
      {
        name: 'single file (inbound.html), gzipped',
        value: gzipSync(bytes).length / 1024,
        unit: 'kB',
        better: 'lower',
        note: 'context: as a server or an archive would send it; the file itself is not compressed',
      },
      {
        name: 'single file: first slide painted (FCP), file://',
        value: fcp,
        unit: 'ms',
        better: 'lower',
        note: `context: median of 7 cold loads from disk, no server, 1280×720; its script has run (DOMContentLoaded) at ${Math.round(ran)} ms`,
      },
    ];
  } finally {
    await browser.close();
  }
}
