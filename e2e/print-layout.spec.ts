import { expect, test, type Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { NOTES } from '../app/deck/notes';
import { SLIDE_COUNT, snap } from './helpers';

/** Every step of the deck: the talk's 132, then the section since 2020's 32. */
const STEPS = 164;

const squash = (s: string) => s.replace(/\s+/g, '');

/** Each PDF page's text (spaces dropped: PDF text runs split anywhere) and its size in pt. */
async function readPdf(data: Buffer): Promise<{ texts: string[]; sizes: string[] }> {
  const pdf = await getDocument({ data: new Uint8Array(data), verbosity: 0 }).promise;
  const texts: string[] = [];
  const sizes: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    sizes.push(`${Math.round(x1 - x0)}×${Math.round(y1 - y0)}`);
    const content = await page.getTextContent();
    texts.push(squash(content.items.map((it) => ('str' in it ? it.str : '')).join('')));
  }
  return { texts, sizes };
}

async function openHandout(page: Page, query: string): Promise<void> {
  await page.goto(`/?view=print${query}`);
  await expect(page.locator('.print[data-ready]')).toBeAttached({ timeout: 60_000 });
}

/** The step each printed place shows ("Slide 27", "Slide 62, step 2"), in order, and its page (from 0). */
const printedSteps = (page: Page) =>
  page.locator('.print-page').evaluateAll((pages) =>
    pages.flatMap((p, pageIndex) => {
      const cells = Array.from(p.querySelectorAll('.print-cell'));
      return cells.map((c) => ({
        label: c.getAttribute('aria-label') ?? p.getAttribute('aria-label') ?? '',
        pageIndex,
      }));
    }),
  );

const pdfOf = (page: Page) => page.pdf({ preferCSSPageSize: true, printBackground: true });

test.use({ viewport: { width: 1400, height: 900 } });

