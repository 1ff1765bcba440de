import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { NOTES } from '../app/deck/notes';
import { snap } from './helpers';

/** The talk's 124 slides, plus the extra steps: X-Forwarded-For shown (92, 101: 1 each), 3b (62: 2) and 4d (124: 4). */
const TALK_STEPS = 124 + 2 + 2 + 4;
/** Then the section added after the talk, every step of it (one opener, then its diagrams' hops). */
const STEPS = TALK_STEPS + 1 + 3 + 3 + 3 + 3 + 2 + 3 + 4 + 2 + 3 + 1 + 4;

/** The text of every page of a PDF, in order, without spaces (PDF text comes in runs split anywhere, even mid-word). */
const squash = (s: string) => s.replace(/\s+/g, '');

async function pdfPages(data: Buffer): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(data), verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(
      content.items
        .map((it) => ('str' in it ? it.str : ''))
        .join('')
        .replace(/\s+/g, ''),
    );
  }
  return pages;
}

/** Each handout page's label ("Slide 27", "Slide 62, step 1"), in order, as the page lists them. */
const pageLabels = (page: Page) =>
  page
    .locator('.print-page')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));

test.describe('print and PDF', () => {
  test.use({ viewport: { width: 1600, height: 900 } });

  test('opened from a place in the deck, the handout shows that page', async ({ page }) => {
    await page.goto('/?view=print#/27');
    await expect(page.locator('.print[data-ready]')).toBeAttached({ timeout: 30_000 });
    await expect(page.getByRole('region', { name: 'Slide 27', exact: true })).toBeInViewport();
    await expect(page.getByRole('region', { name: 'Slide 1', exact: true })).not.toBeInViewport();
  });

  test('every step of every slide prints on its own 16:9 page, with its words', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.goto('/?view=print');
    await expect(page.locator('.print[data-ready]')).toBeAttached({ timeout: 30_000 });
    await expect(page.locator('.print-page')).toHaveCount(STEPS);
    await snap(page, 'print-screen');
    const labels = await pageLabels(page);
    const pageOf = (n: number, k = 0) => labels.indexOf(`Slide ${n}${k ? `, step ${k}` : ''}`) + 1;
    expect(pageOf(124, 4)).toBe(TALK_STEPS);
    expect(labels[TALK_STEPS]).toBe('Slide since 1');
    expect(labels[STEPS - 1]).toMatch(/^Slide since \d+, step \d+$/);
    const pages = await pdfPages(
      await page.pdf({ preferCSSPageSize: true, printBackground: true }),
    );
    expect(pages).toHaveLength(STEPS);
    expect(pages[0]).toContain(squash('Bringing traffic into your'));
    expect(pages[pageOf(27) - 1]).toContain(squash('Src: node1'));
    expect(pages[pageOf(27) - 1]).toContain(squash('Dst: pod:pod-port'));
    expect(pages[pageOf(37) - 1]).toContain(squash('Dst: ???'));
    expect(pages[pageOf(37) - 1]).toContain(squash('Failure'));
    expect(pages[pageOf(100) - 1]).not.toContain(squash('X-Forwarded-For'));
    expect(pages[pageOf(101, 1) - 1]).toContain(squash('X-Forwarded-For: client'));
    expect(pages[pageOf(62, 1) - 1]).toContain(squash('would look like'));
    expect(pages[pageOf(124, 1) - 1]).toContain(squash('4d)'));
    // The builds are shown: slide 6 has its four pods.
    for (const pod of ['Pod-a:', 'Pod-b:', 'Pod-c:', 'Pod-d:'])
      expect(pages[pageOf(6) - 1]).toContain(squash(pod));
  });

  test('speaker notes can go under each page', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/?view=print');
    await page.getByRole('checkbox', { name: 'Speaker notes with each step' }).check();
    await expect(page).toHaveURL(/notes=1/);
    await expect(page.locator('.print[data-ready]')).toBeAttached({ timeout: 30_000 });
    const labels = await pageLabels(page);
    const pageOf = (n: number) => labels.indexOf(`Slide ${n}`) + 1;
    const pages = await pdfPages(
      await page.pdf({ preferCSSPageSize: true, printBackground: true }),
    );
    expect(pages).toHaveLength(STEPS);
    expect(pages[pageOf(27) - 1]).toContain(squash((NOTES[26] as string).slice(0, 60)));
    await page
      .locator('.print-page')
      .nth(pageOf(27) - 1)
      .scrollIntoViewIfNeeded();
    await snap(page, 'print-notes-27');
  });
});

test.describe('accessibility', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  async function scan(page: Page) {
    const result = await new AxeBuilder({ page }).analyze();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  for (const theme of ['light', 'dark', 'contrast']) {
    test(`deck, overview, help and go-to in the ${theme} theme`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.addInitScript((t) => localStorage.setItem('inbound:theme', t), theme);
      await page.goto('/#/27');
      await expect(page.getByTestId('packet')).toBeVisible();
      expect(await scan(page)).toEqual([]);
      await page.goto('/#/116');
      expect(await scan(page)).toEqual([]);
      await page.keyboard.press('o');
      await expect(page.getByRole('dialog')).toBeVisible();
      await expect(page.locator('[aria-current="true"] .thumb-stage')).toBeAttached();
      expect(await scan(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await page.keyboard.press('?');
      expect(await scan(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await page.keyboard.press('g');
      await page.keyboard.type('node');
      expect(await scan(page)).toEqual([]);
    });
  }

  test('presenter view', async ({ page }) => {
    await page.goto('/?view=presenter#/66');
    await expect(page.locator('.presenter-current').getByTestId('packet')).toBeVisible();
    expect(await scan(page)).toEqual([]);
  });
});
