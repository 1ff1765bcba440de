import { expect, test } from '@playwright/test';
import talk from '../app/deck/talk.json' with { type: 'json' };
import { expectAt, stageTexts, watchErrors } from './helpers';

test.use({ reducedMotion: 'reduce', viewport: { width: 1280, height: 720 } });

/** Is every line of the talk's slide on the stage? Lines of repeated words ("pod pod pod") are checked word by word. */
function missingLines(lines: readonly string[], texts: readonly string[]): string[] {
  const all = texts.join('\n');
  return lines
    .map((l) => l.replace(/^- /, ''))
    .filter((line) => {
      if (all.includes(line)) return false;
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
  await page.keyboard.press('End');
  await expectAt(page, 124);
  await page.keyboard.press('Home');
  await expectAt(page, 1);
  await page.keyboard.type('66');
  await expect(page.getByRole('navigation', { name: 'Deck controls' })).toContainText('Go to 66');
  await page.keyboard.press('Enter');
  await expectAt(page, 66);
  await page.getByRole('button', { name: 'Next step' }).click();
  await expectAt(page, 67);
});
