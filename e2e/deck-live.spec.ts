import { expect, test, type Page } from '@playwright/test';
import { expectAt, packetLines, snap, stageTexts, trackCard, watchErrors } from './helpers';

test.use({ viewport: { width: 1280, height: 720 } });

const policySwitch = (page: Page) =>
  page.getByRole('radiogroup', { name: 'externalTrafficPolicy' });
const caption = (page: Page) => page.locator('[aria-live="polite"]');

/**
 * Waits until the stage is at rest: no animation running, and the card on
 * screen in one place for 1.2 s (longer than the card's hold at a device
 * while it rewrites the packet, so a flight paused there is not taken for rest).
 */
const atRest = (page: Page) =>
  page.waitForFunction(
    () => {
      const w = window as unknown as { restAt?: string; restSince?: number };
      const card = document.querySelector(
        '.diagram-layer:not([data-hidden]) [data-testid="packet"]',
      );
      const r = card?.getBoundingClientRect();
      const at = r ? `${r.x},${r.y}` : '';
      const now = performance.now();
      if (at !== w.restAt || document.getAnimations().some((a) => a.playState === 'running')) {
        w.restAt = at;
        w.restSince = now;
      }
      return now - (w.restSince ?? now) >= 1200;
    },
    undefined,
    { polling: 'raf' },
  );

test.describe('deep links reproduce the talk’s slides', () => {
  test.use({ reducedMotion: 'reduce' });
  const cases: [number, string[], string[]][] = [
    [27, ['Src: node1', 'Dst: pod:pod-port'], [':30093', ':30076', 'Pod-c:', 'Client:']],
    [37, ['Src: node1', 'Dst: ???'], ['? Failure', 'Pod-b:']],
    [66, ['Src: node1', 'Dst: pod:pod-port'], ['Proxy', ':30093']],
    [100, ['Src: proxy', 'Dst: pod:pod-port'], ['Proxy', 'Pod-a:']],
  ];
  for (const [slide, card, labels] of cases) {
    test(`#/${slide}`, async ({ page }) => {
      const errors = watchErrors(page);
      await page.goto(`/#/${slide}`);
      await expect.poll(() => packetLines(page)).toEqual(card);
      const texts = await stageTexts(page);
      for (const l of labels) expect(texts.join('\n')).toContain(l);
      await snap(page, `slide-${slide}`);
      expect(errors).toEqual([]);
    });
  }

  test('#/10 asks how the client’s traffic gets in: a "?" on the way from the client to the cluster', async ({
    page,
  }) => {
    await page.goto('/#/10');
    await expect(caption(page)).toContainText(
      'A client at 1.2.3.4, outside the cluster. How does its traffic get in?',
    );
    // The diagram draws once its chunk has loaded, which may be after the caption.
    await expect.poll(() => stageTexts(page)).toContain('?');
    expect(await stageTexts(page)).toContain('1.2.3.4');
  });

  test('the legend names node ports only once the talk has brought them in', async ({ page }) => {
    await page.goto('/#/6');
    const legend = page.locator('.legend');
    await expect(legend).toContainText('Service A');
    await expect(legend).not.toContainText(':30093');
    await page.goto('/#/27');
    await expect(legend).toContainText('Service A (:30093)');
    await page.goto('/#/50');
    await expect(legend).toContainText('Service A');
    await expect(legend).not.toContainText(':30093');
  });

  test('X-Forwarded-For shows once the talk has said what it is (92, 101), as an extra step', async ({
    page,
  }) => {
    await page.goto('/#/91');
    await expect.poll(() => packetLines(page)).toEqual(['Src: node1', 'Dst: pod:pod-port']);
    await expect(page.locator('.rewrite-badge')).not.toContainText('X-Forwarded-For');
    await expect(caption(page)).toContainText('the IP header no longer names the client');
    await expect(caption(page)).not.toContainText('X-Forwarded-For');
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('.text-slide')).toContainText('HTTP Proxy can save client IP');
    await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(/#\/92\/1$/);
    await expect
      .poll(() => packetLines(page))
      .toEqual(['Src: node1', 'Dst: pod:pod-port', 'X-Forwarded-For: client']);
    await expect(caption(page)).toContainText('survives only in X-Forwarded-For');
    await page.goto('/#/101/1');
    await expect
      .poll(() => packetLines(page))
      .toEqual(['Src: proxy', 'Dst: pod:pod-port', 'X-Forwarded-For: client']);
  });

  test('#/37 has no Pod-a, and says the packet is dropped', async ({ page }) => {
    await page.goto('/#/37');
    await expect(caption(page)).toContainText('drops the packet silently');
    expect((await stageTexts(page)).join('\n')).not.toContain('Pod-a:');
  });

  test('#/39 shows the 50% / 50% split and each pod’s share, which change with the policy', async ({
    page,
  }) => {
    await page.goto('/#/39');
    await expect
      .poll(async () => (await stageTexts(page)).filter((t) => t === '50%').length)
      .toBe(3);
    expect((await stageTexts(page)).filter((t) => t === '8.3%')).toHaveLength(6);
    await expect(caption(page)).toContainText('its 6 pods take 8.3% each');
    await snap(page, 'slide-39');
    await policySwitch(page).getByRole('radio', { name: 'Cluster' }).click();
    await expect
      .poll(async () => (await stageTexts(page)).filter((t) => t === '14.3%').length)
      .toBe(7);
  });
});

