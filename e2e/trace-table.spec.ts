import { expect, test } from '@playwright/test';

// The first page: the simulator's trace as a table, in a real Chromium.

test('flipping externalTrafficPolicy changes the source on the hop into the pod', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/?view=table');

  const forward = page.getByRole('table', { name: 'Forward hops' });
  const intoPod = forward.getByRole('row').nth(2); // header, hop 1, hop 2
  await expect(intoPod.getByRole('cell').nth(3)).toHaveText('node1');
  await expect(intoPod.getByRole('cell').nth(4)).toHaveText('pod:pod-port');
  await expect(intoPod.getByRole('cell').nth(6)).toHaveText('DNAT, SNAT');

  await page.getByLabel('externalTrafficPolicy').selectOption('Local');
  await expect(intoPod.getByRole('cell').nth(3)).toHaveText('client');
  await expect(intoPod.getByRole('cell').nth(6)).toHaveText('DNAT');
  await expect(page.getByRole('status')).toContainText('the client IP survives');

  await page.getByLabel('Addresses').selectOption('ip');
  await expect(intoPod.getByRole('cell').nth(3)).toHaveText('1.2.3.4:51234');
  await expect(intoPod.getByRole('cell').nth(4)).toHaveText('10.0.1.1:8080');
  expect(errors).toEqual([]);
});

test('the reply comes back from the address the client sent to', async ({ page }) => {
  await page.goto('/?view=table');
  await page.getByLabel('Mode').selectOption('3a');
  const back = page.getByRole('table', { name: 'Return hops' });
  const last = back.getByRole('row').last();
  await expect(last.getByRole('cell').nth(2)).toHaveText('Client');
  await expect(last.getByRole('cell').nth(3)).toHaveText('VIP:service-port');
  await page.screenshot({ path: 'test-results/screenshots/trace-table-3a.png', fullPage: true });
});
