import { describe, expect, it } from 'vitest';
import {
  HANDOUT_DEFAULTS,
  handoutLayout,
  intoPages,
  notesFontSize,
  readHandoutOptions,
  writeHandoutOptions,
  type HandoutOptions,
} from './print-layout';

const opts = (o: Partial<HandoutOptions>): HandoutOptions => ({ ...HANDOUT_DEFAULTS, ...o });
const inside = (outer: { w: number; h: number }, x: number, y: number, w: number, h: number) =>
  x >= -0.01 && y >= -0.01 && x + w <= outer.w + 0.01 && y + h <= outer.h + 0.01;

describe('handout options from the link', () => {
  it('reads every option, and writes back only what differs from the default', () => {
    const { options, problems } = readHandoutOptions('?view=print&per=4&notes=1&paper=a4&final=1');
    expect(problems).toEqual([]);
    expect(options).toEqual({ per: 4, notes: true, paper: 'a4', final: true });
    expect(writeHandoutOptions('?view=print', options)).toBe(
      '?view=print&per=4&notes=1&paper=a4&final=1',
    );
    expect(writeHandoutOptions('?view=print&per=6&paper=letter', HANDOUT_DEFAULTS)).toBe(
      '?view=print',
    );
    expect(readHandoutOptions('?paper=Letter').options.paper).toBe('letter');
  });

  it('falls back to the default for a bad value, and says which and why', () => {
    const { options, problems } = readHandoutOptions(
      `?per=5&notes=yes&paper=a3&final=2&x=${'9'.repeat(500)}`,
    );
    expect(options).toEqual(HANDOUT_DEFAULTS);
    expect(problems).toEqual([
      'per=“5” is not a choice: 1, 2, 4 or 6 steps a page. Showing 1.',
      'paper=“a3” is not a paper this handout knows: a4, letter or slide (16:9). Showing 16:9.',
      'notes=“yes” should be 1 or 0. Showing the handout without speaker notes.',
      'final=“2” should be 1 or 0. Showing the handout without final steps only.',
    ]);
    // A huge value is cut short in the message.
    expect(readHandoutOptions(`?per=${'7'.repeat(100)}`).problems[0]).toMatch(/^per=“7{24}…”/);
  });
});

describe('handout page layout', () => {
  it('gives A4 and Letter their sizes, turned as the layout needs', () => {
    expect(handoutLayout(opts({ paper: 'a4', per: 4 }))).toMatchObject({
      width: 1122,
      height: 793,
      pageSize: 'A4 landscape',
    });
    expect(handoutLayout(opts({ paper: 'a4', per: 6 }))).toMatchObject({
      width: 793,
      height: 1122,
      pageSize: 'A4 portrait',
    });
    expect(handoutLayout(opts({ paper: 'letter', per: 1, notes: true }))).toMatchObject({
      width: 816,
      height: 1056,
      pageSize: 'letter portrait',
    });
    expect(handoutLayout(opts({}))).toMatchObject({
      width: 1600,
      height: 900,
      pageSize: '1600px 900px',
    });
  });

  it('puts one step on a 16:9 page edge to edge, as on the stage', () => {
    const l = handoutLayout(opts({}));
    expect(l.cells).toEqual([{ x: 0, y: 0, w: 1600, h: 900 }]);
    expect(l.stage.scale).toBe(1);
  });

  for (const paper of ['slide', 'a4', 'letter'] as const)
    for (const per of [1, 2, 4, 6] as const)
      for (const notes of [false, true])
        it(`${paper}, ${per} a page${notes ? ', notes' : ''}: every box on the page, none overlapping`, () => {
          const l = handoutLayout(opts({ paper, per, notes }));
          expect(l.cells).toHaveLength(per);
          const page = { w: l.width, h: l.height };
          for (const c of l.cells) expect(inside(page, c.x, c.y, c.w, c.h)).toBe(true);
          for (let i = 1; i < l.cells.length; i++) {
            const a = l.cells[i - 1]!;
            const b = l.cells[i]!;
            expect(b.x >= a.x + a.w || b.y >= a.y + a.h).toBe(true);
          }
          const cell = l.cells[0]!;
          const s = l.stage;
          expect(inside(cell, s.x, s.y, s.w, s.h)).toBe(true);
          expect(s.w / s.h).toBeCloseTo(16 / 9);
          if (notes) {
            const n = l.notesBox!;
            expect(inside(cell, n.x, n.y, n.w, n.h)).toBe(true);
            expect(n.x >= s.x + s.w || n.y >= s.y + s.h).toBe(true);
            expect(n.w * n.h).toBeGreaterThan(40_000);
          } else expect(l.notesBox).toBeNull();
          // Big enough to read: a stage at least an eighth of its size on paper.
          expect(s.scale).toBeGreaterThan(0.13);
        });
});

describe('notes type size', () => {
  it('keeps short notes at the largest size and shrinks long ones, never below 7 px', () => {
    expect(notesFontSize(100, { w: 700, h: 400 }, 15)).toBe(15);
    const long = notesFontSize(1700, { w: 300, h: 200 }, 15);
    expect(long).toBeLessThan(10);
    expect(long).toBeGreaterThanOrEqual(7);
    expect(notesFontSize(100_000, { w: 10, h: 10 }, 15)).toBe(7);
  });
});

describe('steps into pages', () => {
  it('fills pages in order, the last one with what is left', () => {
    const steps = Array.from({ length: 164 }, (_, i) => i);
    const pages = intoPages(steps, 4);
    expect(pages).toHaveLength(41);
    expect(pages[40]).toEqual([160, 161, 162, 163]);
    expect(intoPages(steps, 6)).toHaveLength(28);
    expect(intoPages(steps, 6)[27]).toEqual([162, 163]);
  });
});