test.describe('the route so far stays drawn, faded, behind the hop on screen', () => {
  test.use({ reducedMotion: 'reduce' });
  const trail = (page: Page) => page.getByTestId('trail').locator('path');
  for (const [slide, wires] of [
    ['26', 0], // the client's hop to Node1 is the hop on screen
    ['27', 1], // client → Node1, then Node1 → Pod-a
    ['37', 1], // client → Node1, where the packet is dropped
    ['109', 3], // client → VIP → Node1 → ingress, then ingress → Pod-c
  ] as const) {
    test(`#/${slide}: ${wires} wire(s) behind the packet`, async ({ page }) => {
      await page.goto(`/#/${slide}`);
      await expect(page.getByTestId('packet')).toBeVisible();
      await expect(trail(page)).toHaveCount(wires);
    });
  }

  test('flipping the policy on slide 30 keeps the way in and redraws the way on', async ({
    page,
  }) => {
    await page.goto('/#/30');
    await expect(trail(page)).toHaveCount(1);
    const wayIn = await trail(page).first().getAttribute('d');
    await page.keyboard.press('e');
    await expect(caption(page)).toContainText('drops the packet silently');
    await expect(trail(page)).toHaveCount(1);
    expect(await trail(page).first().getAttribute('d')).toBe(wayIn);
  });
});

