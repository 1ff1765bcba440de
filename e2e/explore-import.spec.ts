import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { generateDump } from '../app/explore/import/generate';
import { snap, watchErrors } from './helpers';

test.use({ viewport: { width: 1280, height: 800 } });

const fixture = (name: string) => `e2e/fixtures/kubectl/${name}`;
const dialog = (page: Page) => page.getByRole('dialog', { name: 'Import from kubectl' });
const filePicker = (page: Page) => dialog(page).getByLabel('choose kubectl output files');
/** The words the explorer's stage draws (node names among them). */
const stageTexts = (page: Page) => page.locator('.explore-stage-box svg text');
/** A node's name as the stage draws it ("kind-worker:"). */
const nodeName = (page: Page, name: string) =>
  stageTexts(page)
    .filter({ hasText: new RegExp(`^${name}:?$`) })
    .first();

async function openImport(page: Page): Promise<void> {
  await page.goto('/#/explore');
  await expect(page.getByRole('heading', { name: 'Explorer' })).toBeVisible();
  await expect(stageTexts(page).first()).toBeVisible();
  await page.getByRole('button', { name: 'Import from kubectl' }).click();
  await expect(dialog(page)).toBeVisible();
}

async function scan(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include('dialog').analyze();
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

test('a kind cluster from a file: the report, a Service, and the stage draws its nodes', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openImport(page);
  const d = dialog(page);
  await expect(d).toHaveAttribute('aria-modal', 'true');
  await expect(
    d.getByText('Nothing leaves your browser: the import runs on this page.'),
  ).toBeVisible();
  await expect(
    d.getByText('kubectl get nodes,pods,services,endpointslices -A -o json'),
  ).toBeVisible();
  expect(await scan(page)).toEqual([]);

  await filePicker(page).setInputFiles(fixture('kind-3node.json'));
  await expect(d.getByRole('heading', { name: 'Read kind-3node.json' })).toBeFocused();
  await expect(d.getByText('3 nodes, 7 pods and 3 Services to explore')).toBeVisible();
  await expect(d.locator('.import-counts')).toHaveText('16 taken (1 changed) · 12 skipped');

  await d.getByText('Item by item').click();
  const skipped = d.locator('.import-group').filter({ hasText: 'Skipped (12)' });
  await expect(
    skipped.locator(':scope > ul > li').filter({ hasText: 'kube-system/kube-proxy-gq4hn' }),
  ).toContainText(
    "It uses the host network (hostNetwork: true), so its address is its node's (172.18.0.2): Inbound draws pods with an address of their own",
  );
  await expect(
    d.getByText(
      'Service kube-system/kube-dns has 3 ports; Inbound follows the first TCP one, dns-tcp 53→53',
    ),
  ).toBeVisible();
  expect(await scan(page)).toEqual([]);
  await snap(page, 'import-kind-report');

  const picker = d.getByLabel('Service to explore');
  await expect(picker).toHaveValue('default/web');
  await expect(picker.locator('option')).toHaveText([
    'default/web — LoadBalancer, 6 modes, 2 ready pods',
    'demo/web — NodePort, 2 modes, 1 ready pod',
    'kube-system/kube-dns — ClusterIP, 1 mode, 2 ready pods',
  ]);
  await picker.selectOption('demo/web');
  await d.getByRole('button', { name: 'Explore this cluster' }).click();
  await expect(d).toBeHidden();
  await expect(page.getByRole('button', { name: 'Import from kubectl' })).toBeFocused();
  for (const name of ['kind-control-plane', 'kind-worker', 'kind-worker2'])
    await expect(nodeName(page, name)).toBeVisible();
  await snap(page, 'import-kind-explored');
  expect(errors).toEqual([]);
});

test('several files of one kind each, and a multi-document YAML pasted', async ({ page }) => {
  const errors = watchErrors(page);
  await openImport(page);
  const d = dialog(page);
  await filePicker(page).setInputFiles([
    fixture('split-nodes.json'),
    fixture('split-pods.json'),
    fixture('split-services.yaml'),
    fixture('split-endpointslices.yaml'),
  ]);
  await expect(
    d.getByRole('heading', { name: /^Read split-nodes\.json, split-pods\.json/ }),
  ).toBeVisible();
  await expect(d.locator('.import-counts')).toHaveText('16 taken (1 changed) · 12 skipped');

  await d
    .getByLabel('Or paste kubectl output (JSON or YAML)')
    .fill(readFileSync(fixture('multi-doc.yaml'), 'utf8'));
  await d.getByRole('button', { name: 'Import pasted text' }).click();
  await expect(d.getByRole('heading', { name: 'Read the pasted text' })).toBeVisible();
  await expect(d.locator('.import-counts')).toHaveText('11 taken (1 changed) · 0 skipped');
  await expect(d.getByLabel('Service to explore')).toHaveValue('kube-system/traefik');
  await d.getByRole('button', { name: 'Explore this cluster' }).click();
  await expect(d).toBeHidden();
  await expect(nodeName(page, 'k3s-server')).toBeVisible();
  expect(errors).toEqual([]);
});