test.describe('handout layouts', () => {
  test('four steps a page on A4: 41 landscape A4 pages, each step with its packet and builds', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await openHandout(page, '&per=4&paper=a4');
    await expect(page.locator('.print-toolbar h1')).toHaveText('Handout: 41 pages');
    const steps = await printedSteps(page);
    expect(steps).toHaveLength(STEPS);
    const pageOf = (label: string) => steps.find((s) => s.label === label)?.pageIndex ?? -1;
    expect(pageOf('Slide 27')).toBe(Math.floor(26 / 4));
    await page.emulateMedia({ media: 'print' });
    await page.getByRole('region', { name: 'Slide 27', exact: true }).scrollIntoViewIfNeeded();
    await snap(page, 'print-a4-4up');
    const { texts, sizes } = await readPdf(await pdfOf(page));
    expect(texts).toHaveLength(Math.ceil(STEPS / 4));
    expect(new Set(sizes)).toEqual(new Set(['842×595']));
    expect(texts[pageOf('Slide 27')]).toContain(squash('Src: node1'));
    expect(texts[pageOf('Slide 27')]).toContain(squash('Dst: pod:pod-port'));
    expect(texts[pageOf('Slide 37')]).toContain(squash('Dst: ???'));
    for (const pod of ['Pod-a:', 'Pod-b:', 'Pod-c:', 'Pod-d:'])
      expect(texts[pageOf('Slide 6')]).toContain(squash(pod));
    expect(texts[pageOf('Slide 101, step 1')]).toContain(squash('X-Forwarded-For: client'));
    // Every page has words on it: no blank page between or after.
    for (const t of texts) expect(t.length).toBeGreaterThan(20);
  });

  test('the final step of each slide only, on Letter: one landscape page per slide', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await openHandout(page, '&final=1&paper=letter');
    const steps = await printedSteps(page);
    expect(steps).toHaveLength(SLIDE_COUNT);
    expect(steps[61]?.label).toBe('Slide 62, step 2');
    expect(steps[123]?.label).toBe('Slide 124, step 4');
    const { texts, sizes } = await readPdf(await pdfOf(page));
    expect(texts).toHaveLength(SLIDE_COUNT);
    expect(new Set(sizes)).toEqual(new Set(['792×612']));
    expect(texts[26]).toContain(squash('Src: node1'));
    // 3b's last hop, as the slide ends: the hypothetical drawing.
    expect(texts[61]).toContain(squash('would look like'));
    expect(texts[0]).toContain(squash('Bringing traffic into your'));
  });

  test('notes, six steps a page on Letter: portrait pages, the notes beside each step, none cut off', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await openHandout(page, '&per=6&notes=1&paper=letter');
    await expect(page.locator('.print-toolbar h1')).toHaveText('Handout: 28 pages');
    const cut = await page
      .locator('.print-notes')
      .evaluateAll((els) =>
        els.filter((e) => e.scrollHeight > e.clientHeight + 1).map((e) => e.textContent),
      );
    expect(cut).toEqual([]);
    await expect(page.locator('.print-notes')).toHaveCount(STEPS);
    const steps = await printedSteps(page);
    const at27 = steps.find((s) => s.label === 'Slide 27')?.pageIndex ?? -1;
    await page.getByRole('region', { name: 'Slide 27', exact: true }).scrollIntoViewIfNeeded();
    await snap(page, 'print-letter-6up-notes');
    const { texts, sizes } = await readPdf(await pdfOf(page));
    expect(texts).toHaveLength(28);
    expect(new Set(sizes)).toEqual(new Set(['612×792']));
    expect(texts[at27]).toContain(squash((NOTES[26] as string).slice(0, 60)));
    expect(texts[at27]).toContain(squash('Src: node1'));
  });

  test('the options are labelled controls kept in the link; bad values fall back and say so', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await openHandout(page, '&per=5&paper=a3&notes=yes&final=2#/27');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('per=“5” is not a choice: 1, 2, 4 or 6 steps a page');
    await expect(alert).toContainText('paper=“a3” is not a paper this handout knows');
    await expect(alert).toContainText('notes=“yes” should be 1 or 0');
    await expect(alert).toContainText('final=“2” should be 1 or 0');
    await expect(page.getByLabel('Steps per page')).toHaveValue('1');
    await expect(page.getByLabel('Paper')).toHaveValue('slide');
    await expect(
      page.getByRole('checkbox', { name: 'Speaker notes with each step' }),
    ).not.toBeChecked();
    await expect(
      page.getByRole('checkbox', { name: 'Final step of each slide only' }),
    ).not.toBeChecked();
    await expect(page.locator('.print-page')).toHaveCount(STEPS);
    await snap(page, 'print-bad-options');

    await page.getByLabel('Steps per page').selectOption('4');
    await expect(page).toHaveURL(/[?&]per=4(&|#|$)/);
    await expect(page.locator('.print-page')).toHaveCount(41);
    await page.getByLabel('Paper').selectOption('a4');
    await page.getByRole('checkbox', { name: 'Final step of each slide only' }).check();
    await page.getByRole('checkbox', { name: 'Speaker notes with each step' }).check();
    await expect(page).toHaveURL(/\?view=print&per=4&notes=1&paper=a4&final=1#\/27$/);
    await expect(page.locator('.print-toolbar h1')).toHaveText('Handout: 34 pages');
    // The link reproduces it.
    await page.reload();
    await expect(page.locator('.print[data-ready]')).toBeAttached({ timeout: 60_000 });
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByLabel('Steps per page')).toHaveValue('4');
    await expect(page.getByLabel('Paper')).toHaveValue('a4');
    await expect(
      page.getByRole('checkbox', { name: 'Final step of each slide only' }),
    ).toBeChecked();
    await expect(page.locator('.print-page')).toHaveCount(34);
    await expect(page.getByRole('region', { name: 'Slide 27', exact: true })).toBeInViewport();
  });
});
