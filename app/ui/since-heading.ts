import type { Slide } from '../deck';
import type { DiagramHeading } from '../scene/Diagram';

const headings = new WeakMap<Slide, DiagramHeading>();

/**
 * A since-2020 slide's own title and badge, drawn where a talk slide has its
 * mode's title; undefined on the talk's slides. One object per slide, so the
 * diagram's props compare equal between renders.
 */
export function sinceHeading(slide: Slide): DiagramHeading | undefined {
  if (!slide.since) return undefined;
  let h = headings.get(slide);
  if (!h) {
    h = { title: slide.title, badge: `${slide.since.badge.label} · ${slide.since.badge.year}` };
    headings.set(slide, h);
  }
  return h;
}
