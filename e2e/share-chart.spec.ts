import { expect, test, type Page } from '@playwright/test';
import { seriousAxeInEachTheme, snap, trackAttribute, watchErrors } from './helpers';

// Slides since/6 (trafficDistribution) and since/11 (a load balancer weighting
// nodes by their pods): on the step with shares, a histogram of each pod's share
// of requests, the switch's first value as outlined ghost bars behind the value
// standing, the percentages over each node's bars; V flips it.

test.use({ viewport: { width: 1920, height: 1080 }, reducedMotion: 'reduce' });

const stage = (page: Page) => page.locator('.diagram-layer:not([data-hidden])');
const chart = (page: Page) => stage(page).getByTestId('share-chart');

/** Each node's percentages as written over its bars, in order. */
const values = (page: Page) =>
  chart(page)
    .locator('.share-chart-value')
    .evaluateAll((els) => els.map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()));

const legend = (page: Page) =>
  chart(page)
    .locator('.share-chart-legend')
    .evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()));

const ghosts = (page: Page) => chart(page).locator('.share-chart-before');

/**
 * The chart's texts and boxes on screen: whether each text lies within the
 * chart's frame, pairs of its texts that overlap, and the stage's other
 * labels (the heading, the tags, the cluster, the client) it overlaps.
 */
const clashes = (page: Page) =>
  chart(page).evaluate((g) => {
    const r = (e: Element) => e.getBoundingClientRect();
    const hit = (a: DOMRect, b: DOMRect) =>
      a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
    const frame = r(g.querySelector('rect') as Element);
    const texts = Array.from(g.querySelectorAll(':scope > text, g > text'));
    const out: string[] = [];
    for (const t of texts) {
      const b = r(t);
      if (
        b.left < frame.left ||
        b.right > frame.right ||
        b.top < frame.top ||
        b.bottom > frame.bottom
      )
        out.push(`"${t.textContent}" leaves the chart`);
    }
    texts.forEach((a, i) =>
      texts.slice(i + 1).forEach((b) => {
        if (hit(r(a), r(b))) out.push(`"${a.textContent}" overlaps "${b.textContent}"`);
      }),
    );
    // Every other word on the stage (the heading, the tags, the legend, the cluster's, the
    // client's), and the cluster's frame.
    const svg = g.closest('svg') as SVGSVGElement;
    const others = Array.from(
      svg.querySelectorAll(
        'text, [data-testid="switch-tag"], [data-testid="policy-tag"], .cluster-shapes > rect',
      ),
    ).filter((o) => !g.contains(o));
    for (const o of others)
      if (hit(frame, r(o))) out.push(`the chart overlaps "${o.textContent ?? o.tagName}"`);
    return out;
  });

