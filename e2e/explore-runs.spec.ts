import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { watchErrors } from './helpers';

// Many requests in the explorer's Requests tab: the bars against the exact
// shares, Cluster and Local side by side, Cancel, and a million requests that
// never hold the page up.

/** Opens the explorer on a slide's cluster and shows the Requests tab. */
async function openRequests(page: Page, slide: number): Promise<void> {
  await page.goto(`/#/explore?slide=${slide}`);
  await page.getByRole('tab', { name: 'Requests' }).click();
  await expect(page.getByLabel('Requests (N)')).toBeVisible();
}

/** Types N and sends; waits for the summary of a finished run. */
async function send(page: Page, n: string): Promise<void> {
  await page.getByLabel('Requests (N)').fill(n);
  await page.getByRole('button', { name: /^Send / }).click();
}

const summary = (page: Page) => page.locator('.runs-summary');

interface Cell {
  id: string;
  policy: string;
  share: number;
  expected: number;
  count: number;
}

/** Every number of a chart's table: one cell per bar. */
async function cells(page: Page, kind: 'pod' | 'node'): Promise<Cell[]> {
  return page.locator(`tr[data-${kind}] td[data-share]`).evaluateAll(
    (tds, k) =>
      tds.map((td) => ({
        id: td.closest('tr')?.getAttribute(`data-${k}`) ?? '',
        policy: td.getAttribute('data-policy') ?? '',
        share: Number(td.getAttribute('data-share')),
        expected: Number(td.getAttribute('data-expected')),
        count: Number(td.getAttribute('data-count')),
      })),
    kind,
  );
}

/** Within five standard errors of the exact share, as a sample of n should be. */
const near = (share: number, expected: number, n: number) =>
  Math.abs(share - expected) <= 5 * Math.sqrt((expected * (1 - expected)) / n) + 1e-9;

test("100,000 requests on the talk's cluster: every bar within sampling error of its exact share", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openRequests(page, 27);
  await send(page, '100000');
  await expect(summary(page)).toContainText('100,000 requests:');

  const pods = await cells(page, 'pod');
  const nodes = await cells(page, 'node');
  // Service A's two pods and the two nodes, under Cluster and under Local.
  expect(pods.map((c) => `${c.id} ${c.policy}`).sort()).toEqual([
    'pod-a Cluster',
    'pod-a Local',
    'pod-c Cluster',
    'pod-c Local',
  ]);
  expect(nodes).toHaveLength(4);
  for (const c of [...pods, ...nodes]) {
    expect(c.expected, `${c.id} ${c.policy}`).toBeCloseTo(0.5, 12);
    expect(near(c.share, c.expected, 100_000), `${c.id} ${c.policy}: ${c.share}`).toBe(true);
    expect(c.count).toBe(Math.round(c.share * 100_000));
  }
  // Each bar is named for a screen reader with its share and the expected one.
  const bars = page.getByRole('img', {
    name: /^Pod-[ac], (Cluster|Local): \d+\.\d% \(expected 50\.0%\)$/,
  });
  await expect(bars).toHaveCount(4);

  // A second run, with another seed, comes back too (with other counts, the same shares).
  await page.getByLabel('Seed').fill('2');
  await send(page, '100000');
  await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 20_000 });
  await expect
    .poll(async () => (await cells(page, 'pod')).map((c) => c.count))
    .not.toEqual(pods.map((c) => c.count));
  for (const c of await cells(page, 'pod'))
    expect(near(c.share, c.expected, 100_000), `${c.id} ${c.policy}: ${c.share}`).toBe(true);
  await page.screenshot({ path: 'test-results/screenshots/explore-runs-27.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('slide 37 under Cluster and Local side by side: Local drops what reaches Node1', async ({
  page,
}) => {
  await openRequests(page, 37);
  await send(page, '100000');
  await expect(summary(page)).toContainText('Local loses');
  const facts = page.getByRole('table', {
    name: 'Requests lost, and where the pod sees the client',
  });
  await expect(facts.getByRole('columnheader')).toHaveText([
    'Share of requests',
    'Cluster',
    'Local (live)',
  ]);
  const lost = await facts.locator('td[data-lost]').evaluateAll((tds) =>
    tds.map((td) => ({
      policy: td.getAttribute('data-policy'),
      lost: Number(td.getAttribute('data-lost')),
      expected: Number(td.getAttribute('data-expected')),
    })),
  );
  expect(lost[0]).toEqual({ policy: 'Cluster', lost: 0, expected: 0 });
  expect(lost[1]?.policy).toBe('Local');
  expect(lost[1]?.expected).toBe(0.5);
  expect(near(lost[1]?.lost ?? 0, 0.5, 100_000)).toBe(true);
  await expect(page.getByRole('list', { name: 'Why requests were lost' })).toContainText(
    'Node1 has no ready pod of Service A and externalTrafficPolicy is Local, so Node1 drops the packet silently',
  );
  // Under Cluster every pod sees Node1 or Node2, never the client; under Local the ones reached do.
  const l3 = facts.locator('td[data-fate="l3"]');
  await expect(l3).toHaveText(['0%', /^5\d\.\d%$/]);
  await page.screenshot({ path: 'test-results/screenshots/explore-runs-37.png', fullPage: true });
});

