import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { snap, trackCard, watchErrors } from './helpers';

test.use({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });

const revealDist = dirname(createRequire(import.meta.url).resolve('reveal.js'));
const fromRepo = (path: string) => join(import.meta.dirname, '..', path);

/**
 * A server of its own for the reveal.js deck, so the deck has another origin
 * than Inbound's, as a real talk's deck does: the fixture (e2e/fixtures/reveal),
 * reveal.js's files from the installed package, and the plugin from public/.
 * (A real server, not a route: Chromium lets only a local page frame a local
 * server, and a routed answer does not count as local.) The deck is at
 * http://localhost:port; the same server as http://127.0.0.1:port is another
 * origin, a stranger's page that embeds the frame without being allowed to drive it.
 */
async function startRevealServer(
  inbound: string,
): Promise<{ host: string; stranger: string; close: () => void }> {
  const files: Record<string, [string, string]> = {
    '/index.html': [fromRepo('e2e/fixtures/reveal/index.html'), 'text/html'],
    '/reveal.mjs': [join(revealDist, 'reveal.mjs'), 'text/javascript'],
    '/reveal.css': [join(revealDist, 'reveal.css'), 'text/css'],
    '/white.css': [join(revealDist, 'theme', 'white.css'), 'text/css'],
    '/notes.mjs': [join(revealDist, 'plugin', 'notes.mjs'), 'text/javascript'],
    '/inbound-reveal.js': [fromRepo('public/inbound-reveal.js'), 'text/javascript'],
  };
  let host = '';
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/stranger.html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(
        `<!doctype html><title>Not the deck</title><iframe id="f" width="800" height="450" src="${inbound}/?view=embed&origins=${host}#/26"></iframe>`,
      );
      return;
    }
    const file = files[path];
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (!file) {
      res.writeHead(404).end('not here');
      return;
    }
    let body = readFileSync(file[0], 'utf8');
    if (file[1] === 'text/html')
      body = body.replaceAll('INBOUND_ORIGIN', inbound).replaceAll('HOST_ORIGIN', host);
    res.writeHead(200, { 'content-type': file[1] });
    res.end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  host = `http://localhost:${port}`;
  return { host, stranger: `http://127.0.0.1:${port}`, close: () => server.close() };
}

/** The packet's lines as a page or a frame in it shows them. */
const card = (scope: Pick<FrameLocator, 'getByTestId'>) =>
  scope.getByTestId('packet').locator('text').allTextContents();

/** What the packet shows on the talk's slides, under the talk's policy (Cluster). */
const AT_26 = ['Src: client', 'Dst: node1:node-port'];
const AT_27 = ['Src: node1', 'Dst: pod:pod-port'];
const AT_27_LOCAL = ['Src: client', 'Dst: pod:pod-port'];
const AT_64 = ['Src: client', 'Dst: proxy:service-port'];
const AT_65 = ['Src: proxy', 'Dst: node1:node-port'];
const AT_66 = ['Src: node1', 'Dst: pod:pod-port'];

let server: Awaited<ReturnType<typeof startRevealServer>>;
test.beforeAll(async ({ baseURL }) => {
  server = await startRevealServer(baseURL as string);
});
test.afterAll(() => server.close());

/** The fixture deck at reveal.js's slide index `slide` (0 is its title), ready. */
async function openDeck(page: Page, slide = 1) {
  await page.goto(`${server.host}/index.html#/${slide}`);
  await expect(page.locator('body[data-ready]')).toBeAttached();
  return page.frameLocator('iframe#nodeport');
}

