import type { Point } from './geometry';

/**
 * Points along a wire as drawn: the SVG path `hopPath` makes (a B-spline,
 * which cuts the corners of its control points), read back from its M, L and
 * C commands and sampled every few units. For tests that check where a wire
 * really goes, not where its control points are.
 */
export function samplePath(d: string): Point[] {
  const out: Point[] = [];
  let at: Point = { x: 0, y: 0 };
  for (const [, cmd, args] of d.matchAll(/([MLC])([^MLC]*)/g)) {
    const n = (args ?? '').split(',').map(Number);
    if (cmd === 'M') at = { x: n[0] ?? 0, y: n[1] ?? 0 };
    else if (cmd === 'L') {
      const to = { x: n[0] ?? 0, y: n[1] ?? 0 };
      for (let k = 0; k <= 20; k++)
        out.push({ x: at.x + ((to.x - at.x) * k) / 20, y: at.y + ((to.y - at.y) * k) / 20 });
      at = to;
    } else {
      const [x1 = 0, y1 = 0, x2 = 0, y2 = 0, x = 0, y = 0] = n;
      for (let k = 0; k <= 40; k++) {
        const t = k / 40;
        const u = 1 - t;
        out.push({
          x: u * u * u * at.x + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x,
          y: u * u * u * at.y + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y,
        });
      }
      at = { x, y };
    }
  }
  return out;
}
