import { SINCE_COUNT, slideAt, TALK_SLIDE_COUNT } from '../deck';

/**
 * The message API of `?view=embed`, version 1: what a host page may post to
 * the frame (commands) and what the frame posts back (events). Every message
 * is checked field by field; anything that is not exactly a command below is
 * ignored and counted, never executed. The README documents it for hosts.
 */
export const API_VERSION = 1;
export const COMMAND_TYPE = 'inbound:command';
export const EVENT_TYPE = 'inbound:event';

/** A place in the deck as a host names it: a talk slide 1–124, or `since/k` after the talk. */
export type SlideName = number | `since/${number}`;

export type EmbedCommand =
  | { readonly command: 'next' }
  | { readonly command: 'previous' }
  /** Shows the place as a link to it would (the talk's policy, no switch, no reply). */
  | { readonly command: 'goto'; readonly slide: number; readonly step: number }
  /** `talk` puts back the policy the talk shows on this step. */
  | { readonly command: 'policy'; readonly policy: 'Cluster' | 'Local' | 'talk' }
  | { readonly command: 'addresses'; readonly addresses: 'talk' | 'ip' }
  /** The slide's own switch (V), by its index (0: as the slide opens) or its word in a link. */
  | { readonly command: 'switch'; readonly value: number | string }
  | { readonly command: 'reply'; readonly play: boolean }
  /** Asks for a `state` event now. */
  | { readonly command: 'state' };

export type CommandName = EmbedCommand['command'];

export type Checked =
  | { readonly ok: true; readonly command: EmbedCommand }
  | { readonly ok: false; readonly reason: string };

/** The fields each command may carry besides type, version and command; `?` marks optional ones. */
const FIELDS: Readonly<Record<CommandName, readonly string[]>> = {
  next: [],
  previous: [],
  goto: ['slide', 'step?'],
  policy: ['policy'],
  addresses: ['addresses'],
  switch: ['value'],
  reply: ['play'],
  state: [],
};
const BASE = ['type', 'version', 'command'];

/** At most this many characters of anything a sender wrote go into a reason. */
const clip = (s: string): string => (s.length > 24 ? `${s.slice(0, 24)}…` : s);
const shown = (v: unknown): string =>
  typeof v === 'string'
    ? `“${clip(v)}”`
    : v === null
      ? 'null'
      : Array.isArray(v)
        ? 'a list'
        : typeof v;

const no = (reason: string): Checked => ({ ok: false, reason });

/** The deck's number of a slide as a host names it, or a reason it names none. */
function slideNumberOf(v: unknown): number | string {
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 1 && v <= TALK_SLIDE_COUNT) return v;
    return `slide is 1 to ${TALK_SLIDE_COUNT} (or "since/1" to "since/${SINCE_COUNT}"), not ${Number.isFinite(v) ? v : String(v)}`;
  }
  if (typeof v === 'string') {
    const m = /^since\/([1-9]\d{0,2})$/.exec(v);
    const k = m ? Number(m[1]) : 0;
    if (k >= 1 && k <= SINCE_COUNT) return TALK_SLIDE_COUNT + k;
    return `slide is a number or "since/1" to "since/${SINCE_COUNT}", not ${shown(v)}`;
  }
  return `slide is a number or "since/k", not ${shown(v)}`;
}

/**
 * Reads a posted message as a command of this API, or says why it is not one.
 * Never throws, whatever it is given (a proxy that throws on every touch included).
 */
export function checkCommand(data: unknown): Checked {
  try {
    return check(data);
  } catch {
    return no('the message could not be read');
  }
}

