import type { AddressView, ExternalTrafficPolicy } from '../model';
import { SINCE_COUNT, slideAt, TALK_SLIDE_COUNT } from './slides';

/** Everything the URL hash can say: a place in the deck and the live overrides. */
export interface Location {
  readonly slide: number;
  readonly step: number;
  /**
   * The presenter's externalTrafficPolicy override (`etp=` in the hash), or null
   * for the talk's own policy. The store keeps one only where it differs from
   * the talk's policy on that step (see normalizeLocation).
   */
  readonly policyOverride: ExternalTrafficPolicy | null;
  readonly addressView: AddressView;
  /** The return hop being shown (0-based; `ret=1` in the hash), or null when the reply is not playing. */
  readonly returnHop: number | null;
  /**
   * The slide's own live switch (`sw=proxy`): the index of its value, absent
   * for the first (what the slide opens with).
   */
  readonly alt?: number;
  /** Markers on the talk's slides that link into the section after it (`marks=1`); absent when off. */
  readonly marks?: true;
}

export interface Parsed {
  readonly location: Location;
  /** What was wrong with the hash, in words; empty when it was fine. */
  readonly problems: readonly string[];
}

export const START: Location = {
  slide: 1,
  step: 0,
  policyOverride: null,
  addressView: 'talk',
  returnHop: null,
};

/** The parameters a hash may carry: the live overrides. */
const KNOWN_PARAMS: readonly string[] = ['etp', 'addr', 'ret', 'sw', 'marks'];

/** Longer hashes are not read at all (a pasted 10 kB string must not cost anything). */
const MAX_HASH = 300;

