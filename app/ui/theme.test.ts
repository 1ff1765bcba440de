/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The shipped stylesheet is the subject: each theme's colours are read from it.
const css = readFileSync(new URL('./theme.css', import.meta.url), 'utf8');

function themes(): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const block of css.matchAll(/data-theme='(\w+)'\]\s*\{([^}]*)\}/g)) {
    const vars = new Map<string, string>();
    for (const v of (block[2] ?? '').matchAll(/--([\w-]+):\s*(#[0-9a-f]{6});/gi))
      vars.set(v[1] as string, (v[2] as string).toLowerCase());
    out.set(block[1] as string, vars);
  }
  return out;
}

type Rgb = readonly [number, number, number];
const hex = (h: string): Rgb =>
  [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16) / 255) as unknown as Rgb;
const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const linear = (h: string): Rgb => hex(h).map(toLinear) as unknown as Rgb;

// Machado, Oliveira & Fernandes (2009), full severity, on linear RGB.
const PROTAN = [
  [0.152286, 1.052583, -0.204868],
  [0.114503, 0.786281, 0.099216],
  [-0.003882, -0.048116, 1.051998],
];
const DEUTAN = [
  [0.367322, 0.860646, -0.227968],
  [0.280085, 0.672501, 0.047413],
  [-0.01182, 0.04294, 0.968881],
];
const simulate = (m: number[][] | null, c: Rgb): Rgb =>
  m
    ? (m.map((row) =>
        Math.min(1, Math.max(0, row[0]! * c[0] + row[1]! * c[1] + row[2]! * c[2])),
      ) as unknown as Rgb)
    : c;

/** CIE L*a*b* (D65) from linear RGB. */
function lab([r, g, b]: Rgb): Rgb {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}
const deltaE = (a: Rgb, b: Rgb) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

const luminance = (h: string) => {
  const [r, g, b] = linear(h);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
/** WCAG contrast ratio. */
export const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

const all = themes();

describe('themes', () => {
  it('light, dark and high contrast are all there, with the same colours named', () => {
    expect([...all.keys()]).toEqual(['light', 'dark', 'contrast']);
    const names = [...(all.get('light')?.keys() ?? [])];
    expect(names.length).toBeGreaterThan(20);
    for (const vars of all.values()) expect([...vars.keys()]).toEqual(names);
  });

  for (const [name, v] of all) {
    const get = (k: string) => {
      const c = v.get(k);
      if (!c) throw new Error(`${name} has no --${k}`);
      return c;
    };
    // The talk's two Services and the ingress, then the colours a larger topology's Services wear.
    const SERVICES = ['svc-a', 'svc-b', 'ingress', 'svc-c', 'svc-d', 'svc-e', 'svc-f'];
    const TEXT_COLOURS = ['svc-a', 'svc-b', 'ingress'];

    it(`${name}: the Services' colours stay apart for deuteranopia and protanopia`, () => {
      for (const [vision, m] of [
        ['normal', null],
        ['protanopia', PROTAN],
        ['deuteranopia', DEUTAN],
      ] as const) {
        for (let i = 0; i < SERVICES.length; i++)
          for (let j = i + 1; j < SERVICES.length; j++) {
            const a = lab(simulate(m, linear(get(SERVICES[i]!))));
            const b = lab(simulate(m, linear(get(SERVICES[j]!))));
            expect(deltaE(a, b), `${SERVICES[i]} vs ${SERVICES[j]}, ${vision}`).toBeGreaterThan(20);
          }
      }
    });

    it(`${name}: words and lines are readable against the background`, () => {
      const text = name === 'contrast' ? 7 : 4.5;
      expect(contrast(get('ink'), get('bg'))).toBeGreaterThanOrEqual(text);
      expect(contrast(get('ink-soft'), get('bg'))).toBeGreaterThanOrEqual(4.5);
      expect(contrast(get('chrome-ink'), get('chrome-bg'))).toBeGreaterThanOrEqual(text);
      expect(contrast(get('alert-ink'), get('alert-bg'))).toBeGreaterThanOrEqual(text);
      // Service colours are used for text (section titles, shares) as well as strokes; the
      // further Services' only as strokes, which WCAG asks 3:1 of.
      for (const k of [...TEXT_COLOURS, 'drop', 'pro'])
        expect(contrast(get(k), get('bg')), k).toBeGreaterThanOrEqual(4.5);
      for (const k of SERVICES) expect(contrast(get(k), get('bg')), k).toBeGreaterThanOrEqual(3);
      // Pod labels sit on the Service's fill; the packet's words on its card and highlight.
      for (const k of SERVICES)
        expect(contrast(get('ink'), get(`${k}-fill`)), `${k}-fill`).toBeGreaterThanOrEqual(text);
      expect(contrast(get('ink'), get('packet-bg'))).toBeGreaterThanOrEqual(text);
      expect(contrast(get('changed-ink'), get('changed'))).toBeGreaterThanOrEqual(4.5);
    });

    it(`${name}: a rewritten field's highlight stands out from the packet card (3:1)`, () => {
      expect(contrast(get('changed'), get('packet-bg'))).toBeGreaterThanOrEqual(3);
    });
  }
});
