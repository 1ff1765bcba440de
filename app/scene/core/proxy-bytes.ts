import type { Packet } from '../../model';
import { hexDump, proxyFields } from '../../model/proxy-dump';
import { parseProxyV2, proxyHeaderBytes, type ProxyField } from '../../model/proxy-protocol';
import { textWidth, type Box, type Point } from './geometry';

// The PROXY protocol header a load balancer writes ahead of the client's bytes
// (HAProxy's proxy-protocol.txt), laid out as a dump for the left column: where
// each row, each byte and each line of the key goes, in stage units. v2 is
// binary, so it is shown in hex, eight bytes to a row as `hexdump` would; v1 is
// one line of ASCII text, so it is shown as its characters, a row breaking at a
// space. Every byte is marked by its field twice: a colour, and a key naming the
// fields in the order the bytes carry them (ports dashed, separators open).

/** The header as it rides on a packet. */
export type ProxyLine = NonNullable<Packet['proxyLine']>;

/**
 * The dump's words: 29 units is 28 px or more wherever the stage is drawn at
 * 1080p (a since-2020 slide's stage is scaled to about 0.98 there).
 */
export const BYTES_FONT = 29;
/** A monospace glyph's advance (DejaVu Sans Mono, the stage's monospace: 0.602 em). */
export const GLYPH = 0.61 * BYTES_FONT;
/** From one row's baseline to the next. */
export const ROW_PITCH = 38;
/** Between the key's lines, which share the legend's small area. */
export const KEY_PITCH = 31;
/** Bytes to a hex row, as `hexdump` prints a half row. */
export const HEX_PER_ROW = 8;
/** Extra room where one field ends and the next begins, so a field's edge shows without colour. */
const FIELD_GAP = 8;
/** The offset column: two hex digits, then a gap. */
const OFFSET_W = 2.8 * GLYPH;
const PAD = 10;
/** A key swatch, its gap to the word, and the room after an entry. */
const SWATCH = 22;
const SWATCH_GAP = 6;
const ENTRY_GAP = 12;

/** How a field's bytes are drawn: a fill and a stroke (theme colours), dashed for a port. */
export interface FieldLook {
  readonly fill: string;
  readonly stroke: string;
  readonly dash?: string;
}

/** Each field's look: source blue and destination vermilion, as the Services wear them. */
export const FIELD_LOOK: Readonly<Record<ProxyField, FieldLook>> = {
  signature: { fill: 'var(--other-fill)', stroke: 'var(--other)' },
  'version-command': { fill: 'var(--lb-fill)', stroke: 'var(--lb-stroke)' },
  family: { fill: 'var(--svc-d-fill)', stroke: 'var(--svc-d)' },
  length: { fill: 'var(--ingress-fill)', stroke: 'var(--ingress)' },
  'source address': { fill: 'var(--svc-a-fill)', stroke: 'var(--svc-a)' },
  'destination address': { fill: 'var(--svc-b-fill)', stroke: 'var(--svc-b)' },
  'source port': { fill: 'var(--svc-a-fill)', stroke: 'var(--svc-a)', dash: '7 5' },
  'destination port': { fill: 'var(--svc-b-fill)', stroke: 'var(--svc-b)', dash: '7 5' },
  protocol: { fill: 'var(--lb-fill)', stroke: 'var(--lb-stroke)' },
  separator: { fill: 'none', stroke: 'var(--ink-soft)', dash: '3 4' },
  'end of line': { fill: 'var(--svc-d-fill)', stroke: 'var(--svc-d)' },
  extension: { fill: 'var(--svc-e-fill)', stroke: 'var(--svc-e)' },
  payload: { fill: 'none', stroke: 'var(--ink-soft)' },
};

/** Each field's name in the key: short, for 29-unit words in a 516-unit column. */
export const FIELD_NAME: Readonly<Record<ProxyField, string>> = {
  signature: 'signature',
  'version-command': 'version',
  family: 'family',
  length: 'length',
  'source address': 'src addr',
  'destination address': 'dst addr',
  'source port': 'src port',
  'destination port': 'dst port',
  protocol: 'protocol',
  separator: 'space',
  'end of line': 'CR LF',
  extension: 'TLV',
  payload: 'payload',
};

/**
 * A run of bytes drawn in one box: one byte in hex (v2), or the characters of
 * one field on one row (v1: "PROXY", "TCP4", a space, "\r\n").
 */
export interface ByteRun {
  /** The offset of the run's first byte. */
  readonly offset: number;
  readonly field: ProxyField;
  /** What is written in the box: two hex digits, or the characters ("" for a space). */
  readonly text: string;
  /** The bytes as ASCII ("\r" for CR), for a reader of the page and for tests. */
  readonly chars: string;
  /** The box; the text is centred in it. */
  readonly box: Box;
}

export interface ByteRow {
  /** The offset of the row's first byte, as two hex digits. */
  readonly label: string;
  readonly runs: readonly ByteRun[];
  /** The row's baseline. */
  readonly y: number;
}