test('a messy dump dropped on the drop zone says why things were skipped', async ({ page }) => {
  await openImport(page);
  const d = dialog(page);
  // Dropped, as from a file manager.
  const dataTransfer = await page.evaluateHandle(
    (text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'messy.json', { type: 'application/json' }));
      return dt;
    },
    readFileSync(fixture('messy.json'), 'utf8'),
  );
  await d.locator('.import-drop').dispatchEvent('dragover', { dataTransfer });
  await d.locator('.import-drop').dispatchEvent('drop', { dataTransfer });
  await expect(d.getByRole('heading', { name: 'Read messy.json' })).toBeVisible();
  await expect(d.locator('.import-counts')).toHaveText('14 taken (5 changed) · 24 skipped');
  await d.getByText('Item by item').click();
  await expect(
    d.getByText('It was evicted (phase Failed, reason Evicted): it serves nothing'),
  ).toBeVisible();
  await expect(d.getByText('Its InternalIP is redacted ("REDACTED")')).toBeVisible();
  await expect(d.getByText('The older Endpoints API: Inbound reads EndpointSlices')).toBeVisible();
  expect(await scan(page)).toEqual([]);
});

test('malformed input shows its message and keeps the cluster; over 50 MB is refused', async ({
  page,
}, testInfo) => {
  await openImport(page);
  const before = await stageTexts(page).allTextContents();
  const d = dialog(page);
  const cases: [Parameters<Page['setInputFiles']>[1], RegExp][] = [
    [
      fixture('truncated.json'),
      /^truncated\.json ends in the middle of its JSON: the file looks cut short/,
    ],
    [
      fixture('wrong-kinds.json'),
      /^wrong-kinds\.json has no Nodes, Pods, Services or EndpointSlices \(it has 2 ConfigMaps, 1 Deployment, 1 Ingress\)/,
    ],
    [fixture('alias-bomb.yaml'), /^alias-bomb\.yaml expands YAML aliases more than 100 times/],
    [
      {
        name: 'cluster.tar.gz',
        mimeType: 'application/gzip',
        buffer: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
      },
      /^cluster\.tar\.gz is not text \(it looks like a binary file\)/,
    ],
  ];
  for (const [files, message] of cases) {
    await filePicker(page).setInputFiles(files);
    await expect(d.getByRole('alert')).toHaveText(message);
  }
  expect(await scan(page)).toEqual([]);
  await snap(page, 'import-malformed');

  // Made here, not committed: 52 MB of spaces (Playwright hands a file this big over by path).
  const huge = testInfo.outputPath('huge.json');
  writeFileSync(huge, Buffer.alloc(52 * 1024 * 1024, 32));
  await filePicker(page).setInputFiles(huge);
  rmSync(huge);
  await expect(d.getByRole('alert')).toHaveText(
    'huge.json is 52 MB; Inbound reads dumps up to 50 MB',
  );

  await page.keyboard.press('Escape');
  await expect(d).toBeHidden();
  await expect(page).toHaveURL(/#\/explore/);
  expect(await stageTexts(page).allTextContents()).toEqual(before);
});

test('a big dump shows its progress and can be cancelled; the dialog keeps focus inside', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openImport(page);
  const d = dialog(page);

  // Tab and Shift+Tab go round inside the dialog.
  const close = d.getByRole('button', { name: 'Close' });
  await expect(close).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  expect(await d.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Tab');
  await expect(close).toBeFocused();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    expect(await d.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }

  // YAML reads slowly (about 2 MB/s): a few megabytes keep the bar up long enough to cancel.
  const slow = Buffer.from(stringify(JSON.parse(generateDump(60, 10, 10))));
  await filePicker(page).setInputFiles({
    name: 'slow.yaml',
    mimeType: 'application/yaml',
    buffer: slow,
  });
  const bar = d.getByRole('progressbar', { name: 'Importing slow.yaml' });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('value', /^\d+$/);
  await d.getByRole('button', { name: 'Cancel' }).click();
  await expect(bar).toBeHidden();
  await expect(close).toBeFocused();
  await expect(d.getByRole('heading', { name: /^Read / })).toHaveCount(0);

  // 500 nodes and 5,000 pods (48 MB), left to finish.
  const big = Buffer.from(generateDump(500, 10, 50));
  await filePicker(page).setInputFiles({
    name: 'big.json',
    mimeType: 'application/json',
    buffer: big,
  });
  await expect(d.getByRole('heading', { name: 'Read big.json' })).toBeVisible({ timeout: 60_000 });
  await expect(
    d.getByText(/^500 nodes, 5000 pods and 50 Services to explore \(read in [\d.]+ s\)\.$/),
  ).toBeVisible();
  await snap(page, 'import-big');
});