test.describe('externalTrafficPolicy, live', () => {
  test.use({ reducedMotion: 'reduce' });

  test('after a click on a switch, the next-step keys still move the talk on', async ({ page }) => {
    // The reply plays on by a timer: time is held still once it starts.
    await page.clock.install({ time: new Date('2026-01-01T00:00:00Z') });
    await page.goto('/#/26');
    await policySwitch(page).getByRole('radio', { name: 'Local' }).click();
    await expect(page).toHaveURL(/#\/26\?etp=Local$/);
    await page.keyboard.press('ArrowRight');
    await expectAt(page, 27);
    // Still Local: the policy holds within the mode.
    await expect.poll(() => packetLines(page)).toEqual(['Src: client', 'Dst: pod:pod-port']);
    await page.clock.pauseAt(new Date('2026-01-01T01:00:00Z'));
    await page.getByRole('button', { name: 'Return path' }).click();
    await expect(caption(page)).toContainText('Reply, hop 1 of 2');
    // Space is the deck's next step (the reply's next hop), not a second press of the button.
    await page.keyboard.press(' ');
    await expect(caption(page)).toContainText('Reply, hop 2 of 2');
    await page.keyboard.press(' ');
    await expect(page.getByRole('navigation', { name: 'Deck controls' })).toContainText('28 / 124');
  });

  test('slide 27: Local makes the pod see the client, and the link remembers it', async ({
    page,
  }) => {
    await page.goto('/#/27');
    await expect(policySwitch(page).getByRole('radio', { name: 'Cluster' })).toHaveAttribute(
      'aria-checked',
      'true',
    );
    await policySwitch(page).getByRole('radio', { name: 'Local' }).click();
    await expect.poll(() => packetLines(page)).toEqual(['Src: client', 'Dst: pod:pod-port']);
    await expect(page).toHaveURL(/#\/27\?etp=Local$/);
    await expect(caption(page)).toContainText('no SNAT');
    await snap(page, 'slide-27-local');
    await page.reload();
    await expect.poll(() => packetLines(page)).toEqual(['Src: client', 'Dst: pod:pod-port']);
    await page.keyboard.press('e');
    await expect.poll(() => packetLines(page)).toEqual(['Src: node1', 'Dst: pod:pod-port']);
    await expect(page).toHaveURL(/#\/27$/);
  });

  test('slide 66: behind a proxy, Local leaves Src: proxy', async ({ page }) => {
    await page.goto('/#/66');
    await page.keyboard.press('e');
    await expect.poll(() => packetLines(page)).toEqual(['Src: proxy', 'Dst: pod:pod-port']);
    await expect(page).toHaveURL(/etp=Local/);
  });

  test('slide 37: Cluster rescues the packet the talk drops', async ({ page }) => {
    await page.goto('/#/37');
    await policySwitch(page).getByRole('radio', { name: 'Cluster' }).click();
    await expect.poll(() => packetLines(page)).toEqual(['Src: node1', 'Dst: pod:pod-port']);
  });

  test('the switch is there only where the policy means something', async ({ page }) => {
    for (const [slide, shown] of [
      [19, false],
      [26, true],
      [48, true],
      [78, false],
      [99, false],
      [108, true],
      [2, false],
    ] as const) {
      await page.goto(`/#/${slide}`);
      await expect(policySwitch(page), `slide ${slide}`).toHaveCount(shown ? 1 : 0);
    }
  });

  test('E where the policy changes nothing says why, and changes nothing', async ({ page }) => {
    await page.goto('/#/99');
    await page.keyboard.press('e');
    await expect(page.getByRole('status')).toContainText('changes nothing in this mode');
    await expect(page).toHaveURL(/#\/99$/);
    await page.goto('/#/28');
    await page.keyboard.press('e');
    await expect(page.getByRole('status')).toContainText('there is none on this slide');
  });

  test('a slide number out of range goes to the nearest slide and says so', async ({ page }) => {
    await page.goto('/#/5');
    await page.keyboard.type('150');
    await page.keyboard.press('Enter');
    await expectAt(page, 124);
    await expect(page.getByRole('status')).toContainText('There is no slide 150');
  });

  test('the switch works from the keyboard: arrows select, and focus follows', async ({ page }) => {
    await page.goto('/#/27');
    const cluster = policySwitch(page).getByRole('radio', { name: 'Cluster' });
    const local = policySwitch(page).getByRole('radio', { name: 'Local' });
    await cluster.focus();
    await page.keyboard.press('ArrowRight');
    await expect(local).toBeFocused();
    await expect(local).toHaveAttribute('aria-checked', 'true');
    await expect.poll(() => packetLines(page)).toEqual(['Src: client', 'Dst: pod:pod-port']);
    // And back again, from where focus now is.
    await page.keyboard.press('ArrowLeft');
    await expect(cluster).toBeFocused();
    await expect(cluster).toHaveAttribute('aria-checked', 'true');
    await expect.poll(() => packetLines(page)).toEqual(['Src: node1', 'Dst: pod:pod-port']);
    await expect(page).toHaveURL(/#\/27$/);
  });

  test('addresses: the talk’s words or concrete IPs (key A)', async ({ page }) => {
    await page.goto('/#/27');
    await page.keyboard.press('a');
    await expect
      .poll(() => packetLines(page))
      .toEqual(['Src: 10.240.0.1:61012', 'Dst: 10.0.1.1:8080']);
    await expect(page).toHaveURL(/addr=ip/);
    await page
      .getByRole('radiogroup', { name: 'Addresses' })
      .getByRole('radio', { name: 'Talk words' })
      .click();
    await expect.poll(() => packetLines(page)).toEqual(['Src: node1', 'Dst: pod:pod-port']);
  });
});

test('ingress pods carry their addresses when addresses are concrete, as the talk’s words do not', async ({
  page,
}) => {
  await page.goto('/#/113');
  await expect.poll(() => stageTexts(page)).toContain('Ingress');
  expect(await stageTexts(page)).not.toContain('10.0.1.3');
  await page.keyboard.press('a');
  await expect.poll(() => stageTexts(page)).toContain('10.0.1.3');
  expect(await stageTexts(page)).toContain('10.0.2.3');
});

test.describe('the return path', () => {
  test.use({ reducedMotion: 'reduce' });
  test('plays the reply hop by hop, NAT undone, from the address the client sent to', async ({
    page,
  }) => {
    // The reply moves on by a timer: hold time still and move it by hand.
    await page.clock.install({ time: new Date('2026-01-01T00:00:00Z') });
    await page.goto('/#/50');
    await page.clock.pauseAt(new Date('2026-01-01T00:00:05Z'));
    await page.keyboard.press('r');
    await expect(caption(page)).toContainText('Reply, hop 1 of 2');
    await expect.poll(() => packetLines(page)).toEqual(['Src: pod:pod-port', 'Dst: node1']);
    await expect(page.getByTestId('trail')).toHaveCount(0);
    await page.clock.runFor(50); // the URL is written just after the frame is painted
    await expect(page).toHaveURL(/#\/50\?ret=1$/);
    await page.clock.runFor(2000);
    await expect(caption(page)).toContainText('Reply, hop 2 of 2');
    await expect.poll(() => packetLines(page)).toEqual(['Src: VIP:service-port', 'Dst: client']);
    await expect(caption(page)).toContainText('The client sees a reply from VIP:service-port');
    // The reply's first hop stays drawn behind it, dashed like every reply wire.
    await expect(page.getByTestId('trail').locator('path')).toHaveCount(1);
    await expect(page.getByTestId('trail').locator('path')).toHaveAttribute(
      'stroke-dasharray',
      '14 10',
    );
    await snap(page, 'slide-50-reply');
    await page.getByRole('button', { name: 'Return path' }).click();
    await expect.poll(() => packetLines(page)).toEqual(['Src: node1', 'Dst: pod:pod-port']);
  });
});

test.describe('the reply, stepped by hand', () => {
  test.use({ reducedMotion: 'reduce' });
  test('a link holds its reply hop; → and ← step through the reply, then move on', async ({
    page,
  }) => {
    await page.clock.install();
    await page.goto('/#/66?ret=2');
    await expect(caption(page)).toContainText('Reply, hop 2 of 3');
    await page.clock.runFor(2500); // longer than a played hop: a link does not play on
    await expect(caption(page)).toContainText('Reply, hop 2 of 3');
    await expect(page).toHaveURL(/#\/66\?ret=2$/);
    await page.keyboard.press('ArrowRight');
    await expect(caption(page)).toContainText('Reply, hop 3 of 3');
    await expect.poll(() => packetLines(page)).toEqual(['Src: proxy:service-port', 'Dst: client']);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(caption(page)).toContainText('Reply, hop 1 of 3');
    await page.keyboard.press('ArrowLeft');
    await expect(caption(page)).not.toContainText('Reply');
    await expect.poll(() => packetLines(page)).toEqual(['Src: node1', 'Dst: pod:pod-port']);
    await expectAt(page, 66);
    await page.keyboard.press('r');
    for (let hop = 2; hop <= 3; hop++) {
      await page.keyboard.press('ArrowRight');
      await expect(caption(page)).toContainText(`Reply, hop ${hop} of 3`);
    }
    await page.keyboard.press('ArrowRight');
    await expectAt(page, 67);
  });
});

test('browser back and forward move through the deck, and the hash always matches the screen', async ({
  page,
}) => {
  await page.goto('/#/25');
  await page.keyboard.press('ArrowRight');
  await expectAt(page, 26);
  await page.keyboard.press('ArrowRight');
  await expectAt(page, 27);
  await page.keyboard.press('e');
  await expect(page).toHaveURL(/etp=Local/);
  await page.goBack();
  await expect(page).toHaveURL(/#\/27$/);
  await expect.poll(() => packetLines(page)).toEqual(['Src: node1', 'Dst: pod:pod-port']);
  await page.goBack();
  await expectAt(page, 26);
  await expect(page.getByRole('navigation', { name: 'Deck controls' })).toContainText('26 / 124');
  await page.goForward();
  await expectAt(page, 27);
  await page.evaluate(() => (window.location.hash = '#/41'));
  await expect(page.getByRole('navigation', { name: 'Deck controls' })).toContainText('41 / 124');
});

test('reduced motion: the packet is where it ends up at once; otherwise it travels', async ({
  browser,
}) => {
  /** How many places the card is seen in, every animation frame for a second after a step. */
  const flight = async (reducedMotion: 'reduce' | 'no-preference') => {
    const context = await browser.newContext({
      reducedMotion,
      viewport: { width: 1280, height: 720 },
    });
    const page = await context.newPage();
    await page.goto('/#/26');
    await expect(page.getByTestId('packet')).toBeVisible();
    // The animation engine loads after the first paint; a step taken before it arrives jumps.
    await expect(page.locator('.deck')).toHaveAttribute('data-motion', 'ready');
    await atRest(page);
    const boxes = await trackCard(page, 'ArrowRight', 1000);
    const positions = new Set(boxes.map((b) => `${Math.round(b.x)},${Math.round(b.y)}`));
    await context.close();
    return positions.size;
  };
  // Reduced motion: at most the old place and the new one. Otherwise: many places along the wire.
  expect(await flight('reduce')).toBeLessThanOrEqual(2);
  expect(await flight('no-preference')).toBeGreaterThanOrEqual(4);
});

test('a hop shown after a text slide plays from its start: the wire draws in, the card leaves the client', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto('/#/18');
  await expect(page.locator('.deck')).toHaveAttribute('data-motion', 'ready');
  // The next diagram is prepared behind the text slide.
  await expect(page.locator('.diagram-layer[data-hidden] [data-testid="packet"]')).toBeAttached();
  await atRest(page);
  const pressed = await page.evaluate(() => performance.now());
  const boxes = (await trackCard(page, 'ArrowRight', 1300)).filter((b) => b.width > 0);
  await expectAt(page, 19);
  expect(
    new Set(boxes.map((b) => `${Math.round(b.x)},${Math.round(b.y)}`)).size,
  ).toBeGreaterThanOrEqual(4);
  // It went out along the wire toward the cluster, then turned back to its rest beside the client.
  const rest = boxes[boxes.length - 1] ?? { x: 0, y: 0 };
  expect(Math.max(...boxes.map((b) => Math.hypot(b.x - rest.x, b.y - rest.y)))).toBeGreaterThan(60);
  // The wire drew itself in as the slide appeared, not earlier while it waited hidden.
  const drawn = await page.evaluate(() =>
    document
      .getAnimations()
      .filter((a) => (a as CSSAnimation).animationName === 'wire-draw')
      .map((a) => Number(a.startTime)),
  );
  expect(drawn.length).toBeGreaterThan(0);
  expect(Math.min(...drawn)).toBeGreaterThan(pressed);
  await context.close();
});

test.describe('bad links land somewhere valid and say why', () => {
  for (const [hash, slide, message] of [
    ['#/0', 1, 'no slide 0'],
    ['#/999', 124, 'no slide 999'],
    ['#/abc', 1, 'not a slide number'],
    ['#/27?etp=Sometimes', 27, 'Cluster or Local'],
    [`#/${'9'.repeat(10_000)}`, 1, 'too long'],
  ] as const) {
    test(hash.slice(0, 20), async ({ page }) => {
      const errors = watchErrors(page);
      await page.goto(`/${hash}`);
      await expect(page.getByRole('alert')).toContainText(message);
      await expect(page.getByRole('navigation', { name: 'Deck controls' })).toContainText(
        `${slide} / 124`,
      );
      await page.getByRole('button', { name: 'Dismiss message' }).click();
      await expect(page.getByRole('alert')).toHaveCount(0);
      expect(errors).toEqual([]);
    });
  }

  test('the message stays on the slide it explains and goes when the deck moves on', async ({
    page,
  }) => {
    await page.goto('/#/26?etp=Sometimes');
    await expect(page.getByRole('alert')).toContainText('Cluster or Local');
    await page.keyboard.press('a');
    await expect(page.getByRole('alert')).toContainText('Cluster or Local');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('navigation', { name: 'Deck controls' })).toContainText('27 / 124');
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});

// One test a slide: a set of fifteen 1920×1080 screenshots outlasted a test's time on a busy machine.
test.describe('screenshots of representative slides at 1920×1080', () => {
  test.use({ reducedMotion: 'reduce', viewport: { width: 1920, height: 1080 } });
  for (const slide of [
    '1',
    '6',
    '10',
    '19',
    '26',
    '32',
    '39',
    '49',
    '62/1',
    '65',
    '89',
    '106',
    '115',
    '120',
    '124/3',
  ]) {
    test(`#/${slide}`, async ({ page }) => {
      await page.goto(`/#/${slide}`);
      const [n = 0, step = 0] = slide.split('/').map(Number);
      await expectAt(page, n, step);
      await expect(page.getByRole('navigation', { name: 'Deck controls' })).toContainText(
        `${n} / 124`,
      );
      // A diagram step: drawn (its chunk is loaded after the first paint), then at rest.
      if ((await page.locator('.text-slide').count()) === 0)
        await expect(page.locator('.diagram-layer:not([data-hidden]) svg').first()).toBeVisible();
      await atRest(page);
      await snap(page, `hd-${slide.replace('/', '-')}`);
    });
  }
});

test.describe('room for the slide on a 1280×720 projector', () => {
  test.use({ reducedMotion: 'reduce' });

  test('the bar is one row with every control on screen, even with a step, the policy and the reply', async ({
    page,
  }) => {
    await page.goto('/#/124/2');
    await page.keyboard.press('r');
    await expect(page.getByRole('button', { name: 'Return path' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    const bar = page.getByRole('navigation', { name: 'Deck controls' });
    expect((await bar.boundingBox())?.height).toBeLessThanOrEqual(64);
    for (const control of await bar.locator('button, select').all()) {
      const box = await control.boundingBox();
      expect(box, await control.innerText()).not.toBeNull();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(1280);
    }
    expect((await page.locator('.stage-outer').boundingBox())?.height).toBeGreaterThanOrEqual(580);
  });

  for (const [width, height] of [
    [1024, 768],
    [800, 600],
  ] as const) {
    test(`at ${width}×${height} the bar wraps: every control on screen, the whole diagram in view`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height });
      await page.goto('/#/27');
      const bar = page.getByRole('navigation', { name: 'Deck controls' });
      for (const control of await bar.locator('button, select').all()) {
        const box = await control.boundingBox();
        expect(box, await control.innerText()).not.toBeNull();
        expect((box?.x ?? 0) + (box?.width ?? 0), await control.innerText()).toBeLessThanOrEqual(
          width,
        );
      }
      const diagram = await page.locator('svg.diagram').boundingBox();
      expect((diagram?.x ?? -1) >= 0 && (diagram?.x ?? 0) + (diagram?.width ?? 0) <= width).toBe(
        true,
      );
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
    });
  }

  test('F: fullscreen gives the stage the whole screen; the words stay for screen readers', async ({
    page,
  }) => {
    await page.goto('/#/27');
    await page.keyboard.press('f');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    await expect
      .poll(async () => (await page.locator('.stage-outer').boundingBox())?.height)
      .toBe(720);
    // Still announced, no longer taking a line of the screen.
    await expect(caption(page)).toContainText('Slide 27 of 124');
    expect((await caption(page).boundingBox())?.height).toBeLessThanOrEqual(1);
    // The bar comes back when the pointer is near it.
    const next = page.getByRole('button', { name: 'Next step' });
    await page.mouse.move(640, 700);
    await expect(next).toHaveCSS('opacity', '1');
    await page.keyboard.press('f');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
  });
});

test('a section title never breaks inside a hyphenated word ("2-hops")', async ({ page }) => {
  for (const slide of [45, 63, 86, 111]) {
    await page.goto(`/#/${slide}`);
    const words = page.locator('.section-slide h2 .nowrap');
    await expect(words.first()).toBeVisible();
    const lines = await words.evaluateAll((els) => els.map((el) => el.getClientRects().length));
    expect(lines, `slide ${slide}`).toEqual(lines.map(() => 1));
  }
});

test('stepping back retraces the wire the packet came along (27 → 26 stays on Node1)', async ({
  page,
}) => {
  await page.goto('/#/27');
  await expect(page.getByTestId('packet')).toBeVisible();
  await expect(page.locator('.deck')).toHaveAttribute('data-motion', 'ready');
  await atRest(page);
  const node2 = await page.locator('svg.diagram text', { hasText: 'Node2:' }).boundingBox();
  const xs = (await trackCard(page, 'ArrowLeft', 1300)).map((b) => b.x + b.width / 2);
  await expectAt(page, 26);
  expect(xs.length).toBeGreaterThan(4);
  // Pod-a is on Node1: the way back never goes near Node2.
  expect(Math.max(...xs)).toBeLessThan(node2?.x ?? 0);
});