export interface DumpLayout {
  readonly version: 1 | 2;
  readonly byteCount: number;
  /** "PROXY v2 header: 28 bytes". */
  readonly title: string;
  readonly titleAt: Point;
  /** Where the offsets are written (right-aligned at this x). */
  readonly offsetX: number;
  readonly rows: readonly ByteRow[];
  /** The "payload…" that follows the last byte. */
  readonly payloadAt: Point;
  /** The whole dump, for the wires and the card to keep clear of. */
  readonly box: Box;
}

const hex2 = (n: number) => n.toString(16).padStart(2, '0');
/** A v1 byte as written in its box: CR and LF escaped, a space left blank (its box marks it). */
const written = (v: number) =>
  v === 0x0d ? '\\r' : v === 0x0a ? '\\n' : v === 0x20 ? '' : String.fromCharCode(v);
/** Glyphs a v1 byte takes: a space keeps one glyph's room. */
const glyphs = (v: number) => Math.max(1, written(v).length);
/** A box's padding either side of its text, and the room between two boxes. */
const RUN_PAD = 4;
const RUN_GAP = 4;

/** Consecutive offsets of one field, from `from` up to `to` (exclusive). */
function fieldRuns(fields: readonly ProxyField[], from: number, to: number): number[][] {
  const runs: number[][] = [];
  for (let i = from; i < to; i++) {
    const run = runs[runs.length - 1];
    if (run && fields[run[0] as number] === fields[i]) run.push(i);
    else runs.push([i]);
  }
  return runs;
}

/**
 * Where the dump goes, its top left at `at`, no wider than `width`: a title,
 * then rows of bytes. v2 in hex, eight to a row (an offset every 8 bytes), each
 * byte boxed; v1 as its characters, each field's run boxed, a row holding as
 * many words as fit (CR and LF written "\r" "\n"). The "payload…" mark follows
 * the last byte, on its row when there is room.
 */
export function dumpLayout(line: ProxyLine, at: Point, width: number): DumpLayout {
  const bytes = proxyHeaderBytes(line);
  const fields = proxyFields(bytes);
  const version = line.version === 2 ? 2 : 1;
  const left = at.x + PAD;
  const cellsX = left + OFFSET_W;
  const right = at.x + width - PAD;
  const title = `PROXY v${version} header: ${bytes.length} bytes`;
  const titleY = at.y + PAD + BYTES_FONT * 0.9;
  const boxOf = (x: number, y: number, w: number): Box => ({
    x,
    y: y - BYTES_FONT * 0.86,
    w,
    h: BYTES_FONT * 1.1,
  });

  const rows: ByteRow[] = [];
  const rowY = () => titleY + ROW_PITCH * (rows.length + 1);
  if (version === 2) {
    for (const row of hexDump(bytes, HEX_PER_ROW)) {
      const y = rowY();
      let x = cellsX;
      const runs = row.bytes.map((b, k): ByteRun => {
        if (k > 0 && fields[b.offset - 1] !== b.field) x += FIELD_GAP;
        const run = {
          offset: b.offset,
          field: b.field,
          text: b.hex,
          chars: String.fromCharCode(b.value),
          box: boxOf(x, y, 2 * GLYPH + 2 * RUN_PAD),
        };
        x += 3 * GLYPH;
        return run;
      });
      rows.push({ label: hex2(row.offset), runs, y });
    }
  } else {
    // Words (a run of bytes up to and including its space), packed into rows that fit.
    const runWidth = (run: readonly number[]) =>
      run.reduce((n, i) => n + glyphs(bytes[i] as number), 0) * GLYPH + 2 * RUN_PAD;
    const wordWidth = (word: readonly number[]) =>
      fieldRuns(fields, word[0] as number, (word[word.length - 1] as number) + 1).reduce(
        (n, run) => n + runWidth(run) + RUN_GAP,
        0,
      );
    const words: number[][] = [[]];
    for (let i = 0; i < bytes.length; i++) {
      (words[words.length - 1] as number[]).push(i);
      if (bytes[i] === 0x20) words.push([]);
    }
    const packed: number[][] = [];
    let used = Infinity;
    for (const word of words.filter((w) => w.length > 0)) {
      const w = wordWidth(word);
      if (cellsX + used + w > right + RUN_GAP) {
        packed.push([]);
        used = 0;
      }
      (packed[packed.length - 1] as number[]).push(...word);
      used += w;
    }
    for (const offsets of packed) {
      const y = rowY();
      let x = cellsX;
      const first = offsets[0] as number;
      const runs = fieldRuns(fields, first, first + offsets.length).map((run): ByteRun => {
        const w = runWidth(run);
        const out = {
          offset: run[0] as number,
          field: fields[run[0] as number] as ProxyField,
          text: run.map((i) => written(bytes[i] as number)).join(''),
          chars: String.fromCharCode(...run.map((i) => bytes[i] as number)),
          box: boxOf(x, y, w),
        };
        x += w + RUN_GAP;
        return out;
      });
      rows.push({ label: hex2(first), runs, y });
    }
  }

  const last = rows[rows.length - 1];
  const lastRun = last?.runs[last.runs.length - 1];
  const after = lastRun ? lastRun.box.x + lastRun.box.w + FIELD_GAP * 2 : cellsX;
  const payloadW = textWidth(PAYLOAD, BYTES_FONT);
  const inline = last !== undefined && after + payloadW <= right;
  const payloadAt = inline
    ? { x: after, y: last.y }
    : { x: cellsX, y: (last?.y ?? titleY) + ROW_PITCH };
  const bottom = payloadAt.y + BYTES_FONT * 0.35 + PAD;
  const widest = Math.max(
    textWidth(title, BYTES_FONT) * 1.06,
    ...rows.map((r) => {
      const end = r.runs[r.runs.length - 1];
      return end ? end.box.x + end.box.w - left : 0;
    }),
    payloadAt.x + payloadW - left,
  );
  return {
    version,
    byteCount: bytes.length,
    title,
    titleAt: { x: left, y: titleY },
    offsetX: left + 2 * GLYPH,
    rows,
    payloadAt,
    box: { x: at.x, y: at.y, w: widest + 2 * PAD, h: bottom - at.y },
  };
}

