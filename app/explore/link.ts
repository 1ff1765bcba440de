import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import { err, ok, type Result } from '../model';
import type { ExplorerDoc } from './doc';
import { packDoc, unpackDoc } from './link-pack';
import { readDoc } from './topology-json';

// The explorer's whole state in a link: `2.<base64url>`, where 2 is the format's
// version and the rest is a checksum and the packed doc (link-pack.ts), deflated.
// Version 2 added the since-2020 fields (zones, serving pods, a Service's cluster
// IP, internalTrafficPolicy, trafficDistribution, ipMode and load balancer
// private address, the request's switches); a version 1 link opens as it always did.

/** The link format this Inbound writes (and the newest it reads). */
export const LINK_VERSION = 2;
/** Longer text is not read at all (a page's URL is rarely allowed past 2 MB). */
export const MAX_LINK_CHARS = 2_000_000;
/** The most a link may unpack to: a hostile link cannot make the page hold more. */
export const MAX_UNPACKED_BYTES = 16 * 1024 * 1024;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

export const MESSAGES = {
  notALink: `This is not an explorer link: an explorer link ends in #/explore?s=${LINK_VERSION}. and a long code.`,
  cutShort:
    'This explorer link is cut short: it ends before the cluster does. Copy the whole link again (some apps cut long links).',
  damaged:
    'This explorer link is damaged: it does not read back as the cluster it was made from. Copy the whole link again.',
  tooLong: `This explorer link is too long: the explorer reads links of up to ${MAX_LINK_CHARS.toLocaleString('en')} characters.`,
  tooBig: `This explorer link unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB, more than any cluster the explorer takes.`,
  newer: (version: string) =>
    `This explorer link was made by a newer Inbound (version ${version}); this one reads version ${LINK_VERSION} links. Open it in the Inbound it came from.`,
  unusable: (why: string) => `This explorer link holds a cluster the explorer cannot use: ${why}`,
} as const;

/** FNV-1a, 32 bits: enough to tell a changed character from the link as it was made. */
function checksum(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h;
}

function toBase64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >>> (18 - 6 * k)) & 63];
  }
  return out;
}

/** Only the alphabet: a character outside it means the link was changed. */
function fromBase64url(text: string): Result<Uint8Array> {
  if (text.length % 4 === 1) return err(MESSAGES.cutShort);
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let bits = 0;
  let held = 0;
  let at = 0;
  for (const c of text) {
    const v = VALUE.get(c);
    if (v === undefined) return err(MESSAGES.damaged);
    held = ((held << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (held >>> bits) & 255;
    }
  }
  // Stray bits after the last byte are ignored: they are what a cut link ends with.
  return ok(out);
}

/** Inflates in small steps, stopping as soon as the output passes the cap. */
function inflateCapped(data: Uint8Array): Result<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size <= MAX_UNPACKED_BYTES) parts.push(chunk);
  });
  // 16 kB of input inflates to 16 MB at most (deflate peaks near 1:1032): the overshoot is bounded.
  const STEP = 16 * 1024;
  try {
    for (let i = 0; i < data.length || i === 0; i += STEP) {
      inflater.push(data.subarray(i, i + STEP), i + STEP >= data.length);
      if (size > MAX_UNPACKED_BYTES) return err(MESSAGES.tooBig);
    }
  } catch (e) {
    // fflate's "unexpected EOF": the stream stops before its last block ends.
    const code = (e as { code?: unknown } | null)?.code;
    return err(code === 0 ? MESSAGES.cutShort : MESSAGES.damaged);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return ok(out);
}

/** The doc as a link's `s=` value: `2.` and the packed, deflated doc in base64url. */
export const encodeDoc = (doc: ExplorerDoc): string => encodePacked(packDoc(doc));

/** A link holding any JSON value as its packed doc (the tests make hostile links with it). */
export function encodePacked(packed: unknown): string {
  const json = strToU8(JSON.stringify(packed));
  const deflated = deflateSync(json, { level: 9 });
  const framed = new Uint8Array(4 + deflated.length);
  new DataView(framed.buffer).setUint32(0, checksum(json));
  framed.set(deflated, 4);
  return `${LINK_VERSION}.${toBase64url(framed)}`;
}

/**
 * Reads a link's `s=` value back into a doc. Never throws: a link that was cut
 * short, changed, made by a newer Inbound or not made by Inbound at all gets a
 * message saying which.
 */
export function decodeDoc(text: string): Result<ExplorerDoc> {
  if (typeof text !== 'string') return err(MESSAGES.notALink);
  if (text.length > MAX_LINK_CHARS) return err(MESSAGES.tooLong);
  const head = /^([1-9]\d{0,5})\.(.*)$/s.exec(text.trim());
  if (!head) return err(MESSAGES.notALink);
  const [, version = '', body = ''] = head;
  if (Number(version) > LINK_VERSION) return err(MESSAGES.newer(version));
  const framed = fromBase64url(body);
  if (!framed.ok) return framed;
  if (framed.value.length < 5) return err(MESSAGES.cutShort);
  const json = inflateCapped(framed.value.subarray(4));
  if (!json.ok) return json;
  const view = new DataView(framed.value.buffer, framed.value.byteOffset);
  if (view.getUint32(0) !== checksum(json.value)) return err(MESSAGES.damaged);
  let packed: unknown;
  try {
    packed = JSON.parse(strFromU8(json.value));
  } catch {
    return err(MESSAGES.damaged);
  }
  const plain = unpackDoc(packed, Number(version));
  if (!plain.ok) return err(MESSAGES.unusable(plain.error));
  const doc = readDoc(plain.value);
  return doc.ok ? doc : err(MESSAGES.unusable(doc.error));
}
