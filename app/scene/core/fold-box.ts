import { textWidth, type Box } from './geometry';
import type { NodeLayout, TextPlace } from './layout';

/**
 * A big cluster drawn in part (the explorer's imported hundreds of nodes): the
 * nodes left out stand together as one dashed, node-like box with words
 * ("+ 480 nodes without a pod of this Service"), and a node whose pods are not
 * all drawn says how many are missing ("+ 4 pods"). The box is laid out with
 * the nodes, so wires go around it as around any node they do not enter.
 */
export interface SceneFold {
  /** The box standing for the nodes not drawn, with its words; null when every node is drawn. */
  readonly folded: { readonly label: string } | null;
  /** Per drawn node, how many of its pods are not drawn. */
  readonly morePods: ReadonlyMap<string, number>;
}

/** The folded box's id among the layout's nodes: no Kubernetes node name has a space or a "+". */
export const FOLD_ID = '+ folded nodes';

/** The folded box's words: 28 where they fit, never under 24 (28.8 px at 1080p) unless nothing else fits. */
export const FOLD_FONT = 28;
export const FOLD_FLOOR = 24;
/** Between the box's edge and its words. */
const PAD = 8;
const LINE = 1.3;

/** The words of a node's note about pods it does not draw. */
export const morePodsText = (count: number): string => `+ ${count} pod${count === 1 ? '' : 's'}`;

/**
 * The note of pods a node leaves out, in the cell after its last pod drawn and
 * the rest of that row: one line, centred, as large as the row allows (never
 * smaller than the pods' words, never above 28).
 */
export function noteInCell(
  cell: Box,
  rowRight: number,
  text: string,
  podFont: number,
): TextPlace & { readonly text: string; readonly box: Box } {
  const box: Box = { ...cell, w: Math.max(cell.w, rowRight - cell.x) };
  const fontSize = Math.max(
    Math.min(podFont, box.h / 1.3),
    Math.min(FOLD_FONT, box.h / 1.6, (box.w - 8) / Math.max(1, textWidth(text, 1))),
  );
  return {
    text,
    box,
    x: box.x + box.w / 2 - textWidth(text, fontSize) / 2,
    y: box.y + box.h / 2 + fontSize * 0.36,
    fontSize,
  };
}

/** One line of the folded box's words, placed. */
export type FoldLine = TextPlace & { readonly text: string };

/** The words, broken at spaces into lines no wider than `width` at `fontSize` (a word never breaks). */
export function wrapWords(text: string, width: number, fontSize: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/ +/).filter((w) => w !== '')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && textWidth(`${last} ${word}`, fontSize) <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** The words wrapped into as few lines as at `width`, each as short as that allows (no lone last word). */
function balanced(text: string, width: number, fontSize: number): string[] {
  const lines = wrapWords(text, width, fontSize);
  let best = lines;
  for (let w = width - 4; w > 0; w -= 4) {
    const next = wrapWords(text, w, fontSize);
    if (next.length > lines.length) break;
    best = next;
  }
  return best;
}

/**
 * The folded box's words at the largest size from 28 down that fits the box,
 * centred across and down: every line inside the box's width, all of them
 * inside its height.
 */
export function foldWords(box: Box, label: string): FoldLine[] {
  const width = box.w - 2 * PAD;
  const height = box.h - 2 * PAD;
  const fits = (size: number, lines: readonly string[]) =>
    lines.length * size * LINE <= height && lines.every((l) => textWidth(l, size) <= width);
  let size = FOLD_FONT;
  let lines = balanced(label, width, size);
  while (size > 1 && !fits(size, lines)) {
    size -= size > FOLD_FLOOR ? 0.5 : 1;
    lines = balanced(label, width, size);
  }
  const top = box.y + (box.h - lines.length * size * LINE) / 2;
  return lines.map((text, i) => ({
    text,
    x: box.x + box.w / 2 - textWidth(text, size) / 2,
    // The baseline sits about three quarters down its line.
    y: top + i * size * LINE + size * (LINE - 0.3),
    fontSize: size,
  }));
}

/**
 * The folded box as a node of the layout: no ports, no pods, its words in the
 * middle. Its corridor is where its words are, so a resting card finds no
 * clear spot in it; its gate is never used (no hop names it).
 */
export function foldedNode(box: Box, label: string): NodeLayout {
  const lines = foldWords(box, label);
  const first = lines[0] ?? { text: '', x: box.x + PAD, y: box.y + box.h / 2, fontSize: FOLD_FONT };
  const last = lines[lines.length - 1] ?? first;
  const middle = lines[Math.floor(lines.length / 2)] ?? first;
  const words: Box = {
    x: box.x + PAD,
    y: first.y - first.fontSize,
    w: box.w - 2 * PAD,
    h: last.y - first.y + first.fontSize * 1.35,
  };
  return {
    id: FOLD_ID,
    box,
    gate: { x: box.x, y: box.y + box.h / 2 },
    corridor: words,
    ports: [],
    labels: { name: first, ip: middle, range: last },
    folded: { lines },
  };
}
