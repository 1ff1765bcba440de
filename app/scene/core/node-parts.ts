import { textWidth, type Box } from './geometry';

/**
 * The two parts of a node box that must share its height: the header (the
 * node-port pills, the name, the address and the pod range) and the grid of
 * pods under the corridor. Both compute the largest font their box allows.
 */

/** The smallest any layout writes (a 12-node cluster's pods); nothing readable is ever asked below it. */
export const MIN_FONT = 3;
/** Under this a pod's two lines are too small to read from the room: it shows its name alone, larger. */
export const TWO_LINE_FLOOR = 10;

const longest = (lines: readonly string[]) =>
  lines.reduce((a, b) => (b.length > a.length ? b : a), '');

/** The largest font, up to `want`, at which `text` fits `room` (never below MIN_FONT). */
export const fit = (want: number, room: number, text: string): number =>
  Math.max(MIN_FONT, Math.min(want, room / Math.max(1, textWidth(text, 1))));

export interface HeaderWords {
  /** Each node's name line ("Node1:"). */
  readonly names: readonly string[];
  /** Each node's address and pod range with the talk's words ("IP: …", "Pod range: …"). */
  readonly worded: readonly string[];
  /** The same, bare ("10.240.0.1", "10.0.1.0/24"). */
  readonly bare: readonly string[];
  /** The node ports' labels (":30093"), in order. */
  readonly ports: readonly string[];
}

export interface HeaderPlan {
  /** Left of the name and the address lines, from the node's left. */
  readonly pad: number;
  readonly nameFont: number;
  readonly textFont: number;
  readonly portFont: number;
  /** Whether the address lines drop the talk's words for room. */
  readonly bare: boolean;
  readonly pillH: number;
  readonly pills: readonly { readonly dx: number; readonly dy: number; readonly w: number }[];
  /** Baselines from the node's top. */
  readonly nameBase: number;
  readonly ipBase: number;
  readonly rangeBase: number;
  /** From the node's top to the end of the header (the corridor starts 4 below). */
  readonly height: number;
}

/**
 * A node's header at the largest fonts its width allows, no line above `cap`
 * (28, the projector's size, on the talk's nodes; less when the pods below
 * need the height). The node ports sit in one row: beside the name when there
 * is room, else at the node's top, above the name, so a wire comes down into
 * any port from above and crosses no words.
 */
export function headerPlan(words: HeaderWords, w: number, cap: number): HeaderPlan {
  // A narrow node (a big cluster's) keeps tighter margins: its words need the width more.
  const narrow = w < 300;
  const pad = narrow ? 12 : 20;
  const inner = w - (narrow ? 22 : 36);
  // The name is bold, about 10% wider.
  const nameFont = fit(Math.min(32, (cap * 32) / 28), inner / 1.1, longest(words.names));
  // The talk's words, or on a narrow node the bare addresses, larger.
  const bare = fit(28, inner, longest(words.worded)) < 18;
  const textFont = fit(cap, inner, longest(bare ? words.bare : words.worded));
  const labels = words.ports;
  const rowRoom = w - (narrow ? 12 : 20);
  const gapX = narrow ? 6 : 8;
  // One row, however many Services: a wire comes down into any port from above, past no other
  // pill. Many Services on a narrow node shrink the row's words (to 1 at the least, inside the node).
  const rowGaps = gapX * Math.max(0, labels.length - 1);
  const rowChars = labels.reduce((sum, l) => sum + textWidth(l, 1) * 1.08 + 0.7, 0);
  const portFont = Math.max(1, Math.min(28, textFont, (rowRoom - rowGaps) / Math.max(1, rowChars)));
  const pillW = (label: string) => textWidth(label, portFont) * 1.08 + portFont * 0.7;
  const widths = labels.map(pillW);
  const pillsW = widths.reduce((a, b) => a + b, 0) + rowGaps;
  const pillH = portFont + (narrow ? 10 : 14);
  const edge = narrow ? 6 : 10;
  const nameW = textWidth(longest(words.names), nameFont) * 1.1;
  const beside = pad + nameW + 16 + pillsW + edge <= w;
  const pills: { dx: number; dy: number; w: number }[] = [];
  let dx = beside ? w - edge - pillsW : edge;
  for (const pw of widths) {
    pills.push({ dx, dy: edge, w: pw });
    dx += pw + gapX;
  }
  const pillsBlock = !beside && widths.length > 0 ? edge + pillH : 0;
  const line = textFont * 1.36;
  const nameBase = pillsBlock + (narrow ? 8 : 12) + nameFont;
  // Beside the name, the pills may reach lower than the name: the address starts under them.
  const under = beside && widths.length > 0 ? edge + pillH + textFont * 0.75 + 4 : 0;
  const ipBase = Math.max(nameBase + line, under);
  const rangeBase = ipBase + line;
  return {
    pad,
    nameFont,
    textFont,
    portFont,
    bare,
    pillH,
    pills,
    nameBase,
    ipBase,
    rangeBase,
    height: rangeBase + textFont * 0.35 + (narrow ? 4 : 8),
  };
}

