import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { topologyFileText } from '../app/explore/file';
import { sampleCluster } from '../app/explore/sample-cluster';
import { snap, watchErrors } from './helpers';

// Keep and share: the link in the address bar and behind "Copy link" carries the
// whole explorer; the browser keeps the last cluster; a topology goes out and
// comes back as a JSON file.

/** A 3-node cluster whose nodes have names the talk never uses, as a topology file. */
const renamed = () => {
  const t = sampleCluster(3, 12);
  const names = ['Alpha', 'Bravo', 'Charlie'];
  return { ...t, nodes: t.nodes.map((n, i) => ({ ...n, name: names[i] ?? n.name })) };
};
const clusterFile = () => ({
  name: 'three-nodes.json',
  mimeType: 'application/json',
  buffer: Buffer.from(topologyFileText(renamed())),
});

/** The node names on the stage ("Alpha:", "Node2:"…). */
const nodeNames = (page: Page) =>
  page
    .locator('.stage text.label-strong')
    .allTextContents()
    .then((all) => all.filter((t) => /^(Node\d+|Alpha|Bravo|Charlie):$/.test(t)));

async function openShare(page: Page) {
  await page.getByRole('tab', { name: 'Import & share' }).click();
  await expect(page.getByRole('heading', { name: 'Keep and share' })).toBeVisible();
}

async function importCluster(page: Page) {
  await openShare(page);
  await page.getByLabel('Topology JSON file to import').setInputFiles(clusterFile());
  await expect(page.getByRole('status').filter({ hasText: 'Imported 3 nodes' })).toBeVisible();
}

