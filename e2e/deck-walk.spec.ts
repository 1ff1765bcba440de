import { expect, test } from '@playwright/test';
import talk from '../app/deck/talk.json' with { type: 'json' };
import { expectAt, SLIDE_COUNT, stageTexts, watchErrors } from './helpers';

test.use({ reducedMotion: 'reduce', viewport: { width: 1280, height: 720 } });

/**
 * Is every line of the talk's slide on the stage? Lines of repeated words
 * ("pod pod pod") are checked word by word, and a line may be drawn as
 * neighbouring labels (slide 10's "1.2.3.4 ?": the address, then the "?" on
 * the way in).
 */
function missingLines(lines: readonly string[], texts: readonly string[]): string[] {
  const all = texts.join('\n');
  const neighbours = texts.join(' ');
  return lines
    .map((l) => l.replace(/^- /, ''))
    .filter((line) => {
      if (all.includes(line)) return false;
      // Only a line that ends in the talk's lone "?" may be made of neighbouring labels.
      if (line.endsWith(' ?') && neighbours.includes(line)) return false;
      const words = line.split(' ');
      const repeated = words.length > 1 && words.every((w) => w === words[0]);
      return !(repeated && texts.filter((t) => t === words[0]).length >= words.length);
    });
}

test('walk all 124 slides with the keyboard: the talk’s words on every one, no errors', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto('/#/1');
  const seen: number[] = [];
  for (;;) {
    const match = /#\/(\d+)(?:\/(\d+))?/.exec(page.url());
    const slide = Number(match?.[1]);
    const step = Number(match?.[2] ?? 0);
    if (step === 0) {
      const lines = talk[slide - 1]?.lines ?? [];
      await expect
        .poll(async () => missingLines(lines, await stageTexts(page)), {
          message: `slide ${slide}`,
        })
        .toEqual([]);
      // Nothing clipped: a text slide's words fit its 1600×900 stage.
      const overflow = await page
        .locator('.text-slide')
        .evaluateAll((els) =>
          els.map(
            (el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1,
          ),
        );
      expect(overflow.includes(true), `slide ${slide} overflows its stage`).toBe(false);
      seen.push(slide);
    }
    if (slide === 124 && step === 4) break;
    await page.keyboard.press('ArrowRight');
    await expect(page).not.toHaveURL(new RegExp(`#/${slide}${step ? `/${step}` : ''}$`));
  }
  expect(seen).toEqual(Array.from({ length: 124 }, (_, i) => i + 1));
  await expect(page.getByRole('navigation', { name: 'Deck controls' })).toContainText('124 / 124');
  expect(errors).toEqual([]);
});

test('every other way to move: previous keys, Home/End, a number then Enter', async ({ page }) => {
  await page.goto('/#/10');
  for (const key of ['ArrowLeft', 'PageUp', 'p', 'Shift+Space']) {
    const before = Number(/#\/(\d+)/.exec(page.url())?.[1]);
    await page.keyboard.press(key);
    await expectAt(page, before - 1);
  }
  for (const key of ['ArrowRight', 'Space', 'PageDown', 'n']) {
    const before = Number(/#\/(\d+)/.exec(page.url())?.[1]);
    await page.keyboard.press(key);
    await expectAt(page, before + 1);
  }
  // End: the deck's last slide, at the end of the section added after the talk.
  await page.keyboard.press('End');
  await expectAt(page, SLIDE_COUNT);
  await page.keyboard.press('Home');
  await expectAt(page, 1);
  await page.keyboard.type('66');
  await expect(page.getByRole('navigation', { name: 'Deck controls' })).toContainText('Go to 66');
  await page.keyboard.press('Enter');
  await expectAt(page, 66);
  await page.getByRole('button', { name: 'Next step' }).click();
  await expectAt(page, 67);
});

test('a swipe moves a step: left for next, right for previous', async ({ browser }) => {
  const context = await browser.newContext({
    hasTouch: true,
    viewport: { width: 800, height: 600 },
  });
  const page = await context.newPage();
  await page.goto('/#/20');
  const swipe = (dx: number) =>
    page.locator('main').evaluate((el, dx) => {
      const at = (x: number) => ({
        clientX: x,
        clientY: 300,
        pointerType: 'touch',
        bubbles: true,
        pointerId: 1,
      });
      el.dispatchEvent(new PointerEvent('pointerdown', at(400)));
      el.dispatchEvent(new PointerEvent('pointerup', at(400 + dx)));
    }, dx);
  await swipe(-160);
  await expectAt(page, 21);
  await swipe(160);
  await expectAt(page, 20);
  await swipe(20); // too short to count: the next swipe goes on from 20, not from 19
  await swipe(-160);
  await expectAt(page, 21);
  await context.close();
});
