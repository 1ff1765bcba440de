import { scaleLinear } from 'd3-scale';
import { percent } from '../../deck';
import type { Topology } from '../../model';
import { textWidth, type Box, type Point } from './geometry';

// The histogram of a since-2020 slide whose switch moves load rather than headers
// (trafficDistribution, a load balancer weighting nodes by their pods): each
// backend pod's share of requests as a bar, the switch's first value as an
// outlined ghost bar behind the value that stands now, with the percentages
// written over each node's bars. It takes the left column between the slide's
// heading and the client, as the PROXY bytes do (a layout `panel`).

/** The chart's words: 28 units, the projector's floor (design.md). */
export const CHART_FONT = 28;
/** From one line of words to the next. */
const LINE = 36;
const PAD = 8;
/** A legend swatch, its gap to the words, and the room between two entries on a line. */
const SWATCH = 24;
const SWATCH_GAP = 8;
const ENTRY_GAP = 18;
/** Between two nodes' bars. */
const UNIT_GAP = 16;
/** The widest a bar gets, and the least room a bar takes within its node. */
const BAR_MAX_W = 56;
const SLOT_MIN = 34;
/** Bars shorter than this leave too little to compare: the chart gives up rather than squash. */
const PLOT_MIN = 60;
/**
 * Advances in em of the system sans (DejaVu Sans; Arial and Helvetica are
 * narrower), regular and bold: `textWidth` assumes an average letter, and these
 * lines are mostly digits, "%" and "→", drawn wider, the value now in bold.
 */
const ADVANCE: Readonly<Record<string, readonly [number, number]>> = {
  '.': [0.318, 0.38],
  '%': [0.95, 1.002],
  ' ': [0.318, 0.348],
  '→': [0.838, 0.838],
};
const DIGIT: readonly [number, number] = [0.636, 0.696];
const LETTER: readonly [number, number] = [0.62, 0.7];
/** Room on top of the estimate: a line that just fits must not touch its neighbour. */
const SAFETY = 1.03;

/** The shares under one value of the switch, and the value's name ("off", "by pods"). */
export interface ShareSet {
  readonly label: string;
  readonly shares: ReadonlyMap<string, number>;
}

export interface ShareChartInput {
  readonly topology: Topology;
  /** With the switch as it stands. */
  readonly now: ShareSet;
  /** With the switch at its first value, or null when that is what stands (one set of bars). */
  readonly before: ShareSet | null;
  /**
   * The first value's name even when it stands, so that the chart keeps its size (and the
   * diagram its wires) when the switch flips.
   */
  readonly firstLabel: string;
  /** The largest share the scale must reach (the step's under any value of the switch); else the largest drawn. */
  readonly scaleTop?: number;
}

/** One pod's bar: the share now, and (outlined) the share before. */
export interface ChartBar {
  readonly pod: string;
  readonly node: string;
  readonly x: number;
  readonly w: number;
  readonly now: { readonly share: number; readonly y: number; readonly h: number };
  readonly before: { readonly share: number; readonly y: number; readonly h: number } | null;
}

/**
 * A group of bars written as one: a node's pods when they share alike (the
 * percentages once, "each"), else a single pod.
 */
export interface ChartUnit {
  readonly key: string;
  /** "Node2", or a pod's name where its node's pods differ. */
  readonly name: string;
  readonly nameAt: Point;
  /** "50%" before, or null where there is no before or it is the same. */
  readonly before: string | null;
  readonly now: string;
  /** " each" where the unit has more than one bar. */
  readonly each: boolean;
  /** The percentages' baseline centre: over the unit's tallest bar. */
  readonly valueAt: Point;
  /** The room the unit takes along the axis. */
  readonly x: number;
  readonly w: number;
}

export interface LegendMark {
  readonly kind: 'before' | 'now';
  readonly text: string;
  readonly swatch: Box;
  readonly textAt: Point;
}

export interface ShareChartLayout {
  readonly box: Box;
  readonly fontSize: number;
  /** "share of requests", the y axis's words. */
  readonly title: { readonly text: string; readonly at: Point };
  /** The legend; `before` only when there is a before to show. */
  readonly legend: readonly LegendMark[];
  /** The x axis: the bars stand on it. */
  readonly axis: { readonly x1: number; readonly x2: number; readonly y: number };
  readonly bars: readonly ChartBar[];
  readonly units: readonly ChartUnit[];
  /** The chart in words, for a screen reader. */
  readonly description: string;
  /** False when the words cannot be written at 28 in the room given: draw nothing. */
  readonly fits: boolean;
}

