import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from '../chromium.mjs';
import { median, openPage, quantile, settle, tracedPresses } from './browser';
import type { Figure } from './table';

/** Presses of E (each flips externalTrafficPolicy: an edit of the cluster, redrawn). */
const EDITS = 40;

/** The explorer's own chunk and stylesheet, gzipped: what opening `#/explore` adds. */
function explorerChunk(dist: string): Figure {
  const assets = join(dist, 'assets');
  const files = readdirSync(assets).filter((f) => /^ExplorerPage-.*\.(js|css)$/.test(f));
  const gz = files.reduce((n, f) => n + gzipSync(readFileSync(join(assets, f))).length, 0);
  return {
    name: 'explorer chunk, gzipped',
    value: gz / 1024,
    unit: 'kB',
    better: 'lower',
    note: `context: ${files.join(', ')}; loaded only at #/explore`,
  };
}

/** The explorer's figures: an edit to its frame, a run of many requests, an import. */
export async function explorerFigures(url: string, dist: string): Promise<Figure[]> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  try {
    const page = await openPage(browser, `${url}/#/explore?slide=27`);
    await page.getByRole('heading', { name: 'Explorer' }).waitFor();
    await settle(page);
    const { latencies } = await tracedPresses(
      page,
      EDITS,
      async () => {
        await settle(page);
      },
      undefined,
      'e',
    );
    const painted = latencies.map((l) => l.painted);
    if (process.env.BENCH_DEBUG) console.log(painted.map((x) => x.toFixed(1)).join(' '));
    const figures: Figure[] = [
      {
        name: 'explorer edit → redrawn, p95',
        value: quantile(painted, 0.95),
        unit: 'ms',
        budget: 16.7,
        better: 'lower',
        note: `${EDITS} edits (E flips the Service's policy: validate, trace, layout, draw); key to the frame committed; p50 ${median(painted).toFixed(1)} ms`,
      },
      explorerChunk(dist),
    ];
    await page.context().close();
    return figures;
  } finally {
    await browser.close();
  }
}