/** A path segment as the person typed it ("✓", not "%E2%9C%93"); a broken escape stays as it is. */
function readable(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
/** At most 24 characters (whole code points, never half an emoji) of what was typed. */
const clip = (s: string) => {
  const chars = Array.from(s);
  return chars.length > 24 ? `${chars.slice(0, 24).join('')}…` : s;
};

/** What to say when a slide number (as typed, or from a link) is outside the talk. */
export const noSuchSlide = (asked: string | number, shown: number): string =>
  `There is no slide ${asked}: the talk has slides 1 to ${TALK_SLIDE_COUNT}. Showing slide ${shown}.`;

/** The same for the section after the talk (`#/since/k`). */
const noSuchSince = (asked: string, shown: number): string =>
  `There is no slide since/${asked}: the section after the talk has slides 1 to ${SINCE_COUNT}. Showing since/${shown}.`;

/** Reads `#/27/1?etp=Local&addr=ip&ret=2`. Never throws: a bad hash lands on the nearest valid place. */
export function parseHash(hash: string): Parsed {
  const problems: string[] = [];
  if (hash.length > MAX_HASH)
    return {
      location: START,
      problems: ['That link is too long to be an Inbound link; showing the first slide.'],
    };
  const raw = hash.replace(/^#/, '');
  if (raw === '' || raw === '/') return { location: START, problems };
  // Everything after the first "?" is the query; a second "?" (`?etp=Local?addr=ip`, a link
  // pieced together by hand) separates parameters as "&" does, rather than swallowing the rest.
  const q = raw.indexOf('?');
  const pathPart = q < 0 ? raw : raw.slice(0, q);
  const query = q < 0 ? '' : raw.slice(q + 1).replaceAll('?', '&');
  const parts = pathPart.split('/').filter((p) => p !== '');

  let slide = 1;
  let step = 0;
  // The section after the talk: #/since/k (k from 1), numbered on from the talk's last slide.
  const since = parts[0] === 'since' && SINCE_COUNT > 0;
  if (since) parts.shift();
  const slideText = parts[0] ?? (since ? '1' : '');
  if (!/^\d+$/.test(slideText)) {
    problems.push(`“${clip(readable(slideText))}” is not a slide number; showing the first slide.`);
  } else {
    const n = Number(slideText);
    if (since) {
      const k = Math.min(Math.max(n, 1), SINCE_COUNT);
      slide = TALK_SLIDE_COUNT + k;
      if (n !== k) problems.push(noSuchSince(clip(readable(slideText)), k));
    } else {
      slide = Math.min(Math.max(n, 1), TALK_SLIDE_COUNT);
      if (n !== slide) problems.push(noSuchSlide(clip(readable(slideText)), slide));
    }
    const stepText = parts[1];
    if (stepText !== undefined) {
      const steps = slideAt(slide).steps.length;
      if (!/^\d+$/.test(stepText))
        problems.push(
          `“${clip(readable(stepText))}” is not a step number; showing slide ${slide}.`,
        );
      else {
        const k = Number(stepText);
        step = Math.min(k, steps - 1);
        if (k !== step)
          problems.push(
            `Slide ${since ? `since/${slide - TALK_SLIDE_COUNT}` : slide} has ${steps === 1 ? 'no extra steps' : `steps 0 to ${steps - 1}`}; showing step ${step}.`,
          );
      }
    }
  }

  const params = new URLSearchParams(query);
  const unknown = [...new Set(params.keys())].filter((k) => !KNOWN_PARAMS.includes(k));
  if (unknown.length > 0)
    problems.push(
      `Ignored ${unknown.map((k) => `“${clip(k)}”`).join(', ')} in the link: it reads etp, addr, ret, sw and marks.`,
    );
  let policyOverride: ExternalTrafficPolicy | null = null;
  const etp = params.get('etp');
  // Kubernetes spells them Cluster and Local; a link typed by hand may not.
  const spelled = (['Cluster', 'Local'] as const).find(
    (p) => p.toLowerCase() === etp?.toLowerCase(),
  );
  if (spelled) policyOverride = spelled;
  else if (etp !== null)
    problems.push(`externalTrafficPolicy is Cluster or Local, not “${clip(etp)}”.`);
  let addressView: AddressView = 'talk';
  const addr = params.get('addr');
  if (addr === 'ip' || addr === 'talk') addressView = addr;
  else if (addr !== null)
    problems.push(`Addresses are shown as “talk” or “ip”, not “${clip(addr)}”.`);
  let returnHop: number | null = null;
  const ret = params.get('ret');
  if (ret !== null) {
    // Counted as the caption counts them: ret=1 is the reply's first hop.
    if (/^\d{1,2}$/.test(ret) && Number(ret) >= 1) returnHop = Number(ret) - 1;
    else problems.push(`“${clip(ret)}” is not a reply hop number (they count from 1).`);
  }
  const location: Location = { slide, step, policyOverride, addressView, returnHop };
  const sw = params.get('sw');
  const alt = sw === null ? undefined : switchIndex(slide, sw);
  if (sw !== null && alt === undefined) problems.push(noSuchSwitch(slide, sw));
  const marks = params.get('marks');
  if (marks !== null && marks !== '1' && marks !== '0')
    problems.push(`Markers are on with marks=1, not “${clip(marks)}”.`);
  return {
    location: {
      ...location,
      ...(alt ? { alt } : {}),
      ...(marks === '1' ? { marks: true as const } : {}),
    },
    problems,
  };
}

/** The index of a value of slide n's own switch, by its word in a link; undefined if it has none such. */
function switchIndex(n: number, word: string): number | undefined {
  const i = slideAt(n).switch?.values.findIndex((v) => v.word === word.toLowerCase()) ?? -1;
  return i < 0 ? undefined : i;
}

function noSuchSwitch(n: number, word: string): string {
  const sw = slideAt(n).switch;
  return sw
    ? `${sw.name} is ${sw.values.map((v) => v.word).join(' or ')} here, not “${clip(word)}”.`
    : `This slide has no switch to set to “${clip(word)}”.`;
}

/** Writes a location as a hash; the inverse of parseHash. */
export function formatHash(l: Location): string {
  const where = l.slide > TALK_SLIDE_COUNT ? `since/${l.slide - TALK_SLIDE_COUNT}` : `${l.slide}`;
  const path = l.step > 0 ? `#/${where}/${l.step}` : `#/${where}`;
  const params: string[] = [];
  if (l.policyOverride) params.push(`etp=${l.policyOverride}`);
  if (l.addressView === 'ip') params.push('addr=ip');
  if (l.returnHop !== null) params.push(`ret=${l.returnHop + 1}`);
  const sw = l.alt ? slideAt(l.slide).switch?.values[l.alt]?.word : undefined;
  if (sw) params.push(`sw=${sw}`);
  if (l.marks) params.push('marks=1');
  return params.length > 0 ? `${path}?${params.join('&')}` : path;
}

/**
 * Whether `hash` is exactly what formatHash writes (`#/27?etp=Local`), and so
 * safe to put back into the address bar: a remembered position is used only
 * when it is one (never `//27`, which is a whole other URL, or `62/1`, a path).
 */
export function isCanonicalHash(hash: string): boolean {
  if (!hash.startsWith('#/') || hash.length > MAX_HASH) return false;
  const { location, problems } = parseHash(hash);
  return problems.length === 0 && formatHash(location) === hash;
}

/** Whether a hash opens the explorer (`#/explore`, `#/explore?s=…`) rather than a slide. */
export const isExplorerHash = (hash: string): boolean => /^#?\/explore(?:[?/]|$)/.test(hash);

/**
 * The explorer's link for a place in the deck: it opens on that slide's
 * cluster, mode, policy and Service (`#/explore?slide=27&step=1&etp=Local`),
 * and with the slide's own switch where it is set (`&sw=dsr`).
 */
export function exploreHashFor(l: Location): string {
  const params = [`slide=${l.slide}`];
  if (l.step > 0) params.push(`step=${l.step}`);
  if (l.policyOverride) params.push(`etp=${l.policyOverride}`);
  if (l.addressView === 'ip') params.push('addr=ip');
  const sw = l.alt ? slideAt(l.slide).switch?.values[l.alt]?.word : undefined;
  if (sw) params.push(`sw=${sw}`);
  return `#/explore?${params.join('&')}`;
}
