import { expect, test } from '@playwright/test';
import { TALK_SCENES } from '../app/deck/scenes';
import { STEP_NOTES } from '../app/deck/step-notes';
import { packetLines, snap, textSizes } from './helpers';

test.describe('readable from the back of the room', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  for (const hash of [
    '#/27',
    '#/37',
    '#/53?etp=Local',
    '#/66',
    '#/92/1',
    '#/109',
    '#/124/4',
    '#/39',
  ])
    test(`${hash}: nothing on the diagram is smaller than 28 px at 1920×1080`, async ({ page }) => {
      await page.goto(`/${hash}`);
      await expect.poll(async () => (await textSizes(page)).length).toBeGreaterThan(10);
      // The card at rest, with its final face (39 has no card: it shows the shares).
      if (hash !== '#/39')
        await expect.poll(() => packetLines(page).then((l) => l.length)).toBeGreaterThan(0);
      await page.waitForFunction(() =>
        document.getAnimations().every((a) => a.playState !== 'running'),
      );
      const small = (await textSizes(page)).filter((t) => t.px < 27.5);
      expect(small).toEqual([]);
    });
});

test.describe('every diagram step', () => {
  test.use({ viewport: { width: 1920, height: 1080 }, reducedMotion: 'reduce' });

  // Every step that draws the cluster: the talk's diagram slides and the extra steps after them.
  const steps = [
    ...Object.keys(TALK_SCENES).map((n) => `#/${n}`),
    ...Object.keys(STEP_NOTES).map((k) => `#/${k}`),
  ];

  test('reads 28 px or more at 1920×1080 on every diagram step, both policies, in words and in addresses', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    expect(steps.length).toBeGreaterThan(40);
    const small: string[] = [];
    for (const hash of steps)
      for (const query of ['', '?addr=ip', '?etp=Local', '?etp=Local&addr=ip']) {
        await page.goto(`/${hash}${query}`);
        await expect.poll(async () => (await textSizes(page)).length).toBeGreaterThan(0);
        for (const t of await textSizes(page))
          if (t.px < 27.5) small.push(`${hash}${query}: "${t.text}" at ${t.px.toFixed(1)} px`);
      }
    expect(small).toEqual([]);
  });
});

test.describe('the audience sees the policy', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('on 53 the stage says externalTrafficPolicy = Local, even in fullscreen, and E flips it there, marked', async ({
    page,
  }) => {
    await page.goto('/#/53?etp=Local');
    const tag = page.locator('.diagram-layer:not([data-hidden])').getByTestId('policy-tag');
    await expect(tag).toContainText('externalTrafficPolicy');
    await expect(tag).toContainText('Local');
    await page.keyboard.press('f');
    await expect(tag).toBeVisible();
    await expect(tag).toContainText('Local');
    await page.keyboard.press('e');
    await expect(tag).toContainText('Cluster');
    await expect(tag).toHaveAttribute('data-flipped', /.*/);
    await snap(page, 'stage-53-flipped-fullscreen');
    // The mark goes by itself.
    await expect(tag).not.toHaveAttribute('data-flipped', /.*/, { timeout: 5000 });
  });

  test('where the mode has no policy (Pod IP, 1-hop load balancers) the stage shows none', async ({
    page,
  }) => {
    for (const hash of ['#/19', '#/78']) {
      await page.goto(`/${hash}`);
      await expect(
        page.locator('.diagram-layer:not([data-hidden]) [data-testid="packet"]'),
      ).toBeVisible();
      await expect(page.getByTestId('policy-tag')).toHaveCount(0);
    }
  });
});
