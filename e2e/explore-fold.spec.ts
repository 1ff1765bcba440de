import { expect, test, type Page } from '@playwright/test';
import type { ExplorerDoc } from '../app/explore/doc';
import { encodeDoc } from '../app/explore/link';
import { SERVICE_A, syntheticCluster, talkCluster, type Topology } from '../app/model';
import { snap, watchErrors } from './helpers';

// A cluster far bigger than the scene lays out: the explorer draws the entry
// node and the nodes with the Service's pods, and folds the rest into one box.

/** 500 nodes of two pods each; Service A's pods only on Node7, Node250 and Node499. */
function bigDoc(): ExplorerDoc {
  const ingress = talkCluster('shared-ingress');
  const base = syntheticCluster(500, 2);
  const serviceNodes = new Set(['node7', 'node250', 'node499']);
  const topology: Topology = {
    ...base,
    services: ingress.services,
    ingresses: ingress.ingresses,
    pods: base.pods.map((p) => ({ ...p, labels: { app: serviceNodes.has(p.node) ? 'a' : 'b' } })),
  };
  return {
    topology,
    service: SERVICE_A,
    mode: '2',
    entryNode: 'node100',
    requests: 1000,
    seed: 1,
    view: 'talk',
  };
}

const fold = (page: Page) => page.locator('.stage .folded-nodes');
const words = (page: Page) => page.locator('.explore-words');

/**
 * The folded box's words, line by line, and their size in pixels on a 1080p
 * screen filled by the stage (its 900 units tall take 1080 pixels): the
 * explorer's stage shares the window with its panels, the projector's does not.
 */
const foldLines = (page: Page) =>
  fold(page)
    .locator('tspan')
    .evaluateAll((spans) =>
      spans.map((s) => ({
        text: s.textContent ?? '',
        px: (parseFloat(getComputedStyle(s).fontSize) * 1080) / 900,
      })),
    );

/** The wires on the stage (this hop's and the trail), as points every 4 units along each. */
const wirePoints = (page: Page) =>
  page.locator('.stage svg.diagram').evaluate((svg) => {
    const paths = Array.from(svg.querySelectorAll<SVGPathElement>('path')).filter(
      (p) =>
        p.getAttribute('fill') === 'none' &&
        p.getAttribute('stroke') !== 'none' &&
        (p.closest('.trail') !== null || p.getAttribute('stroke-width') === '5'),
    );
    return paths.map((p) => {
      const out: { x: number; y: number }[] = [];
      const length = p.getTotalLength();
      for (let at = 0; at <= length; at += 4) {
        const q = p.getPointAtLength(at);
        out.push({ x: q.x, y: q.y });
      }
      return out;
    });
  });

test.describe('the explorer on a 500-node cluster', () => {
  test.use({ viewport: { width: 1920, height: 1080 }, reducedMotion: 'reduce' });

  test('draws the entry node and the three nodes with the Service’s pods, and folds the other 496 into one box no wire crosses', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await page.goto(`/#/explore?s=${encodeDoc(bigDoc())}`);
    await expect(fold(page)).toBeVisible();
    const lines = await foldLines(page);
    expect(lines.map((l) => l.text).join(' ')).toBe(
      '+\u00a0496 nodes without a pod of this Service',
    );
    // Read from the back of the room: 28 px or more at 1080p.
    for (const line of lines) expect(line.px, line.text).toBeGreaterThanOrEqual(28);

    // The nodes drawn, by their names; none of the folded ones.
    const names = await page.locator('.stage .cluster-shapes text.label-strong').allTextContents();
    const nodes = names.filter((n) => /^Node\d+:$/.test(n));
    expect(nodes).toEqual(['Node7:', 'Node100:', 'Node250:', 'Node499:']);

    // The box is dashed, holds no pod, and no wire crosses it on any hop of the request.
    const rect = fold(page).locator('rect');
    await expect(rect).toHaveAttribute('stroke-dasharray', /\d/);
    const box = await rect.evaluate((r) => {
      const b = (r as SVGRectElement).getBBox();
      return { x: b.x, y: b.y, w: b.width, h: b.height };
    });
    await expect(words(page)).toContainText('Request, hop 1 of 2');
    for (let hop = 0; hop < 2; hop++) {
      if (hop > 0) {
        await page.keyboard.press('ArrowRight');
        await expect(words(page)).toContainText(`Request, hop ${hop + 1} of 2`);
      }
      const wires = await wirePoints(page);
      expect(wires.length, `hop ${hop + 1}: a wire on the stage`).toBeGreaterThan(0);
      const inside = wires
        .flat()
        .filter(
          (p) =>
            p.x > box.x + 3 &&
            p.x < box.x + box.w - 3 &&
            p.y > box.y + 3 &&
            p.y < box.y + box.h - 3,
        );
      expect(inside, `hop ${hop + 1}`).toEqual([]);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    await snap(page, 'explore-fold-500');
    expect(errors).toEqual([]);
  });
});
