import { describe, expect, it } from 'vitest';
import talk from '../talk.json';
import { SINCE_CAPTIONS, SINCE_LINES, SINCE_MARK_WORDS } from './captions';
import { SINCE_SCENES } from './scenes';
import { SINCE_NOTES, SINCE_SOURCES } from './notes';
import { SINCE_WORDS } from './words';
import { SINCE_IDS, type SinceId } from './words-types';

/** How many steps each slide has, so how many captions it needs. */
const STEPS: Record<SinceId, number> = {
  since: 1,
  ipmode: 3,
  'ipmode-inside': 3,
  'cluster-ip': 3,
  'internal-policy': 3,
  'traffic-distribution': 2,
  terminating: 3,
  dsr: 4,
  'lb-to-pods': 2,
  'proxy-protocol': 3,
  weighted: 1,
  gateway: 4,
};

/** How many values each slide's live switch has (0: no switch). */
const SWITCH: Record<SinceId, number> = {
  since: 0,
  ipmode: 2,
  'ipmode-inside': 2,
  'cluster-ip': 0,
  'internal-policy': 2,
  'traffic-distribution': 3,
  terminating: 0,
  dsr: 2,
  'lb-to-pods': 2,
  'proxy-protocol': 2,
  weighted: 2,
  gateway: 0,
};

/** Which part of the talk may link to each slide: "intro", "2", "3a", "4c" (and 4c.1…). */
const PARTS: Record<SinceId, readonly string[]> = {
  since: ['intro'],
  ipmode: ['3a', '3c'],
  'ipmode-inside': ['3a', '3c'],
  'cluster-ip': ['intro', '1'],
  'internal-policy': ['2', '3a'],
  'traffic-distribution': ['2', '3a', '3c'],
  terminating: ['2', '3a', '3c'],
  dsr: ['2', '3a'],
  'lb-to-pods': ['3b', '3d'],
  'proxy-protocol': ['3c', '4a'],
  weighted: ['2'],
  gateway: ['4c', '4d'],
};

const MAX_LINE = 60;

/**
 * The part of the talk each slide belongs to, from the talk's own headings ("3a) VIP-like,
 * 2-hops", "4c.1) VIP-like"). Slides 13–16 list the four APIs before the talk walks them,
 * so a part starts at the last slide that carries its heading; before the first, "intro".
 */
function talkParts(): Map<number, string> {
  const starts = new Map<string, number>();
  for (const slide of talk) {
    const m = /^(\d(?:[a-d](?:\.\d)?)?)\) /.exec(slide.lines[0] ?? '');
    if (m?.[1]) starts.set(m[1], slide.n);
  }
  const ordered = [...starts].sort((a, b) => a[1] - b[1]);
  const parts = new Map<number, string>();
  for (const slide of talk) {
    const part = ordered.filter(([, n]) => n <= slide.n).at(-1)?.[0] ?? 'intro';
    parts.set(slide.n, part);
  }
  return parts;
}

const within = (part: string, allowed: readonly string[]) =>
  allowed.some((p) => part === p || part.startsWith(`${p}.`));

/** A slide's words: the opener's own, a diagram slide's points (which come with its captions). */
const linesOf = (id: SinceId): readonly string[] => {
  const i = SINCE_IDS.indexOf(id);
  return i === 0 ? (SINCE_WORDS[0]?.lines ?? []) : (SINCE_LINES[i] ?? []);
};

/** A slide's markers on the talk's slides, by its id. */
const marksOf = (id: SinceId) => SINCE_MARK_WORDS[SINCE_IDS.indexOf(id)] ?? [];

/** A slide's step captions, by its id. */
const captionsOf = (id: SinceId) => SINCE_CAPTIONS[SINCE_IDS.indexOf(id)] ?? [];

