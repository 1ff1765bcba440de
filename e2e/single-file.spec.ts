import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expectAt, packetLines, snap, watchErrors } from './helpers';

// dist/inbound.html, the whole app in one file, opened as a presenter opens it from a USB
// stick: straight from the disk (file://), with no server and no network. The file is the one
// the tests' own build wrote (playwright.config.ts: `vite build` writes it beside index.html).

const dist = process.env.INBOUND_E2E_DIST ?? join(process.cwd(), 'dist');
const file = join(dist, 'inbound.html');
const url = pathToFileURL(file).href;

test.use({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });

/**
 * No network: the context is offline, and any http(s) request is aborted and
 * remembered, so a page that tried one fails the test rather than quietly
 * getting an answer.
 */
async function offline(context: BrowserContext): Promise<string[]> {
  const asked: string[] = [];
  await context.route(/^https?:/, (route) => {
    asked.push(route.request().url());
    return route.abort();
  });
  await context.setOffline(true);
  context.on('request', (r) => {
    if (!/^(file|data|blob):/.test(r.url())) asked.push(r.url());
  });
  return asked;
}

const stage = (page: Page) => page.locator('.diagram-layer:not([data-hidden])');

test.beforeAll(() => {
  expect(existsSync(file), `${file} should have been written by the tests' build`).toBe(true);
});

test('the talk from one file: title, → to 27 with the packet, E, a since-2020 link', async ({
  page,
}) => {
  const asked = await offline(page.context());
  const errors = watchErrors(page);
  await page.goto(url);
  await expect(page.getByRole('heading', { name: /Kubernetes cluster/ })).toBeVisible();
  await expect(page.locator('.controls .position')).toHaveText('1 / 124');
  await snap(page, 'single-file-title');

  // The prerendered slide came alive: → walks the talk, step by step, to slide 27.
  // Each press moves one step, and the address follows: wait for it before reading it again.
  for (let i = 0; i < 120 && !/#\/27(\?|$)/.test(page.url()); i++) {
    const before = page.url();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.url()).not.toBe(before);
  }
  await expectAt(page, 27);
  await expect(stage(page).getByTestId('packet')).toBeVisible();
  await expect.poll(() => packetLines(page)).toEqual(['Src: node1', 'Dst: pod:pod-port']);

  await page.keyboard.press('e');
  await expect(page).toHaveURL(/#\/27\?etp=Local$/);
  await expect.poll(() => packetLines(page)).toEqual(['Src: client', 'Dst: pod:pod-port']);
  await snap(page, 'single-file-27-local');

  await page.goto(`${url}#/since/2/1`);
  await expectAt(page, 124 + 2, 1);
  await expect(stage(page).getByTestId('switch-tag')).toContainText('ipMode = VIP');
  await expect.poll(() => packetLines(page)).toEqual(['Src: client', 'Dst: VIP:service-port']);

  expect(errors).toEqual([]);
  expect(asked).toEqual([]);
});

