/**
 * The handout's pages as plain data: what the link asks for (steps a page,
 * notes, paper, final steps only), and where each step and its notes go on a
 * page, in CSS px (96 to the inch), the same on screen and on paper.
 */

export type Paper = 'slide' | 'a4' | 'letter';
export const PER_PAGE = [1, 2, 4, 6] as const;
export type PerPage = (typeof PER_PAGE)[number];

export interface HandoutOptions {
  /** Steps on each page. */
  readonly per: PerPage;
  /** Speaker notes with each step. */
  readonly notes: boolean;
  /** 16:9 pages the size of the stage, or A4, or US Letter. */
  readonly paper: Paper;
  /** Only each slide's last step: one per slide. */
  readonly final: boolean;
}

export const HANDOUT_DEFAULTS: HandoutOptions = {
  per: 1,
  notes: false,
  paper: 'slide',
  final: false,
};

export const PAPER_NAMES: Record<Paper, string> = {
  slide: '16:9, as the slides',
  a4: 'A4',
  letter: 'Letter',
};

const on = (v: string) => v === '1';
const offOrOn = (v: string) => v === '0' || v === '1';

/**
 * The options a handout link asks for (`&per=4&notes=1&paper=a4&final=1`).
 * A value that is not one of them falls back to the default, with a message
 * saying which and what it can be.
 */
export function readHandoutOptions(search: string): {
  options: HandoutOptions;
  problems: string[];
} {
  const q = new URLSearchParams(search);
  const problems: string[] = [];
  const shown = (v: string) => `“${v.length > 24 ? `${v.slice(0, 24)}…` : v}”`;
  let { per, notes, paper, final } = HANDOUT_DEFAULTS;
  const perRaw = q.get('per');
  if (perRaw !== null) {
    const n = PER_PAGE.find((p) => String(p) === perRaw);
    if (n) per = n;
    else
      problems.push(`per=${shown(perRaw)} is not a choice: 1, 2, 4 or 6 steps a page. Showing 1.`);
  }
  const paperRaw = q.get('paper');
  if (paperRaw !== null) {
    const p = paperRaw.toLowerCase();
    if (p === 'slide' || p === 'a4' || p === 'letter') paper = p;
    else
      problems.push(
        `paper=${shown(paperRaw)} is not a paper this handout knows: a4, letter or slide (16:9). Showing 16:9.`,
      );
  }
  for (const [key, name] of [
    ['notes', 'speaker notes'],
    ['final', 'final steps only'],
  ] as const) {
    const raw = q.get(key);
    if (raw === null) continue;
    if (!offOrOn(raw)) {
      problems.push(`${key}=${shown(raw)} should be 1 or 0. Showing the handout without ${name}.`);
      continue;
    }
    if (key === 'notes') notes = on(raw);
    else final = on(raw);
  }
  return { options: { per, notes, paper, final }, problems };
}