test('after an edit the numbers are marked out of date, and a small run is sent again by itself', async ({
  page,
}) => {
  await openRequests(page, 37);
  await send(page, '100000');
  await expect(summary(page)).toContainText('100,000 requests:');
  const policy = page.getByRole('radiogroup', { name: 'externalTrafficPolicy' });
  await policy.getByRole('radio', { name: 'Cluster' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Out of date' })).toBeVisible();
  await expect(page.locator('[data-stale="true"]')).toHaveCount(1);

  await send(page, '1000');
  await expect(summary(page)).toContainText('1,000 requests:');
  await expect(page.getByRole('columnheader', { name: 'Cluster (live)' })).toBeVisible();
  await policy.getByRole('radio', { name: 'Local' }).click();
  // 1,000 requests go at once: the numbers follow the edit with no press.
  await expect(page.getByRole('columnheader', { name: 'Local (live)' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Out of date' })).toHaveCount(0);
});

test('axe finds nothing serious on the Requests panel with its results and tables', async ({
  page,
}) => {
  await openRequests(page, 37);
  await send(page, '20000');
  await expect(summary(page)).toContainText('20,000 requests:');
  await page.getByRole('button', { name: 'Show the numbers as tables' }).click();
  await expect(page.getByRole('button', { name: 'Show the numbers as tables' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const result = await new AxeBuilder({ page }).include('.explore-side').analyze();
  expect(
    result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
});

test('without a Web Worker a large run goes on the page in slices, and says so', async ({
  page,
}) => {
  await page.addInitScript(() => {
    // A browser (or a page opened from a file) that cannot start the run worker.
    Object.defineProperty(window, 'Worker', { value: undefined });
  });
  await openRequests(page, 39);
  await send(page, '200000');
  await expect(summary(page)).toContainText('200,000 requests:');
  await expect(page.getByText('This browser could not start a Web Worker')).toBeVisible();
  for (const c of await cells(page, 'pod'))
    expect(near(c.share, c.expected, 200_000), `${c.id} ${c.policy}`).toBe(true);
});

test('a bad N is refused with a clear message and nothing is sent', async ({ page }) => {
  await openRequests(page, 27);
  await send(page, 'lots');
  await expect(page.getByRole('alert')).toHaveText('"lots" is not a number of requests');
  await expect(page.getByLabel('Requests (N)')).toHaveAttribute('aria-invalid', 'true');
  await send(page, '2,000,000');
  await expect(page.getByRole('alert')).toHaveText(
    'The number of requests must be from 1 to 1,000,000',
  );
  await expect(summary(page)).toBeEmpty();
});

test('Cancel stops a run of 1,000,000 requests', async ({ page }) => {
  await openRequests(page, 39);
  await page.getByLabel('Requests (N)').fill('1000000');
  // Press Cancel the moment the progress bar shows, before the worker can finish.
  await page.evaluate(() => {
    const seen = new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"]');
      const cancel = bar?.parentElement?.querySelector('button');
      if (!bar || !cancel) return;
      seen.disconnect();
      (window as unknown as { sentAtCancel: string | null }).sentAtCancel =
        bar.getAttribute('aria-valuenow');
      cancel.click();
    });
    seen.observe(document.body, { childList: true, subtree: true });
  });
  await page.getByRole('button', { name: 'Send 1,000,000 requests' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Cancelled.' })).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  const sent = await page.evaluate(
    () => (window as unknown as { sentAtCancel: string }).sentAtCancel,
  );
  expect(Number(sent)).toBeLessThan(2_000_000);
  // The worker is gone: no numbers arrive later.
  await page.waitForTimeout(1_500);
  await expect(summary(page)).toBeEmpty();
  await expect(page.getByRole('status').filter({ hasText: 'Cancelled.' })).toBeVisible();
});

test('1,000,000 requests, with progress, and no main-thread task over 50 ms', async ({ page }) => {
  await openRequests(page, 39);
  await page.getByLabel('Requests (N)').fill('1000000');
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[]; progress: Set<string> };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask' });
    // Every value the progress bar shows on the way.
    w.progress = new Set();
    new MutationObserver(() => {
      const now = document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow');
      if (now) w.progress.add(now);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  // The page's own work during a run is a few tasks of about 15 ms (the progress
  // bar, then the bars). On this shared two-core machine a busy neighbour can
  // stretch one past 50 ms, so the run is sent up to three times and one clean
  // run passes; work of ours over 50 ms shows in every one.
  const seen: number[][] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.evaluate(() => {
      (window as unknown as { longTasks: number[] }).longTasks = [];
    });
    await page.getByRole('button', { name: 'Send 1,000,000 requests' }).click();
    await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 30_000 });
    await expect(summary(page)).toContainText('1,000,000 requests:');
    // Let the last frames land, then read what the observer saw.
    await page.waitForTimeout(300);
    seen.push(await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks));
    if (seen[seen.length - 1]?.length === 0) break;
  }
  expect(
    seen.some((tasks) => tasks.length === 0),
    `long tasks per run: ${JSON.stringify(seen)}`,
  ).toBe(true);
  const progress = await page.evaluate(() => [
    ...(window as unknown as { progress: Set<string> }).progress,
  ]);
  expect(progress.filter((v) => Number(v) > 0 && Number(v) < 2_000_000).length).toBeGreaterThan(0);
  await expect(summary(page)).toContainText('Local loses 0%');
  const pods = await cells(page, 'pod');
  expect(pods).toHaveLength(14);
  for (const c of pods) expect(near(c.share, c.expected, 1_000_000), c.id).toBe(true);
  await page.screenshot({ path: 'test-results/screenshots/explore-runs-39.png', fullPage: true });
});
