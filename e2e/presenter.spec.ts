import { expect, test, type Locator, type Page } from '@playwright/test';
import { NOTES } from '../app/deck/notes';
import { expectAt, SLIDE_COUNT, snap, watchErrors } from './helpers';

test.use({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });

/** The packet's lines inside one part of the page (the presenter view draws two diagrams). */
const cardIn = (scope: Locator) => scope.getByTestId('packet').locator('text').allTextContents();
const audienceCard = (page: Page) => cardIn(page.locator('.deck-main'));
const presenterCard = (page: Page) => cardIn(page.locator('.presenter-current'));
const policyOf = (page: Page) =>
  page
    .getByRole('radiogroup', { name: 'externalTrafficPolicy' })
    .getByRole('radio', { checked: true })
    .textContent();

/** A presenter window and an audience window, as one browser on a laptop with a second screen. */
async function twoWindows(page: Page, hash: string) {
  const audience = page;
  await audience.goto(`/${hash}`);
  const presenter = await audience.context().newPage();
  await presenter.goto(`/?view=presenter${hash}`);
  await expect(presenter.locator('.presenter-current .stage')).toBeVisible();
  return { audience, presenter };
}

test.describe('presenter and audience stay in sync', () => {
  test('the presenter drives: position, packet labels and the policy follow', async ({ page }) => {
    const errors = watchErrors(page);
    const { audience, presenter } = await twoWindows(page, '#/26');
    await presenter.keyboard.press('ArrowRight');
    await expectAt(audience, 27);
    await expect.poll(() => audienceCard(audience)).toEqual(['Src: node1', 'Dst: pod:pod-port']);

    await presenter.keyboard.press('e');
    await expect.poll(() => audienceCard(audience)).toEqual(['Src: client', 'Dst: pod:pod-port']);
    await expect(audience).toHaveURL(/#\/27\?etp=Local$/);
    expect(await policyOf(audience)).toBe('Local');

    await presenter.keyboard.press('a');
    await expect
      .poll(() => audienceCard(audience))
      .toEqual(['Src: 1.2.3.4:51234', 'Dst: 10.0.1.1:8080']);

    await presenter.keyboard.press('r');
    await expect(audience.getByRole('button', { name: 'Return path' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await snap(presenter, 'presenter-27-local');
    await snap(audience, 'audience-27-local');
    expect(errors).toEqual([]);
  });

  test('the audience window drives too, and the presenter follows', async ({ page }) => {
    const { audience, presenter } = await twoWindows(page, '#/65');
    await audience.keyboard.press('ArrowRight');
    await expectAt(presenter, 66);
    await expect.poll(() => presenterCard(presenter)).toEqual(['Src: node1', 'Dst: pod:pod-port']);
    await audience
      .getByRole('radiogroup', { name: 'externalTrafficPolicy' })
      .getByRole('radio', { name: 'Local' })
      .click();
    await expect.poll(() => presenterCard(presenter)).toEqual(['Src: proxy', 'Dst: pod:pod-port']);
    expect(await policyOf(presenter)).toBe('Local');
    // The notes follow the slide.
    await expect(presenter.locator('.presenter-notes .note')).toHaveText(NOTES[65] as string);
  });

  test('a reloaded window catches up at once, and so does one opened later', async ({ page }) => {
    const { audience, presenter } = await twoWindows(page, '#/48');
    await presenter.keyboard.press('ArrowRight');
    await presenter.keyboard.press('ArrowRight');
    await expectAt(audience, 50);
    await audience.reload();
    await expectAt(audience, 50);
    const card = await presenterCard(presenter);
    expect(card.length).toBeGreaterThanOrEqual(2);
    await expect.poll(() => audienceCard(audience)).toEqual(card);

    await presenter.keyboard.press('End');
    await expectAt(audience, SLIDE_COUNT);
    await presenter.reload();
    await expectAt(presenter, SLIDE_COUNT);

    // Every place the audience window shows from now on.
    await audience.evaluate(() => {
      const w = window as unknown as { shown: string[] };
      w.shown = [];
      new MutationObserver(() => w.shown.push(window.location.hash)).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
    // A window opened from an old link joins the presentation where it is.
    const late = await page.context().newPage();
    await late.goto('/#/3');
    await expectAt(late, SLIDE_COUNT);
    // …and nobody was dragged back to slide 3: the late window's next move reaches the
    // audience after anything it said on joining (one channel, in order).
    await late.keyboard.press('ArrowLeft');
    await expectAt(audience, SLIDE_COUNT - 1);
    const shown = await audience.evaluate(() => (window as unknown as { shown: string[] }).shown);
    expect(shown.filter((h) => /^#\/3(?!\d)/.test(h))).toEqual([]);
  });

  test('a window that was hidden catches up when it is shown again', async ({ page }) => {
    // Stand-in for a throttled background window: while "asleep" it hears nothing.
    await page.addInitScript(() => {
      const w = window as unknown as { asleep: boolean; missed: string[] };
      w.asleep = false;
      w.missed = [];
      const add = BroadcastChannel.prototype.addEventListener;
      BroadcastChannel.prototype.addEventListener = function (
        this: BroadcastChannel,
        type: string,
        listener: EventListenerOrEventListenerObject,
      ) {
        const gated = (e: Event) => {
          if (!w.asleep) (listener as (e: Event) => void)(e);
          else w.missed.push(JSON.stringify((e as MessageEvent).data));
        };
        add.call(this, type, gated);
      } as typeof add;
    });
    const { audience, presenter } = await twoWindows(page, '#/19');
    await audience.evaluate(() => ((window as unknown as { asleep: boolean }).asleep = true));
    await presenter.keyboard.press('ArrowRight');
    await presenter.keyboard.press('ArrowRight');
    await expectAt(presenter, 21);
    // The message for slide 21 reached the sleeping window, which did not hear it.
    await expect
      .poll(() => audience.evaluate(() => (window as unknown as { missed: string[] }).missed))
      .toContainEqual(expect.stringMatching(/"slide":21\b/));
    await expectAt(audience, 19);
    await audience.evaluate(() => {
      (window as unknown as { asleep: boolean }).asleep = false;
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expectAt(audience, 21);
  });

  test('without BroadcastChannel, the windows still follow each other (storage events)', async ({
    page,
  }) => {
    await page.context().addInitScript(() => {
      delete (window as unknown as { BroadcastChannel?: unknown }).BroadcastChannel;
    });
    const { audience, presenter } = await twoWindows(page, '#/26');
    expect(await audience.evaluate(() => typeof BroadcastChannel)).toBe('undefined');
    await presenter.keyboard.press('ArrowRight');
    await expectAt(audience, 27);
    await audience.keyboard.press('e');
    await expect.poll(() => presenterCard(presenter)).toEqual(['Src: client', 'Dst: pod:pod-port']);
  });

  test('blackout from the presenter blacks out the audience, not the presenter', async ({
    page,
  }) => {
    const { audience, presenter } = await twoWindows(page, '#/27');
    await presenter.keyboard.press('b');
    await expect(audience.locator('.blackout')).toBeVisible();
    await expect(presenter.locator('.blackout')).toHaveCount(0);
    await expect(presenter.getByText('Audience screen is black (B)')).toBeVisible();
    await presenter.keyboard.press('b');
    await expect(audience.locator('.blackout')).toHaveCount(0);
  });
});

test.describe('the presenter view', () => {
  test('shows the next step, not just the next slide, and the notes', async ({ page }) => {
    await page.goto('/?view=presenter#/61');
    const next = page.getByRole('region', { name: 'Next step' });
    await expect(next.getByRole('heading')).toHaveText(/^Next: slide 62 · /);
    await page.keyboard.press('ArrowRight');
    // Slide 62 (3b) has extra steps: the preview is its first one, drawn.
    await expect(next.getByRole('heading')).toHaveText('Next: step 1 of this slide');
    await expect(next.getByTestId('packet')).toBeVisible();
    await expect(page.locator('.presenter-notes .note')).toHaveText(NOTES[61] as string);
    // The talk's last step leads on into the section added after it…
    await page.goto('/?view=presenter#/124/4');
    await expect(next.getByRole('heading')).toHaveText(/^Next: slide since 1 · Since 2020/);
    // …and the deck ends at that section's last step.
    await page.keyboard.press('End');
    await expect(next.getByRole('heading')).toHaveText('Next: step 1 of this slide');
    // The Gateway API slide: the request's four hops.
    const lastSteps = 3;
    for (let i = 0; i < lastSteps; i++) await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(new RegExp(`#/since/${SLIDE_COUNT - 124}/${lastSteps}$`));
    await expect(next.getByRole('heading')).toHaveText(/end of the deck/);
    await snap(page, 'presenter-end');
  });

  test('the preview carries the live policy into the next step of the same mode', async ({
    page,
  }) => {
    await page.goto('/?view=presenter#/26?etp=Local');
    const preview = page.locator('.presenter-preview');
    await expect.poll(() => cardIn(preview)).toEqual(['Src: client', 'Dst: pod:pod-port']);
    await page.keyboard.press('e');
    await expect.poll(() => cardIn(preview)).toEqual(['Src: node1', 'Dst: pod:pod-port']);
  });

  test('the timer starts, pauses, resets, and survives a reload', async ({ page }) => {
    const t0 = new Date('2026-11-23T10:00:00').getTime();
    await page.clock.install({ time: t0 });
    await page.goto('/?view=presenter#/1');
    const elapsed = page.getByTestId('elapsed');
    await expect(elapsed).toHaveText('0:00');
    await page.clock.pauseAt(t0 + 5_000);
    await page.getByRole('button', { name: 'Start' }).click();
    await page.clock.runFor(65_000);
    await expect(elapsed).toHaveText('1:05');
    // A reload keeps the timer running from where it was (a few real seconds pass meanwhile).
    await page.clock.resume();
    await page.reload();
    await expect(elapsed).toHaveText(/^1:(0[5-9]|1\d)$/);
    await page.getByRole('button', { name: 'Pause' }).click();
    const paused = await elapsed.textContent();
    await page.clock.runFor(60_000);
    await expect(elapsed).toHaveText(paused as string);
    await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
    await page.getByRole('button', { name: 'Reset' }).click();
    await expect(elapsed).toHaveText('0:00');
    await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
    await expect(page.getByLabel('Clock')).toHaveText(/10:0\d/);
  });

  test('the timer starts by itself on the first step forward, from either window', async ({
    page,
  }) => {
    const t0 = new Date('2026-11-23T10:00:00').getTime();
    await page.clock.install({ time: t0 });
    const { audience, presenter } = await twoWindows(page, '#/1');
    await presenter.clock.install({ time: t0 });
    await presenter.reload();
    const elapsed = presenter.getByTestId('elapsed');
    // Loaded, and left alone: nothing counts.
    await expect(elapsed).toHaveText('0:00');
    await expect(presenter.getByRole('button', { name: 'Start' })).toBeVisible();
    await presenter.clock.runFor(30_000);
    await expect(elapsed).toHaveText('0:00');
    // The audience window steps forward: the presenter's timer runs.
    await audience.keyboard.press('ArrowRight');
    await expectAt(presenter, 2);
    await expect(presenter.getByRole('button', { name: 'Pause' })).toBeVisible();
    await presenter.clock.runFor(65_000);
    await expect(elapsed).toHaveText('1:05');
    // Paused, it stays paused through later steps.
    await presenter.getByRole('button', { name: 'Pause' }).click();
    await presenter.keyboard.press('ArrowRight');
    await expectAt(presenter, 3);
    await presenter.clock.runFor(20_000);
    await expect(elapsed).toHaveText('1:05');
    // Reset: zero, and it waits for the next step forward, not a step back.
    await presenter.getByRole('button', { name: 'Reset' }).click();
    await expect(elapsed).toHaveText('0:00');
    await presenter.keyboard.press('ArrowLeft');
    await expectAt(presenter, 2);
    await presenter.clock.runFor(20_000);
    await expect(elapsed).toHaveText('0:00');
    await presenter.keyboard.press('ArrowRight');
    await expect(presenter.getByRole('button', { name: 'Pause' })).toBeVisible();
    await presenter.clock.runFor(7_000);
    await expect(elapsed).toHaveText('0:07');
  });

  test('S in the deck opens the presenter view at the same place', async ({ page }) => {
    await page.goto('/#/27');
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
    await expect(popup).toHaveURL(/\?view=presenter#\/27$/);
    await expect(popup.locator('.presenter-current .stage')).toBeVisible();
  });
});