export interface PodGrid {
  readonly cols: number;
  readonly rows: number;
  readonly w: number;
  readonly h: number;
  readonly gap: number;
  readonly fontSize: number;
  /** 2: the name and the address (or share); 1: the name alone, when two lines would be too small. */
  readonly lines: 1 | 2;
}

/** The columns the talk's pictures use, kept when another count gives no larger words. */
const usualCols = (count: number) =>
  count <= 2 ? Math.max(count, 1) : count <= 6 ? 2 : Math.ceil(Math.sqrt(count));

/**
 * Lays `count` pods out in a grid inside a node's pod area, boxes no larger
 * than 230×150: of every number of columns, the one whose words come out
 * largest for the area's shape (a tall narrow area stacks its pods, a wide
 * flat one lines them up). `widestName` and `widestLine` are the widest name
 * and second line at size 1 (the name is bold). Two lines where they reach
 * TWO_LINE_FLOOR, else the name alone.
 */
export function podGrid(area: Box, count: number, widestName: number, widestLine: number): PodGrid {
  const most = count > 9 ? 10 : 20;
  const gap = Math.max(6, Math.min(most, area.w * 0.06, area.h * 0.06));
  const shape = (cols: number) => {
    const rows = Math.max(1, Math.ceil(count / cols));
    const w = Math.max(1, Math.min(230, (area.w - gap * (cols - 1)) / cols));
    const h = Math.max(1, Math.min(150, (area.h - gap * (rows - 1)) / rows));
    // Margins inside the box: the talk's 16 across and 12 down, less in a small box.
    const padX = Math.min(16, w * 0.12);
    const padY = Math.min(12, h * 0.12);
    const across = (w - padX) / Math.max(1e-6, Math.max(widestName, widestLine));
    const two = Math.min(34, across, (h - padY) / 2.7);
    const one = Math.min(34, (w - padX) / Math.max(1e-6, widestName), (h - padY) / 1.5);
    return { cols, rows, w, h, gap, two, one };
  };
  const usual = usualCols(count);
  const shapes = Array.from({ length: Math.max(1, count) }, (_, i) => shape(i + 1));
  // Largest words first; on a tie (boxes at their largest), the talk's columns.
  const best = (key: 'two' | 'one') =>
    shapes.reduce((a, b) =>
      b[key] > a[key] + 1e-9 ||
      (Math.abs(b[key] - a[key]) <= 1e-9 && Math.abs(b.cols - usual) < Math.abs(a.cols - usual))
        ? b
        : a,
    );
  const two = best('two');
  if (two.two >= TWO_LINE_FLOOR || two.two >= best('one').one)
    return { ...two, fontSize: Math.max(0.5, two.two), lines: 2 };
  const one = best('one');
  return { ...one, fontSize: Math.max(0.5, one.one), lines: 1 };
}