test('#/since/11: equal weighting alone, then by pods over it; V flips between them', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/#/since/11');
  await expect(chart(page)).toBeVisible();
  await expect.poll(() => values(page)).toEqual(['50%', '8.3% each']);
  expect(await legend(page)).toEqual(['now: equal']);
  await expect(ghosts(page)).toHaveCount(0);
  await expect(chart(page).locator('.share-chart-bar')).toHaveCount(7);
  await expect(chart(page)).toHaveAttribute('role', 'img');
  await expect(chart(page)).toHaveAttribute('aria-label', /Node1 50%; Node2's pods 8\.3% each/);
  expect(await clashes(page)).toEqual([]);

  await page.goto('/#/since/11?sw=by-pods');
  await expect.poll(() => values(page)).toEqual(['50% → 14.3%', '8.3% → 14.3% each']);
  expect(await legend(page)).toEqual(['was: equal', 'now: by pods']);
  await expect(ghosts(page)).toHaveCount(7);
  await expect(chart(page)).toHaveAttribute(
    'aria-label',
    /before \(equal\) and now \(by pods\): Node1 50% before, 14\.3% now/,
  );
  expect(await clashes(page)).toEqual([]);
  await snap(page, 'share-chart-since-11-by-pods');

  // V: back to equal, the ghosts gone; V again: by pods.
  await page.locator('body').press('v');
  await expect(page).toHaveURL(/#\/since\/11$/);
  await expect.poll(() => values(page)).toEqual(['50%', '8.3% each']);
  await expect(ghosts(page)).toHaveCount(0);
  await page.locator('body').press('v');
  await expect(page).toHaveURL(/sw=by-pods/);
  await expect.poll(() => values(page)).toEqual(['50% → 14.3%', '8.3% → 14.3% each']);
  expect(errors).toEqual([]);
});

test('#/since/6: trafficDistribution off, PreferSameZone, PreferSameNode, and V through them', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const expected: [string, string[], string[]][] = [
    ['', ['33.3%', '33.3% each'], ['now: off']],
    [
      '?sw=prefersamezone',
      ['33.3% → 100%', '33.3% → 0% each'],
      ['was: off', 'now: PreferSameZone'],
    ],
    [
      '?sw=prefersamenode',
      ['33.3% → 100%', '33.3% → 0% each'],
      ['was: off', 'now: PreferSameNode'],
    ],
  ];
  for (const [query, shown, words] of expected) {
    await page.goto(`/#/since/6${query}`);
    await expect.poll(() => values(page), query).toEqual(shown);
    expect(await legend(page)).toEqual(words);
    await expect(ghosts(page)).toHaveCount(query ? 3 : 0);
    expect(await clashes(page), query).toEqual([]);
  }
  await snap(page, 'share-chart-since-6-prefersamenode');
  // The step with the packet has no chart.
  await page.goto('/#/since/6/1');
  await expect(stage(page).getByTestId('packet')).toBeVisible();
  await expect(chart(page)).toHaveCount(0);

  await page.goto('/#/since/6');
  await expect.poll(() => values(page)).toEqual(['33.3%', '33.3% each']);
  await page.locator('body').press('v');
  await expect(page).toHaveURL(/sw=prefersamezone/);
  await expect.poll(() => values(page)).toEqual(['33.3% → 100%', '33.3% → 0% each']);
  expect(errors).toEqual([]);
});

/** Pod-c's bar height every animation frame for `ms` after pressing `key`. */
const heightsAfter = (page: Page, key: string, ms: number): Promise<number[]> =>
  trackAttribute(
    page,
    key,
    ms,
    '.diagram-layer:not([data-hidden]) .share-chart-bar[data-pod="pod-c"]',
    'height',
  );

for (const motion of ['no-preference', 'reduce'] as const)
  test(`V on #/since/6, motion ${motion}: Pod-c's bar goes to three times its height, ${motion === 'reduce' ? 'at once' : 'growing'}`, async ({
    browser,
  }) => {
    const context = await browser.newContext({
      viewport: { width: 1920, height: 1080 },
      reducedMotion: motion,
    });
    const page = await context.newPage();
    await page.goto('/#/since/6');
    await expect.poll(() => values(page)).toEqual(['33.3%', '33.3% each']);
    await page.waitForTimeout(500);
    const [third] = await heightsAfter(page, 'Shift', 50);
    expect(third).toBeGreaterThan(20);
    const seen = await heightsAfter(page, 'v', 1200);
    await expect(page).toHaveURL(/sw=prefersamezone/);
    expect(seen.at(-1)).toBeCloseTo(third! * 3, 0);
    const between = seen.filter((h) => h > third! + 2 && h < third! * 3 - 2);
    if (motion === 'reduce') expect(between).toEqual([]);
    else expect(between.length).toBeGreaterThan(2);
    await context.close();
  });

test('axe finds nothing serious on the chart, in each theme', async ({ page }) => {
  expect(
    await seriousAxeInEachTheme(page, '#/since/11?sw=by-pods', (p) =>
      expect(chart(p)).toBeVisible(),
    ),
  ).toEqual([]);
});
