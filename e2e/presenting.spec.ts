import { expect, test, type Page } from '@playwright/test';
import { expectAt, packetLines, SLIDE_COUNT, snap, watchErrors } from './helpers';

test.use({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });

const dialog = (page: Page, name: string) => page.getByRole('dialog', { name });

test.describe('overview', () => {
  test('O opens every slide as a thumbnail, the current one marked; arrows and Enter jump', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await page.goto('/#/27');
    await page.keyboard.press('o');
    const overview = dialog(page, 'Overview of all slides');
    await expect(overview).toBeVisible();
    await expect(overview.getByRole('button', { name: /^\d+ / })).toHaveCount(124);
    // Then the section added after the talk, numbered on its own.
    await expect(overview.getByRole('button', { name: /^since \d+ / })).toHaveCount(
      SLIDE_COUNT - 124,
    );
    const current = overview.locator('[aria-current="true"]');
    await expect(current).toHaveAccessibleName(/^27 2\) Service NodePort: hop 2$/);
    await expect(current).toBeFocused();
    // The thumbnail is the real rendering: slide 27's packet card, at rest.
    await expect(current.getByTestId('packet')).toContainText('Src: node1');
    await snap(page, 'overview');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect(overview).toBeHidden();
    await expectAt(page, 29);
    // Esc opens it too, a click on a thumbnail jumps.
    await page.keyboard.press('Escape');
    await expect(overview).toBeVisible();
    await overview.getByRole('button', { name: /^1 Bringing/ }).click();
    await expectAt(page, 1);
    // Down moves a whole row.
    await page.keyboard.press('o');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => Number((await page.evaluate(() => location.hash)).slice(2)))
      .toBeGreaterThan(2);
    expect(errors).toEqual([]);
  });
});

test.describe('go to', () => {
  test('G finds a slide by number or by words from its title', async ({ page }) => {
    await page.goto('/#/1');
    await page.keyboard.press('g');
    const box = dialog(page, 'Go to slide').getByRole('combobox');
    await expect(box).toBeFocused();
    await box.fill('66');
    await expect(dialog(page, 'Go to slide').getByRole('option').first()).toContainText('66');
    await box.press('Enter');
    await expectAt(page, 66);

    await page.keyboard.press('g');
    await box.fill('proxy-like 1 hop');
    const first = dialog(page, 'Go to slide').getByRole('option').first();
    await expect(first).toContainText('3d) Proxy-like, 1-hop');
    await box.press('Enter');
    await expectAt(page, 76);

    await page.keyboard.press('g');
    await box.fill('no such words here');
    await expect(dialog(page, 'Go to slide').getByRole('status')).toHaveText(
      'No slide matches “no such words here”.',
    );
    await box.press('Enter');
    await box.press('Escape');
    await expect(dialog(page, 'Go to slide')).toBeHidden();
    await expectAt(page, 76);
  });
});