test('the explorer from one file: runs on the page, and YAML is read there, both said', async ({
  page,
}) => {
  const asked = await offline(page.context());
  const errors = watchErrors(page);
  await page.goto(`${url}#/explore`);
  await expect(page.getByRole('heading', { name: 'Explorer' })).toBeVisible();

  await page.getByRole('tab', { name: 'Requests' }).click();
  await expect(
    page.getByText('In this single-file copy, runs of many requests use the page itself'),
  ).toBeVisible();
  await page.getByLabel('Requests (N)').fill('100');
  await page.getByRole('button', { name: /^Send / }).click();
  await expect(page.locator('.runs-summary')).toContainText('100 requests:');
  const counts = await page
    .locator('tr[data-pod] td[data-share]')
    .evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-count'))));
  expect(counts.length).toBeGreaterThan(0);
  expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  await snap(page, 'single-file-runs');

  // A larger run goes in slices on the page and still finishes.
  await page.getByLabel('Requests (N)').fill('200000');
  await page.getByRole('button', { name: /^Send / }).click();
  await expect(page.locator('.runs-summary')).toContainText('200,000 requests:', {
    timeout: 20_000,
  });

  // The YAML reader (a chunk of its own in the served app) is inside the one file.
  await page.getByRole('button', { name: 'Import from kubectl' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import from kubectl' });
  await dialog
    .getByLabel('Or paste kubectl output (JSON or YAML)')
    .fill(readFileSync('e2e/fixtures/kubectl/multi-doc.yaml', 'utf8'));
  await dialog.getByRole('button', { name: 'Import pasted text' }).click();
  await expect(dialog.getByRole('heading', { name: 'Read the pasted text' })).toBeVisible();
  await expect(dialog.locator('.import-counts')).toHaveText('11 taken (1 changed) · 0 skipped');
  await expect(
    dialog.getByText('In this single-file copy the import runs on the page itself'),
  ).toBeVisible();

  expect(errors).toEqual([]);
  expect(asked).toEqual([]);
});

test('the presenter view from one file follows the deck in Chromium; alone, it says why it may not', async ({
  page,
  browser,
}) => {
  const asked = await offline(page.context());
  const errors = watchErrors(page);
  await page.goto(`${url}#/26`);
  const presenter = await page.context().newPage();
  const presenterErrors = watchErrors(presenter);
  await presenter.goto(`${url}?view=presenter#/26`);
  await expect(presenter.locator('.presenter-current .stage')).toBeVisible();
  await presenter.keyboard.press('ArrowRight');
  await expectAt(page, 27);
  await presenter.keyboard.press('e');
  await expect(page).toHaveURL(/#\/27\?etp=Local$/);
  // Joined to the deck, the presenter has no cause to explain anything.
  await page.waitForTimeout(2500);
  await expect(presenter.locator('.presenter-sync-note')).toHaveCount(0);

  // A presenter view no deck answers (as in a browser that keeps file:// windows apart).
  const lone = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const loneAsked = await offline(lone);
  const alone = await lone.newPage();
  const aloneErrors = watchErrors(alone);
  await alone.goto(`${url}?view=presenter#/27`);
  const note = alone.locator('.presenter-sync-note');
  await expect(note).toBeVisible();
  await expect(note).toContainText('sync between windows needs the served app (npm start)');
  await snap(alone, 'single-file-presenter-alone');
  await lone.close();

  expect([...errors, ...presenterErrors, ...aloneErrors]).toEqual([]);
  expect([...asked, ...loneAsked]).toEqual([]);
});

test('the policy names its two scripts by hash and allows no eval, no other script', async ({
  page,
}) => {
  await offline(page.context());
  await page.goto(url);
  await expect(page.locator('.controls .position')).toHaveText('1 / 124');
  const policy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  const directives = new Map(
    (policy ?? '').split(';').map((d) => {
      const [name = '', ...sources] = d.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );
  const scripts = directives.get('script-src') ?? [];
  expect(scripts.length).toBe(2);
  for (const s of scripts) expect(s).toMatch(/^'sha256-[A-Za-z0-9+/]{43}='$/);
  expect(policy).not.toContain("'unsafe-eval'");
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(directives.get('default-src')).toEqual(["'none'"]);
  expect(directives.get('connect-src')).toEqual(["'none'"]);

  // The policy at work: a script it does not name never runs, nor does code from a string.
  // (The page's own realm is asked: code Playwright evaluates passes as DevTools' own.)
  const refused = await page.evaluate(() => {
    const seen: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => seen.push(e.effectiveDirective));
    const ran = window as unknown as { __injected?: boolean; __fromString?: boolean };
    const injected = document.createElement('script');
    injected.textContent = 'window.__injected = true';
    document.head.append(injected);
    // A timer given a string compiles it as eval does, from the page itself.
    (setTimeout as unknown as (code: string, ms: number) => number)(
      'window.__fromString = true',
      0,
    );
    return new Promise<{ injected: boolean; fromString: boolean; seen: string[] }>((resolve) =>
      setTimeout(
        () => resolve({ injected: !!ran.__injected, fromString: !!ran.__fromString, seen }),
        200,
      ),
    );
  });
  expect(refused).toEqual({
    injected: false,
    fromString: false,
    seen: ['script-src-elem', 'script-src'],
  });
});

test('the served build opened from the disk says it needs a server and points at inbound.html', async ({
  page,
}) => {
  await offline(page.context());
  await page.goto(`${pathToFileURL(join(dist, 'index.html')).href}#/27`);
  const notice = page.getByRole('alert').filter({ hasText: 'This page needs a web server' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('open inbound.html from the same folder');
  await snap(page, 'single-file-index-from-disk');
  // The link goes to the single file, at the same place in the talk, and that one works.
  await notice.getByRole('link', { name: 'Open inbound.html' }).click();
  await expect(page).toHaveURL(/inbound\.html#\/27$/);
  await expectAt(page, 27);
  await expect(page.getByRole('alert').filter({ hasText: 'needs a web server' })).toHaveCount(0);
});
