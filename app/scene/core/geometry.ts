/** A point on the 1600×900 stage (SVG user units). */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A rectangle on the stage. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export const STAGE = { w: 1600, h: 900 } as const;

export const center = (b: Box): Point => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });

/** Whether two boxes share any area (touching edges do not count). */
export const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Whether `inner` lies wholly inside `outer`. */
export const inside = (inner: Box, outer: Box): boolean =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.w <= outer.x + outer.w &&
  inner.y + inner.h <= outer.y + outer.h;

/** Width of a line of text at a font size, for the system sans-serif (a close, safe estimate). */
export const textWidth = (text: string, fontSize: number): number => text.length * fontSize * 0.56;
