import { expect, test, type Page } from '@playwright/test';
import { packetLines, snap, watchErrors } from './helpers';

interface Sample {
  readonly t: number;
  readonly lines: string;
  readonly x: number;
  readonly y: number;
  /** The rewrite badge's opacity (0 while it waits for the card), or -1 when there is none. */
  readonly badge: number;
}

/** Presses `key` and records, every frame for `ms`, what the card says, where it is, and the badge. */
async function film(page: Page, key: string, ms: number): Promise<Sample[]> {
  const recording = page.evaluate(
    (ms) =>
      new Promise<Sample[]>((resolve) => {
        const seen: Sample[] = [];
        const start = performance.now();
        // How much of an element shows: its opacity and its ancestors'.
        const shows = (el: Element) => {
          let o = 1;
          for (let e: Element | null = el; e; e = e.parentElement)
            o *= Number(getComputedStyle(e).opacity);
          return o;
        };
        const tick = () => {
          const card = document.querySelector(
            '.diagram-layer:not([data-hidden]) [data-testid="packet"]',
          );
          const badge = document.querySelector('.diagram-layer:not([data-hidden]) .rewrite-badge');
          if (card) {
            const box = card.getBoundingClientRect();
            // The face on screen (at a device the card holds the one it arrived with, and the new one).
            const faces = Array.from(card.querySelectorAll('.card-face')).filter(
              (f) => Number(getComputedStyle(f).opacity) > 0.5,
            );
            const face = faces[faces.length - 1] ?? card;
            const lines = Array.from(face.querySelectorAll('text'))
              .map((el) => el.textContent)
              .join(' | ');
            seen.push({
              t: performance.now() - start,
              lines,
              x: box.x,
              y: box.y,
              badge: badge ? shows(badge) : -1,
            });
          }
          if (performance.now() - start < ms) requestAnimationFrame(tick);
          else resolve(seen);
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
  await page.keyboard.press(key);
  return recording;
}

const moved = (a: Sample, b: Sample) => Math.hypot(a.x - b.x, a.y - b.y);

test.describe('each hop told in order', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('26 → 27: the card reaches Node1 still saying client → node1:node-port, Node1 rewrites it there, then it leaves for Pod-a', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await page.goto('/#/26');
    await expect.poll(() => packetLines(page)).toEqual(['Src: client', 'Dst: node1:node-port']);
    const samples = await film(page, 'ArrowRight', 3600);
    const arrived = 'Src: client | Dst: node1:node-port';
    const sent = 'Src: node1 | Dst: pod:pod-port';
    const flip = samples.findIndex((s) => s.lines === sent);
    expect(flip).toBeGreaterThan(0);
    // Arrive: for a while it travels with the headers it had on the wire from the client.
    const before = samples.slice(0, flip);
    expect(before.every((s) => s.lines === arrived)).toBe(true);
    expect(moved(before[0] as Sample, before[before.length - 1] as Sample)).toBeGreaterThan(100);
    // Meanwhile the badge waits for it (not there yet, or not shown): Node1 has rewritten nothing.
    expect(before.map((s) => s.badge).filter((b) => b > 0)).toEqual([]);
    // Rewrite: at the flip the card stands at Node1 (and stays a moment), and the badge appears.
    const atFlip = samples[flip] as Sample;
    const standing = samples.filter((s) => s.t >= atFlip.t && s.t - atFlip.t < 300);
    expect(Math.max(...standing.map((s) => moved(s, atFlip)))).toBeLessThan(3);
    const after = samples.slice(flip);
    expect(after.every((s) => s.lines === sent)).toBe(true);
    expect((after[after.length - 1] as Sample).badge).toBeGreaterThan(0.9);
    // Leave: then it goes on toward Pod-a with the new headers.
    expect(moved(atFlip, after[after.length - 1] as Sample)).toBeGreaterThan(3);
    await snap(page, 'telling-27-rest');
    expect(errors).toEqual([]);
  });

  test('27 → 26: going back, the card returns to Node1, the rewrite is undone there, then it goes back beside the client', async ({
    page,
  }) => {
    await page.goto('/#/27');
    await expect.poll(() => packetLines(page)).toEqual(['Src: node1', 'Dst: pod:pod-port']);
    const samples = await film(page, 'ArrowLeft', 3000);
    const flip = samples.findIndex((s) => s.lines === 'Src: client | Dst: node1:node-port');
    expect(flip).toBeGreaterThan(0);
    expect(samples.slice(0, flip).every((s) => s.lines === 'Src: node1 | Dst: pod:pod-port')).toBe(
      true,
    );
    expect(moved(samples[0] as Sample, samples[flip] as Sample)).toBeGreaterThan(3);
    expect(moved(samples[flip] as Sample, samples[samples.length - 1] as Sample)).toBeGreaterThan(
      40,
    );
    // Node1's "DNAT + SNAT" has gone with it: no badge left showing.
    await expect
      .poll(() =>
        page
          .locator('.diagram-layer:not([data-hidden]) .rewrite-badge')
          .evaluateAll((els) =>
            els.filter((el) => Number(getComputedStyle(el.parentElement as Element).opacity) > 0),
          ),
      )
      .toHaveLength(0);
  });

  test('with reduced motion the step is there at once, already rewritten', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/#/26');
    await expect.poll(() => packetLines(page)).toEqual(['Src: client', 'Dst: node1:node-port']);
    const samples = await film(page, 'ArrowRight', 400);
    const shown = samples.filter((s) => s.lines !== 'Src: client | Dst: node1:node-port');
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((s) => s.lines === 'Src: node1 | Dst: pod:pod-port')).toBe(true);
    expect(moved(shown[0] as Sample, shown[shown.length - 1] as Sample)).toBeLessThan(1);
  });

  test('a drop under Local stops the packet at Node1 as it arrived: the client’s address, nothing marked new', async ({
    page,
  }) => {
    await page.goto('/#/30?addr=ip');
    await page.keyboard.press('e');
    await expect
      .poll(() => packetLines(page))
      .toEqual(['Src: 1.2.3.4:51234', 'Dst: 10.240.0.1:30093']);
    const stage = page.locator('.diagram-layer:not([data-hidden])');
    await expect(stage.locator('.changed-bar')).toHaveCount(0);
    await expect(stage.getByText('? Failure')).toBeVisible();
    await snap(page, 'telling-30-local-drop');
  });
});
