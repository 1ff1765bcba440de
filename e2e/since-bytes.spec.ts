import { expect, test, type Page } from '@playwright/test';
import { snap, watchErrors } from './helpers';

// Slide since/10: the PROXY protocol header the proxy writes ahead of the
// client's bytes, drawn as its bytes (v2 in hex, v1 as its text) while the
// packet on screen carries it, and flipped between versions with V.

test.use({ viewport: { width: 1920, height: 1080 }, reducedMotion: 'reduce' });

const V2_HEX =
  '0d 0a 0d 0a 00 0d 0a 51 55 49 54 0a 21 11 00 0c 01 02 03 04 c6 33 64 07 c8 22 00 50';
const V1_TEXT = 'PROXY TCP4 1.2.3.4 198.51.100.7 51234 80';

const dump = (page: Page) =>
  page.locator('.diagram-layer:not([data-hidden]) [data-testid="proxy-bytes"]');

/** The bytes as written on the stage, one text per byte (v2) or per field's run (v1). */
const written = (page: Page) =>
  dump(page)
    .locator('.proxy-byte')
    .evaluateAll((els) => els.map((e) => e.textContent ?? ''));

/** The bytes the boxes stand for, in order, as ASCII. */
const chars = (page: Page) =>
  dump(page)
    .locator('[data-chars]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-chars') ?? '').join(''));

/** Each text in the dump and its size on screen in CSS px (font size times the stage's scale). */
const textSizes = (page: Page) =>
  dump(page).evaluate((g) => {
    const svg = g.closest('svg') as SVGSVGElement;
    const scale = svg.getScreenCTM()?.a ?? 1;
    return Array.from(g.querySelectorAll('text'))
      .filter((t) => (t.textContent ?? '').trim().length > 0)
      .map((t) => ({
        text: (t.textContent ?? '').trim(),
        px: parseFloat(getComputedStyle(t).fontSize) * scale,
      }));
  });

test('#/since/10/1?sw=v2: the v2 header reads byte for byte in hex, then the payload', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/#/since/10/1?sw=v2');
  await expect(dump(page)).toHaveCount(1);
  await expect(dump(page)).toHaveAttribute('data-version', '2');
  await expect.poll(() => written(page).then((b) => b.join(' '))).toBe(V2_HEX);
  await expect(dump(page)).toContainText('PROXY v2 header: 28 bytes');
  await expect(dump(page).locator('.proxy-bytes-payload')).toHaveText('payload…');
  // Offsets every eight bytes, and a key naming the fields.
  await expect(dump(page).locator('.proxy-bytes-row')).toHaveCount(4);
  for (const name of ['signature', 'version', 'family', 'length', 'src addr', 'dst port'])
    await expect(dump(page).locator('.proxy-bytes-key')).toContainText(name);
  // A screen reader hears the header in words.
  await expect(dump(page)).toHaveAttribute(
    'aria-label',
    /^PROXY protocol v2 header: 28 bytes: signature 0d 0a .*source 1\.2\.3\.4 port 51234, destination 198\.51\.100\.7 port 80/,
  );
  // The legend gives its place to the key.
  await expect(page.locator('.diagram-layer:not([data-hidden]) .legend')).toHaveCount(0);
  await snap(page, 'since-10-1-v2');
  expect(errors).toEqual([]);
});

test('#/since/10/1: the v1 header is its 42 bytes of text', async ({ page }) => {
  await page.goto('/#/since/10/1');
  await expect(dump(page)).toHaveAttribute('data-version', '1');
  await expect(dump(page)).toHaveAttribute('data-bytes', '42');
  await expect(dump(page)).toContainText('PROXY v1 header: 42 bytes');
  await expect.poll(() => chars(page)).toBe(`${V1_TEXT}\r\n`);
  expect((await chars(page)).length).toBe(42);
  // On the stage: its words, spaces shown by their marks, CR LF escaped.
  expect(await written(page)).toEqual(V1_TEXT.split(' ').concat('\\r\\n'));
  await snap(page, 'since-10-1-v1');
});

test('#/since/10: before the proxy, the packet carries no header and no dump is drawn', async ({
  page,
}) => {
  await page.goto('/#/since/10');
  await expect(page.getByTestId('packet')).toBeVisible();
  await expect(dump(page)).toHaveCount(0);
  await expect(page.locator('.diagram-layer:not([data-hidden]) .legend')).toHaveCount(1);
});

test('V flips the dump between v1 and v2, and back', async ({ page }) => {
  await page.goto('/#/since/10/1');
  await expect(dump(page)).toHaveAttribute('data-version', '1');
  await page.locator('body').press('v');
  await expect(page).toHaveURL(/sw=v2/);
  await expect(dump(page)).toHaveAttribute('data-version', '2');
  await expect.poll(() => written(page).then((b) => b.join(' '))).toBe(V2_HEX);
  await page.locator('body').press('v');
  await expect(dump(page)).toHaveAttribute('data-version', '1');
  await expect.poll(() => chars(page)).toBe(`${V1_TEXT}\r\n`);
});

test('every text in the dump is 28 px or more at 1920×1080', async ({ page }) => {
  for (const link of ['#/since/10/1', '#/since/10/1?sw=v2', '#/since/10/2?sw=v2']) {
    await page.goto(`/${link}`);
    await expect(dump(page)).toHaveCount(1);
    const sizes = await textSizes(page);
    expect(sizes.length).toBeGreaterThan(10);
    expect(sizes.filter((t) => t.px < 28)).toEqual([]);
  }
});
