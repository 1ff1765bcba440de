import { SINCE_IDS } from '../app/deck/since/words-types';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Collects console errors and uncaught exceptions; check with `expect(errors).toEqual([])`. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/**
 * Every piece of text shown on the stage, one entry per text element (the
 * diagram kept hidden behind a text slide does not count). A `.nowrap` run
 * (a hyphenated word kept whole) reads as part of the line around it.
 */
export async function stageTexts(page: Page): Promise<string[]> {
  return page.locator('.stage').evaluate((stage) =>
    Array.from(stage.querySelectorAll('text, tspan, p, li, h1, h2, span'))
      .filter((el) => !el.closest('[data-hidden]') && !el.matches('.nowrap'))
      .map((el) =>
        Array.from(el.childNodes)
          .map((n) =>
            n.nodeType === 3 || (n instanceof Element && n.matches('.nowrap')) ? n.textContent : '',
          )
          .join('')
          .replace(/\s+/g, ' ')
          .trim(),
      )
      .filter((t) => t.length > 0),
  );
}

/**
 * The packet card's lines, as shown: while a device rewrites it the card
 * holds the face it arrived with and the one it leaves with, one of them
 * hidden; this reads the one on screen.
 */
export async function packetLines(page: Page): Promise<string[]> {
  return page.getByTestId('packet').evaluateAll((cards) =>
    cards.flatMap((card) => {
      const faces = Array.from(card.querySelectorAll('.card-face')).filter(
        (f) => Number(getComputedStyle(f).opacity) > 0.5,
      );
      const face = faces[faces.length - 1] ?? card;
      return Array.from(face.querySelectorAll('text')).map((t) => t.textContent ?? '');
    }),
  );
}

/** Waits until the URL hash says we are on `slide` (and `step`). */
/** The talk's own slides; the section added after it is #/since/1 … (numbered on from here). */
export const TALK_SLIDES = 124;
/** Every slide of the deck: the talk, then the section since 2020. */
export const SLIDE_COUNT = TALK_SLIDES + SINCE_IDS.length;

/** Waits until the URL is at a slide (numbered through the deck: 125 is #/since/1) and step. */
export async function expectAt(page: Page, slide: number, step = 0): Promise<void> {
  const where = slide > TALK_SLIDES ? `since/${slide - TALK_SLIDES}` : `${slide}`;
  await expect(page).toHaveURL(new RegExp(`#/${where}${step ? `/${step}` : ''}(\\?|$)`));
}

/** Saves a screenshot under test-results/screenshots for a person to look at. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
}

type Rect = { x: number; y: number; width: number; height: number };

/**
 * Presses `key` and returns, every animation frame for `ms` afterwards, what
 * the first element matching `selector` shows: its box on screen, or the
 * number in one of its attributes (NaN while there is none).
 */
async function sampleAfterKey<T extends Rect | number>(
  page: Page,
  key: string,
  ms: number,
  selector: string,
  attribute: string | null,
): Promise<T[]> {
  const sampling = page.evaluate(
    ({ ms, selector, attribute }) =>
      new Promise<T[]>((resolve) => {
        const seen: T[] = [];
        const start = performance.now();
        const tick = () => {
          const el = document.querySelector(selector);
          if (attribute !== null) seen.push(parseFloat(el?.getAttribute(attribute) ?? '') as T);
          else if (el) {
            const box = el.getBoundingClientRect();
            seen.push({ x: box.x, y: box.y, width: box.width, height: box.height } as T);
          }
          if (performance.now() - start < ms) requestAnimationFrame(tick);
          else resolve(seen);
        };
        requestAnimationFrame(tick);
      }),
    { ms, selector, attribute },
  );
  await page.keyboard.press(key);
  return sampling;
}

/**
 * Presses `key` and returns where the packet card was (its box on screen)
 * every animation frame for `ms` afterwards, sampled in the page.
 */
export const trackCard = (page: Page, key: string, ms: number): Promise<Rect[]> =>
  sampleAfterKey<Rect>(page, key, ms, '[data-testid="packet"]', null);

/** An attribute's number (framer-motion writes "111.6px") every animation frame for `ms` after `key`. */
export const trackAttribute = (
  page: Page,
  key: string,
  ms: number,
  selector: string,
  attribute: string,
): Promise<number[]> => sampleAfterKey<number>(page, key, ms, selector, attribute);

/**
 * The accessibility problems axe calls serious or critical on `hash`, in each
 * of the three themes ("dark: color-contrast"), once `ready` says the page is drawn.
 */
export async function seriousAxeInEachTheme(
  page: Page,
  hash: string,
  ready: (page: Page) => Promise<void>,
): Promise<string[]> {
  const found: string[] = [];
  for (const theme of ['light', 'dark', 'contrast']) {
    await page.goto('/');
    await page.evaluate((t) => localStorage.setItem('inbound:theme', t), theme);
    await page.goto('about:blank');
    await page.goto(`/${hash}`);
    await ready(page);
    const results = await new AxeBuilder({ page }).analyze();
    for (const v of results.violations)
      if (v.impact === 'serious' || v.impact === 'critical') found.push(`${theme}: ${v.id}`);
  }
  return found;
}

/**
 * Every piece of text on the diagram the audience must read, with its size
 * on screen in CSS px (the font size times the stage's scale), skipping
 * what is not shown (a face of the card that has flipped away, a badge being
 * undone).
 */
export async function textSizes(page: Page): Promise<{ text: string; px: number }[]> {
  return page.locator('.diagram-layer:not([data-hidden]) svg.diagram').evaluate((svg) => {
    const scale = (svg as SVGSVGElement).getScreenCTM()?.a ?? 1;
    const shown = (el: Element) => {
      for (let e: Element | null = el; e && e !== svg; e = e.parentElement)
        if (Number(getComputedStyle(e).opacity) < 0.5) return false;
      return true;
    };
    return Array.from(svg.querySelectorAll('text, tspan, foreignObject p'))
      .filter((el) => (el.textContent ?? '').trim().length > 0 && shown(el))
      .filter((el) => !(el.tagName === 'text' && el.querySelector('tspan')))
      .map((el) => ({
        text: (el.textContent ?? '').trim(),
        px: parseFloat(getComputedStyle(el).fontSize) * scale,
      }));
  });
}