/** The mark after the last byte: the client's own bytes come next. */
export const PAYLOAD = 'payload…';

export interface KeyEntry {
  readonly field: ProxyField;
  readonly name: string;
  /** The swatch's left edge; the name follows it. */
  readonly x: number;
  readonly y: number;
}

/**
 * The key: each field the header has, in the order its bytes come, as a swatch
 * and a name, flowed into lines that fit `area` (the legend's place, which the
 * dump's key takes over). `fits` is false when it needs more lines than the
 * area holds.
 */
export function keyLayout(
  line: ProxyLine,
  area: Box,
): { entries: KeyEntry[]; lines: number; fits: boolean } {
  const order: ProxyField[] = [];
  for (const f of proxyFields(proxyHeaderBytes(line)))
    if (f !== 'payload' && !order.includes(f)) order.push(f);
  // The separator comes up between every word; it is named after the words.
  const sep = order.indexOf('separator');
  if (sep >= 0) order.push(...order.splice(sep, 1));
  const entries: KeyEntry[] = [];
  let x = area.x;
  let lineIndex = 0;
  for (const field of order) {
    // v1 starts with the word PROXY where v2 has its binary signature.
    const name = field === 'signature' && line.version !== 2 ? 'PROXY' : FIELD_NAME[field];
    const w = SWATCH + SWATCH_GAP + keyNameWidth(name);
    if (x > area.x && x + w > area.x + area.w) {
      lineIndex++;
      x = area.x;
    }
    entries.push({ field, name, x, y: area.y + BYTES_FONT * 0.9 + lineIndex * KEY_PITCH });
    x += w + ENTRY_GAP;
  }
  const lines = lineIndex + 1;
  return { entries, lines, fits: BYTES_FONT * 1.1 + (lines - 1) * KEY_PITCH <= area.h };
}

/**
 * A key name's width: `textWidth`'s estimate, with room for capitals (the
 * system sans draws "PROXY" and "CR LF" wider than its lower case).
 */
export const keyNameWidth = (name: string): number =>
  textWidth(name, BYTES_FONT) * 1.04 + (name.match(/[A-Z]/g)?.length ?? 0) * 0.14 * BYTES_FONT;

/** The key's geometry for one entry: its swatch box. */
export const swatchBox = (e: KeyEntry): Box => ({
  x: e.x,
  y: e.y - BYTES_FONT * 0.72,
  w: SWATCH,
  h: SWATCH,
});
/** Where an entry's name starts. */
export const keyNameX = (e: KeyEntry): number => e.x + SWATCH + SWATCH_GAP;

/** "1.2.3.4 port 51234". */
const socket = (ip: string, port: number) => `${ip} port ${port}`;

/**
 * The header in words, for a screen reader: the fields in order with their
 * values, read back from the bytes themselves (v2) or the text (v1).
 */
export function describeProxyHeader(line: ProxyLine): string {
  const bytes = proxyHeaderBytes(line);
  if (line.version === 2) {
    const read = parseProxyV2(bytes);
    const sig = Array.from(bytes.subarray(0, 12), hex2).join(' ');
    if (!read.ok) return `PROXY protocol v2 header: ${bytes.length} bytes: ${read.error}`;
    const h = read.value;
    return (
      `PROXY protocol v2 header: ${bytes.length} bytes: signature ${sig}, ` +
      `version 2 command PROXY (21), ${h.protocol.toUpperCase()} over IPv4 (11), ` +
      `length ${h.headerLength - 16}, source ${socket(h.src.ip, h.src.port)}, ` +
      `destination ${socket(h.dst.ip, h.dst.port)}, then the payload`
    );
  }
  const text = String.fromCharCode(...bytes).replace(/\r\n$/, '');
  return `PROXY protocol v1 header: ${bytes.length} bytes of text: ${text}, then CR LF, then the payload`;
}
