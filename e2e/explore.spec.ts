import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { watchErrors } from './helpers';

const events = (page: Page) => page.getByRole('region', { name: 'Events' }).getByRole('listitem');
const words = (page: Page) => page.locator('.explore-words');

test.describe('the explorer', () => {
  test('X on a slide opens it on that slide, and Esc comes back to the slide', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/#/27');
    await expect(page.locator('.stage svg.diagram')).toBeVisible();
    await page.keyboard.press('x');
    await expect(page).toHaveURL(/#\/explore/);
    await expect(page.getByRole('heading', { name: 'Explorer' })).toBeVisible();
    await expect(page.getByLabel('Service', { exact: true })).toHaveValue('svc-a');
    await expect(page.getByLabel('Way in')).toHaveValue('2');
    await expect(page.getByLabel('Enters at')).toHaveValue('node1');
    // Slide 27's request: to Node1's node port, then DNAT and SNAT to Pod-c; the reply back.
    await expect(events(page)).toHaveCount(4);
    await expect(events(page).nth(1)).toContainText('Node1 → Pod-c · DNAT, SNAT');
    await expect(events(page).nth(1)).toContainText('Src: node1');
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(/#\/27$/);
    await expect(page.locator('.position')).toHaveText('27 / 124');
    expect(errors).toEqual([]);
  });

  test('the button "Explore this" carries the flipped policy; E flips it back live', async ({
    page,
  }) => {
    // Slide 37: Pod-a is gone and the policy is Local, so Node1 drops the packet.
    await page.goto('/#/37');
    await page.getByRole('button', { name: 'Explore this slide’s cluster' }).click();
    await expect(page.getByRole('radio', { name: 'Local' })).toHaveAttribute(
      'aria-checked',
      'true',
    );
    await expect(events(page)).toHaveCount(2);
    await expect(events(page).nth(1)).toHaveAttribute('data-kind', 'drop');
    await events(page).nth(1).getByRole('button').click();
    await expect(words(page)).toContainText('drops the packet');
    await page.keyboard.press('e');
    await expect(page.getByRole('radio', { name: 'Cluster' })).toHaveAttribute(
      'aria-checked',
      'true',
    );
    await expect(events(page).nth(1)).toContainText('Node1 → Pod-c · DNAT, SNAT');
    // The flip is an edit: undo brings Local back.
    await page.keyboard.press('Control+z');
    await expect(events(page).nth(1)).toHaveAttribute('data-kind', 'drop');
    await page.keyboard.press('Control+Shift+z');
    await expect(events(page).nth(1)).toContainText('DNAT, SNAT');
  });

  test('← → step the hops, a row goes to its hop, R plays the reply', async ({ page }) => {
    // Slide 27 shows the packet leaving Node1: the explorer opens on that hop.
    await page.goto('/#/explore?slide=27');
    await expect(words(page)).toContainText('Request, hop 2 of 2: Node1 rewrites');
    await page.keyboard.press('ArrowLeft');
    await expect(words(page)).toContainText('Request, hop 1 of 2: The client sends to Node1');
    await page.keyboard.press('ArrowRight');
    await expect(words(page)).toContainText('Request, hop 2 of 2: Node1 rewrites');
    await expect(events(page).nth(1)).toHaveAttribute('aria-current', 'step');
    await page.keyboard.press('r');
    await expect(words(page)).toContainText('Reply, hop 1 of 2');
    await events(page).nth(0).getByRole('button').click();
    await expect(events(page).nth(0)).toHaveAttribute('aria-current', 'step');
    await expect(words(page)).toContainText('Request, hop 1 of 2');
    // The same packet card as the deck.
    await expect(page.getByTestId('packet')).toBeVisible();
  });

  test('only the modes the Service offers can be chosen; the mode changes the path', async ({
    page,
  }) => {
    await page.goto('/#/explore');
    const mode = page.getByLabel('Way in');
    await mode.selectOption('3a');
    await expect(events(page).first()).toContainText('Client → VIP');
    await mode.selectOption('4c.2');
    await expect(events(page).first()).toContainText('Client → Proxy');
    // Service B is a LoadBalancer behind the shared ingress too (Ingress app-b): every mode is
    // offered, so the group of modes not offered is empty.
    await page.getByLabel('Service', { exact: true }).selectOption('svc-b');
    await expect(mode.locator('option:disabled')).toHaveCount(0);
  });

  test('the help overlay lists X, and Go to finds the explorer', async ({ page }) => {
    await page.goto('/#/5');
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog')).toContainText('Explore this slide’s cluster');
    await page.keyboard.press('Escape');
    await page.keyboard.press('g');
    await page.keyboard.type('kubectl');
    await expect(
      page.getByRole('listbox', { name: 'Matching slides' }).getByRole('option').first(),
    ).toContainText('Explorer: your own cluster');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Explorer' })).toBeVisible();
  });

  test('a link sent from the Requests tab opens there, with its numbers', async ({
    page,
    browser,
  }) => {
    await page.goto('/#/explore?slide=39');
    await page.getByRole('tab', { name: 'Requests' }).click();
    await expect(page).toHaveURL(/tab=requests/);
    await page.getByLabel('Requests (N)').fill('20000');
    await page.getByLabel('Seed').fill('7');
    await page.getByRole('button', { name: /^Send/ }).click();
    const summary = page.locator('.runs-summary');
    await expect(summary).toHaveText(/^20,000 requests:/);
    const said = await summary.textContent();
    await expect(page).toHaveURL(/s=2\./);
    // A colleague's browser: nothing kept, the same screen from the link alone.
    const other = await browser.newContext();
    const colleague = await other.newPage();
    await colleague.goto(page.url());
    await expect(colleague.getByRole('tab', { name: 'Requests' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(colleague.locator('.runs-summary')).toHaveText(said ?? '');
    await other.close();
  });

  test('axe finds nothing serious on the explorer', async ({ page }) => {
    await page.goto('/#/explore?slide=53');
    await expect(events(page).first()).toBeVisible();
    const result = await new AxeBuilder({ page }).analyze();
    expect(
      result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  });
});