/** The explorer's link, once the address bar has caught up with the last change. */
async function linkInUrl(page: Page): Promise<string> {
  await expect(page).toHaveURL(/#\/explore\?s=2\./);
  return page.url();
}

test.describe('keep and share', () => {
  test.use({ reducedMotion: 'reduce' });

  test('a copied link opens the same cluster, mode and policy in a fresh browser', async ({
    page,
    browser,
    context,
  }) => {
    const errors = watchErrors(page);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/#/explore');
    await expect(page.getByRole('heading', { name: 'Explorer' })).toBeVisible();
    await importCluster(page);
    await page.getByLabel('Way in').selectOption('3a');
    await page.getByRole('radio', { name: 'Local' }).click();
    await expect(page.getByRole('radio', { name: 'Local' })).toHaveAttribute(
      'aria-checked',
      'true',
    );
    expect(await nodeNames(page)).toEqual(['Alpha:', 'Bravo:', 'Charlie:']);

    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#\/explore\?s=2\.[\w-]+$/);
    const length = await page.getByTestId('link-length').textContent();
    expect(length).toBe(`Link: ${link.length.toLocaleString('en')} characters`);
    // The address bar follows the doc too, and says the same.
    await expect(page).toHaveURL(link);

    const elsewhere = await browser.newContext();
    const fresh = await elsewhere.newPage();
    await fresh.goto(link);
    await expect(fresh.getByLabel('Way in')).toHaveValue('3a');
    await expect(fresh.getByRole('radio', { name: 'Local' })).toHaveAttribute(
      'aria-checked',
      'true',
    );
    await expect.poll(() => nodeNames(fresh)).toEqual(['Alpha:', 'Bravo:', 'Charlie:']);
    await snap(fresh, 'explore-link-opened');
    await elsewhere.close();
    expect(errors).toEqual([]);
  });

  test('when the clipboard is refused, the link is shown selected to copy by hand', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
      });
    });
    await page.goto('/#/explore');
    await openShare(page);
    await page.getByRole('button', { name: 'Copy link' }).click();
    const field = page.getByLabel('Link to this view');
    await expect(field).toBeFocused();
    const { value, start, end } = await field.evaluate((el: HTMLInputElement) => ({
      value: el.value,
      start: el.selectionStart,
      end: el.selectionEnd,
    }));
    expect(value).toMatch(/#\/explore\?s=2\./);
    expect([start, end]).toEqual([0, value.length]);
    await snap(page, 'explore-link-by-hand');
    // Every control of the panel is labelled and reachable: axe finds nothing in it.
    const result = await new AxeBuilder({ page }).include('.keep-share').analyze();
    expect(
      result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' '))}`),
    ).toEqual([]);
    // The keyboard alone: Tab reaches Export JSON and Import JSON after the link.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Export JSON' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Import JSON' })).toBeFocused();
  });

  test('a cut link says so and shows the cluster kept from before; reload keeps it', async ({
    page,
    context,
  }) => {
    const errors = watchErrors(page);
    await page.goto('/#/explore');
    await importCluster(page);
    const link = await linkInUrl(page);

    // The next visit, with no link: the kept cluster.
    const next = await context.newPage();
    await next.goto('/#/explore');
    await expect.poll(() => nodeNames(next)).toEqual(['Alpha:', 'Bravo:', 'Charlie:']);
    await next.reload();
    await expect.poll(() => nodeNames(next)).toEqual(['Alpha:', 'Bravo:', 'Charlie:']);
    await next.close();

    // A link cut short, as some chat apps do.
    const cut = await context.newPage();
    await cut.goto(link.slice(0, link.length - 25));
    await expect(cut.getByText(/This explorer link is cut short/)).toBeVisible();
    await expect(cut.getByText(/Showing the cluster you had last/)).toBeVisible();
    await expect.poll(() => nodeNames(cut)).toEqual(['Alpha:', 'Bravo:', 'Charlie:']);
    await snap(cut, 'explore-link-cut');
    // Nothing was lost: the kept cluster is still there for the next visit.
    const after = await context.newPage();
    await after.goto('/#/explore');
    await expect.poll(() => nodeNames(after)).toEqual(['Alpha:', 'Bravo:', 'Charlie:']);
    expect(errors).toEqual([]);
  });

  test('looking at a slide’s cluster does not replace the one kept', async ({ page, context }) => {
    await page.goto('/#/explore');
    await importCluster(page);
    await linkInUrl(page);
    const deck = await context.newPage();
    await deck.goto('/#/27');
    await expect(deck.locator('.stage svg.diagram')).toBeVisible();
    await deck.keyboard.press('x');
    await expect(deck).toHaveURL(/#\/explore\?s=2\./);
    await expect.poll(() => nodeNames(deck)).toEqual(['Node1:', 'Node2:']);
    const next = await context.newPage();
    await next.goto('/#/explore');
    await expect.poll(() => nodeNames(next)).toEqual(['Alpha:', 'Bravo:', 'Charlie:']);
  });

  test('a link from a newer Inbound, or not from Inbound, says so', async ({ page }) => {
    await page.goto('/#/explore?s=3.AAAA');
    await expect(page.getByText(/made by a newer Inbound \(version 3\)/)).toBeVisible();
    await page.goto('about:blank');
    await page.goto('/#/explore?s=hello');
    await expect(page.getByText(/This is not an explorer link/)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Explorer' })).toBeVisible();
  });

  test('Export JSON downloads the topology, and Import JSON reads it back', async ({
    page,
    browser,
  }) => {
    await page.goto('/#/explore');
    await importCluster(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('inbound-topology.json');
    const path = await download.path();
    const text = await readFile(path, 'utf8');
    expect(JSON.parse(text)).toMatchObject({
      inbound: 'topology',
      version: 1,
      clusterCidr: '10.0.0.0/16',
      nodes: [{ name: 'Alpha' }, { name: 'Bravo' }, { name: 'Charlie' }],
    });

    // Somewhere else, the file brings the same cluster.
    const elsewhere = await browser.newContext();
    const other = await elsewhere.newPage();
    await other.goto('/#/explore');
    await expect.poll(() => nodeNames(other)).toEqual(['Node1:', 'Node2:']);
    await openShare(other);
    const input = other.getByLabel('Topology JSON file to import');
    // A broken file first: a clear message, and the cluster stays as it was.
    await input.setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text.slice(0, 200)),
    });
    await expect(other.getByRole('alert')).toContainText('broken.json is not JSON');
    expect(await nodeNames(other)).toEqual(['Node1:', 'Node2:']);
    await input.setInputFiles(path);
    await expect.poll(() => nodeNames(other)).toEqual(['Alpha:', 'Bravo:', 'Charlie:']);
    await elsewhere.close();
  });
});
