import { expect, test, type Page } from '@playwright/test';
import {
  expectAt,
  packetLines,
  seriousAxeInEachTheme,
  SLIDE_COUNT,
  snap,
  TALK_SLIDES,
  textSizes,
  watchErrors,
} from './helpers';

/** The deck's caption under the stage (the aria-live region). */
const caption = (page: Page) => page.locator('.live-region');
const stage = (page: Page) => page.locator('.diagram-layer:not([data-hidden])');
const bar = (page: Page) => page.getByRole('navigation', { name: 'Deck controls' });

/** Steps per slide of the section, in order: its opener, then the diagrams' hops. */
const SINCE_STEPS = [1, 3, 3, 3, 3, 2, 3, 4, 2, 3, 1, 4];

test.describe('the section after the talk', () => {
  test('→ from the talk’s last step goes on into it; every step is marked as added, with its badge, and the walk ends there', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const errors = watchErrors(page);
    await page.goto('/#/124/4');
    await page.keyboard.press('ArrowRight');
    await expectAt(page, TALK_SLIDES + 1);
    await expect(bar(page)).toContainText(`since 1 / ${SLIDE_COUNT - TALK_SLIDES}`);
    await expect(page.locator('.since-added')).toHaveText('Added to the talk · not its words');
    await expect(page.locator('.since-badge')).toContainText('2026');
    await expect(page.locator('.text-slide')).toContainText(
      'What changed on the way into a cluster',
    );
    await snap(page, 'since-opener');
    for (const [i, steps] of SINCE_STEPS.entries()) {
      for (let k = 0; k < steps; k++) {
        await expectAt(page, TALK_SLIDES + i + 1, k);
        if (i > 0) {
          // A diagram: its own heading where the talk's slides have the mode's title.
          const heading = stage(page).locator('.since-heading');
          await expect(heading).toContainText('Added to the talk · not its words');
          await expect(heading.locator('.since-badge-text')).toContainText(/20\d\d/);
          // Its title, however long, stays in the column left of the cluster.
          const title = await heading.locator('.mode-title').boundingBox();
          const cluster = await stage(page).locator('.cluster-shapes > rect').first().boundingBox();
          expect(title && cluster && title.x + title.width).toBeLessThan(cluster?.x ?? 0);
        }
        await page.keyboard.press('ArrowRight');
      }
    }
    // The last step stays the last.
    await expectAt(page, SLIDE_COUNT, SINCE_STEPS[SINCE_STEPS.length - 1]! - 1);
    await expect(bar(page).getByRole('button', { name: 'Next step' })).toBeDisabled();
    expect(errors).toEqual([]);
  });

  test('a link opens a slide of it, a bad one says what there is', async ({ page }) => {
    await page.goto('/#/since/8/1');
    await expect(bar(page)).toContainText('since 8 / 12');
    await expect(stage(page).locator('.since-heading')).toContainText('Direct server return');
    // The tab names the slide by its own title and hop, not the mode's.
    await expect(page).toHaveTitle(
      'Since 2020 · 8 / 12 · step 1 · Direct server return: hop 2 · Inbound',
    );
    await page.goto('about:blank');
    await page.goto('/#/since/99');
    await expect(page.getByRole('alert')).toContainText(
      'the section after the talk has slides 1 to 12',
    );
    await expectAt(page, SLIDE_COUNT);
    // Typed numbers are the talk's own.
    await page.keyboard.type('130');
    await page.keyboard.press('Enter');
    await expectAt(page, 124);
  });

  test('Go to finds it by place and by topic; the key help names V and M', async ({ page }) => {
    await page.goto('/#/27');
    await page.keyboard.press('g');
    const goTo = page.getByRole('dialog', { name: 'Go to slide' });
    const box = goTo.getByRole('combobox');
    await expect(box).toBeFocused();
    await box.fill('since 8');
    await expect(goTo.getByRole('option').first()).toContainText('Direct server return');
    await box.press('Enter');
    await expectAt(page, TALK_SLIDES + 8);
    await page.keyboard.press('g');
    await expect(box).toBeFocused();
    await box.fill('gateway');
    await expect(goTo.getByRole('option').first()).toContainText('Gateway API');
    await box.press('Escape');
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: /Keyboard/ });
    await expect(help).toContainText('Flip the slide’s own switch');
    await expect(help).toContainText('Markers on the talk’s slides');
  });

  test('its words reach the caption under the stage once they have loaded', async ({ page }) => {
    await page.goto('/#/since/10/1?sw=v2');
    await expect(caption(page)).toContainText('0D 0A 0D 0A 00 0D 0A 51 55 49 54 0A 21 11 00 0C');
    await expect(caption(page)).toContainText('Added since 2020, slide 10 of 12, step 1.');
  });

  test('a link into it shows its caption from the first words, never the bare sentence first', async ({
    page,
  }) => {
    // Every text the caption ever holds, from the page's first script on.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __captions: string[] }).__captions = seen;
      new MutationObserver(() => {
        const region = document.querySelector('.live-region');
        const text = region?.textContent ?? '';
        // (The prerendered title slide is hidden on a link to another slide: not shown, not read.)
        if (
          text &&
          region?.checkVisibility({ visibilityProperty: true }) &&
          seen[seen.length - 1] !== text
        )
          seen.push(text);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.goto('/#/since/8/1');
    await expect(caption(page)).toContainText('DSR: no SNAT');
    const seen = await page.evaluate(
      () => (window as unknown as { __captions: string[] }).__captions,
    );
    expect(seen.length).toBeGreaterThan(0);
    for (const text of seen) expect(text).toContain('kube-proxy: SNAT, Src 10.240.0.1:61012');
  });
});

