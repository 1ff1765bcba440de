import { expect, test, type Page } from '@playwright/test';
import { expectAt, watchErrors } from './helpers';

test.use({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });

/** The packet card's Src and Dst lines. */
const card = async (page: Page, scope = '.deck-main') =>
  (await page.locator(scope).getByTestId('packet').locator('text').allTextContents()).filter((t) =>
    /^(Src|Dst): /.test(t),
  );

/** A presenter window and an audience window, as one browser on a laptop with a second screen. */
async function twoWindows(page: Page, hash: string) {
  const audience = page;
  await audience.goto(`/${hash}`);
  const presenter = await audience.context().newPage();
  await presenter.goto(`/?view=presenter${hash}`);
  await expect(presenter.locator('.presenter-current .stage')).toBeVisible();
  return { audience, presenter };
}

/** Posts a message on the presentation's channel from another page of the same browser. */
async function postFromStranger(page: Page, message: unknown) {
  const stranger = await page.context().newPage();
  await stranger.goto('/favicon.svg');
  await stranger.evaluate((m) => {
    const channel = new BroadcastChannel('inbound-presenting');
    channel.postMessage(m);
    channel.close();
  }, message);
  await stranger.close();
}

const shared = (slide: number, step = 0) => ({
  slide,
  step,
  policy: null,
  addressView: 'talk',
  returnHop: null,
  blackout: false,
});

test.describe('hostile messages from another window', () => {
  test('a stamp of 1e308 does not silence the presentation, not even after a reload', async ({
    page,
  }) => {
    const { audience, presenter } = await twoWindows(page, '#/26');
    // Sent from where both windows already are, so only the stamp can change anything.
    await postFromStranger(page, { kind: 'state', from: 'zzzz', stamp: 1e308, shared: shared(26) });
    await postFromStranger(page, {
      kind: 'state',
      from: 'zzzz',
      stamp: Number.MAX_SAFE_INTEGER,
      shared: shared(26),
    });
    // Either window drives, and the other follows, in both directions.
    await presenter.keyboard.press('ArrowRight');
    await expectAt(audience, 27);
    await expectAt(presenter, 27);
    await audience.keyboard.press('ArrowRight');
    await expectAt(presenter, 28);
    await audience.reload();
    await expectAt(audience, 28);
    await presenter.keyboard.press('ArrowLeft');
    await expectAt(audience, 27);
    await audience.keyboard.press('e');
    await expect
      .poll(() => card(presenter, '.presenter-current'))
      .toEqual(['Src: client', 'Dst: pod:pod-port']);
  });

  test('a slide or step the talk does not have is ignored, not clamped and obeyed', async ({
    page,
  }) => {
    const { audience, presenter } = await twoWindows(page, '#/27');
    const now = await page.evaluate(() => Date.now());
    await postFromStranger(page, { kind: 'state', from: 'zz1', stamp: now, shared: shared(99999) });
    await postFromStranger(page, {
      kind: 'state',
      from: 'zz2',
      stamp: now + 1,
      shared: shared(62, 99999),
    });
    // The next valid change is the first thing either window acts on.
    await presenter.keyboard.press('ArrowRight');
    await expectAt(presenter, 28);
    await expectAt(audience, 28);
  });
});

test.describe('what this browser remembers', () => {
  for (const stored of ['//27', '62/1', '/27?view=print', '#//27', 'javascript:alert(1)']) {
    test(`a remembered position of “${stored}” is ignored and the deck starts`, async ({
      page,
    }) => {
      const errors = watchErrors(page);
      await page.addInitScript((v) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem('inbound:last-position', v);
          sessionStorage.setItem('seeded', '1');
        }
      }, stored);
      await page.goto('/');
      await expect(page.getByRole('button', { name: 'Next step' })).toBeEnabled();
      expect(new URL(page.url()).pathname).toBe('/');
      expect(new URL(page.url()).search).toBe('');
      await expectAt(page, 1);
      await expect(page.locator('.print-toolbar')).toHaveCount(0);
      // The title slide is not hidden as if another slide were coming.
      expect(
        await page.evaluate(() => document.documentElement.classList.contains('deep-link')),
      ).toBe(false);
      await page.keyboard.press('ArrowRight');
      await expectAt(page, 2);
      await page.reload();
      await expect(page.getByRole('button', { name: 'Next step' })).toBeEnabled();
      expect(errors).toEqual([]);
    });
  }

  test('a valid remembered position still resumes, with its live switches', async ({ page }) => {
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('inbound:last-position', '#/27?etp=Local&addr=ip');
        sessionStorage.setItem('seeded', '1');
      }
    });
    await page.goto('/');
    await expect(page).toHaveURL(/\/#\/27\?etp=Local&addr=ip$/);
    await expect.poll(() => card(page)).toEqual(['Src: 1.2.3.4:51234', 'Dst: 10.0.1.1:8080']);
  });

  test('a stored timer far beyond any talk reads as zero', async ({ page }) => {
    await page.addInitScript(() =>
      localStorage.setItem('inbound:presenter-timer', '{"startedAt":null,"banked":2.7e305}'),
    );
    await page.goto('/?view=presenter#/1');
    await expect(page.getByTestId('elapsed')).toHaveText('0:00');
    await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
  });
});

test.describe('links', () => {
  test('the message about a bad link goes once the link is fixed', async ({ page }) => {
    await page.goto('/#/27/x');
    await expect(page.getByRole('alert')).toContainText('“x” is not a step number');
    await page.evaluate(() => (window.location.hash = '#/27?etp=Local'));
    await expect.poll(() => card(page)).toEqual(['Src: client', 'Dst: pod:pod-port']);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('a second “?” in a link still reads what follows it', async ({ page }) => {
    await page.goto('/#/27?etp=Local?addr=ip');
    await expect(page).toHaveURL(/#\/27\?etp=Local&addr=ip$/);
    await expect.poll(() => card(page)).toEqual(['Src: 1.2.3.4:51234', 'Dst: 10.0.1.1:8080']);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});
