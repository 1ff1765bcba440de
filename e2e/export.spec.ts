import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Download, type Page } from '@playwright/test';
import { snap, watchErrors } from './helpers';

test.use({ viewport: { width: 1280, height: 720 } });

const panel = (page: Page) => page.getByRole('dialog', { name: 'Save as a picture' });

/** Presses a save button from the keyboard and returns the file the browser was handed. */
async function saveWith(page: Page, name: 'Save as SVG' | 'Save as PNG'): Promise<Download> {
  const button = panel(page).getByRole('button', { name });
  await button.focus();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.keyboard.press('Enter'),
  ]);
  await expect(panel(page).getByRole('status')).toHaveText(`Saved ${download.suggestedFilename()}`);
  return download;
}

/** The saved file's text; a copy goes beside the screenshots for a person to open. */
async function text(d: Download): Promise<string> {
  await d.saveAs(`test-results/screenshots/${d.suggestedFilename()}`);
  return readFile((await d.path()) as string, 'utf8');
}

/** The picture's background: a rect over the whole stage, in the given colour. */
const background = (colour: string) =>
  new RegExp(`<rect (?=[^>]*width="1600")(?=[^>]*height="900")[^>]*fill="${colour}"`);

/** Whether the page's own XML parser reads the text as an SVG document without errors. */
const parsesAsSvg = (page: Page, svg: string) =>
  page.evaluate((s) => {
    const doc = new DOMParser().parseFromString(s, 'image/svg+xml');
    return doc.querySelector('parsererror') === null && doc.documentElement.localName === 'svg';
  }, svg);

test.describe('the step as a picture', () => {
  test('D on slide 27 saves the SVG as drawn: the card at rest, the theme’s colours written in', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await page.goto('/#/27');
    await expect(page.getByTestId('packet')).toBeVisible();
    await page.keyboard.press('d');
    await expect(panel(page)).toBeVisible();
    await expect(panel(page).locator('svg.diagram')).toBeVisible();
    await snap(page, 'picture-panel-27');
    const axe = await new AxeBuilder({ page }).analyze();
    expect(
      axe.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id),
    ).toEqual([]);
    const download = await saveWith(page, 'Save as SVG');
    expect(download.suggestedFilename()).toBe('inbound-27-step0-cluster.svg');
    const svg = await text(download);
    expect(await parsesAsSvg(page, svg)).toBe(true);
    expect(svg).toContain('viewBox="0 0 1600 900"');
    expect(svg).toContain('Src: node1');
    expect(svg).toContain('Dst: pod:pod-port');
    // The face the card arrived with has flipped away: it is not in the picture.
    expect(svg).not.toContain('Dst: node1:node-port');
    // Stands alone: no variable, no class left for a stylesheet to fill in.
    expect(svg).not.toContain('var(--');
    expect(svg).not.toContain('class=');
    // The light theme's background and ink, resolved.
    expect(svg).toMatch(background('#fff(fff)?'));
    expect(svg).toContain('fill:rgb(15, 23, 42)');
    await page.keyboard.press('Escape');
    await expect(panel(page)).toBeHidden();
    expect(errors).toEqual([]);
  });

  test('in the dark theme the picture wears the dark theme’s colours', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('inbound:theme', 'dark'));
    await page.goto('/#/27?etp=Local');
    await expect(page.getByTestId('packet')).toBeVisible();
    await page.keyboard.press('D');
    const download = await saveWith(page, 'Save as SVG');
    expect(download.suggestedFilename()).toBe('inbound-27-step0-local.svg');
    const svg = await text(download);
    expect(svg).toMatch(background('#0b1220'));
    expect(svg).not.toMatch(background('#fff(fff)?'));
    expect(svg).toContain('fill:rgb(229, 231, 235)');
    expect(svg).not.toContain('var(--');
    expect(svg).toContain('Src: client');
  });

  test('the bar’s button, by keyboard alone, saves a PNG twice the stage’s size', async ({
    page,
  }) => {
    await page.goto('/#/since/8');
    await expect(page.getByTestId('packet')).toBeVisible();
    const button = page.getByRole('button', { name: 'Save this step as a picture' });
    // Tab through the page to the bar's button.
    for (let i = 0; i < 40; i++) {
      if (await button.evaluate((b) => b === document.activeElement)) break;
      await page.keyboard.press('Tab');
    }
    await expect(button).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(panel(page)).toBeVisible();
    // Esc closes it, and the keyboard is back on the button.
    await page.keyboard.press('Escape');
    await expect(panel(page)).toBeHidden();
    await expect(button).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(panel(page).getByRole('button', { name: 'Save as SVG' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(panel(page).getByRole('button', { name: 'Save as PNG' })).toBeFocused();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.keyboard.press('Enter'),
    ]);
    expect(download.suggestedFilename()).toMatch(/^inbound-since-8-step0-[a-z-]+\.png$/);
    await download.saveAs(`test-results/screenshots/${download.suggestedFilename()}`);
    const png = await readFile((await download.path()) as string);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBe(3200);
    expect(png.readUInt32BE(20)).toBe(1800);
    // Drawn, not blank: the page decodes it and finds the background and the ink.
    const colours = await page.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(320, 180);
      const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      ctx.drawImage(bitmap, 0, 0, 320, 180);
      const data = ctx.getImageData(0, 0, 320, 180).data;
      const seen = new Set<string>();
      for (let i = 0; i < data.length; i += 4) seen.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
      return { corner: `${data[0]},${data[1]},${data[2]}`, distinct: seen.size };
    }, png.toString('base64'));
    expect(colours.corner).toBe('255,255,255');
    expect(colours.distinct).toBeGreaterThan(20);
  });

  test('a slide of words has no picture to save, and says so', async ({ page }) => {
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.goto('/#/2');
    await page.keyboard.press('d');
    await expect(page.getByRole('status').filter({ hasText: 'words only' })).toContainText(
      'there is no diagram to save as a picture',
    );
    await expect(panel(page)).toBeHidden();
    expect(downloads).toBe(0);
  });

  test('the presenter view saves its current step too', async ({ page }) => {
    await page.goto('/?view=presenter#/66');
    await expect(page.locator('.presenter-current').getByTestId('packet')).toBeVisible();
    await page.keyboard.press('d');
    const download = await saveWith(page, 'Save as SVG');
    expect(download.suggestedFilename()).toBe('inbound-66-step0-cluster.svg');
    expect(await text(download)).toContain('Dst: pod:pod-port');
  });
});