test.describe('a slide’s own switch', () => {
  test('V flips ipMode VIP ⇄ Proxy: the link, the stage and the packet follow', async ({
    page,
  }) => {
    await page.goto('/#/since/2/1');
    const tag = stage(page).getByTestId('switch-tag');
    await expect(tag).toContainText('ipMode = VIP');
    await expect.poll(() => packetLines(page)).toEqual(['Src: client', 'Dst: VIP:service-port']);
    await page.keyboard.press('v');
    await expect(page).toHaveURL(/#\/since\/2\/1\?sw=proxy$/);
    await expect(tag).toContainText('ipMode = Proxy');
    await expect.poll(() => packetLines(page)).toEqual(['Src: VIP', 'Dst: node1:node-port']);
    // In addresses: the load balancer's own address as the source, the node port as the destination.
    await page.keyboard.press('a');
    await expect
      .poll(() => packetLines(page))
      .toEqual(['Src: 203.0.113.10:41000', 'Dst: 10.240.0.1:30093']);
    await snap(page, 'since-ipmode-proxy');
    // The switch holds through the slide's steps, and the button in the bar says where it is.
    await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(/#\/since\/2\/2\?addr=ip&sw=proxy$/);
    await expect(bar(page).getByRole('radio', { name: 'Proxy' })).toBeChecked();
    await page.keyboard.press('v');
    await expect(bar(page).getByRole('radio', { name: 'VIP' })).toBeChecked();
    // The next slide starts as it opens.
    await page.goto('/#/since/8/1?sw=dsr');
    await expect.poll(() => packetLines(page)).toEqual(['Src: client', 'Dst: pod:pod-port']);
    await page.keyboard.press('v');
    await expect.poll(() => packetLines(page)).toEqual(['Src: node1', 'Dst: pod:pod-port']);
  });

  test('DSR: the reply leaves Node2 straight for the client, from node1:30093', async ({
    page,
  }) => {
    await page.goto('/#/since/8/2?sw=dsr&addr=ip');
    await expect
      .poll(() => packetLines(page))
      .toEqual(['Src: 10.240.0.1:30093', 'Dst: 1.2.3.4:51234']);
    await expect(caption(page)).toContainText(/Reply, hop 2 of 2: Node2/);
    await page.keyboard.press('v');
    // kube-proxy: the reply goes back through Node1, which undoes its NAT.
    await expect(caption(page)).toContainText(/Reply, hop 2 of 2: Node1/);
  });

  test('where a slide has none, V says so and changes nothing', async ({ page }) => {
    await page.goto('/#/27');
    await page.keyboard.press('v');
    await expect(page.getByRole('status')).toContainText('no switch of its own');
    await expect(page).toHaveURL(/#\/27$/);
  });

  test('the presenter flips it and the audience follows', async ({ page, context }) => {
    await page.goto('/#/since/2/1');
    const presenter = await context.newPage();
    await presenter.goto('/?view=presenter#/since/2/1');
    await expect(presenter.locator('.presenter-notes')).toContainText('KEP-1860');
    await expect(presenter.locator('.presenter-notes')).toContainText('Sources:');
    await presenter.keyboard.press('v');
    await expect(page).toHaveURL(/sw=proxy/);
    await expect(stage(page).getByTestId('switch-tag')).toContainText('ipMode = Proxy');
  });
});

test.describe('markers on the talk’s slides', () => {
  test('hidden as the talk was given; M shows them, a marker leads into the section, M hides them', async ({
    page,
  }) => {
    await page.goto('/#/39');
    const marks = page.getByRole('navigation', { name: 'Changed since 2020' });
    await expect(marks).toHaveCount(0);
    await page.keyboard.press('m');
    await expect(page).toHaveURL(/#\/39\?marks=1$/);
    const link = marks.getByRole('link', { name: /^Since 2020: .*→$/ });
    await expect(link.first()).toBeVisible();
    await snap(page, 'since-marker-39');
    await link.first().click();
    await expectAt(page, TALK_SLIDES + 11);
    await expect(stage(page).locator('.since-heading')).toContainText('weight');
    await page.goto('/#/39?marks=1');
    await expect(marks.getByRole('link').first()).toBeVisible();
    await page.keyboard.press('m');
    await expect(marks).toHaveCount(0);
    await expect(page).toHaveURL(/#\/39$/);
  });

  test('3b and 4d keep what the talk said; the section shows what exists now', async ({ page }) => {
    await page.goto('/#/62/1');
    await expect(stage(page)).toContainText('Hypothetical: nobody had built this in 2020');
    await page.goto('/#/124/4');
    await expect(stage(page)).toContainText('Hypothetical: nobody had built this in 2020');
    await page.goto('/#/since/9/1');
    await expect(stage(page)).not.toContainText('Hypothetical');
    await page.goto('/#/since/12/3');
    await expect(stage(page)).not.toContainText('Hypothetical');
    await expect(stage(page)).toContainText('Gateway A');
  });
});

test.describe('the bar with a slide’s own switch', () => {
  for (const [width, height] of [
    [1280, 720],
    [1600, 1000],
    [1920, 1080],
  ] as const)
    test(`${width}×${height}: every control is on screen`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      for (const hash of ['#/since/8/1?sw=dsr', '#/since/6?sw=prefersamenode', '#/since/2/1']) {
        await page.goto(`/${hash}`);
        const controls = bar(page).locator('button, select');
        await expect(controls.first()).toBeVisible();
        for (const control of await controls.all()) {
          const box = await control.boundingBox();
          expect(
            (box?.x ?? 0) + (box?.width ?? 0),
            `${hash}: ${await control.innerText()}`,
          ).toBeLessThanOrEqual(width);
        }
      }
    });
});

test.describe('readable and accessible', () => {
  test.use({ viewport: { width: 1920, height: 1080 }, reducedMotion: 'reduce' });

  test('every step of every slide reads 28 px or more at 1920×1080, under every switch value', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const small: string[] = [];
    const values: Record<number, string[]> = {
      2: ['vip', 'proxy'],
      3: ['vip', 'proxy'],
      5: ['cluster', 'local'],
      6: ['none', 'prefersamezone', 'prefersamenode'],
      8: ['kube-proxy', 'dsr'],
      9: ['on', 'off'],
      10: ['v1', 'v2'],
      11: ['equal', 'by-pods'],
    };
    for (const [i, steps] of SINCE_STEPS.entries()) {
      const k = i + 1;
      if (k === 1) continue;
      for (let step = 0; step < steps; step++)
        for (const sw of values[k] ?? ['']) {
          const hash = `#/since/${k}${step ? `/${step}` : ''}${sw ? `?sw=${sw}` : ''}`;
          await page.goto(`/${hash}`);
          await expect.poll(async () => (await textSizes(page)).length).toBeGreaterThan(5);
          for (const t of await textSizes(page))
            if (t.px < 27.5) small.push(`${hash}: "${t.text}" at ${t.px.toFixed(1)} px`);
        }
    }
    expect(small).toEqual([]);
  });

  test('axe finds nothing on a diagram of the section, in each theme', async ({ page }) => {
    // As for the talk's slides (print-a11y.spec.ts): nothing serious or critical.
    expect(
      await seriousAxeInEachTheme(page, '#/since/7', (p) =>
        expect(stage(p).locator('.since-heading')).toBeVisible(),
      ),
    ).toEqual([]);
  });
});