function check(data: unknown): Checked {
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return no(`a command is an object, not ${shown(data)}`);
  const proto: unknown = Object.getPrototypeOf(data);
  if (proto !== Object.prototype && proto !== null) return no('a command is a plain object');
  const fields = data as Record<string, unknown>;
  const own = (k: string): unknown => (Object.hasOwn(fields, k) ? fields[k] : undefined);
  const type = own('type');
  if (type !== COMMAND_TYPE) return no(`type is "${COMMAND_TYPE}", not ${shown(type)}`);
  const version = own('version');
  if (version !== API_VERSION)
    return no(
      `this frame speaks version ${API_VERSION}, not ${typeof version === 'number' ? version : shown(version)}`,
    );
  const name = own('command');
  if (typeof name !== 'string' || !Object.hasOwn(FIELDS, name))
    return no(`no command ${shown(name)}: ${Object.keys(FIELDS).join(', ')}`);
  const command = name as CommandName;
  const allowed = [...BASE, ...FIELDS[command].map((f) => f.replace('?', ''))];
  const keys = Reflect.ownKeys(fields);
  const extra = keys.find((k) => typeof k !== 'string' || !allowed.includes(k));
  if (extra !== undefined)
    return no(
      `${command} takes no field ${typeof extra === 'string' ? `“${clip(extra)}”` : 'symbol'}`,
    );
  for (const f of FIELDS[command])
    if (!f.endsWith('?') && !Object.hasOwn(fields, f)) return no(`${command} needs ${f}`);

  switch (command) {
    case 'next':
    case 'previous':
    case 'state':
      return { ok: true, command: { command } };
    case 'goto': {
      const slide = slideNumberOf(own('slide'));
      if (typeof slide === 'string') return no(slide);
      const step = own('step') ?? 0;
      const steps = slideAt(slide).steps.length;
      if (typeof step !== 'number' || !Number.isInteger(step) || step < 0 || step >= steps)
        return no(
          `step on that slide is ${steps === 1 ? '0' : `0 to ${steps - 1}`}, not ${typeof step === 'number' ? step : shown(step)}`,
        );
      return { ok: true, command: { command, slide, step } };
    }
    case 'policy': {
      const policy = own('policy');
      if (policy === 'Cluster' || policy === 'Local' || policy === 'talk')
        return { ok: true, command: { command, policy } };
      return no(`policy is "Cluster", "Local" or "talk", not ${shown(policy)}`);
    }
    case 'addresses': {
      const addresses = own('addresses');
      if (addresses === 'talk' || addresses === 'ip')
        return { ok: true, command: { command, addresses } };
      return no(`addresses is "talk" or "ip", not ${shown(addresses)}`);
    }
    case 'switch': {
      const value = own('value');
      if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 10)
        return { ok: true, command: { command, value } };
      if (typeof value === 'string' && /^[a-z0-9-]{1,20}$/.test(value))
        return { ok: true, command: { command, value } };
      return no(`a switch value is its index 0–9 or its word (“proxy”), not ${shown(value)}`);
    }
    case 'reply': {
      const play = own('play');
      if (typeof play === 'boolean') return { ok: true, command: { command, play } };
      return no(`play is true or false, not ${shown(play)}`);
    }
  }
}

/**
 * The origins allowed to drive the frame, from `?origins=https://a.example,https://b.example`;
 * null when the link names none (any origin may, from the window that embeds the frame).
 * An entry that is not an http(s) origin is dropped and reported; a list with none left
 * allows no one, rather than everyone.
 */
export function parseOrigins(search: string): {
  readonly origins: readonly string[] | null;
  readonly problems: readonly string[];
} {
  const raw = new URLSearchParams(search).get('origins');
  if (raw === null) return { origins: null, problems: [] };
  const origins: string[] = [];
  const problems: string[] = [];
  for (const entry of raw.split(',').slice(0, 20)) {
    const text = entry.trim();
    let origin: string | null = null;
    try {
      const url = new URL(text);
      if ((url.protocol === 'https:' || url.protocol === 'http:') && url.origin === text)
        origin = url.origin;
    } catch {
      origin = null;
    }
    if (origin) origins.push(origin);
    else problems.push(`“${clip(text)}” is not an origin such as https://talks.example`);
  }
  return { origins, problems };
}

/** Whether a message's origin may drive the frame under a list from parseOrigins. */
export const originAllowed = (origin: string, allowed: readonly string[] | null): boolean =>
  allowed === null || allowed.includes(origin);

/** Where the frame is and what its live switches say: the `ready` and `state` events. */
export interface EmbedStateEvent {
  readonly type: typeof EVENT_TYPE;
  readonly version: typeof API_VERSION;
  readonly event: 'ready' | 'state';
  /** As `goto` takes it: 27, or "since/3". */
  readonly slide: SlideName;
  /** k for `since/k`; null on the talk's own slides. */
  readonly since: number | null;
  readonly step: number;
  /** How many steps the slide has (step is 0 to steps - 1). */
  readonly steps: number;
  /** What is on screen, in words: the step's title. */
  readonly title: string;
  /** The externalTrafficPolicy in force, or null where it means nothing. */
  readonly policy: 'Cluster' | 'Local' | null;
  readonly addresses: 'talk' | 'ip';
  /** The slide's own switch (V): its name, the value on and the values it has; null where none. */
  readonly switch: {
    readonly name: string;
    readonly value: string;
    readonly values: readonly string[];
  } | null;
  /** The reply on screen (hop counts from 0), or null. */
  readonly reply: { readonly hop: number; readonly playing: boolean } | null;
  /** How many messages the frame has ignored so far. */
  readonly ignored: number;
}

/** Sent when a message was ignored: how many so far, and why this one was. */
export interface EmbedIgnoredEvent {
  readonly type: typeof EVENT_TYPE;
  readonly version: typeof API_VERSION;
  readonly event: 'ignored';
  readonly ignored: number;
  readonly reason: string;
}

export type EmbedEvent = EmbedStateEvent | EmbedIgnoredEvent;