describe('the since-2020 section’s words', () => {
  it('has one entry per slide id, in order', () => {
    expect(SINCE_WORDS.map((w) => w.id)).toEqual([...SINCE_IDS]);
  });

  it('gives every step a caption, in a sentence', () => {
    expect(SINCE_CAPTIONS).toHaveLength(SINCE_WORDS.length);
    for (const [i, w] of SINCE_WORDS.entries()) {
      const captions = SINCE_CAPTIONS[i] ?? [];
      expect(captions, w.id).toHaveLength(STEPS[w.id]);
      for (const c of captions) {
        expect(c.trim(), w.id).toBe(c);
        expect(c, w.id).toMatch(/[.!?]$/);
      }
    }
  });

  it('gives a live switch, with distinct values, exactly where a slide has one', () => {
    for (const w of SINCE_WORDS) {
      const values = SINCE_SCENES[w.id]?.switch?.values ?? [];
      expect(values.length, w.id).toBe(SWITCH[w.id]);
      expect(new Set(values.map((v) => v.word)).size, w.id).toBe(values.length);
      expect(new Set(values.map((v) => v.label)).size, w.id).toBe(values.length);
    }
  });

  it('dates every slide and names its sources', () => {
    for (const w of SINCE_WORDS) {
      expect(SINCE_SOURCES[SINCE_IDS.indexOf(w.id)]?.length ?? 0, w.id).toBeGreaterThanOrEqual(1);
      expect(Number.isInteger(w.badge.year), w.id).toBe(true);
      expect(w.badge.year, w.id).toBeGreaterThanOrEqual(2020);
      expect(w.badge.year, w.id).toBeLessThanOrEqual(2026);
      expect(w.badge.label.trim(), w.id).not.toBe('');
    }
  });

  it('says in the notes every version and KEP its badge shows', () => {
    expect(SINCE_NOTES).toHaveLength(SINCE_WORDS.length);
    for (const [i, w] of SINCE_WORDS.entries()) {
      for (const token of w.badge.label.match(/v?\d+\.\d+|KEP-\d+/g) ?? []) {
        expect(SINCE_NOTES[i], `${w.id}: ${token}`).toContain(token);
      }
    }
  });

  it('has notes of two to four paragraphs to speak from', () => {
    for (const [i, w] of SINCE_WORDS.entries()) {
      const paragraphs = (SINCE_NOTES[i] ?? '').split('\n\n');
      expect(paragraphs.length, w.id).toBeGreaterThanOrEqual(2);
      expect(paragraphs.length, w.id).toBeLessThanOrEqual(4);
      for (const p of paragraphs) expect(p.trim().length, w.id).toBeGreaterThan(40);
    }
  });

  it('keeps every line short, as the talk sets them', () => {
    for (const w of SINCE_WORDS) {
      const short = [w.title, w.badge.label, ...linesOf(w.id)];
      short.push(...marksOf(w.id).map((m) => m.text));
      for (const line of short)
        expect(line.length, `${w.id}: ${line}`).toBeLessThanOrEqual(MAX_LINE);
      expect(linesOf(w.id).length, w.id).toBeGreaterThanOrEqual(3);
    }
  });

  it('uses none of the talk’s own lines', () => {
    const talkLines = new Set(talk.flatMap((s) => s.lines));
    for (const w of SINCE_WORDS)
      for (const l of linesOf(w.id)) expect(talkLines.has(l), l).toBe(false);
  });

  it('derives the talk’s parts from its headings', () => {
    const parts = talkParts();
    expect(parts.get(9)).toBe('intro');
    expect(parts.get(14)).toBe('intro'); // the list of the four APIs
    expect(parts.get(18)).toBe('1');
    expect(parts.get(39)).toBe('2');
    expect(parts.get(45)).toBe('3a');
    expect(parts.get(62)).toBe('3b');
    expect(parts.get(75)).toBe('3c');
    expect(parts.get(92)).toBe('4a');
    expect(parts.get(108)).toBe('4c.1');
    expect(parts.get(124)).toBe('4d');
  });

  it('marks only talk slides from the part each change belongs to', () => {
    const parts = talkParts();
    for (const w of SINCE_WORDS) {
      expect(marksOf(w.id).length, w.id).toBeGreaterThanOrEqual(1);
      const seen = new Set<number>();
      for (const mark of marksOf(w.id)) {
        expect(mark.text.trim(), w.id).not.toBe('');
        for (const n of mark.slides) {
          expect(Number.isInteger(n) && n >= 1 && n <= 124, `${w.id}: ${n}`).toBe(true);
          expect(seen.has(n), `${w.id}: slide ${n} twice`).toBe(false);
          seen.add(n);
          const part = parts.get(n) ?? '';
          expect(within(part, PARTS[w.id]), `${w.id}: slide ${n} is in ${part}`).toBe(true);
        }
      }
    }
  });

  it('links the slides the brief names: 39 to weighting, 124 to Gateway API', () => {
    const marked = (id: SinceId) => marksOf(id).flatMap((m) => m.slides);
    expect(marked('weighted')).toContain(39);
    expect(marked('gateway')).toContain(124);
    expect(marked('ipmode').some((n) => n >= 45 && n <= 60)).toBe(true);
    expect(marked('ipmode').some((n) => n >= 63 && n <= 75)).toBe(true);
  });

  it('quotes the PROXY protocol header as the bytes the proxy really writes', () => {
    // The talk's 3c: client 1.2.3.4:51234 connects to the proxy at 198.51.100.7:80.
    const [src, dst, sport, dport] = ['1.2.3.4', '198.51.100.7', 51234, 80] as const;
    const v1 = `PROXY TCP4 ${src} ${dst} ${sport} ${dport}`;
    const hex = (bytes: number[]) =>
      bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
    const ip = (a: string) => a.split('.').map(Number);
    const port = (p: number) => [p >> 8, p & 0xff];
    const v2 = [
      ...[0x0d, 0x0a, 0x0d, 0x0a, 0x00, 0x0d, 0x0a, 0x51, 0x55, 0x49, 0x54, 0x0a],
      0x21, // version 2, PROXY command
      0x11, // TCP over IPv4
      ...port(12), // length of the addresses that follow
      ...ip(src),
      ...ip(dst),
      ...port(sport),
      ...port(dport),
    ];
    const caption = captionsOf('proxy-protocol')[1] ?? '';
    expect(caption).toContain(`${v1}\\r\\n (${v1.length + 2} bytes)`);
    expect(caption).toContain(`${hex(v2)} (${v2.length} bytes)`);
    expect(linesOf('proxy-protocol')).toContain(`${v1}\\r\\n`);
    expect(linesOf('proxy-protocol').join(' ')).toContain(`${v2.length} binary bytes`);
  });

  it('gives slide 39’s shares as they compute: per node, then per pod', () => {
    // One pod on Node1, six on Node2.
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    const caption = captionsOf('weighted')[0] ?? '';
    expect(caption).toContain('50%');
    expect(caption).toContain(pct(1 / 2 / 6)); // 8.3%
    expect(caption).toContain(pct(1 / 7)); // 14.3%
  });
});