/** The link's query with the options written in (defaults left out), the rest kept. */
export function writeHandoutOptions(search: string, o: HandoutOptions): string {
  const q = new URLSearchParams(search);
  for (const key of ['per', 'notes', 'paper', 'final']) q.delete(key);
  if (o.per !== HANDOUT_DEFAULTS.per) q.set('per', String(o.per));
  if (o.notes) q.set('notes', '1');
  if (o.paper !== HANDOUT_DEFAULTS.paper) q.set('paper', o.paper);
  if (o.final) q.set('final', '1');
  const s = q.toString();
  return s ? `?${s}` : '';
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface PageLayout {
  /** The page, in CSS px (whole px, never past the paper). */
  readonly width: number;
  readonly height: number;
  /** The CSS `@page` size: "A4 landscape", "letter portrait", "1600px 900px". */
  readonly pageSize: string;
  /** Each step's place on the page, in reading order. */
  readonly cells: readonly Box[];
  /** Within a cell: where the 1600×900 stage goes, at what scale. */
  readonly stage: Box & { readonly scale: number };
  /** Within a cell: the notes' box, when there are notes. */
  readonly notesBox: Box | null;
  /** The notes' largest type size, in px. */
  readonly notesMax: number;
}

const STAGE_W = 1600;
const STAGE_H = 900;
const MM = 96 / 25.4;
/** Paper sizes, portrait, in CSS px. */
const SHEETS = {
  a4: { w: 210 * MM, h: 297 * MM },
  letter: { w: 8.5 * 96, h: 11 * 96 },
} as const;
/** Room under a stage for its number. */
const FOLIO = 18;

/**
 * Where everything goes for a set of options. 16:9 pages are landscape;
 * on A4 and Letter, 1 and 4 steps a page lie landscape and 2 and 6 stand
 * portrait, and with notes every page stands portrait, one step a row,
 * its notes beside it (or under it, one a page), so they can be read.
 */
export function handoutLayout(o: HandoutOptions): PageLayout {
  const slidePaper = o.paper === 'slide';
  const portrait = !slidePaper && (o.notes || o.per === 2 || o.per === 6);
  const sheet = slidePaper ? { w: STAGE_W, h: STAGE_H } : SHEETS[o.paper];
  const width = Math.floor(portrait || slidePaper ? sheet.w : sheet.h);
  const height = Math.floor(portrait || slidePaper ? sheet.h : sheet.w);
  const pageSize = slidePaper
    ? `${STAGE_W}px ${STAGE_H}px`
    : `${o.paper === 'a4' ? 'A4' : 'letter'} ${portrait ? 'portrait' : 'landscape'}`;
  // One step on a 16:9 page fills it, edge to edge, as on the stage.
  const bleed = slidePaper && o.per === 1 && !o.notes;
  const margin = bleed ? 0 : slidePaper ? 32 : Math.round(10 * MM);
  const gap = slidePaper ? 32 : Math.round(6 * MM);
  const [cols, rows] =
    o.notes && !slidePaper
      ? [1, o.per]
      : portrait
        ? ({ 1: [1, 1], 2: [1, 2], 4: [2, 2], 6: [2, 3] } as const)[o.per]
        : ({ 1: [1, 1], 2: [2, 1], 4: [2, 2], 6: [3, 2] } as const)[o.per];
  const cellW = (width - 2 * margin - (cols - 1) * gap) / cols;
  const cellH = (height - 2 * margin - (rows - 1) * gap) / rows;
  const cells: Box[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++)
      cells.push({
        x: margin + c * (cellW + gap),
        y: margin + r * (cellH + gap),
        w: cellW,
        h: cellH,
      });
  const notesMax = slidePaper ? 24 : 15;
  if (bleed)
    return {
      width,
      height,
      pageSize,
      cells,
      stage: { x: 0, y: 0, w: STAGE_W, h: STAGE_H, scale: 1 },
      notesBox: null,
      notesMax,
    };
  const fit = (w: number, h: number) => Math.min(w / STAGE_W, h / STAGE_H);
  if (!o.notes) {
    const scale = fit(cellW, cellH - FOLIO);
    const w = STAGE_W * scale;
    return {
      width,
      height,
      pageSize,
      cells,
      stage: { x: (cellW - w) / 2, y: 0, w, h: STAGE_H * scale, scale },
      notesBox: null,
      notesMax,
    };
  }
  const beside = cellW / cellH > 2;
  const scale = beside ? fit(cellW * 0.56, cellH - FOLIO) : fit(cellW, cellH * 0.6);
  const stage = { x: 0, y: 0, w: STAGE_W * scale, h: STAGE_H * scale, scale };
  const notesBox = beside
    ? { x: stage.w + gap / 2, y: 0, w: cellW - stage.w - gap / 2, h: cellH }
    : { x: 0, y: stage.h + FOLIO + 6, w: cellW, h: cellH - stage.h - FOLIO - 6 };
  return { width, height, pageSize, cells, stage, notesBox, notesMax };
}

/**
 * A type size for `chars` characters of notes to fill a box without running
 * out of it: the area a character takes (about half an em wide, lines 1.35
 * em apart, with room for ragged lines and paragraphs), at most `max` px and
 * at least 7 px. The page then shrinks it further if the words still spill.
 */
export function notesFontSize(chars: number, box: Pick<Box, 'w' | 'h'>, max: number): number {
  if (chars <= 0) return max;
  const em = Math.sqrt((box.w * box.h) / (chars * 0.52 * 1.35 * 1.3));
  return Math.max(7, Math.min(max, Math.floor(em * 2) / 2));
}

/** The steps, `per` to a page. */
export function intoPages<T>(steps: readonly T[], per: number): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < steps.length; i += per) pages.push(steps.slice(i, i + per));
  return pages;
}