export const CHART_TITLE = 'share of requests';
/** The legend's words for the two sets of bars. */
export const WAS = 'was';
export const NOW = 'now';

const same = (a: number, b: number) => Math.abs(a - b) < 1e-9;

/** A unit's percentages as one line: "8.3% → 14.3% each". */
export const valueText = (u: Pick<ChartUnit, 'before' | 'now' | 'each'>): string =>
  `${u.before !== null ? `${u.before} → ` : ''}${u.now}${u.each ? ' each' : ''}`;

/** A line's width at the chart's size, bold or not, from the advances above. */
function lineWidth(text: string, bold = false): number {
  let em = 0;
  for (const ch of text)
    em += (ADVANCE[ch] ?? (ch >= '0' && ch <= '9' ? DIGIT : LETTER))[bold ? 1 : 0];
  return em * CHART_FONT * SAFETY;
}

/** The width of a unit's percentages: the value before and the arrow, the value now in bold, "each". */
export const valueWidth = (u: Pick<ChartUnit, 'before' | 'now' | 'each'>): number =>
  lineWidth(u.before !== null ? `${u.before} → ` : '') +
  lineWidth(u.now, true) +
  lineWidth(u.each ? ' each' : '');

/**
 * The legend's entries and the title, flowed into lines that fit `width`: the
 * title first, then "was: off" (laid out even when not drawn, so the chart
 * keeps its size), then "now: PreferSameZone". "was" rather than "before" keeps
 * the title and the first entry on one line in the left column, and the bars
 * a line taller.
 */
function headerLines(
  left: number,
  width: number,
  top: number,
  firstLabel: string,
  nowLabel: string,
): { title: Point; marks: LegendMark[]; lines: number } {
  const entries = [
    // Bold: a little wider than the estimate (as the slide's own title is reckoned).
    { kind: 'title' as const, text: CHART_TITLE, w: textWidth(CHART_TITLE, CHART_FONT) * 1.08 },
    ...(['before', 'now'] as const).map((kind) => {
      const text = kind === 'before' ? `${WAS}: ${firstLabel}` : `${NOW}: ${nowLabel}`;
      return { kind, text, w: SWATCH + SWATCH_GAP + textWidth(text, CHART_FONT) };
    }),
  ];
  let x = left;
  let line = 0;
  let title: Point = { x: left, y: top };
  const marks: LegendMark[] = [];
  for (const e of entries) {
    if (x > left && x + e.w > left + width) {
      line++;
      x = left;
    }
    const y = top + PAD + CHART_FONT * 0.9 + line * LINE;
    if (e.kind === 'title') title = { x, y };
    else
      marks.push({
        kind: e.kind,
        text: e.text,
        swatch: { x, y: y - CHART_FONT * 0.78, w: SWATCH, h: SWATCH },
        textAt: { x: x + SWATCH + SWATCH_GAP, y },
      });
    x += e.w + ENTRY_GAP;
  }
  return { title, marks, lines: line + 1 };
}

interface Group {
  readonly node: string;
  readonly name: string;
  readonly pods: readonly string[];
}

/**
 * The pods the chart has a bar for (every pod with a share before or now, in
 * the topology's order), grouped into units: a node's pods together where they
 * all share alike before and now, else one unit per pod.
 */
function unitsOf(input: ShareChartInput): Group[] {
  const { topology, now, before } = input;
  const has = (id: string) => now.shares.has(id) || (before?.shares.has(id) ?? false);
  const nowOf = (id: string) => now.shares.get(id) ?? 0;
  const beforeOf = (id: string) => before?.shares.get(id) ?? 0;
  const groups: Group[] = [];
  for (const node of topology.nodes) {
    const pods = topology.pods.filter((p) => p.node === node.id && has(p.id));
    const [first] = pods;
    if (!first) continue;
    const alike = pods.every(
      (p) => same(nowOf(p.id), nowOf(first.id)) && same(beforeOf(p.id), beforeOf(first.id)),
    );
    if (alike) groups.push({ node: node.id, name: node.name, pods: pods.map((p) => p.id) });
    else for (const p of pods) groups.push({ node: node.id, name: p.name, pods: [p.id] });
  }
  return groups;
}