test.describe('help overlay', () => {
  /** Playwright's name for each key as the help overlay writes it. */
  const KEY: Record<string, string[]> = {
    '→': ['ArrowRight'],
    '↓': ['ArrowDown'],
    '←': ['ArrowLeft'],
    '↑': ['ArrowUp'],
    Space: ['Space'],
    'Shift+Space': ['Shift+Space'],
    '27 Enter': ['2', '7', 'Enter'],
    Esc: ['Escape'],
  };
  const keysOf = (k: string) => KEY[k] ?? [k];
  const hash = (page: Page) => page.evaluate(() => location.hash);

  /** What each command must do, checked from a fresh start at slide 26; each check undoes itself. */
  const CHECKS: Record<string, (page: Page, press: () => Promise<void>) => Promise<void>> = {
    next: async (page, press) => {
      await press();
      await expectAt(page, 27);
    },
    prev: async (page, press) => {
      await press();
      await expectAt(page, 25);
    },
    first: async (page, press) => {
      await press();
      await expectAt(page, 1);
    },
    last: async (page, press) => {
      await press();
      await expectAt(page, SLIDE_COUNT);
    },
    number: async (page, press) => {
      await press();
      await expectAt(page, 27);
    },
    goto: async (page, press) => {
      await press();
      await expect(dialog(page, 'Go to slide')).toBeVisible();
      await page.keyboard.press('Escape');
    },
    overview: async (page, press) => {
      await press();
      await expect(dialog(page, 'Overview of all slides')).toBeVisible();
      await press();
      await expect(dialog(page, 'Overview of all slides')).toBeHidden();
    },
    close: async (page, press) => {
      await press();
      await expect(dialog(page, 'Overview of all slides')).toBeVisible();
      await press();
      await expect(dialog(page, 'Overview of all slides')).toBeHidden();
    },
    explore: async (page, press) => {
      await press();
      // Slide 26's cluster, mode and Service in the explorer; Back returns to the slide.
      await expect(page).toHaveURL(/#\/explore/);
      await expect(page.getByLabel('Way in')).toHaveValue('2');
      await page.goBack();
      await expectAt(page, 26);
    },
    switch: async (page, press) => {
      // Slide 26 is the talk's own: no switch of its own, and it says so.
      await press();
      await expect(page.getByRole('status')).toContainText('no switch of its own');
      await expectAt(page, 26);
      await page.goto('/#/since/2');
      await press();
      await expect(page).toHaveURL(/#\/since\/2\?sw=proxy$/);
      await press();
      await expect(page).toHaveURL(/#\/since\/2$/);
      await page.goto('/#/26');
    },
    marks: async (page, press) => {
      await press();
      await expect(page).toHaveURL(/#\/26\?marks=1$/);
      await press();
      await expect(page).toHaveURL(/#\/26$/);
    },
    policy: async (page, press) => {
      await press();
      await expect(page).toHaveURL(/etp=Local/);
      await expect.poll(() => packetLines(page)).toEqual(['Src: client', 'Dst: node1:node-port']);
    },
    addresses: async (page, press) => {
      await press();
      await expect(page).toHaveURL(/addr=ip/);
      await expect
        .poll(() => packetLines(page))
        .toEqual(['Src: 1.2.3.4:51234', 'Dst: 10.240.0.1:30093']);
    },
    return: async (page, press) => {
      await page.keyboard.press('ArrowRight');
      await press();
      await expect(page).toHaveURL(/ret=1/);
    },
    presenter: async (page, press) => {
      const [popup] = await Promise.all([page.waitForEvent('popup'), press()]);
      await expect(popup).toHaveURL(/view=presenter/);
      await popup.close();
    },
    fullscreen: async (page, press) => {
      await press();
      await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
      await press();
      await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(false);
    },
    blackout: async (page, press) => {
      await press();
      await expect(page.locator('.blackout')).toBeVisible();
      await press();
      await expect(page.locator('.blackout')).toBeHidden();
    },
    theme: async (page, press) => {
      const before = await page.evaluate(() => document.documentElement.dataset.theme);
      await press();
      await expect
        .poll(() => page.evaluate(() => document.documentElement.dataset.theme))
        .not.toBe(before);
    },
    picture: async (page, press) => {
      // Slide 26 has a diagram: the panel to save it opens, and the same key closes it.
      await press();
      await expect(dialog(page, 'Save as a picture')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Save as PNG' })).toBeVisible();
      await press();
      await expect(dialog(page, 'Save as a picture')).toBeHidden();
    },
    help: async (page, press) => {
      await press();
      await expect(dialog(page, 'Keyboard shortcuts')).toBeVisible();
      await press();
      await expect(dialog(page, 'Keyboard shortcuts')).toBeHidden();
    },
  };

  test('? lists every key, and every key does what the list says', async ({ page }) => {
    test.setTimeout(120_000);
    const errors = watchErrors(page);
    await page.goto('/#/26');
    await page.keyboard.press('?');
    const help = dialog(page, 'Keyboard shortcuts');
    await expect(help).toBeVisible();
    await snap(page, 'help');
    const rows = await help.locator('tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        command: tr.getAttribute('data-command') ?? '',
        keys: Array.from(tr.querySelectorAll('kbd')).map((k) => k.textContent ?? ''),
      })),
    );
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
    expect(rows.length).toBeGreaterThanOrEqual(16);
    let tried = 0;
    for (const { command, keys } of rows) {
      const check = CHECKS[command];
      expect(check, `a check for “${command}”`).toBeDefined();
      for (const key of keys) {
        await page.goto('/#/26');
        await expectAt(page, 26);
        const press = async () => {
          for (const k of keysOf(key)) await page.keyboard.press(k);
        };
        await test.step(`${key}: ${command}`, () => check!(page, press));
        tried++;
        await page.goto('about:blank');
      }
    }
    expect(tried).toBeGreaterThanOrEqual(25);
    expect(errors).toEqual([]);
    void hash;
  });
});

test.describe('presenting comfort', () => {
  test('the theme is chosen from the bar or with T, and remembered', async ({ page }) => {
    await page.goto('/#/27');
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('contrast');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'contrast');
    await snap(page, 'theme-contrast-27');
    await page.keyboard.press('t');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await page.keyboard.press('t');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
    await snap(page, 'theme-dark-27');
    // The dark theme really is dark: the stage background.
    const bg = await page.evaluate(
      () => getComputedStyle(document.documentElement).backgroundColor,
    );
    expect(bg).toBe('rgb(11, 18, 32)');
  });

  test('the deck remembers where this browser left off', async ({ page }) => {
    await page.goto('/#/48');
    await page.keyboard.press('ArrowRight');
    await expectAt(page, 49);
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('inbound:last-position')))
      .toMatch(/^#\/49(?!\d)/);
    await page.goto('/');
    await expectAt(page, 49);
    // News, not a problem: a status that goes by itself.
    await expect(page.getByRole('status')).toContainText('Back at slide 49');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByRole('status')).toBeEmpty({ timeout: 10_000 });
    // A link that names a slide wins over the memory.
    await page.goto('/#/3');
    await expectAt(page, 3);
  });

  test('a key that blacks out is undone by any key, and the slide is unchanged', async ({
    page,
  }) => {
    await page.goto('/#/27');
    await page.keyboard.press('.');
    await expect(page.locator('.blackout')).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('.blackout')).toBeHidden();
    await expectAt(page, 27);
    // A click brings it back too.
    await page.keyboard.press('b');
    await expect(page.locator('.blackout')).toBeVisible();
    await page.mouse.click(640, 300);
    await expect(page.locator('.blackout')).toBeHidden();
    await expectAt(page, 27);
  });
});
