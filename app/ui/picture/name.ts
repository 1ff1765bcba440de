import { isTalkSlide, TALK_SLIDE_COUNT } from '../../deck';
import type { AddressView, ExternalTrafficPolicy } from '../../model';

/** What a saved picture shows, as far as its file name says. */
export interface PictureOf {
  readonly slide: number;
  readonly step: number;
  /** The policy in force, where the mode has one; null where it means nothing. */
  readonly policy: ExternalTrafficPolicy | null;
  /** The slide's own switch as it stands ("dsr"), on the slides after the talk that have one. */
  readonly switchWord: string | null;
  readonly view: AddressView;
  /** The reply's hop on screen, or null. */
  readonly returnHop: number | null;
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * A file name that says what the picture is, so a folder of them sorts and
 * reads: `inbound-27-step0-cluster.svg`, `inbound-since-8-step1-cluster-dsr.png`,
 * `inbound-66-step0-local-reply2-ip.png`.
 */
export function pictureName(p: PictureOf, ext: 'svg' | 'png'): string {
  const place = isTalkSlide(p.slide) ? String(p.slide) : `since-${p.slide - TALK_SLIDE_COUNT}`;
  const parts = ['inbound', place, `step${p.step}`];
  if (p.policy) parts.push(p.policy.toLowerCase());
  if (p.switchWord) parts.push(slug(p.switchWord));
  if (p.returnHop !== null) parts.push(`reply${p.returnHop + 1}`);
  if (p.view === 'ip') parts.push('ip');
  return `${parts.filter(Boolean).join('-')}.${ext}`;
}
