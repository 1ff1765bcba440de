import { PROXY_V2_SIGNATURE, type ProxyField } from './proxy-protocol';

// A PROXY protocol header as rows of a hex dump (offset, hex, ASCII, the way
// `hexdump -C` prints one), every byte tagged with the field it belongs to, so
// a view can colour the signature, the addresses and the ports apart.

/** One byte of the dump. */
export interface DumpByte {
  readonly offset: number;
  readonly value: number;
  /** Two lower-case hex digits. */
  readonly hex: string;
  /** The byte as ASCII, or "." when it is not printable. */
  readonly char: string;
  readonly field: ProxyField;
}

/** One row: up to `width` bytes. */
export interface DumpRow {
  readonly offset: number;
  /** The offset as four hex digits, "0010". */
  readonly label: string;
  readonly bytes: readonly DumpByte[];
  /** The row's bytes in hex, one space apart: "0d 0a 0d 0a …". */
  readonly hex: string;
  readonly ascii: string;
}

const V1_WORDS: readonly ProxyField[] = [
  'signature',
  'protocol',
  'source address',
  'destination address',
  'source port',
  'destination port',
];
const SPACE = 0x20;
const CR = 0x0d;
const LF = 0x0a;

/** "PROXY " in ASCII: how every v1 line starts. */
const startsV1 = (b: Uint8Array) =>
  b.length >= 6 && String.fromCharCode(...b.subarray(0, 6)) === 'PROXY ';

const startsV2 = (b: Uint8Array) =>
  b.length >= PROXY_V2_SIGNATURE.length && PROXY_V2_SIGNATURE.every((v, i) => b[i] === v);

/** v1: words in order, single spaces between them, CR LF at the end, then the payload. */
function v1Fields(b: Uint8Array): ProxyField[] {
  const out: ProxyField[] = [];
  let word = 0;
  let i = 0;
  for (; i < b.length; i++) {
    if (b[i] === CR && b[i + 1] === LF) {
      out.push('end of line', 'end of line');
      i += 2;
      break;
    }
    if (b[i] === SPACE) {
      out.push('separator');
      word++;
    } else out.push(V1_WORDS[word] ?? 'payload');
  }
  for (; i < b.length; i++) out.push('payload');
  return out;
}

/** The address block's layout for a v2 family byte: address size, or 0 when there is none. */
const v2AddressSize = (family: number): number =>
  family >> 4 === 1 ? 4 : family >> 4 === 2 ? 16 : 0;

/** v2: the fixed 16 bytes, the addresses and ports the family implies, extensions, payload. */
function v2Fields(b: Uint8Array): ProxyField[] {
  const out: ProxyField[] = [];
  const length = b.length >= 16 ? ((b[14] as number) << 8) | (b[15] as number) : 0;
  const size = b.length > 13 ? v2AddressSize(b[13] as number) : 0;
  const layout: [ProxyField, number][] = [
    ['signature', 12],
    ['version-command', 1],
    ['family', 1],
    ['length', 2],
  ];
  // Addresses and ports only as far as the announced length reaches.
  if (size > 0 && length >= 2 * size + 4)
    layout.push(
      ['source address', size],
      ['destination address', size],
      ['source port', 2],
      ['destination port', 2],
    );
  const used = layout.reduce((n, [, count]) => n + count, 0);
  layout.push(['extension', Math.max(0, 16 + length - used)]);
  for (const [field, count] of layout)
    for (let k = 0; k < count && out.length < b.length; k++) out.push(field);
  while (out.length < b.length) out.push('payload');
  return out;
}

/** Which field each byte belongs to: a v1 line, a v2 block, or (neither) all payload. */
export function proxyFields(bytes: Uint8Array): ProxyField[] {
  if (startsV2(bytes)) return v2Fields(bytes);
  if (startsV1(bytes)) return v1Fields(bytes);
  return Array.from(bytes, () => 'payload' as const);
}

const printable = (v: number) => (v >= 0x20 && v <= 0x7e ? String.fromCharCode(v) : '.');

/** The bytes as dump rows of `width` (16 by default), each byte named by its field. */
export function hexDump(bytes: Uint8Array, width = 16): DumpRow[] {
  const step = Math.max(1, Math.floor(width));
  const fields = proxyFields(bytes);
  const rows: DumpRow[] = [];
  for (let start = 0; start < bytes.length; start += step) {
    const cells: DumpByte[] = [];
    for (let i = start; i < Math.min(bytes.length, start + step); i++) {
      const value = bytes[i] as number;
      cells.push({
        offset: i,
        value,
        hex: value.toString(16).padStart(2, '0'),
        char: printable(value),
        field: fields[i] as ProxyField,
      });
    }
    rows.push({
      offset: start,
      label: start.toString(16).padStart(4, '0'),
      bytes: cells,
      hex: cells.map((c) => c.hex).join(' '),
      ascii: cells.map((c) => c.char).join(''),
    });
  }
  return rows;
}
