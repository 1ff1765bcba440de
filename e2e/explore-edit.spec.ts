import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { snap, watchErrors } from './helpers';

test.use({ viewport: { width: 1280, height: 720 } });

const editor = (page: Page) => page.getByRole('tabpanel', { name: 'Cluster' });
const node = (page: Page, name: string) =>
  editor(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name, exact: true }) });
/** The node names the stage draws (the last valid cluster). */
const stageTexts = (page: Page) => page.locator('.explore-stage-box svg text');

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user
 * would: fails if it cannot be reached within `max` presses.
 */
async function tabTo(page: Page, target: Locator, max = 200, back = false): Promise<void> {
  const handle = await target.elementHandle();
  for (let i = 0; i < max; i++) {
    if (await handle?.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Could not reach ${String(target)} with the keyboard in ${max} presses`);
}

/** Opens the side panel's Cluster tab with the keyboard. */
async function openClusterTab(page: Page): Promise<void> {
  await tabTo(page, page.getByRole('tab', { name: 'Events' }));
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Cluster' })).toHaveAttribute('aria-selected', 'true');
}

/** Builds Node1–3, a LoadBalancer Service A and four pods with the keyboard alone. */
async function buildThreeNodes(page: Page): Promise<void> {
  await page.goto('/#/explore');
  await expect(page.getByRole('heading', { name: 'Explorer' })).toBeVisible();
  await openClusterTab(page);
  await tabTo(page, editor(page).getByRole('button', { name: 'New empty cluster' }));
  await page.keyboard.press('Enter');
  await expect(editor(page).getByText('No nodes.')).toBeVisible();

  const addNode = editor(page).getByRole('button', { name: 'Add node' });
  await tabTo(page, addNode);
  for (let i = 0; i < 3; i++) await page.keyboard.press('Enter');
  await expect(editor(page).getByRole('heading', { level: 4 })).toHaveText([
    'Node1',
    'Node2',
    'Node3',
  ]);

  // The new Service's type: typing picks the option, as in any select.
  await tabTo(page, editor(page).getByLabel("New Service's type"));
  await page.keyboard.type('L');
  await expect(editor(page).getByLabel("New Service's type")).toHaveValue('LoadBalancer');
  await page.keyboard.press('Tab');
  await expect(editor(page).getByRole('button', { name: 'Add Service' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(editor(page).getByRole('heading', { name: 'Service A' })).toBeVisible();

  // Pods for Service A: two on Node1, one each on Node2 and Node3 (back up the page with Shift+Tab).
  for (const [name, count] of [
    ['Node1', 2],
    ['Node2', 1],
    ['Node3', 1],
  ] as const) {
    await tabTo(page, editor(page).getByRole('button', { name: `Add pod to ${name}` }), 200, true);
    for (let i = 0; i < count; i++) await page.keyboard.press('Enter');
  }
  await expect(node(page, 'Node1').locator('.editor-chip')).toHaveText([
    'a-1 10.0.1.1 Ready',
    'a-2 10.0.1.2 Ready',
  ]);
  await expect(node(page, 'Node3').locator('.editor-chip')).toHaveText(['a-4 10.0.3.1 Ready']);
  await expect(editor(page).locator('.editor-summary')).toHaveText('No problems.');
}

test.describe('editing the explorer’s cluster', () => {
  test('build a 3-node cluster from empty with the keyboard alone and see it drawn', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await buildThreeNodes(page);
    for (const name of ['Node1', 'Node2', 'Node3'])
      await expect(stageTexts(page).filter({ hasText: name }).first()).toBeVisible();
    await expect(
      page.getByRole('status').filter({ hasText: 'Add a-4 for Service A to Node3' }).first(),
    ).toBeAttached();
    // The editor scrolls inside its panel; the page itself does not scroll.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(
      720,
    );
    await snap(page, 'explore-edit-built');
    expect(errors).toEqual([]);
  });

  test('move a pod by its menu and by dragging it; its address follows', async ({ page }) => {
    await buildThreeNodes(page);
    // The menu, with the keyboard: a-2 leaves Node1 for Node3 and gets 10.0.3.2.
    const menu = editor(page).getByRole('button', { name: 'Move a-2 to…' });
    await tabTo(page, menu, 200, true);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menu', { name: 'Move a-2 to' })).toBeVisible();
    await expect(page.getByRole('menuitem', { name: 'Node2' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(node(page, 'Node3').locator('.editor-chip')).toHaveText([
      'a-2 10.0.3.2 Ready',
      'a-4 10.0.3.1 Ready',
    ]);
    // The focus stays with the pod, in its new node.
    await expect(editor(page).getByRole('button', { name: 'Move a-2 to…' })).toBeFocused();
    await expect(editor(page).locator('.editor-said')).toHaveText('Last: Move a-2 to Node3');

    // Dragging a-4's chip from Node3 onto Node2's box: it takes 10.0.2.2, after a-3.
    // (Both in view at once: a drag cannot scroll the panel in this test browser.)
    const chip = page.getByTestId('pod-chip-a-4');
    await chip.scrollIntoViewIfNeeded();
    await chip.dragTo(node(page, 'Node2').getByRole('button', { name: 'Add pod to Node2' }));
    await expect(node(page, 'Node2').locator('.editor-chip')).toHaveText([
      'a-3 10.0.2.1 Ready',
      'a-4 10.0.2.2 Ready',
    ]);
    await expect(node(page, 'Node3').locator('.editor-chip')).toHaveText(['a-2 10.0.3.2 Ready']);
    await expect(editor(page).locator('.editor-said')).toHaveText('Last: Move a-4 to Node2');
    await expect(stageTexts(page).filter({ hasText: '10.0.2.2' }).first()).toBeVisible();
    await snap(page, 'explore-edit-moved');

    // Removing a pod by keyboard leaves the focus on its node's "Add pod".
    await editor(page).getByRole('button', { name: 'Remove a-2' }).press('Enter');
    await expect(node(page, 'Node3').getByText('No pods')).toBeVisible();
    await expect(editor(page).getByRole('button', { name: 'Add pod to Node3' })).toBeFocused();
  });

  test('an invalid pod range is named beside the node; the stage keeps the last valid drawing; undo and redo', async ({
    page,
  }) => {
    await buildThreeNodes(page);
    const range = node(page, 'Node2').getByLabel('Pod range');
    await tabTo(page, range, 200, true);
    // Text that is not a range stays in the field with its reason; nothing is written.
    await page.keyboard.press('Control+a');
    await page.keyboard.type('10.0.2.0/33');
    await page.keyboard.press('Enter');
    await expect(node(page, 'Node2').getByRole('alert')).toHaveText(
      '"10.0.2.0/33" is not a CIDR block: the prefix length must be 0 to 32',
    );
    await expect(range).toHaveValue('10.0.2.0/33');
    await expect(editor(page).locator('.editor-said')).toHaveText(
      'Last: Add a-4 for Service A to Node3',
    );

    // A range outside the cluster parses, and validate names the node.
    await page.keyboard.press('Control+a');
    await page.keyboard.type('192.168.7.0/24');
    await page.keyboard.press('Enter');
    const message = "Node2's pod range 192.168.7.0/24 is not inside the cluster range 10.0.0.0/16";
    await expect(node(page, 'Node2').getByRole('alert')).toHaveText(`Error: ${message}`);
    await expect(range).toHaveAttribute('aria-describedby', /.+/);
    const described = await range.getAttribute('aria-describedby');
    await expect(page.locator(`[id="${described}"]`)).toContainText(message);
    await expect(editor(page).locator('.editor-summary')).toContainText('1 error, 0 warnings');
    await expect(page.locator('.explore-stale')).toBeVisible();
    // The stage still draws Node2's pod at its last valid address.
    await expect(stageTexts(page).filter({ hasText: '10.0.2.1' }).first()).toBeAttached();
    await expect(stageTexts(page).filter({ hasText: '192.168.7.1' })).toHaveCount(0);
    await snap(page, 'explore-edit-invalid');

    // Undo with Ctrl+Z (from a button: a text field keeps its own Ctrl+Z).
    await tabTo(
      page,
      node(page, 'Node2').getByRole('button', { name: 'Remove Node2 and its pod' }),
      50,
      true,
    );
    await page.keyboard.press('Control+z');
    await expect(range).toHaveValue('10.0.2.0/24');
    await expect(editor(page).locator('.editor-summary')).toHaveText('No problems.');
    await expect(page.locator('.explore-stale')).toHaveCount(0);
    await page.keyboard.press('Control+Shift+z');
    await expect(range).toHaveValue('192.168.7.0/24');
    await page.keyboard.press('Control+z');
    await expect(range).toHaveValue('10.0.2.0/24');
    await page.keyboard.press('Control+y');
    await expect(range).toHaveValue('192.168.7.0/24');
    await expect(editor(page).locator('.editor-said')).toHaveText(
      "Last: Redone: Set Node2's pod range to 192.168.7.0/24",
    );
    // The editor's own buttons do the same, and say what they would undo.
    const undo = editor(page).getByRole('button', { name: /^Undo/ });
    await expect(undo).toHaveAttribute('title', "Undo: Set Node2's pod range to 192.168.7.0/24");
    await undo.press('Enter');
    await expect(range).toHaveValue('10.0.2.0/24');
  });

  test('a Service’s type and policy bring what Kubernetes gives; an Ingress goes with its words', async ({
    page,
  }) => {
    await page.goto('/#/explore');
    await page.getByRole('tab', { name: 'Cluster' }).press('Enter');
    const card = editor(page)
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Service A', exact: true }) });
    const type = card.getByLabel('Type');
    // Down to ClusterIP: no nodePort, no load balancer, and the way in moves to one it offers.
    await type.press('Home');
    await expect(type).toHaveValue('ClusterIP');
    await expect(card.getByLabel('nodePort')).toHaveCount(0);
    await expect(card.getByText(/VIP/)).toHaveCount(0);
    await expect(page.getByLabel('Way in')).toHaveValue('1');
    // Back up to LoadBalancer: the lowest free nodePort and VIP (its old .10 is free again); Local
    // brings a healthCheckNodePort.
    await type.press('End');
    await expect(card.getByLabel('nodePort')).toHaveValue('30000');
    await expect(card.getByText('VIP 203.0.113.10')).toBeVisible();
    await card.getByLabel('externalTrafficPolicy').press('l');
    await expect(card.getByText('VIP 203.0.113.10 · healthCheckNodePort 32000')).toBeVisible();
    // A nodePort out of range is refused in words and not written.
    await card.getByLabel('nodePort').fill('80');
    await card.getByLabel('nodePort').press('Enter');
    await expect(card.getByRole('alert')).toHaveText(
      'node port 80 is outside the NodePort range 30000–32767',
    );
    await card.getByLabel('nodePort').press('Escape');
    await expect(card.getByLabel('nodePort')).toHaveValue('30000');

    const remove = editor(page).getByRole('button', { name: 'Remove Ingress app-a' });
    await remove.press('Enter');
    await expect(editor(page).getByRole('heading', { name: 'Ingress app-a' })).toHaveCount(0);
    await expect(editor(page).locator('.editor-said')).toHaveText('Last: Remove Ingress app-a');
    await expect(editor(page).getByRole('button', { name: 'Add Ingress' })).toBeFocused();
    // Ingress app-b still uses the shared proxies, so they stay; removing it now takes them too.
    await expect(editor(page).getByRole('heading', { name: 'ingress-nginx' })).toBeVisible();
    await expect(
      editor(page).getByRole('button', {
        name: 'Remove Ingress app-b and its proxies (ingress-nginx, 2 pods)',
      }),
    ).toBeVisible();
  });

  test('the editor is clean under axe, in every theme', async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto('/#/explore');
    await page.getByRole('tab', { name: 'Cluster' }).click();
    // Open every part of it, and show a problem and a refused text, so axe sees them too.
    for (const summary of await editor(page).locator('summary').all()) await summary.click();
    await expect(editor(page).locator('details[open]')).toHaveCount(
      await editor(page).locator('details').count(),
    );
    await node(page, 'Node1').getByLabel('IP').fill('10.0.1.200');
    await node(page, 'Node1').getByLabel('IP').press('Enter');
    await expect(node(page, 'Node1').getByRole('alert')).toHaveCount(1);
    await node(page, 'Node2').getByLabel('Pod range').fill('nonsense');
    await node(page, 'Node2').getByLabel('Pod range').press('Enter');
    await expect(node(page, 'Node2').getByRole('alert')).toHaveCount(1);
    await editor(page).getByRole('button', { name: 'Move Pod-a to…' }).click();
    await expect(page.getByRole('menu')).toBeVisible();
    for (const theme of ['light', 'dark', 'contrast']) {
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      const result = await new AxeBuilder({ page }).include('.explore-side').analyze();
      const serious = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(serious, theme).toEqual([]);
      await snap(page, `explore-edit-axe-${theme}`);
    }
  });
});