/**
 * The chart in `room` (the left column under the heading): a title and legend
 * lines at the top, the node names under the axis, and the bars between, all
 * drawn to one linear scale (D3) from 0 to the largest share before or now.
 * Each unit is as wide as its words need (at least a slot per bar), the room
 * left over shared out evenly.
 */
export function shareChart(input: ShareChartInput, room: Box): ShareChartLayout {
  const { now, before } = input;
  const left = room.x + PAD;
  const inner = room.w - 2 * PAD;
  const header = headerLines(left, inner, room.y, input.firstLabel, now.label);
  const bottom = room.y + room.h;
  const nameY = bottom - PAD - CHART_FONT * 0.3;
  const axisY = nameY - CHART_FONT - 10;
  const plotTop = room.y + PAD + header.lines * LINE + 4;
  // The percentages take a line over the tallest bar.
  const barRoom = axisY - plotTop - LINE;

  const groups = unitsOf(input);
  const nowOf = (id: string) => now.shares.get(id) ?? 0;
  const beforeOf = (id: string) => before?.shares.get(id) ?? 0;
  const texts = groups.map((g) => {
    const id = g.pods[0] as string;
    const changed = before !== null && !same(beforeOf(id), nowOf(id));
    return {
      before: changed ? percent(beforeOf(id)) : null,
      now: percent(nowOf(id)),
      each: g.pods.length > 1,
    };
  });
  const need = groups.map((g, i) =>
    Math.max(
      valueWidth(texts[i] as (typeof texts)[number]),
      lineWidth(g.name),
      g.pods.length * SLOT_MIN,
    ),
  );
  const used = need.reduce((a, b) => a + b, 0) + UNIT_GAP * Math.max(0, groups.length - 1);
  const fits = groups.length > 0 && used <= inner && barRoom >= PLOT_MIN;
  const extra = groups.length > 0 ? Math.max(0, inner - used) / groups.length : 0;

  const top = Math.max(
    ...groups.flatMap((g) => g.pods.map((id) => Math.max(nowOf(id), beforeOf(id)))),
    input.scaleTop ?? 0,
  );
  const y = scaleLinear()
    .domain([0, top > 0 ? top : 1])
    .range([axisY, axisY - barRoom]);
  const bar = (share: number) => {
    const t = y(share);
    return { share, y: t, h: axisY - t };
  };

  const bars: ChartBar[] = [];
  const units: ChartUnit[] = [];
  let x = left;
  groups.forEach((g, i) => {
    const w = (need[i] as number) + extra;
    const slot = w / g.pods.length;
    const barW = Math.min(BAR_MAX_W, slot * 0.72);
    let tallest = 0;
    g.pods.forEach((pod, k) => {
      const b = before ? bar(beforeOf(pod)) : null;
      const n = bar(nowOf(pod));
      tallest = Math.max(tallest, n.h, b?.h ?? 0);
      bars.push({
        pod,
        node: g.node,
        x: x + slot * k + (slot - barW) / 2,
        w: barW,
        now: n,
        before: b,
      });
    });
    const t = texts[i] as (typeof texts)[number];
    units.push({
      key: g.pods.length > 1 ? g.node : (g.pods[0] as string),
      name: g.name,
      nameAt: { x: x + w / 2, y: nameY },
      ...t,
      valueAt: { x: x + w / 2, y: axisY - tallest - 10 },
      x,
      w,
    });
    x += w + UNIT_GAP;
  });

  const legend = header.marks.filter((m) => m.kind === 'now' || before !== null);
  return {
    box: room,
    fontSize: CHART_FONT,
    title: { text: CHART_TITLE, at: header.title },
    legend,
    axis: { x1: left, x2: left + inner, y: axisY },
    bars,
    units,
    description: describeChart(units, input),
    fits,
  };
}

/** "Share of requests per pod, before (off) and now (PreferSameZone): Node2 33.3% before, 100% now; …". */
function describeChart(units: readonly ChartUnit[], input: ShareChartInput): string {
  const { now, before } = input;
  const head = before
    ? `Share of requests per pod, before (${before.label}) and now (${now.label})`
    : `Share of requests per pod (${now.label})`;
  const parts = units.map((u) => {
    const who = u.each ? `${u.name}'s pods` : u.name;
    const each = u.each ? ' each' : '';
    if (!before) return `${who} ${u.now}${each}`;
    return `${who} ${u.before ?? u.now} before, ${u.now} now${each}`;
  });
  return `${head}: ${parts.join('; ')}.`;
}
