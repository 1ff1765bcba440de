import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { exactShares, talkCluster } from '../app/model';
import { snap, watchErrors } from './helpers';

// The request's since-2020 switches in the explorer: who sends it, what it
// dials, the dataplane, PROXY protocol, trafficDistribution's shares; kept in
// the link, and brought along by X from a since slide.

test.use({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });

const events = (page: Page) => page.getByRole('region', { name: 'Events' }).getByRole('listitem');
const switches = (page: Page) => page.getByRole('group', { name: /Since 2020/ });
const since = (page: Page, label: string) => switches(page).getByLabel(label, { exact: true });

/** Opens the explorer and shows the since-2020 switches. */
async function openSince(page: Page, hash = '/#/explore'): Promise<void> {
  await page.goto(hash);
  await expect(page.getByRole('heading', { name: 'Explorer' })).toBeVisible();
  const toggle = page.getByRole('button', { name: /^Since 2020/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(switches(page)).toBeVisible();
}

test('DSR on mode 2: the pod sees the client, and the reply leaves Node2 for the client', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openSince(page);
  await page.getByLabel('Enters at').selectOption('node1');
  // kube-proxy: Node1 SNATs, so Pod-c sees node1.
  await expect(events(page).nth(1)).toContainText('Node1 → Pod-c · DNAT, SNAT');
  await expect(events(page).nth(1)).toContainText('Src: node1');

  await since(page, 'Dataplane').selectOption('dsr');
  await expect(page.getByRole('button', { name: 'Since 2020 (1 set) ▴' })).toBeVisible();
  await expect(events(page).nth(1)).toContainText('Node1 → Pod-c · DNAT');
  await expect(events(page).nth(1)).not.toContainText('DNAT, SNAT');
  await expect(events(page).nth(1)).not.toContainText('Src: node1');
  await expect(events(page).nth(1)).toContainText('keeping the source client');
  // The reply: Pod-c to Node2, then Node2 straight to the client (Node1 is not on the way back).
  await expect(events(page)).toHaveCount(4);
  await expect(events(page).nth(2)).toContainText('Pod-c → Node2');
  await expect(events(page).nth(3)).toContainText('Node2 → Client');
  // In addresses: Pod-c receives 1.2.3.4, the client's own.
  await page.getByRole('radio', { name: 'IP addresses' }).click();
  await expect(events(page).nth(1)).toContainText('Src: 1.2.3.4');
  await snap(page, 'explore-since-dsr');

  // It is an edit: undo takes it back.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(since(page, 'Dataplane')).toHaveValue('');
  await expect(events(page).nth(1)).toContainText('DNAT, SNAT');
  expect(errors).toEqual([]);
});

test('a pod dials the cluster IP once Service A has one; the switches say why they are off', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openSince(page);
  // From outside, a cluster IP cannot be dialled: the switch is off, with its reason.
  const dials = since(page, 'Dials');
  await expect(dials).toBeDisabled();
  await expect(dials).toHaveAccessibleDescription(
    'Only a client inside the cluster (a pod or a node’s process) can dial a cluster IP',
  );
  await since(page, 'Sender').selectOption('pod:pod-b');
  await expect(dials).toBeDisabled();
  await expect(dials).toHaveAccessibleDescription(
    'Service A has no cluster IP: give it one in the Cluster tab',
  );

  // The Cluster tab: Service A's since-2020 fields.
  await page.getByRole('tab', { name: 'Cluster' }).click();
  const card = page
    .getByRole('tabpanel', { name: 'Cluster' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Service A', exact: true }) });
  await card.getByText(/^Since 2020: cluster IP/).click();
  const clusterIp = card.getByLabel('Cluster IP of Service A');
  // One inside the pod network is a problem shown on the Service.
  await clusterIp.fill('10.0.9.9');
  await clusterIp.press('Enter');
  await expect(card.getByText(/cluster IP 10\.0\.9\.9 is inside the pod network/)).toBeVisible();
  await clusterIp.fill('10.96.0.10');
  await clusterIp.press('Enter');
  await expect(card.getByText(/inside the pod network/)).toHaveCount(0);

  await expect(dials).toBeEnabled();
  await dials.selectOption('cluster-ip');
  await page.getByRole('tab', { name: 'Events' }).click();
  await page.getByRole('radio', { name: 'IP addresses' }).click();
  await expect(events(page).first()).toContainText('Pod-b');
  await expect(events(page).first()).toContainText('Src: 10.0.1.2');
  await expect(events(page).first()).toContainText('Dst: 10.96.0.10:80');
  // Dialling the cluster IP, ipMode and the dataplane mean nothing; internalTrafficPolicy does.
  await expect(since(page, 'ipMode')).toBeDisabled();
  await expect(since(page, 'Dataplane')).toBeDisabled();
  await expect(since(page, 'internalTrafficPolicy')).toBeEnabled();
  await snap(page, 'explore-since-cluster-ip');
  expect(errors).toEqual([]);
});

/** Every pod cell of the Requests tab's table, under Cluster (the cluster IP ignores the policy). */
async function podExpectations(page: Page): Promise<Record<string, string>> {
  const cells = await page
    .locator('tr[data-pod] td[data-share][data-policy="Cluster"]')
    .evaluateAll((tds) =>
      tds.map((td) => [
        td.closest('tr')?.getAttribute('data-pod') ?? '',
        td.getAttribute('data-expected') ?? '',
      ]),
    );
  return Object.fromEntries(cells);
}

test('trafficDistribution on a zoned cluster moves the histogram’s shares to the exact ones', async ({
  page,
}) => {
  const errors = watchErrors(page);
  // The trafficDistribution slide (since 6): Client pod on Node1 (zone-a) dials Service A's cluster IP.
  await openSince(page, '/#/explore?slide=130');
  await expect(since(page, 'Sender')).toHaveValue('pod:client-pod');
  await expect(since(page, 'trafficDistribution')).toHaveValue('none');
  await page.getByRole('tab', { name: 'Requests' }).click();
  await page.getByLabel('Requests (N)').fill('3000');
  await page.getByRole('button', { name: /^Send / }).click();
  await expect(page.locator('.runs-summary')).toContainText('3,000 requests:');

  const exact = (trafficDistribution: 'PreferSameZone' | null) => {
    const r = exactShares({
      topology: talkCluster('zones'),
      service: 'svc-a',
      mode: '2',
      client: { kind: 'pod', pod: 'client-pod' },
      target: 'cluster-ip',
      trafficDistribution,
    });
    if (!r.ok) throw new Error(r.error);
    return r.value.pods;
  };
  const none = exact(null);
  expect([...none.values()]).toEqual([1 / 3, 1 / 3, 1 / 3]);
  expect(await podExpectations(page)).toEqual({
    'pod-c': String(none.get('pod-c')),
    'pod-e': String(none.get('pod-e')),
    'pod-f': String(none.get('pod-f')),
  });
  await expect(
    page.getByRole('img', { name: /^Pod-c, Cluster: .*\(expected 33\.3%\)$/ }),
  ).toBeVisible();

  await since(page, 'trafficDistribution').selectOption('PreferSameZone');
  await page.getByRole('button', { name: /^Send / }).click();
  await expect(page.locator('[data-stale="false"]')).toBeVisible();
  const zone = exact('PreferSameZone');
  expect([...zone.entries()]).toEqual([['pod-c', 1]]);
  expect(await podExpectations(page)).toEqual({ 'pod-c': '1', 'pod-e': '0', 'pod-f': '0' });
  await expect(
    page.getByRole('img', { name: 'Pod-c, Cluster: 100.0% (expected 100.0%)' }),
  ).toBeVisible();
  await expect(page.getByRole('img', { name: 'Pod-e, Cluster: 0% (expected 0%)' })).toBeVisible();
  await snap(page, 'explore-since-zones');
  expect(errors).toEqual([]);
});

test('PROXY v2 on mode 3c shows in the events', async ({ page }) => {
  const errors = watchErrors(page);
  await openSince(page);
  const proxy = since(page, 'PROXY protocol');
  await expect(proxy).toBeDisabled();
  await page.getByLabel('Way in').selectOption('3c');
  await expect(proxy).toBeEnabled();
  await proxy.selectOption('2');
  await expect(page.getByRole('region', { name: 'Events' })).toContainText('PROXY v2');
  await proxy.selectOption('1');
  await expect(page.getByRole('region', { name: 'Events' })).not.toContainText('PROXY v2');
  await expect(page.getByRole('region', { name: 'Events' })).toContainText('PROXY');
  await proxy.selectOption('2');
  await snap(page, 'explore-since-proxy-v2');
  expect(errors).toEqual([]);
});

test('a link copied with switches on reopens with the same switches in a fresh page', async ({
  page,
  browser,
  context,
}) => {
  const errors = watchErrors(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openSince(page);
  await page.getByLabel('Way in').selectOption('3c');
  await since(page, 'PROXY protocol').selectOption('2');
  await since(page, 'Dataplane').selectOption('dsr');
  await since(page, 'Sender').selectOption('node:node2');
  await expect(page.getByRole('button', { name: 'Since 2020 (4 set) ▴' })).toBeVisible();
  // Copied from the Import & share tab, as a person would send it.
  await page.getByRole('tab', { name: 'Import & share' }).click();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/#\/explore\?s=2\.[\w-]+$/);

  const elsewhere = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const fresh = await elsewhere.newPage();
  await fresh.goto(link);
  // Opened with switches set, the row is shown at once.
  await expect(fresh.getByRole('button', { name: 'Since 2020 (4 set) ▴' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await expect(fresh.getByLabel('Way in')).toHaveValue('3c');
  await expect(since(fresh, 'PROXY protocol')).toHaveValue('2');
  await expect(since(fresh, 'Dataplane')).toHaveValue('dsr');
  await expect(since(fresh, 'Sender')).toHaveValue('node:node2');
  await elsewhere.close();
  expect(errors).toEqual([]);
});

test('X on #/since/8/1?sw=dsr opens the explorer with DSR on', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/#/since/8/1?sw=dsr');
  await expect(page.locator('.stage svg.diagram')).toBeVisible();
  await page.keyboard.press('x');
  await expect(page.getByRole('heading', { name: 'Explorer' })).toBeVisible();
  await expect(page.getByLabel('Way in')).toHaveValue('2');
  await expect(since(page, 'Dataplane')).toHaveValue('dsr');
  await expect(events(page).nth(1)).toContainText('keeping the source client');
  await expect(events(page).nth(3)).toContainText('Node2 → Client');
  await snap(page, 'explore-since-from-slide');
  expect(errors).toEqual([]);
});

test('the switches are labelled and reachable: axe finds nothing, in both themes', async ({
  page,
}) => {
  await openSince(page);
  await page.getByLabel('Way in').selectOption('3a');
  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => {
      document.documentElement.dataset.theme = t;
    }, theme);
    const result = await new AxeBuilder({ page })
      .include('.explore-since')
      .include('.explore-since-toggle')
      .analyze();
    expect(
      result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      theme,
    ).toEqual([]);
  }
  // The keyboard alone: from the toggle, Tab walks the switches in order.
  await page.getByRole('button', { name: /^Since 2020/ }).focus();
  const reached: string[] = [];
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      const el = document.activeElement;
      return el?.closest('.explore-since')
        ? (el as HTMLSelectElement).labels?.[0]?.textContent
        : null;
    });
    if (label) reached.push(label);
  }
  // Disabled switches are skipped by Tab; the ones that mean something on 3a are reached.
  expect(reached).toEqual(
    expect.arrayContaining(['Sender', 'ipMode', 'trafficDistribution', 'Dataplane']),
  );
  await snap(page, 'explore-since-axe');
});
