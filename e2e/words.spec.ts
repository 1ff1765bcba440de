import { expect, test, type Locator, type Page } from '@playwright/test';
import { packetLines, snap, watchErrors } from './helpers';

// What the deck says about a step: a dropped packet as it arrived, the note on
// the talk's label for it, why R finds no reply, 3a's reply past a passthrough
// load balancer, and a message that never covers the slide's title.

test.use({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });

const caption = (page: Page) => page.locator('.live-region');
const changedMarks = (page: Page) => page.getByTestId('packet').locator('.changed-bar');

test.describe('a dropped packet is shown as it arrived', () => {
  for (const link of ['#/37?addr=ip', '#/30?etp=Local&addr=ip']) {
    test(`${link}: Src is still the client, Dst still Node1's port, nothing marked new`, async ({
      page,
    }) => {
      const errors = watchErrors(page);
      await page.goto(`/${link}`);
      await expect
        .poll(() => packetLines(page))
        .toEqual(['Src: 1.2.3.4:51234', 'Dst: 10.240.0.1:30093']);
      await expect(changedMarks(page)).toHaveCount(0);
      await expect(caption(page)).toContainText('drops the packet silently');
      expect(errors).toEqual([]);
    });
  }

  test('#/37 keeps the talk’s label, and says what it means', async ({ page }) => {
    await page.goto('/#/37');
    await expect.poll(() => packetLines(page)).toEqual(['Src: node1', 'Dst: ???']);
    await expect(changedMarks(page)).toHaveCount(0);
    await expect(caption(page)).toContainText(
      '“Src: node1” means stuck at Node1: the header still reads Src: client, Dst: node1:node-port.',
    );
    await snap(page, 'words-37-talk');
  });
});

test('R on a dropped packet says there is no reply, and why', async ({ page }) => {
  await page.goto('/#/37');
  await expect.poll(() => packetLines(page)).toEqual(['Src: node1', 'Dst: ???']);
  await page.keyboard.press('r');
  await expect(page.getByRole('status').filter({ hasText: 'No reply' })).toHaveText(
    /No reply: Node1 dropped the packet silently, so nothing comes back and the client times out\./,
  );
  await expect(page).not.toHaveURL(/ret=/);
});

test('3a’s reply goes from Node1 straight to the client, not through the load balancer', async ({
  page,
}) => {
  await page.goto('/#/50?ret=2');
  await expect(caption(page)).toContainText(
    'Node1 undoes its NAT and answers the client directly, not through the load balancer, which is passthrough',
  );
  await expect(caption(page)).toContainText('The client sees a reply from VIP:service-port');
});

test('4c.3 says which external proxy loses the client IP, and which would keep it', async ({
  page,
}) => {
  await page.goto('/#/120');
  await expect(caption(page)).toContainText('the external proxy drawn here works at L4');
  await expect(caption(page)).toContainText(
    'An HTTP external proxy (like the talk’s GCP HTTP load balancer) would add X-Forwarded-For: client first',
  );
});

const overlaps = async (a: Locator, b: Locator) => {
  const [x, y] = [await a.boundingBox(), await b.boundingBox()];
  if (!x || !y) throw new Error('not on screen');
  return x.x < y.x + y.width && y.x < x.x + x.width && x.y < y.y + y.height && y.y < x.y + x.height;
};

test.describe('a message never covers the slide’s title', () => {
  for (const size of [
    { width: 1280, height: 720 },
    { width: 1024, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    test(`E on a 1-hop slide (78) at ${size.width}×${size.height}`, async ({ page }) => {
      await page.setViewportSize(size);
      await page.goto('/#/78');
      const title = page.locator('.stage .mode-title').first();
      await expect(title).toContainText('3d) Proxy-like, 1-hop');
      await page.keyboard.press('e');
      const notice = page.locator('.notice');
      await expect(notice).toContainText('externalTrafficPolicy changes nothing in this mode');
      expect(await overlaps(notice, title)).toBe(false);
      await snap(page, `words-78-e-${size.width}`);
    });
  }

  test('E on a text slide (2)', async ({ page }) => {
    await page.goto('/#/2');
    const words = page.locator('.stage .text-slide').first();
    await expect(words).toBeVisible();
    await page.keyboard.press('e');
    const notice = page.locator('.notice');
    await expect(notice).toContainText('externalTrafficPolicy');
    const firstLine = words.locator('h1, h2, p').first();
    expect(await overlaps(notice, firstLine)).toBe(false);
  });
});
