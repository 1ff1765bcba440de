import { expect, test, type Page } from '@playwright/test';
import { SLIDE_COUNT, watchErrors } from './helpers';

/**
 * Arms a timer in the page for the next O: it resolves `window.__drawn` with
 * the milliseconds from the key press to the first frame in which every
 * thumbnail inside the overview's visible part shows its slide, and the
 * count of those thumbnails (or `Infinity` after 10 s).
 */
async function timeOverview(page: Page): Promise<void> {
  await page.evaluate(`void (window.__drawn = new Promise((resolve) => {
    window.addEventListener('keydown', (e) => {
      const start = e.timeStamp;
      const check = () => {
        const dialog = document.querySelector('dialog.overview[open]');
        if (dialog) {
          const box = dialog.getBoundingClientRect();
          const top = Math.max(box.top, 0);
          const bottom = Math.min(box.bottom, window.innerHeight);
          // The items' boxes: asking for a box inside an item skipped by content-visibility
          // would make the browser lay it out, and slow down what is measured.
          const inView = [...dialog.querySelectorAll('.overview-item')].filter((t) => {
            const r = t.getBoundingClientRect();
            return r.bottom > top && r.top < bottom && r.height > 0;
          });
          if (
            inView.length > 0 &&
            inView.every((t) => t.querySelector('.thumb svg, .thumb .text-slide'))
          ) {
            resolve({ ms: performance.now() - start, count: inView.length });
            return;
          }
        }
        if (performance.now() - start > 10000) resolve({ ms: Infinity, count: 0 });
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    }, { capture: true, once: true });
  }))`);
}

const drawn = (page: Page) => page.evaluate<{ ms: number; count: number }>('window.__drawn');

test.describe('overview thumbnails', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('the thumbnails in view are drawn promptly after O, and at once when it opens again', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await page.goto('/#/27');
    await expect(page.getByTestId('packet').first()).toBeVisible();

    await timeOverview(page);
    await page.keyboard.press('o');
    const first = await drawn(page);
    // A screenful of slides (diagrams among them), drawn for real.
    expect(first.count).toBeGreaterThanOrEqual(12);
    // Generous for a busy test machine; before, the thumbnails stayed blank for seconds.
    expect(first.ms).toBeLessThan(2500);
    const overview = page.getByRole('dialog', { name: 'Overview of all slides' });
    const slide27 = overview.locator('.overview-item[aria-current="true"] .thumb');
    await expect(slide27.locator('svg')).toBeAttached();
    const pictured = await slide27.locator('svg').textContent();
    expect(pictured).toContain('Node1');

    await page.keyboard.press('Escape');
    await expect(overview).toBeHidden();
    await timeOverview(page);
    await page.keyboard.press('o');
    const again = await drawn(page);
    expect(again.count).toBe(first.count);
    // Kept from the first time: no frame goes by with a blank thumbnail in view.
    expect(again.ms).toBeLessThan(first.ms + 1000);
    await expect(slide27.locator('svg')).toHaveText(pictured ?? '');
    expect(errors).toEqual([]);
  });

  test('the thumbnails kept from one opening are in view in the first frame of the next', async ({
    page,
  }) => {
    await page.goto('/#/60');
    await expect(page.locator('.text-slide')).toBeVisible();
    await page.keyboard.press('o');
    const overview = page.getByRole('dialog', { name: 'Overview of all slides' });
    // Every thumbnail of the deck gets drawn while the overview stays open.
    await expect
      .poll(() => overview.locator('.thumb:has(svg, .text-slide)').count(), { timeout: 20_000 })
      .toBe(SLIDE_COUNT);
    await page.keyboard.press('Escape');
    await expect(overview).toBeHidden();

    // Scrolled to the end, in the very first frame after the dialog opens: nothing blank.
    await page.goto('/#/124');
    await expect(page.locator('.text-slide')).toBeVisible();
    const blankInFirstFrame = page.evaluate(`new Promise((resolve) => {
      const check = () => {
        const dialog = document.querySelector('dialog.overview[open]');
        if (!dialog) return requestAnimationFrame(check);
        const box = dialog.getBoundingClientRect();
        resolve([...dialog.querySelectorAll('.overview-item')]
          .filter((b) => { const r = b.getBoundingClientRect(); return r.bottom > box.top && r.top < box.bottom; })
          .filter((b) => !b.querySelector('.thumb svg, .thumb .text-slide'))
          .map((b) => b.querySelector('.overview-n').textContent));
      };
      requestAnimationFrame(check);
    })`);
    await page.keyboard.press('o');
    expect(await blankInFirstFrame).toEqual([]);
  });
});