test.describe('?view=embed: the stage alone', () => {
  test('has no bar and no caption, steps from its own keys, and says a bad link', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    // The deck has the bar this view leaves out.
    await page.goto('/#/26');
    await expect(page.locator('nav[aria-label="Deck controls"]')).toBeVisible();

    await page.goto('/?view=embed#/26');
    await expect.poll(() => card(page)).toEqual(AT_26);
    await expect(page.locator('nav[aria-label="Deck controls"]')).toHaveCount(0);
    // The words are for screen readers only, unless the link asks for them.
    await expect(page.locator('.live-region')).toHaveText(/client/);
    expect(await page.locator('.visually-hidden:has(.live-region)').boundingBox()).toMatchObject({
      width: 1,
      height: 1,
    });
    // The stage fills the frame: 1280 × 720 for 16:9 in 1280 × 800.
    expect(await page.locator('.stage').boundingBox()).toMatchObject({ width: 1280, height: 720 });
    await snap(page, 'embed-26');

    await page.getByRole('main', { name: /Inbound live demo/ }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => card(page)).toEqual(AT_27);
    await expect(page).toHaveURL(/\?view=embed#\/27$/);
    await page.keyboard.press('e');
    await expect.poll(() => card(page)).toEqual(AT_27_LOCAL);
    await expect(page).toHaveURL(/#\/27\?etp=Local$/);

    await page.goto('/?view=embed&caption=1#/since/2');
    await expect(page.locator('.live-region')).toBeVisible();
    expect((await page.locator('.live-region').boundingBox())?.height).toBeGreaterThan(40);
    await snap(page, 'embed-since-2-caption');

    await page.goto('/?view=embed&origins=javascript:alert(1)#/999');
    await expect(page.getByRole('alert')).toHaveText(
      /“javascript:alert\(1\)” is not an origin such as https:\/\/talks\.example: no page may drive this frame\. There is no slide 999: the talk has slides 1 to 124\. Showing slide 124\./,
    );
    expect(errors).toEqual([]);
  });
  test('honours prefers-reduced-motion: the card flies without it, and is there at once with it', async ({
    page,
  }) => {
    const distinct = (boxes: { x: number; y: number }[]) =>
      new Set(boxes.map((b) => `${Math.round(b.x)},${Math.round(b.y)}`)).size;
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.goto('/?view=embed#/26');
    await expect(page.locator('.embed')).toHaveAttribute('data-motion', 'ready');
    await expect.poll(() => card(page)).toEqual(AT_26);
    expect(distinct(await trackCard(page, 'ArrowRight', 1200))).toBeGreaterThan(5);

    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/?view=embed#/26');
    await expect(page.locator('.embed')).toHaveAttribute('data-motion', 'ready');
    await expect.poll(() => card(page)).toEqual(AT_26);
    // Where it was, then where it goes: nothing in between.
    expect(distinct(await trackCard(page, 'ArrowRight', 600))).toBeLessThanOrEqual(2);
  });
});

test.describe('Inbound inside a reveal.js deck', () => {
  test('→ in the deck steps the demo through its fragments, and the speaker view follows', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const audience = await openDeck(page);
    const frameElement = page.locator('iframe#nodeport');
    await expect.poll(() => card(audience)).toEqual(AT_64);
    await expect(frameElement).toHaveAttribute('data-inbound-at', '64');

    // reveal.js's speaker view (S): a window of its own that loads the deck again, in two frames.
    const [speaker] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
    const current = speaker.frameLocator('#current-slide iframe').frameLocator('iframe#nodeport');
    const upcoming = speaker.frameLocator('#upcoming-slide iframe').frameLocator('iframe#nodeport');
    await expect.poll(() => card(current), { timeout: 15_000 }).toEqual(AT_64);

    await page.bringToFront();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => card(audience)).toEqual(AT_65);
    await expect(frameElement).toHaveAttribute('data-inbound-at', '65');
    await expect.poll(() => card(current)).toEqual(AT_65);
    // The upcoming view is reveal's next fragment: the demo's next step.
    await expect.poll(() => card(upcoming)).toEqual(AT_66);

    await page.keyboard.press('ArrowRight');
    await expect.poll(() => card(audience)).toEqual(AT_66);
    await expect.poll(() => card(current)).toEqual(AT_66);
    await snap(page, 'reveal-audience');
    await snap(speaker, 'reveal-speaker-view');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => card(audience)).toEqual(AT_64);
    await expect.poll(() => card(current)).toEqual(AT_64);

    // Every command on the way was carried out, none ignored.
    await expect(audience.locator('.embed')).toHaveAttribute('data-ignored', '0');
    expect(errors).toEqual([]);
  });

  test('a fragment flips the slide’s own switch after the talk', async ({ page }) => {
    await openDeck(page, 2);
    const frame = page.frameLocator('iframe#ipmode');
    const frameElement = page.locator('iframe#ipmode');
    await expect(frame.getByTestId('switch-tag')).toHaveText(/ipMode = VIP/);
    await expect(frameElement).toHaveAttribute('data-inbound-at', 'since/2');
    await page.keyboard.press('ArrowRight');
    await expect(frame.getByTestId('switch-tag')).toHaveText(/ipMode = Proxy/);
    // The step data-inbound-steps made: the demo's next step, with the switch held.
    await page.keyboard.press('ArrowRight');
    await expect(frameElement).toHaveAttribute('data-inbound-at', 'since/2/1');
    await expect(frame.getByTestId('switch-tag')).toHaveText(/ipMode = Proxy/);
    await expect(frame.locator('.live-region')).toBeVisible();
    await snap(page, 'reveal-since-2-proxy');
  });

  test('hostile messages change nothing, are counted, and never block a valid one', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const audience = await openDeck(page);
    await expect.poll(() => card(audience)).toEqual(AT_64);
    const postToFrame = (message: unknown) =>
      page.evaluate((m) => {
        const frame = document.querySelector<HTMLIFrameElement>('iframe#nodeport');
        frame?.contentWindow?.postMessage(m, '*');
      }, message);
    const command = { type: 'inbound:command', version: 1 };

    await postToFrame({ ...command, command: 'goto', slide: 'javascript:alert(1)' });
    await postToFrame({ ...command, version: 2, command: 'next' });
    await postToFrame({ ...command, command: 'next', times: 9 });
    await postToFrame(JSON.stringify({ ...command, command: 'next' }));
    await postToFrame({ ...command, command: 'goto', slide: 'x'.repeat(100_000) });
    await expect(audience.locator('.embed')).toHaveAttribute('data-ignored', '5');
    // The frame tells the deck's page too (the plugin puts it on the iframe).
    await expect(page.locator('iframe#nodeport')).toHaveAttribute('data-inbound-ignored', '5');
    expect(await card(audience)).toEqual(AT_64);

    // The same frame, embedded by a page of an origin its link does not allow.
    const stranger = await page.context().newPage();
    await stranger.goto(`${server.stranger}/stranger.html`);
    const stolen = stranger.frameLocator('#f');
    await expect.poll(() => card(stolen)).toEqual(AT_26);
    await stranger.evaluate((c) => {
      const w = document.querySelector<HTMLIFrameElement>('#f')?.contentWindow;
      w?.postMessage({ ...c, command: 'next' }, '*');
      w?.postMessage({ ...c, command: 'goto', slide: 27 }, '*');
    }, command);
    await expect(stolen.locator('.embed')).toHaveAttribute('data-ignored', '2');
    expect(await card(stolen)).toEqual(AT_26);

    // After all that, the deck's own page still drives its frame.
    await postToFrame({ ...command, command: 'goto', slide: 27 });
    await expect.poll(() => card(audience)).toEqual(AT_27);
    await expect(audience.locator('.embed')).toHaveAttribute('data-ignored', '5');
    expect(errors).toEqual([]);
  });
});
